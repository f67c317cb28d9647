package io.github.wcf4j.peers;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * The JVM's class histogram of live objects ({@code jcmd PID GC.class_histogram}, which collects first), written from
 * inside the process when the system property {@value #PROPERTY} names a file prefix: {@code PREFIX-LABEL.txt}. The
 * heap benchmark takes one before and one after opening its sessions, so what a session holds can be read by class
 * ({@code benchmarks/heap-histogram}).
 */
public final class ClassHistogram {
    /** The system property naming the files' prefix; unset, nothing is written. */
    public static final String PROPERTY = "wcf4j.bench.histogram";

    private ClassHistogram() {
    }

    /** Writes the histogram labelled {@code label} if {@value #PROPERTY} is set; a failure is reported, not thrown. */
    public static void write(String label) {
        String prefix = System.getProperty(PROPERTY);
        if (prefix == null) {
            return;
        }
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Files.writeString(Path.of(prefix + "-" + label + ".txt"), String.valueOf(text), StandardCharsets.UTF_8);
        } catch (Exception e) {
            System.err.println("histogram " + label + ": " + e);
        }
    }
}

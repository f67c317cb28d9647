package io.github.wcf4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code wcf4j --version}: the build's version and the Java runtime it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"wcf4j " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }

    /** The build's version, {@code unknown} when the build left none. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/wcf4j-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException unreadable) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}

package io.github.wcf4j.interop;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test peer (Metro WSIT or Apache CXF, built by {@code interop-peers}) running in its own JVM. Its stdout carries
 * only protocol lines ({@code READY <address>}, {@code RESULT <Op> <value>}, {@code DONE}, {@code ERROR ...}); its
 * stderr (dumps, logs) is kept for failure messages. Waiting for a line blocks on the line queue with a deadline.
 */
final class Peer implements AutoCloseable {
    /** Where the peers were built ({@code -Dwcf4j.peers}, set by the build). */
    static final Path PEERS = Path.of(System.getProperty("wcf4j.peers", "../interop-peers")).toAbsolutePath()
            .normalize();

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final String name;

    private Peer(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread out = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)), true), name + "-stdout");
        Thread err = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8)), false), name + "-stderr");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    static Peer metro(String... args) {
        return start("metro-peer", "io.github.wcf4j.peers.metro.MetroPeer", args);
    }

    /** Eclipse Metro with WS-Security, driven by the WS-SecurityPolicy of a WSDL (WCF's message security modes). */
    static Peer metroSecurity(String... args) {
        return start("metro-peer", "io.github.wcf4j.peers.metro.MetroSecurityPeer", args);
    }

    static Peer cxf(String... args) {
        return start("cxf-peer", "io.github.wcf4j.peers.cxf.CxfPeer", args);
    }

    /** Apache CXF with WS-Security, as WCF's transport security binding elements ask for it. */
    static Peer cxfSecurity(String... args) {
        return start("cxf-peer", "io.github.wcf4j.peers.cxf.CxfSecurityPeer", args);
    }

    /** Apache CXF with WS-Security, as WCF's symmetric X.509 modes (AnonymousForCertificate, UserNameForCertificate). */
    static Peer cxfSymmetric(String... args) {
        return start("cxf-peer", "io.github.wcf4j.peers.cxf.CxfSymmetricSecurityPeer", args);
    }

    /** Apache CXF with WS-Security, as WCF's asymmetric binding (MutualCertificate under WS-Security 1.0). */
    static Peer cxfAsymmetric(String... args) {
        return start("cxf-peer", "io.github.wcf4j.peers.cxf.CxfAsymmetricSecurityPeer", args);
    }

    /** Apache CXF configured by the WS-SecurityPolicy of a WSDL wcf4j exports (SecureConversation, MutualCertificate). */
    static Peer cxfPolicy(String... args) {
        return start("cxf-peer", "io.github.wcf4j.peers.cxf.CxfPolicyPeer", args);
    }

    /** Apache CXF with WCF's Kerberos token profile, configured by a WSDL's policy, against the test's KDC. */
    static Peer cxfKerberos(String... args) {
        return start("cxf-peer", "io.github.wcf4j.peers.cxf.CxfKerberosPeer", args);
    }

    private static Peer start(String module, String main, String... args) {
        Path target = PEERS.resolve(module).resolve("target");
        try {
            String classpath = target.resolve(module + ".jar") + File.pathSeparator
                    + Files.readString(target.resolve("classpath.txt")).trim();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dsun.net.httpserver.nodelay=true", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath, main));
            command.addAll(List.of(args));
            return new Peer(module, new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module + " (built by interop-peers: " + target + ")",
                    e);
        }
    }

    private void pump(BufferedReader in, boolean protocol) {
        try (in) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (protocol) {
                    lines.add(line);
                } else {
                    synchronized (stderr) {
                        if (stderr.length() < 200_000) {
                            stderr.append(line).append('\n');
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The next protocol line starting with {@code prefix} (others are kept), within {@code timeout}. */
    String await(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError(name + " printed no '" + prefix + "' within " + timeout + "; protocol "
                            + seen + "; stderr:\n" + stderr());
                }
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (line.startsWith("ERROR")) {
                    throw new AssertionError(name + ": " + line + "\nstderr:\n" + stderr());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits for the process to end (a client); its exit code. */
    int exitCode(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not end within " + timeout + "; stderr:\n" + stderr());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    /** Every protocol line printed so far (those read by {@link #await} and those still queued). */
    List<String> protocol() {
        List<String> all = new ArrayList<>(seen);
        all.addAll(lines);
        return all;
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() {
        try (OutputStream in = process.getOutputStream()) {
            in.write("STOP\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

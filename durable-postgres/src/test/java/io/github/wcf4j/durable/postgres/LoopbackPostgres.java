package io.github.wcf4j.durable.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The PostgreSQL server of the tests: the one {@code .ci/run} started (the system property {@value #PROPERTY}, else
 * the environment variable {@value #ENVIRONMENT}, a {@code jdbc:postgresql://} URL of a database the tests may create
 * databases in), else one this JVM starts itself on loopback from the Debian install ({@code initdb} and
 * {@code pg_ctl} under {@code /usr/lib/postgresql/<version>/bin}, in a temporary directory, as the {@code postgres}
 * user when the tests run as root) and stops when it exits. Neither possible: the tests fail, saying what to install;
 * they are never skipped.
 */
public final class LoopbackPostgres {
    static final String PROPERTY = "wcf4j.test.postgres";
    static final String ENVIRONMENT = "WCF4J_TEST_POSTGRES";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String server;

    private LoopbackPostgres() {
    }

    /** The server's URL (its {@code postgres} database), started on first use. */
    static synchronized String url() {
        if (server == null) {
            String given = System.getProperty(PROPERTY);
            if (given == null || given.isBlank()) {
                given = System.getenv(ENVIRONMENT);
            }
            server = given == null || given.isBlank() ? start() : given.strip();
        }
        return server;
    }

    /** A new, empty database on the server: each test its own tables. */
    public static String freshDatabase() {
        String url = url();
        String name = "wcf4j_t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + url + ": " + e.getMessage(), e);
        }
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    private static String start() {
        return Cluster.start().url();
    }

    /**
     * A PostgreSQL cluster of this JVM's own (initdb in a temporary directory, on loopback at a free port), which a
     * test may stop and start again (a restart under load); stopped and deleted when the JVM exits. Never the
     * server {@code .ci/run} gave: a test does not stop a server other tests use.
     */
    public static Cluster ownCluster() {
        return Cluster.start();
    }

    /** A cluster this JVM started: its data directory, port and URL; {@link #stop} and {@link #start} it again. */
    public static final class Cluster {
        private final Path bin;
        private final Path dir;
        private final Path data;
        private final boolean root;
        private final int port;

        private Cluster(Path bin, Path dir, boolean root, int port) {
            this.bin = bin;
            this.dir = dir;
            this.data = dir.resolve("data");
            this.root = root;
            this.port = port;
        }

        static Cluster start() {
            Path bin = binaries();
            try {
                Path dir = Files.createTempDirectory("wcf4j-pg");
                boolean root = "root".equals(System.getProperty("user.name"));
                if (root) {
                    UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                            .lookupPrincipalByName("postgres");
                    Files.setOwner(dir, postgres);
                }
                Cluster c = new Cluster(bin, dir, root, portBelowEphemeralRange());
                run(root, dir, bin.resolve("initdb").toString(), "-D", c.data.toString(), "-U", "wcf4j",
                        "--auth=trust", "-E", "UTF8", "--no-sync");
                c.startAgain();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        c.pgCtl("-m", "immediate", "stop");
                    } catch (IOException | RuntimeException e) {
                        // not running
                    }
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException | RuntimeException e) {
                        // the JVM is exiting; the temporary directory is left
                    }
                }));
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
            }
        }

        /**
         * A free port below Linux's ephemeral range (32768-60999): while the server is stopped, no outgoing connection
         * of this machine (the store reconnecting, HTTP clients) can take its port, so it starts again on it.
         */
        private static int portBelowEphemeralRange() throws IOException {
            java.util.Random random = new java.util.Random();
            for (int i = 0; i < 200; i++) {
                int port = 20000 + random.nextInt(12000);
                try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
            throw new IOException("no free port in 20000-31999");
        }

        /** The URL of its {@code postgres} database. */
        public String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=wcf4j";
        }

        /** Stops the server (fast shutdown: sessions are disconnected), returning once it is down. */
        public void stop() {
            try {
                pgCtl("-m", "fast", "-w", "stop");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Starts the stopped server again at the same port, returning once it accepts connections. */
        public void startAgain() {
            try {
                pgCtl("-l", dir.resolve("log").toString(), "-w", "-o", "-p " + port + " -h 127.0.0.1 -k " + dir,
                        "start");
            } catch (IOException e) {
                String log;
                try {
                    List<String> lines = Files.readAllLines(dir.resolve("log"));
                    log = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
                } catch (IOException | RuntimeException unreadable) {
                    log = "(no log: " + unreadable + ")";
                }
                throw new UncheckedIOException(e.getMessage() + "\nserver log:\n" + log, e);
            }
        }

        /** Stops the server if it runs (a test's cleanup: never hides what failed before it). */
        public void stopQuietly() {
            try {
                pgCtl("-m", "fast", "-w", "stop");
            } catch (IOException | RuntimeException notRunning) {
                // stopped already
            }
        }

        private void pgCtl(String... args) throws IOException {
            List<String> c = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
            c.addAll(List.of(args));
            run(root, dir, c.toArray(String[]::new));
        }
    }

    /** The newest Debian PostgreSQL's binaries. */
    private static Path binaries() {
        Path lib = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D.*", "0")))).orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL server to test with: set " + PROPERTY + " (or "
                    + ENVIRONMENT + ") to a jdbc:postgresql:// URL, or install Debian's postgresql (apt-get install"
                    + " postgresql) so that the tests start one from " + lib + "/<version>/bin.", e);
        }
    }

    private static void run(boolean root, Path dir, String... command) throws IOException {
        List<String> c = new ArrayList<>();
        if (root) {
            c.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        c.addAll(List.of(command));
        Process p = new ProcessBuilder(c).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", c) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", c), e);
        }
    }
}

package io.github.wcf4j.benchmarks;

import java.io.IOException;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The durable scenario's PostgreSQL server: the one {@code .ci/run} started (the environment variable
 * {@value #ENVIRONMENT} or the system property {@value #PROPERTY}, a {@code jdbc:postgresql://} URL of a database in
 * which databases may be created: then it is required, and a failure fails the run), else one started here on a free
 * loopback port from Debian's install ({@code /usr/lib/postgresql/<version>/bin}, a temporary cluster, as the
 * {@code postgres} user when run as root; the server's defaults: {@code fsync} and {@code synchronous_commit} on),
 * stopped and deleted by {@link #close}. Neither: {@link #find} says why, and the PostgreSQL rows are not measured
 * (a fresh machine's smoke run does not fail for it).
 */
final class BenchPostgres implements AutoCloseable {
    static final String ENVIRONMENT = "WCF4J_TEST_POSTGRES";
    static final String PROPERTY = "wcf4j.test.postgres";

    /** A server, or why there is none; {@code required}: the run was given one, so its rows must run. */
    record Found(Optional<BenchPostgres> server, boolean required, String why) {
    }

    private final String url;
    private final Path dir;
    private final Path bin;
    private int databases;

    private BenchPostgres(String url, Path dir, Path bin) {
        this.url = url;
        this.dir = dir;
        this.bin = bin;
    }

    static Found find() {
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isBlank()) {
            given = System.getenv(ENVIRONMENT);
        }
        if (given != null && !given.isBlank()) {
            return new Found(Optional.of(new BenchPostgres(given.strip(), null, null)), true, "given by "
                    + ENVIRONMENT);
        }
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            return new Found(Optional.empty(), false, "no PostgreSQL: " + ENVIRONMENT + " is not set and Debian's "
                    + "postgresql is not installed (/usr/lib/postgresql/<version>/bin/initdb; .ci/run installs it)");
        }
        try {
            return new Found(Optional.of(start(bin.get())), false, "started from " + bin.get());
        } catch (IOException e) {
            return new Found(Optional.empty(), false, "PostgreSQL did not start from " + bin.get() + ": "
                    + e.getMessage());
        }
    }

    /** A new, empty database on the server (each row its own tables): its URL. */
    String freshDatabase() throws SQLException {
        String name = "wcf4j_bench" + ProcessHandle.current().pid() + "_" + (++databases);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (q < 0 ? "" : url.substring(q));
    }

    /** The server's version, for the report. */
    String version() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                var r = s.executeQuery("SHOW server_version")) {
            return r.next() ? "PostgreSQL " + r.getString(1) : "PostgreSQL";
        } catch (SQLException e) {
            return "PostgreSQL";
        }
    }

    private static Optional<Path> binaries() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt("0" + b.getParent().getFileName().toString()
                            .replaceAll("\\D.*", ""))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static BenchPostgres start(Path bin) throws IOException {
        Path dir = Files.createTempDirectory("wcf4j-bench-pg");
        if (root()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        Path data = dir.resolve("data");
        run(dir, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "wcf4j", "--auth=trust", "-E",
                "UTF8", "--no-sync");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(dir, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -c max_connections=200", "start");
        return new BenchPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=wcf4j", dir, bin);
    }

    private static void run(Path dir, String... command) throws IOException {
        List<String> c = new ArrayList<>();
        if (root()) {
            c.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        c.addAll(List.of(command));
        Process p = new ProcessBuilder(c).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", c) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", c), e);
        }
    }

    /** Stops and deletes the server this run started; leaves a given one alone. */
    @Override
    public void close() {
        if (dir == null) {
            return;
        }
        try {
            run(dir, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "stop");
        } catch (IOException e) {
            System.err.println("bench: PostgreSQL did not stop: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}

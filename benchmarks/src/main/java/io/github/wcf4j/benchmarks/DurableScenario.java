package io.github.wcf4j.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The durable reliable sessions scenario (issue 19, {@code --only durable}): reliable request/reply calls at the
 * targets' sessions (16) with the service's sessions in memory (WCF's), in the embedded log store (group commit with
 * fsync, without fsync, and in a whole run fsync per write), and in PostgreSQL: one host, one host behind HAProxy,
 * and a farm of three hosts behind HAProxy on one database ({@link DurableSystem}: hosts and client in JVMs of their
 * own, the store chosen by the hosts' {@code wcf4j.reliableSessionStore} setting). PostgreSQL is the run's
 * ({@link BenchPostgres}); without one, or without HAProxy, those rows are not measured and the report says why
 * (they fail the run only when it was given a server, as {@code .ci/run} does). A smoke run: in memory, the log with
 * group commit, PostgreSQL one host and the farm.
 */
final class DurableScenario {
    static final String NAME = "durable";

    static final Contender MEMORY = durable("wcf4j + RM, sessions in memory (WCF's)");
    static final Contender LOG_GROUP = durable("wcf4j + RM, log store, group commit + fsync");
    static final Contender LOG_NONE = durable("wcf4j + RM, log store, no fsync");
    static final Contender LOG_EVERY = durable("wcf4j + RM, log store, fsync every write");
    static final Contender POSTGRES = durable("wcf4j + RM, PostgreSQL store, one host");
    static final Contender POSTGRES_PROXY = durable("wcf4j + RM, PostgreSQL store, one host behind HAProxy");
    static final Contender FARM = durable("wcf4j + RM, PostgreSQL store, farm of 3 hosts behind HAProxy");
    static final List<Contender> SYSTEMS = List.of(MEMORY, LOG_GROUP, LOG_NONE, LOG_EVERY, POSTGRES,
            POSTGRES_PROXY, FARM);

    private static Contender durable(String name) {
        return new Contender(name, Contender.Family.DURABLE, true);
    }

    private final Benchmarks.Plan plan;
    private final Layout layout;
    private final Results results;
    private final Runnable checkpoint;

    DurableScenario(Benchmarks.Plan plan, Layout layout, Results results, Runnable checkpoint) {
        this.plan = plan;
        this.layout = layout;
        this.results = results;
        this.checkpoint = checkpoint;
    }

    /** One row's hosts: how many, their store setting (none: in memory), behind HAProxy or called directly. */
    private record Topology(int hosts, List<String> store, boolean proxy) {
    }

    void run() throws InterruptedException {
        results.note(NAME + ".before", ProcessLoad.loadAverage());
        Path dir;
        try {
            dir = Files.createTempDirectory("wcf4j-bench-durable");
        } catch (IOException e) {
            results.add(Measurement.failed(NAME, LOG_GROUP, plan.dropSessions(), "", e.getMessage()));
            return;
        }
        try {
            row(MEMORY, new Topology(1, List.of(), false), dir);
            row(LOG_GROUP, new Topology(1, log(dir, "group"), false), dir);
            if (!plan.smoke()) {
                row(LOG_NONE, new Topology(1, log(dir, "none"), false), dir);
                row(LOG_EVERY, new Topology(1, log(dir, "every-write"), false), dir);
            }
            postgres(dir);
        } finally {
            delete(dir);
        }
        results.note(NAME + ".after", ProcessLoad.loadAverage());
    }

    private static List<String> log(Path dir, String fsync) {
        return List.of("-Dwcf4j.reliableSessionStore=" + dir.resolve("sessions-" + fsync + ".log"),
                "-Dwcf4j.reliableSessionStore.fsync=" + fsync);
    }

    private void postgres(Path dir) throws InterruptedException {
        BenchPostgres.Found found = BenchPostgres.find();
        if (found.server().isEmpty()) {
            results.note(NAME + ".postgres", found.why());
            return;
        }
        boolean haproxy = BenchHaproxy.installed();
        try (BenchPostgres pg = found.server().get()) {
            results.note(NAME + ".postgres", pg.version() + ", " + found.why() + " (fsync and synchronous_commit: "
                    + "the server's defaults, on)");
            row(POSTGRES, new Topology(1, database(pg), false), dir);
            if (haproxy) {
                if (!plan.smoke()) {
                    row(POSTGRES_PROXY, new Topology(1, database(pg), true), dir);
                }
                row(FARM, new Topology(3, database(pg), true), dir);
            } else {
                results.note(NAME + ".haproxy", "HAProxy is not installed (apt-get install haproxy; .ci/run installs"
                        + " it): the rows behind it were not measured");
                if (found.required()) {
                    results.add(Measurement.failed(NAME, FARM, plan.dropSessions(), "", "no haproxy"));
                }
            }
        } catch (SQLException e) {
            String why = "cannot create a database: " + e.getMessage();
            results.note(NAME + ".postgres", why);
            if (found.required()) {
                results.add(Measurement.failed(NAME, POSTGRES, plan.dropSessions(), "", why));
            }
        }
    }

    private static List<String> database(BenchPostgres pg) throws SQLException {
        return List.of("-Dwcf4j.reliableSessionStore=" + pg.freshDatabase());
    }

    /** Starts the row's hosts (and HAProxy), runs the client's load against them, and stops them. */
    private void row(Contender c, Topology t, Path dir) throws InterruptedException {
        int n = plan.dropSessions();
        List<SystemProcess> hosts = new ArrayList<>();
        BenchHaproxy proxy = null;
        try {
            int[] ports = new int[t.hosts()];
            for (int i = 0; i < ports.length; i++) {
                ports[i] = freePort();
            }
            int front = t.proxy() ? freePort() : ports[0];
            String published = "http://127.0.0.1:" + front + "/calc";
            for (int i = 0; i < ports.length; i++) {
                List<String> command = new ArrayList<>(layout.java());
                command.addAll(t.store());
                command.addAll(List.of("-cp", layout.benchmarksClasspath(), DurableSystem.class.getName(), "host",
                        "--port", String.valueOf(ports[i]), "--published", published));
                hosts.add(SystemProcess.start(c.name() + " host " + (i + 1), command,
                        layout.log(NAME + "-" + c.id() + "-host" + (i + 1))));
            }
            for (SystemProcess h : hosts) {
                h.await("READY ", Duration.ofMinutes(2));
            }
            if (t.proxy()) {
                proxy = BenchHaproxy.start(front, ports, dir, layout.log(NAME + "-" + c.id() + "-haproxy"));
            }
            List<String> client = new ArrayList<>(layout.java());
            client.addAll(List.of("-cp", layout.benchmarksClasspath(), DurableSystem.class.getName(), "client"));
            client.addAll(plan.load(n));
            Measurement m = ProcessLoad.run(NAME, c, n, "", client, layout.log(NAME + "-" + c.id() + "-client"),
                    published, plan.timeout());
            results.add(m);
            if (proxy != null) {
                proxy.close();
                proxy = null;
            }
            List<String> served = new ArrayList<>();
            for (SystemProcess h : hosts) {
                h.close();
                served.add(h.await("SERVED ", Duration.ofSeconds(30)));
            }
            results.note(NAME + ".served." + c.id(), String.join(" / ", served));
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: " + c.name() + " failed: " + e.getMessage());
            if (results.load(NAME, c, n, "").isEmpty()) {
                results.add(Measurement.failed(NAME, c, n, "", String.valueOf(e.getMessage())));
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            hosts.forEach(SystemProcess::close);
        }
        checkpoint.run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    /** The Targets table's rows: the log store ≥ 50% of in memory; the farm beside one host (measured only). */
    static void targets(Benchmarks.Plan plan, Results results, RunInfo run, Consumer<String> line) {
        if (!plan.runs(NAME)) {
            return;
        }
        int n = plan.dropSessions();
        Optional<Measurement> memory = results.load(NAME, MEMORY, n, "");
        Optional<Measurement> group = results.load(NAME, LOG_GROUP, n, "");
        String what = "wcf4j + RM, log store with group commit + fsync ≥ 50% of sessions in memory (calls/s, " + n
                + " sessions)";
        if (memory.isPresent() && group.isPresent() && memory.get().median() > 0) {
            double ratio = group.get().median() / memory.get().median();
            line.accept("| " + what + " | " + Cells.pct(ratio) + " (" + Cells.num(group.get().median()) + " / "
                    + Cells.num(memory.get().median()) + ") | " + (ratio >= 0.5 ? "yes" : "**no**") + " | "
                    + run.row() + " |");
        } else {
            line.accept("| " + what + " | not measured | — | " + run.row() + " |");
        }
        Optional<Measurement> one = results.load(NAME, POSTGRES_PROXY, n, "");
        Optional<Measurement> farm = results.load(NAME, FARM, n, "");
        String farmWhat = "PostgreSQL farm of 3 hosts beside one host, both behind HAProxy (calls/s; no bound set: "
                + "measured only)";
        if (one.isPresent() && farm.isPresent() && one.get().median() > 0) {
            line.accept("| " + farmWhat + " | " + Cells.times(farm.get().median() / one.get().median()) + " ("
                    + Cells.num(farm.get().median()) + " / " + Cells.num(one.get().median()) + "), p50 "
                    + Cells.num(farm.get().p50()) + " µs vs " + Cells.num(one.get().p50()) + " µs | — | " + run.row()
                    + " |");
        } else {
            line.accept("| " + farmWhat + " | not measured" + results.note(NAME + ".postgres").filter(w ->
                    !w.startsWith("PostgreSQL ")).map(w -> ": " + w).orElse("") + " | — | " + run.row() + " |");
        }
    }

    /** The scenario's section of {@code RESULTS.md}. */
    static void section(Benchmarks.Plan plan, Results results, RunInfo run, Consumer<String> line) {
        if (!plan.runs(NAME)) {
            return;
        }
        int n = plan.dropSessions();
        line.accept("## Durable reliable sessions: what the store costs, one host and a farm (issue 19)");
        line.accept("");
        line.accept("Reliable request/reply `Add` calls (`configs/calculator.rm10.config`: WS-RM February 2005, "
                + "ordered, over HTTP) at " + n + " sessions, the service's sessions kept by the store its process's "
                + "`wcf4j.reliableSessionStore` setting names, with no change to the configuration: none (in memory, "
                + "WCF's); the embedded log (`LogSequenceStore`, one append-only file on this machine's disk) with "
                + "`fsync` `group` (the default: one gathering write and one force per batch of the changes queued "
                + "meanwhile; no fsync per message), `none` (written to the OS only) and, in a whole run, "
                + "`every-write`; PostgreSQL (`durable-postgres`: one writer connection committing each batch in one "
                + "transaction, durable by the server's `synchronous_commit`; every request re-reads its sequence "
                + "first, as a farm host must). Unlike the other scenarios, service and client run in JVMs of their "
                + "own (a request/reply client refuses a durable store, and a farm is several processes): one host "
                + "JVM per host, one client JVM making the load; HAProxy (HTTP mode, round-robin per request, no "
                + "affinity, keep-alive both sides) in front where the row says so. Every host and the PostgreSQL "
                + "server run on the same 2 cores, so the farm's row measures the cost of sharing a sequence between "
                + "hosts (a load and a write per call, advisory locks, cross-host ordering), not added capacity.");
        line.accept("");
        line.accept("The machine is shared and loaded: other builds and benchmarks ran at the same time. Load "
                + "average (1 / 5 / 15 min) when the scenario started: " + results.note(NAME + ".before").orElse("?")
                + "; when it ended: " + results.note(NAME + ".after").orElse("?") + ". PostgreSQL: "
                + results.note(NAME + ".postgres").orElse("not run") + "."
                + results.note(NAME + ".haproxy").map(h -> " " + h + ".").orElse(""));
        line.accept("");
        line.accept("| system | hosts | sessions | calls/s min | median | max | p50 µs | p99 µs | errors | vs in memory "
                + "| calls applied per host | warm-up rounds | GC ms/round (client) | run |");
        line.accept("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        Optional<Measurement> memory = results.load(NAME, MEMORY, n, "");
        for (Contender c : SYSTEMS) {
            results.load(NAME, c, n, "").ifPresent(m -> line.accept("| " + c.name() + " | " + (c == FARM ? 3 : 1)
                    + " | " + n + " | " + Cells.load(m) + " | " + memory.map(x -> Cells.pct(m.median() / x.median()))
                    .orElse("—") + " | " + results.note(NAME + ".served." + c.id()).orElse("—") + " | "
                    + m.warmupAndGc() + " | " + run.row() + " |"));
        }
        line.accept("");
        line.accept("Calls applied per host count the whole load, warm-up included. Not measured yet: the farm with its "
                + "hosts and database on machines of their own (where it adds capacity), one-way sessions in a farm, "
                + "and a PostgreSQL restart under load.");
        line.accept("");
    }
}

package io.github.wcf4j.benchmarks;

import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every benchmark on loopback, each system in its own JVM with the same flags, all in one run, and writes
 * {@code RESULTS.md} and {@code results.png}. {@code benchmarks/run} builds and starts it:
 * <pre>
 * Benchmarks --root DIR --out DIR [--smoke] [--only SCENARIO,...] [--warmup-ms N] [--window-ms N] [--rounds N]
 *            [--idle-sessions N] [--max-warmup-rounds N]
 * </pre>
 * Scenarios: (1) sequential {@code Add} latency from one client; (2) calls per second at 1, 16 and 64 sessions;
 * (3) one-way messages per second over the seed binding at windows 8 and 128; (4) scenario 2 at 16 sessions through
 * the fault-injecting proxy dropping 5% of HTTP exchanges (and through it without drops); (5) heap per idle reliable
 * session with 10,000 open; (6) {@code ./wcf4j validate} wall time against a bare JVM start; (7) the cost of
 * security per call: message security over HTTP and over HTTPS against the same system without it, at 1 and 16
 * sessions; (8) the raw echo, wcf4j + RM and Metro WSIT + RM at 16 sessions without and with a competing CPU load (as
 * many busy threads as cores in another process), wcf4j counting its retransmissions (a smoke run: wcf4j + RM only);
 * (9, {@code security-rm}, issue 14) wcf4j and Metro WSIT with SecureConversation over MutualCertificate and a reliable
 * session bound to it, each against itself with RM alone, and wcf4j and Apache CXF with that security without RM; (10,
 * {@code seed}, issue 15) the seed binding verbatim over an embedded KDC beside its {@code .no-security} variant;
 * net.tcp ({@link NetTcpScenario}) and durable reliable sessions ({@link DurableScenario}).
 * Every load warms up until two consecutive rounds agree within 10% and reports the collectors' time per round.
 *
 * <p>{@code --idle-sessions N} (scenario 5, wcf4j + RM only): after the systems' rows, {@code N} idle reliable
 * sessions on one listener in a 2 GiB heap (the 100,000), with the heap and the time to open them; by default
 * 100,000 in a whole run, none in a smoke run.
 *
 * <p>{@code --only} runs some of them ({@link #SCENARIOS}' names) and writes to {@code benchmarks/target/only/}
 * unless {@code --out} says otherwise, so that {@code RESULTS.md} is only ever written by a whole run; the load
 * options shorten or lengthen every load of the run.
 */
public final class Benchmarks {
    /** How long and how much: the full run, or the smoke run CI makes. */
    record Plan(boolean smoke, List<Integer> sessions, int dropSessions, long warmupMs, long windowMs, int rounds,
            int heapSessions, int validateRuns, double dropRate, Set<String> scenarios, int idleSessions,
            int maxWarmupRounds) {
        /**
         * At least 10 s of warm-up, then warm-up rounds until two consecutive ones agree within 10% (issue 17: on a
         * slower 2-core machine wcf4j's rounds still climbed after a fixed 20 s), at most 20 (a minute more).
         */
        static Plan fullRun() {
            return new Plan(false, List.of(16, 1, 64), 16, 10_000, 3000, 4, 10_000, 5, 0.05, SCENARIOS, 100_000, 20);
        }

        /** Short, and at most 3 warm-up rounds: the smoke run checks that everything runs, not that it settles. */
        static Plan smokeRun() {
            return new Plan(true, List.of(1, 4), 4, 400, 400, 2, 200, 1, 0.05, SCENARIOS, 0, 3);
        }

        Plan only(Set<String> names) {
            return new Plan(smoke, sessions, dropSessions, warmupMs, windowMs, rounds, heapSessions, validateRuns,
                    dropRate, names, idleSessions, maxWarmupRounds);
        }

        Plan loads(long warmup, long window, int n) {
            return new Plan(smoke, sessions, dropSessions, warmup, window, n, heapSessions, validateRuns, dropRate,
                    scenarios, idleSessions, maxWarmupRounds);
        }

        Plan idle(int n) {
            return new Plan(smoke, sessions, dropSessions, warmupMs, windowMs, rounds, heapSessions, validateRuns,
                    dropRate, scenarios, n, maxWarmupRounds);
        }

        Plan maxWarmup(int n) {
            return new Plan(smoke, sessions, dropSessions, warmupMs, windowMs, rounds, heapSessions, validateRuns,
                    dropRate, scenarios, idleSessions, n);
        }

        boolean runs(String scenario) {
            return scenarios.contains(scenario);
        }

        /**
         * The sessions of the security scenario: one client, and the targets' concurrency; a smoke run makes one
         * client's only.
         */
        List<Integer> securitySessions() {
            return smoke ? List.of(1) : List.of(1, dropSessions);
        }

        /**
         * The security scenario's systems. A smoke run only checks that wcf4j's three secured systems run under the
         * harness (about 10 s each on 2 busy cores): plain wcf4j is scenario 2's, HTTPS alone and CXF are left out.
         */
        List<Contender> securitySystems() {
            return smoke ? List.of(Contender.WCF4J, Contender.WCF4J_UNFC, Contender.WCF4J_SC, Contender.WCF4J_UNOT)
                    : Contender.SECURITY;
        }

        /** How many channels scenario 7 opens one after another to time a channel's opening (wcf4j only). */
        int openChannels() {
            return smoke ? 2 : 20;
        }

        List<String> load(int n) {
            return List.of("--sessions", String.valueOf(n), "--warmup-ms", String.valueOf(warmupMs), "--window-ms",
                    String.valueOf(windowMs), "--rounds", String.valueOf(rounds), "--max-warmup-rounds",
                    String.valueOf(maxWarmupRounds));
        }

        Duration timeout() {
            return Duration.ofMillis(warmupMs + (rounds + maxWarmupRounds) * windowMs).plusMinutes(3);
        }
    }

    /** Every scenario's name, in the order a run makes them (for {@code --only}). */
    static final Set<String> SCENARIOS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("calls", "stack",
            "oneway", "drops", "heap", "validate", "security", "contention", "security-rm", "seed", NetTcpScenario.NAME,
            DurableScenario.NAME)));

    /** Scenario 8's systems: the reliable ones the issue compares under a competing load, and the echo. */
    static final List<Contender> CONTENDED = List.of(Contender.RAW, Contender.WCF4J_RM, Contender.METRO_RM);

    /** Scenario 8's conditions. */
    static final String QUIET = "no competing load";

    static String contended(int threads) {
        return threads + " busy threads in another process";
    }

    private final Plan plan;
    private final Layout layout;
    private final Results results = new Results();

    private final Path out;

    private Benchmarks(Plan plan, Layout layout, Path out) {
        this.plan = plan;
        this.layout = layout;
        this.out = out;
    }

    /** Writes what is measured so far (a run cut short keeps its results, marked as a partial run). */
    private void checkpoint() {
        try {
            Files.writeString(out.resolve("RESULTS.md"), "<!-- partial: the run is still going or was cut short -->\n"
                    + new Report(plan, results, RunInfo.now()).markdown());
        } catch (IOException e) {
            System.err.println("bench: cannot write results: " + e.getMessage());
        }
    }

    /** The option asking a wcf4j system to time its channels' opening after its load ({@link Wcf4jSystem}). */
    private static final String OPEN_CHANNELS = "--open-sessions";

    /** {@code wcf4j validate}'s exit code for a valid configuration that asks for what wcf4j cannot run yet. */
    private static final int VALIDATE_NOT_RUNNABLE = 4;

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        Path root = Path.of(".");
        Path out = null;
        Set<String> only = null;
        Long warmup = null;
        Long window = null;
        Integer rounds = null;
        Integer idle = null;
        Integer maxWarmup = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--root" -> root = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = only(args[++i]);
                case "--warmup-ms" -> warmup = Long.parseLong(args[++i]);
                case "--window-ms" -> window = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--idle-sessions" -> idle = Integer.parseInt(args[++i]);
                case "--max-warmup-rounds" -> maxWarmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        root = root.toAbsolutePath().normalize();
        String defaultOut = smoke ? "benchmarks/target/smoke" : only != null ? "benchmarks/target/only" : "benchmarks";
        out = out == null ? root.resolve(defaultOut) : out.toAbsolutePath();
        Path logs = root.resolve("benchmarks/target/logs");
        Files.createDirectories(out);
        Files.createDirectories(logs);
        Plan plan = smoke ? Plan.smokeRun() : Plan.fullRun();
        if (only != null) {
            plan = plan.only(only);
        }
        if (warmup != null || window != null || rounds != null) {
            plan = plan.loads(warmup == null ? plan.warmupMs() : warmup, window == null ? plan.windowMs() : window,
                    rounds == null ? plan.rounds() : rounds);
        }
        if (idle != null) {
            plan = plan.idle(idle);
        }
        if (maxWarmup != null) {
            plan = plan.maxWarmup(maxWarmup);
        }
        Benchmarks b = new Benchmarks(plan, new Layout(root, logs, "2g"), out);
        b.runAll();
        RunInfo run = RunInfo.now();
        Report report = new Report(plan, b.results, run);
        Files.writeString(out.resolve("RESULTS.md"), report.markdown());
        String chart = Chart.write(b.results, plan, run, out.resolve("results.png"));
        System.out.println(report.markdown());
        System.out.println(chart);
        System.out.println("wrote " + out.resolve("RESULTS.md"));
        if (plan.smoke() && !b.results.failures().isEmpty()) {
            System.err.println("benchmark smoke run: failures " + b.results.failures());
            System.exit(1);
        }
    }

    private static Set<String> only(String names) {
        Set<String> s = new LinkedHashSet<>(List.of(names.split(",")));
        if (!SCENARIOS.containsAll(s)) {
            throw new IllegalArgumentException("--only takes some of " + SCENARIOS + ", not " + names);
        }
        return s;
    }

    private void runAll() throws InterruptedException {
        if (plan.runs("calls")) {
            for (int n : plan.sessions()) {
                for (Contender c : Contender.ALL) {
                    results.add(load("calls", c, n, null, 0));
                    checkpoint();
                }
            }
        }
        if (plan.runs("stack")) {
            for (Contender c : Contender.STACK_ONLY) {
                results.add(load("calls", c, plan.dropSessions(), null, 0));
                checkpoint();
            }
        }
        if (plan.runs("oneway")) {
            for (int window : List.of(8, 128)) {
                results.add(oneWay(window));
                checkpoint();
            }
        }
        if (plan.runs("drops")) {
            drops();
        }
        if (plan.runs("heap")) {
            for (Contender c : List.of(Contender.WCF4J_RM, Contender.METRO_RM, Contender.CXF_RM)) {
                results.add(heap(c, plan.heapSessions(), plan.smoke() ? "2g" : "10g"));
                checkpoint();
            }
            if (plan.idleSessions() > 0) {
                results.add(heap(Contender.WCF4J_RM, plan.idleSessions(), IDLE_HEAP));
                checkpoint();
            }
        }
        if (plan.runs("validate")) {
            results.validate(validate());
        }
        if (plan.runs("security")) {
            security();
        }
        if (plan.runs("contention")) {
            contention();
        }
        if (plan.runs("security-rm")) {
            secureRm();
        }
        if (plan.runs("seed")) {
            seed();
        }
        if (plan.runs(NetTcpScenario.NAME)) {
            new NetTcpScenario(plan, layout, results, this::checkpoint).run();
        }
        if (plan.runs(DurableScenario.NAME)) {
            new DurableScenario(plan, layout, results, this::checkpoint).run();
        }
    }

    /** The WSDL wcf4j exports for the security-rm scenario's binding, which the Metro WSIT contender runs. */
    static final String SECURE_RM_SERVICE = "{http://Microsoft.ServiceModel.Samples}CalculatorService";
    static final String SECURE_RM_PORT = "{http://Microsoft.ServiceModel.Samples}CustomBinding_ICalculator";

    /**
     * Scenario 9 (issue 14): {@link Contender#SECURE_RM} at 1 and 16 sessions with one run's keys (a service and a
     * client key pair, {@link BenchKeys}); Metro WSIT runs the WSDL wcf4j exports for {@code calculator.scrm.config}
     * (written by {@link Wcf4jSystem}'s {@code wsdl} mode), so both run the same policy. After each one-session load,
     * each system times the opening of {@link Plan#openChannels()} channels (a security session and its sequence).
     */
    private void secureRm() throws InterruptedException {
        try (BenchKeys keys = BenchKeys.create()) {
            for (String config : List.of("scrm", "scmc")) {
                List<String> export = new ArrayList<>(layout.java());
                export.addAll(List.of("-cp", layout.benchmarksClasspath(), Wcf4jSystem.class.getName(), "wsdl",
                        "--config", config, "--out", keys.keyStore().resolveSibling(config + ".wsdl").toString()));
                wallMillis(export);
            }
            int top = plan.securitySessions().get(plan.securitySessions().size() - 1);
            for (int n : plan.securitySessions()) {
                for (Contender c : plan.smoke() ? List.of(Contender.WCF4J_SC_RM, Contender.METRO_SC_RM)
                        : Contender.SECURE_RM) {
                    if (Contender.SECURE_NO_RM.contains(c) && n != top) {
                        continue;
                    }
                    List<String> options = new ArrayList<>();
                    boolean peer = c.family() != Contender.Family.WCF4J;
                    if (c.security() != Contender.Security.NONE) {
                        options.addAll(peer ? keys.peerMutualOptions() : keys.mutualOptions());
                    }
                    if (peer && c.security() != Contender.Security.NONE) {
                        options.addAll(List.of("--wsdl", keys.keyStore().resolveSibling(c.wcf4jConfig() + ".wsdl")
                                .toUri().toString(), "--service", SECURE_RM_SERVICE, "--port", SECURE_RM_PORT));
                    }
                    if (n == 1 && (c.family() == Contender.Family.WCF4J || c.family() == Contender.Family.METRO
                            && c.security() != Contender.Security.NONE)) {
                        options.addAll(List.of(OPEN_CHANNELS, String.valueOf(plan.openChannels())));
                    }
                    results.add(load("security-rm", c, n, null, 0, options));
                    checkpoint();
                }
            }
        } catch (IOException e) {
            System.err.println("bench: security-rm: no keys: " + e.getMessage());
            results.add(Measurement.failed("security-rm", Contender.WCF4J_SC_RM, 1, "", "no keys: " + e.getMessage()));
        }
    }

    /**
     * Scenario 10 (issue 15): the seed binding verbatim and its {@code .no-security} variant ({@link SeedSystem}):
     * calls/s at 1 and 16 sessions (the one-session loads then time the opening of channels) and one-way messages/s
     * from one client. A smoke run makes the verbatim binding's only (scenario 3 runs the other's one-way messages).
     */
    private void seed() throws InterruptedException {
        for (boolean secure : plan.smoke() ? List.of(true) : List.of(false, true)) {
            for (int n : plan.securitySessions()) {
                results.add(seedLoad(secure, "calls", n));
                checkpoint();
            }
            results.add(seedLoad(secure, "oneway", 1));
            checkpoint();
        }
    }

    private Measurement seedLoad(boolean secure, String what, int sessions) throws InterruptedException {
        Contender c = secure ? Contender.WCF4J_SEED : Contender.WCF4J_SEED_PLAIN;
        String scenario = what.equals("calls") ? "seed" : "seed-oneway";
        System.err.println("bench: seed " + c.name() + " " + what + " sessions=" + sessions);
        List<String> command = new ArrayList<>(layout.java());
        command.addAll(List.of("-cp", layout.benchmarksClasspath(), Wcf4jSystem.class.getName(), "seed", "--seed",
                layout.seedConfigs().toString(), "--security", String.valueOf(secure), "--what", what));
        command.addAll(plan.load(sessions));
        boolean open = what.equals("calls") && sessions == 1;
        if (open) {
            command.addAll(List.of(OPEN_CHANNELS, String.valueOf(plan.openChannels())));
        }
        try (SystemProcess p = SystemProcess.start(c.name(), command, layout.log(scenario + "-" + c.id() + "-"
                + sessions))) {
            String ready = p.await("READY ", Duration.ofMinutes(2));
            p.send("GO " + ready);
            List<Measurement.Round> rounds = new ArrayList<>();
            for (String json : p.collect("ROUND ", plan.timeout())) {
                rounds.add(Measurement.Round.parse(json));
            }
            if (open) {
                String json = p.await("OPEN ", Duration.ofMinutes(2));
                results.add(new Results.SessionOpen(c, (int) Measurement.Round.field(json, "channels"),
                        Measurement.Round.field(json, "firstMicros"), Measurement.Round.field(json, "laterMicros"),
                        Measurement.Round.field(json, "openMicros")));
            }
            return new Measurement(scenario, c, sessions, "", rounds, null);
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: " + c.name() + " failed: " + e.getMessage());
            return Measurement.failed(scenario, c, sessions, "", String.valueOf(e.getMessage()));
        }
    }

    /** The option asking a wcf4j system to count its sessions' retransmissions ({@link CountingMetrics}). */
    private static final String COUNTERS = "--counters";

    /**
     * Scenario 8: each of {@link #CONTENDED} at the targets' sessions, without and then with a competing CPU load
     * ({@link CpuHog}: as many busy threads as cores, in a JVM of their own, started before the system's JVM and ended
     * after it); wcf4j counts its retransmissions in both.
     */
    private void contention() throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        int n = plan.dropSessions();
        for (Contender c : plan.smoke() ? List.of(Contender.WCF4J_RM) : CONTENDED) {
            List<String> options = c.family() == Contender.Family.WCF4J ? List.of(COUNTERS, "true") : List.of();
            results.add(load("contention", c, n, QUIET, 0, options, false));
            checkpoint();
            List<String> hog = new ArrayList<>(layout.java());
            hog.addAll(List.of("-cp", layout.benchmarksClasspath(), CpuHog.class.getName(), String.valueOf(threads)));
            try (SystemProcess p = SystemProcess.start("cpu hog", hog, layout.log("contention-hog"))) {
                p.await("READY ", Duration.ofMinutes(1));
                results.add(load("contention", c, n, contended(threads), 0, options, false));
            } catch (IOException e) {
                results.add(Measurement.failed("contention", c, n, contended(threads), "no hog: " + e.getMessage()));
            }
            checkpoint();
        }
    }

    /**
     * Scenario 7: each secured system and its baseline at 1 and 16 sessions, with one run's keys ({@link BenchKeys});
     * plain wcf4j is measured again only if scenario 2 did not measure it in this run. After each wcf4j system's
     * one-session load, it times the opening of {@link Plan#openChannels()} channels.
     */
    private void security() throws InterruptedException {
        try (BenchKeys keys = BenchKeys.create()) {
            for (int n : plan.securitySessions()) {
                for (Contender c : plan.securitySystems()) {
                    if (c.security() == Contender.Security.NONE && results.load("calls", c, n, "").isPresent()) {
                        continue;
                    }
                    List<String> options = new ArrayList<>(c.security() == Contender.Security.NONE ? List.of()
                            : keys.options());
                    if (n == 1 && c.family() == Contender.Family.WCF4J) {
                        options.addAll(List.of(OPEN_CHANNELS, String.valueOf(plan.openChannels())));
                    }
                    results.add(load("security", c, n, null, 0, options));
                    checkpoint();
                }
            }
        } catch (IOException e) {
            System.err.println("bench: security: no keys: " + e.getMessage());
            results.add(Measurement.failed("security", Contender.WCF4J_UNFC, 1, "", "no keys: " + e.getMessage()));
        }
    }

    private void drops() throws InterruptedException {
        for (Contender c : Contender.ALL) {
            if (c.family() != Contender.Family.RAW) {
                results.add(load("drops", c, plan.dropSessions(), "5% of HTTP exchanges dropped", plan.dropRate()));
                if (c.reliable()) {
                    results.add(load("drops", c, plan.dropSessions(), "through the proxy, no drops", 0));
                }
                checkpoint();
            }
        }
    }

    private Measurement load(String scenario, Contender c, int sessions, String proxyDetail, double dropRate)
            throws InterruptedException {
        return load(scenario, c, sessions, proxyDetail, dropRate, List.of(), proxyDetail != null);
    }

    private Measurement load(String scenario, Contender c, int sessions, String proxyDetail, double dropRate,
            List<String> options) throws InterruptedException {
        return load(scenario, c, sessions, proxyDetail, dropRate, options, proxyDetail != null);
    }

    /**
     * Scenario 1/2/7/8 ({@code viaProxy} false) or 4 (through the fault-injecting proxy); {@code detail}: the
     * condition the row is measured in; {@code options}: more of the system's options.
     */
    private Measurement load(String scenario, Contender c, int sessions, String detailOrNull, double dropRate,
            List<String> options, boolean viaProxy) throws InterruptedException {
        String detail = detailOrNull == null ? "" : detailOrNull;
        String name = scenario + "-" + c.id() + "-" + sessions + (dropRate > 0 ? "-drops" : "")
                + (scenario.equals("contention") ? "-" + detail.replaceAll("[^a-z0-9]+", "-") : "");
        System.err.println("bench: " + scenario + " " + c.name() + " sessions=" + sessions + " " + detail);
        AtomicReference<URI> target = new AtomicReference<>();
        FaultInjectingHttpProxy proxy = null;
        try {
            List<String> extra = new ArrayList<>(plan.load(sessions));
            extra.addAll(options);
            if (viaProxy) {
                proxy = new FaultInjectingHttpProxy(target::get).unlogged();
                if (dropRate > 0) {
                    Random random = new Random(42);
                    proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(e -> random.nextDouble() < dropRate)
                            .then(FaultAction.drop()));
                }
                if (c.family() == Contender.Family.WCF4J) {
                    extra.addAll(List.of("--published", proxy.at("/calc").toString()));
                }
            }
            try (SystemProcess p = SystemProcess.start(c.name(), c.command(layout, "bench", extra),
                    layout.log(name))) {
                URI ready = URI.create(p.await("READY ", Duration.ofMinutes(2)));
                target.set(ready);
                p.send("GO " + (proxy == null ? ready : proxy.via(ready)));
                List<Measurement.Round> rounds = new ArrayList<>();
                for (String json : p.collect("ROUND ", plan.timeout())) {
                    rounds.add(Measurement.Round.parse(json));
                }
                if (options.contains(COUNTERS)) {
                    String json = p.await("COUNTERS ", Duration.ofMinutes(1));
                    results.add(new Results.Counters(c, detail, (long) Measurement.Round.field(json,
                            "retransmissions"), (long) Measurement.Round.field(json, "acknowledgements")));
                }
                if (options.contains(OPEN_CHANNELS)) {
                    String json = p.await("OPEN ", Duration.ofMinutes(2));
                    results.add(new Results.SessionOpen(c, (int) Measurement.Round.field(json, "channels"),
                            Measurement.Round.field(json, "firstMicros"), Measurement.Round.field(json,
                            "laterMicros"), Measurement.Round.field(json, "openMicros")));
                }
                return new Measurement(scenario, c, sessions, detail, rounds, null);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: " + c.name() + " failed: " + e.getMessage());
            return Measurement.failed(scenario, c, sessions, detail, String.valueOf(e.getMessage()));
        } finally {
            if (proxy != null) {
                try {
                    proxy.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** Scenario 3: one client sending one-way messages over the seed binding at {@code window}. */
    private Measurement oneWay(int window) throws InterruptedException {
        String detail = "maxTransferWindowSize " + window;
        System.err.println("bench: one-way " + detail);
        List<String> command = new ArrayList<>(layout.java());
        command.addAll(List.of("-cp", layout.benchmarksClasspath(), Wcf4jSystem.class.getName(), "oneway", "--seed",
                layout.seedConfigs().toString(), "--window", String.valueOf(window)));
        command.addAll(plan.load(1));
        try (SystemProcess p = SystemProcess.start("wcf4j one-way", command, layout.log("oneway-" + window))) {
            String ready = p.await("READY ", Duration.ofMinutes(2));
            p.send("GO " + ready);
            List<Measurement.Round> rounds = new ArrayList<>();
            for (String json : p.collect("ROUND ", plan.timeout())) {
                rounds.add(Measurement.Round.parse(json));
            }
            return new Measurement("oneway", Contender.WCF4J_RM, 1, detail, rounds, null);
        } catch (IOException | RuntimeException e) {
            return Measurement.failed("oneway", Contender.WCF4J_RM, 1, detail, String.valueOf(e.getMessage()));
        }
    }

    /** The heap of the idle-sessions row of scenario 5 (the 100,000 sessions in 2 GiB). */
    static final String IDLE_HEAP = "2g";

    /**
     * Scenario 5: heap per idle reliable session, both ends in one JVM of {@code heap} (10,000 sessions of the heaviest
     * peer need more than the loads' heap: every system gets the same 10g for the systems' rows).
     */
    private Results.Heap heap(Contender c, int sessions, String heap) throws InterruptedException {
        System.err.println("bench: heap " + c.name() + " sessions=" + sessions + " -Xmx" + heap);
        Layout big = layout.withHeap(heap);
        try (SystemProcess p = SystemProcess.start(c.name(), c.command(big, "heap", List.of("--sessions",
                String.valueOf(sessions))), layout.log("heap-" + c.id() + "-" + sessions))) {
            String json = p.await("HEAP ", Duration.ofMinutes(30));
            return new Results.Heap(c, (int) Measurement.Round.field(json, "sessions"),
                    (int) Measurement.Round.field(json, "failed"), Measurement.Round.field(json, "bytesPerSession"),
                    Measurement.Round.field(json, "openSeconds"), heap, null);
        } catch (IOException | RuntimeException e) {
            return new Results.Heap(c, 0, 0, Double.NaN, Double.NaN, heap, String.valueOf(e.getMessage()));
        }
    }

    /** Scenario 6: {@code ./wcf4j validate} of the seed service configuration, and a bare JVM start, in turns. */
    private Results.Validate validate() throws InterruptedException {
        List<Long> validate = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        String config = layout.seedConfigs().resolve("calculator-service.config").toString();
        try {
            wallMillis(List.of(layout.root().resolve("wcf4j").toString(), "validate", config)); // builds if needed
            for (int i = 0; i < plan.validateRuns(); i++) {
                validate.add(wallMillis(List.of(layout.root().resolve("wcf4j").toString(), "validate", config)));
                bare.add(wallMillis(List.of(layout.java().get(0), "-version")));
            }
            return new Results.Validate(validate, bare, null);
        } catch (IOException e) {
            return new Results.Validate(validate, bare, e.getMessage());
        }
    }

    /**
     * The wall time of {@code command}, which must complete: exit 0, or for {@code wcf4j validate} 4 (the verbatim
     * seed is valid, and its message security is what wcf4j does not run yet; validation completed all the same).
     */
    private long wallMillis(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log("validate").toFile())).start();
        int exit = p.waitFor(5, TimeUnit.MINUTES) ? p.exitValue() : -1;
        if (exit != 0 && !(command.contains("validate") && exit == VALIDATE_NOT_RUNNABLE)) {
            throw new IOException(command + " failed (log: " + layout.log("validate") + ")");
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}

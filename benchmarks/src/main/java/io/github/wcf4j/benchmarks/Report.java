package io.github.wcf4j.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** {@code RESULTS.md}: every table of one run, and the targets as ratios within it. */
final class Report {
    private final Benchmarks.Plan plan;
    private final Results results;
    private final RunInfo run;
    private final StringBuilder md = new StringBuilder();

    Report(Benchmarks.Plan plan, Results results, RunInfo run) {
        this.plan = plan;
        this.results = results;
        this.run = run;
    }

    String markdown() {
        md.setLength(0);
        line("# wcf4j benchmarks" + (plan.smoke() ? " (smoke run: too short to quote)" : ""));
        line("");
        line("Run on " + run.date() + ": " + run.vm() + " " + run.version() + ", " + run.cores() + " cores, " + run.os()
                + ". Every system runs in its own JVM with the same flags (-Xmx2g), server and clients in "
                + "that JVM, over loopback HTTP/1.1; WS-RM is February 2005, ordered, exactly-once (WCF's "
                + "`<reliableSession/>`), SOAP 1.2 with WS-Addressing 1.0. Each load warms up at least " + plan.warmupMs()
                + " ms, then runs warm-up rounds of " + plan.windowMs() + " ms until two consecutive rounds agree "
                + "within 10% (at most " + plan.maxWarmupRounds() + "; the tables give the rounds it took, \"not "
                + "steady\" when the limit ended it), then measures " + plan.rounds() + " rounds of "
                + plan.windowMs() + " ms: min/median/max are over the rounds, latencies are the median round's "
                + "percentiles; GC ms is the collectors' time in a measured round (GarbageCollectorMXBean), median "
                + "(max) over the rounds; context switches per call are the system process's (its threads' "
                + "voluntary and involuntary switches in a round over its calls, median over the rounds); CPU µs per "
                + "call is the system process's CPU time (user + system, clients and service together) in a round "
                + "over its calls, median over the rounds. Clients call synchronously, one "
                + "thread per session. Ratios are computed within this run only. Regenerate with `benchmarks/run`.");
        line("");
        targets();
        // only the scenarios this run made: a run of some (--only) must not print the others' empty tables, which
        // pasted into RESULTS.md once left sections 5 to 8 a second time, empty, after section 8
        if (plan.runs("calls")) {
            scenario1();
        }
        if (plan.runs("calls") || plan.runs("stack")) {
            scenario2();
        }
        if (plan.runs("oneway")) {
            scenario3();
        }
        if (plan.runs("drops")) {
            scenario4();
        }
        if (plan.runs("heap")) {
            scenario5();
        }
        if (plan.runs("validate")) {
            scenario6();
        }
        if (plan.runs("security")) {
            scenario7();
        }
        if (plan.runs("contention")) {
            scenario8();
        }
        if (plan.runs("security-rm")) {
            secureRm();
        }
        if (plan.runs("seed")) {
            seed();
        }
        NetTcpScenario.section(plan, results, run, this::line);
        DurableScenario.section(plan, results, run, this::line);
        List<String> failures = results.failures();
        if (!failures.isEmpty()) {
            line("## What did not run");
            line("");
            failures.forEach(f -> line("- " + f));
            line("");
        }
        return md.toString();
    }

    private void targets() {
        int n = plan.dropSessions();
        line("## Targets (ratios within this run, " + n + " sessions)");
        line("");
        line("| target | measured | holds | run |");
        line("|---|---|---|---|");
        Optional<Measurement> rm = calls(Contender.WCF4J_RM, n);
        target("wcf4j + RM ≥ 5× Metro WSIT + RM (calls/s)", rm, calls(Contender.METRO_RM, n), 5, true);
        target("wcf4j + RM ≥ 10× Apache CXF + RM (calls/s)", rm, calls(Contender.CXF_RM, n), 10, true);
        // cost per call = 1 / throughput: RM's cost relative to no RM is calls/s without over calls/s with
        target("wcf4j + RM costs ≤ 1.3× wcf4j per call", calls(Contender.WCF4J, n), rm, 1.3, false);
        target("wcf4j + RM ≥ 50% of the raw HTTP echo (requests/s)", rm, calls(Contender.RAW, n), 0.5, true);
        for (Contender c : List.of(Contender.WCF4J_UNFC, Contender.WCF4J_SC, Contender.WCF4J_UNOT)) {
            measuredOnly(c.name() + " costs ≤ X× " + c.baseline().name() + " per call (no X set: measured only)",
                    secured(c.baseline(), n), secured(c, n));
        }
        int top = plan.securitySessions().get(plan.securitySessions().size() - 1);
        target("wcf4j + SecureConversation (MutualCertificate) + RM ≥ 5× Metro WSIT + SecureConversation "
                + "(MutualCertificate) + RM (calls/s, " + top + " sessions)", results.load("security-rm",
                Contender.WCF4J_SC_RM, top, ""), results.load("security-rm", Contender.METRO_SC_RM, top, ""), 5, true);
        measuredOnly(Contender.WCF4J_SC_RM.name() + " costs ≤ X× wcf4j + RM per call (" + top + " sessions; no X "
                + "set: measured only)", results.load("security-rm", Contender.WCF4J_RM, top, ""), results.load(
                "security-rm", Contender.WCF4J_SC_RM, top, ""));
        measuredOnly("the seed binding verbatim costs ≤ X× the .no-security seed binding per call (" + top
                + " sessions; no X set: measured only)", results.load("seed", Contender.WCF4J_SEED_PLAIN, top, ""),
                results.load("seed", Contender.WCF4J_SEED, top, ""));
        NetTcpScenario.targets(plan, results, run, this::line);
        DurableScenario.targets(plan, results, run, this::line);
        line("");
        Optional<Measurement> stack = calls(Contender.WCF4J_RM_STACK, n);
        Optional<Measurement> raw = calls(Contender.RAW, n);
        if (stack.isPresent() && raw.isPresent() && rm.isPresent()) {
            // per-call cost is 1 / throughput: the service model's share is what the full system adds to its stack
            double full = 1 / rm.get().median();
            double stackOnly = 1 / stack.get().median();
            line("Where a reliable call's cost goes (same run, " + n + " sessions): wcf4j + RM's channel stack alone "
                    + "(no service model: the same envelopes answered at the channel layer) makes "
                    + num(stack.get().median()) + " calls/s, " + pct(stack.get().median() / raw.get().median())
                    + " of the raw echo; the service model (Metro's proxy, JAXB and dispatch at both ends, which "
                    + "wcf4j hosts as the brief prescribes) takes " + pct((full - stackOnly) / full)
                    + " of each full call's cost.");
            line("");
        }
    }

    private void target(String what, Optional<Measurement> a, Optional<Measurement> b, double bound,
            boolean atLeast) {
        if (a.isEmpty() || b.isEmpty()) {
            line("| " + what + " | not measured | — | " + run.row() + " |");
            return;
        }
        double ratio = a.get().median() / b.get().median();
        boolean holds = atLeast ? ratio >= bound : ratio <= bound;
        line("| " + what + " | " + (bound < 1 ? pct(ratio) : times(ratio)) + " (" + num(a.get().median()) + " / "
                + num(b.get().median()) + ") | " + (holds ? "yes" : "**no**") + " | " + run.row() + " |");
    }

    /** A ratio with no bound to hold: a cost per call is calls/s without over calls/s with. */
    private void measuredOnly(String what, Optional<Measurement> without, Optional<Measurement> with) {
        if (without.isEmpty() || with.isEmpty()) {
            line("| " + what + " | not measured | — | " + run.row() + " |");
            return;
        }
        line("| " + what + " | " + times(without.get().median() / with.get().median()) + " ("
                + num(without.get().median()) + " / " + num(with.get().median()) + ") | — | " + run.row() + " |");
    }

    /** Scenario 7's measurement of {@code c}; plain wcf4j's may be scenario 2's of the same run. */
    private Optional<Measurement> secured(Contender c, int sessions) {
        Optional<Measurement> m = results.load("security", c, sessions, "");
        return m.isPresent() || c.security() != Contender.Security.NONE ? m : calls(c, sessions);
    }

    private Optional<Measurement> calls(Contender c, int sessions) {
        return results.load("calls", c, sessions, "");
    }

    private void scenario1() {
        line("## 1. Sequential `Add` calls from one client: latency");
        line("");
        line("| system | p50 µs | p99 µs | calls/s (median) | p50 vs wcf4j + RM | run |");
        line("|---|---|---|---|---|---|");
        Optional<Measurement> ref = calls(Contender.WCF4J_RM, 1);
        for (Contender c : Contender.ALL) {
            calls(c, 1).ifPresent(m -> line("| " + c.name() + " | " + num(m.p50()) + " | " + num(m.p99()) + " | "
                    + num(m.median()) + " | " + ref.map(r -> times(m.p50() / r.p50())).orElse("—") + " | "
                    + run.row() + " |"));
        }
        line("");
    }

    private void scenario2() {
        line("## 2. Calls per second by concurrent sessions");
        line("");
        line("| system | sessions | calls/s min | median | max | p50 µs | p99 µs | errors | vs raw echo "
                + "| CPU µs per call | context switches per call | warm-up rounds | GC ms/round | run |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int n : plan.sessions().stream().sorted().toList()) {
            Optional<Measurement> raw = calls(Contender.RAW, n);
            for (Contender c : Stream.concat(Contender.ALL.stream(), Contender.STACK_ONLY.stream()).toList()) {
                calls(c, n).ifPresent(m -> line("| " + c.name() + " | " + n + " | " + num(m.min()) + " | "
                        + num(m.median()) + " | " + num(m.max()) + " | " + num(m.p50()) + " | " + num(m.p99())
                        + " | " + m.errors() + " | " + raw.map(r -> pct(m.median() / r.median())).orElse("—")
                        + " | " + num(m.cpuMicrosPerCall()) + " | " + num(m.switchesPerCall()) + " | "
                        + m.warmupAndGc() + " | " + run.row() + " |"));
            }
        }
        line("");
    }

    private void scenario3() {
        line("## 3. One-way messages per second over the seed binding (no security)");
        line("");
        line("The seed configurations' `Binding1` (reliableSession, compositeDuplex, oneWay, textMessageEncoding, "
                + "httpTransport) read from `samples/seed-configs/*.no-security.config`, both ends at the window "
                + "shown, one client sending a one-way operation back to back (a send completes when the message is "
                + "in the transfer window).");
        line("");
        line("| system | window | messages/s min | median | max | send p50 µs | send p99 µs | warm-up rounds "
                + "| GC ms/round | run |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        Function<Measurement, String> row = m -> "| wcf4j + RM (seed binding) | " + m.detail().replace(
                "maxTransferWindowSize ", "") + " | " + num(m.min()) + " | " + num(m.median()) + " | " + num(m.max())
                + " | " + num(m.p50()) + " | " + num(m.p99()) + " | " + m.warmupAndGc() + " | " + run.row() + " |";
        results.loads("oneway").stream().filter(Measurement::ok).forEach(m -> line(row.apply(m)));
        line("");
    }

    private void scenario4() {
        int n = plan.dropSessions();
        line("## 4. Calls per second at " + n + " sessions with 5% of HTTP exchanges dropped");
        line("");
        line("Every request crosses the fault-injecting proxy (runtime's test code: blocking, a thread per "
                + "connection), which closes the connection without forwarding a random 5% of requests (fixed seed). "
                + "Reliable systems are also measured through the proxy without drops, so the drops' own cost shows. "
                + "A reliable wcf4j client sends a request whose connection failed under it again at once (once; "
                + "WCF waits for its retransmission timeout, at least 400 ms), and leaves further losses to WCF's "
                + "retransmission timer; without RM a dropped call fails.");
        line("");
        line("| system | condition | calls/s min | median | max | p99 µs | failed calls | vs no drops "
                + "| warm-up rounds | GC ms/round | run |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Contender c : Contender.ALL) {
            Optional<Measurement> clean = results.load("drops", c, n, "through the proxy, no drops");
            for (Measurement m : results.loads("drops")) {
                if (m.system().equals(c) && m.ok()) {
                    line("| " + c.name() + " | " + m.detail() + " | " + num(m.min()) + " | " + num(m.median())
                            + " | " + num(m.max()) + " | " + num(m.p99()) + " | " + m.errors() + " of "
                            + (m.calls() + m.errors()) + " | " + (m.detail().startsWith("5%") ? clean.map(x ->
                            pct(m.median() / x.median())).orElse("—") : "") + " | " + m.warmupAndGc() + " | "
                            + run.row() + " |");
                }
            }
        }
        line("");
    }

    private void scenario5() {
        line("## 5. Heap per idle reliable session");
        line("");
        line("Sessions opened (each after one `Add`, so the sequence exists at both ends), then idle; the used heap "
                + "after a full collection, before and after, divided by the sessions. Both ends live in the one JVM "
                + "(-Xmx10g for every system's row), so each figure is client + service. The last row, when there is "
                + "one, holds many idle wcf4j sessions on one listener in a 2 GiB heap (`--idle-sessions`).");
        line("");
        line("| system | sessions open | KiB per session | vs wcf4j + RM | opened in s | heap | run |");
        line("|---|---|---|---|---|---|---|");
        double ref = results.heaps().stream().filter(h -> h.system().equals(Contender.WCF4J_RM) && h.failure() == null)
                .mapToDouble(Results.Heap::bytesPerSession).findFirst().orElse(Double.NaN);
        for (Results.Heap h : results.heaps()) {
            if (h.failure() == null && h.system().family() != Contender.Family.NETTCP) {
                line("| " + h.system().name() + " | " + h.sessions() + (h.failed() > 0 ? " (" + h.failed()
                        + " failed)" : "") + " | " + String.format(Locale.ROOT, "%.1f", h.bytesPerSession() / 1024)
                        + " | " + times(h.bytesPerSession() / ref) + " | " + String.format(Locale.ROOT, "%.1f",
                        h.openSeconds()) + " | -Xmx" + h.heap() + " | " + run.row() + " |");
            }
        }
        line("");
    }

    private void scenario6() {
        Results.Validate v = results.validate();
        line("## 6. `./wcf4j validate` wall time");
        line("");
        if (v == null || v.validateMillis().isEmpty()) {
            line("Not measured.");
            line("");
            return;
        }
        line("`./wcf4j validate samples/seed-configs/calculator-service.config` after the first build, JVM start "
                + "included, alternated with a bare `java -version` (the floor any JVM command pays).");
        line("");
        line("| command | runs | ms min | median | max | vs bare JVM start | run |");
        line("|---|---|---|---|---|---|---|");
        double vm = median(v.validateMillis());
        double bm = median(v.bareJvmMillis());
        line("| ./wcf4j validate | " + v.validateMillis().size() + " | " + min(v.validateMillis()) + " | " + num(vm)
                + " | " + max(v.validateMillis()) + " | " + times(vm / bm) + " | " + run.row() + " |");
        line("| java -version | " + v.bareJvmMillis().size() + " | " + min(v.bareJvmMillis()) + " | " + num(bm)
                + " | " + max(v.bareJvmMillis()) + " | 1.00× | " + run.row() + " |");
        line("");
    }

    private void scenario7() {
        line("## 7. The cost of security per call");
        line("");
        if (Contender.SECURITY.stream().noneMatch(c -> c.security() != Contender.Security.NONE
                && plan.securitySessions().stream().anyMatch(n -> secured(c, n).isPresent()))) {
            line("Not measured.");
            line("");
            return;
        }
        line("The calculator's `Add` as in scenarios 1 and 2, each secured system against the same system without "
                + "its security, in this run: wcf4j with `<security authenticationMode=\"UserNameForCertificate\"/>` "
                + "(WS-Security 1.1, derived keys, Basic256: what wsHttpBinding's Message security with a user name "
                + "builds when it negotiates neither the service credential nor a security context) over plain HTTP "
                + "against plain wcf4j; wcf4j with `<security authenticationMode=\"SecureConversation\">` over a "
                + "`UserNameForCertificate` bootstrap (what wsHttpBinding's Message security with a user name builds "
                + "with `establishSecurityContext=\"true\"`: a token request when a session's channel opens, then "
                + "each call secured with the context's derived keys; each load session is one security session) "
                + "over plain HTTP against plain wcf4j; wcf4j with `UserNameOverTransport` (WCF's "
                + "TransportWithMessageCredential: a "
                + "signed user name token and a timestamp) over HTTPS against plain wcf4j over HTTPS; Apache CXF "
                + "(WSS4J, enforcing the WS-SecurityPolicy 1.1 TransportBinding with the user name token that WCF "
                + "exports for UserNameOverTransport) over HTTPS against plain CXF over HTTPS. The service "
                + "certificate is self-signed (RSA 2048, keytool), made for the run and deleted after it; every "
                + "call's password is checked by a validator comparing one user name and password. HTTPS connections "
                + "are kept alive, so TLS handshakes are not in the per-call cost. These loads warm up as every load "
                + "does (at least " + plan.warmupMs() + " ms, then until two rounds agree), then measure "
                + plan.rounds() + " rounds of " + plan.windowMs() + " ms.");
        line("");
        line("Not measured: Metro WSIT with either mode, and Apache CXF with UserNameForCertificate (the symmetric "
                + "binding's policy is not configured in the CXF peer yet).");
        line("");
        line("| system | p50 µs | p99 µs | calls/s (median) | p50 vs its baseline | baseline | run |");
        line("|---|---|---|---|---|---|---|");
        for (Contender c : Contender.SECURITY) {
            Optional<Measurement> base = secured(c.baseline(), 1);
            secured(c, 1).ifPresent(m -> line("| " + c.name() + " | " + num(m.p50()) + " | " + num(m.p99()) + " | "
                    + num(m.median()) + " | " + (c.security() == Contender.Security.NONE ? "1.00×"
                    : base.map(b -> times(m.p50() / b.p50())).orElse("—")) + " | " + c.baseline().name() + " | "
                    + run.row() + " |"));
        }
        line("");
        line("| system | sessions | calls/s min | median | max | p50 µs | p99 µs | errors | cost per call vs its "
                + "baseline | warm-up rounds | GC ms/round | run |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int n : plan.securitySessions()) {
            for (Contender c : Contender.SECURITY) {
                Optional<Measurement> base = secured(c.baseline(), n);
                secured(c, n).ifPresent(m -> line("| " + c.name() + " | " + n + " | " + num(m.min()) + " | "
                        + num(m.median()) + " | " + num(m.max()) + " | " + num(m.p50()) + " | " + num(m.p99())
                        + " | " + m.errors() + " | " + (c.security() == Contender.Security.NONE ? "1.00×"
                        : base.map(b -> times(b.median() / m.median()) + " (" + c.baseline().name() + ")")
                        .orElse("—")) + " | " + m.warmupAndGc() + " | " + run.row() + " |"));
            }
        }
        line("");
        sessionOpens();
        int n = plan.securitySessions().get(plan.securitySessions().size() - 1);
        Optional<Measurement> wcf4j = secured(Contender.WCF4J_UNOT, n);
        Optional<Measurement> cxf = secured(Contender.CXF_UNOT, n);
        if (wcf4j.isPresent() && cxf.isPresent()) {
            line("Against the peer (same run, " + n + " sessions): wcf4j + UserNameOverTransport makes "
                    + times(wcf4j.get().median() / cxf.get().median())
                    + " Apache CXF + UserNameOverTransport's calls/s (" + num(wcf4j.get().median()) + " / "
                    + num(cxf.get().median()) + ").");
            line("");
        }
    }

    private void scenario8() {
        int n = plan.dropSessions();
        List<Measurement> loads = results.loads("contention").stream().filter(Measurement::ok).toList();
        if (loads.isEmpty()) {
            return;
        }
        line("## 8. Calls per second at " + n + " sessions under a competing CPU load");
        line("");
        line("Each system without and then with a competing load: as many busy threads as cores (a tight arithmetic "
                + "loop) in a JVM of their own, started before the system's JVM and ended after it, so the system "
                + "warms up and runs on the CPU time the scheduler leaves it. The loss is calls/s without over calls/s "
                + "with. wcf4j counts its reliable sessions' retransmissions at both ends through the runtime's "
                + "metrics port (the whole load, warm-up included); Metro's are not counted. Context switches per "
                + "call: the system process's threads' switches (voluntary and not, `/proc/self/task/*/status`) in a "
                + "measured round over its calls, median over the rounds: the hand-offs between threads a call makes "
                + "and the preemptions it suffers.");
        line("");
        line("| system | condition | calls/s min | median | max | p50 µs | p99 µs | errors | loss (× fewer calls/s) "
                + "| retransmissions | CPU µs per call | context switches per call | warm-up rounds | GC ms/round "
                + "| run |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Contender c : Benchmarks.CONTENDED) {
            Optional<Measurement> quiet = results.load("contention", c, n, Benchmarks.QUIET);
            for (Measurement m : loads) {
                if (m.system().equals(c)) {
                    String loss = m.detail().equals(Benchmarks.QUIET) ? "1.00×" : quiet.map(q -> times(q.median()
                            / m.median())).orElse("—");
                    String retransmissions = results.counters(c, m.detail()).map(x -> x.retransmissions() + " (of "
                            + x.acknowledgements() + " acks received)").orElse("—");
                    line("| " + c.name() + " | " + m.detail() + " | " + num(m.min()) + " | " + num(m.median())
                            + " | " + num(m.max()) + " | " + num(m.p50()) + " | " + num(m.p99()) + " | "
                            + m.errors() + " | " + loss + " | " + retransmissions + " | " + num(m.cpuMicrosPerCall())
                            + " | " + num(m.switchesPerCall())
                            + " | " + m.warmupAndGc() + " | "
                            + run.row() + " |");
                }
            }
        }
        line("");
    }

    /**
     * A load's row: calls/s, latencies, errors, its cost per call against {@code base} (1.00× for a baseline, "—" for
     * a secured system whose baseline this run did not measure), warm-up and GC.
     */
    private String loadRow(Contender c, Measurement m, Optional<Measurement> base, String baseName) {
        String cost = c.security() == Contender.Security.NONE ? "1.00×" : base.map(b -> times(b.median()
                / m.median()) + " (" + baseName + ")").orElse("— (" + baseName + " not measured here)");
        return "| " + c.name() + " | " + m.sessions() + " | " + num(m.min()) + " | " + num(m.median()) + " | "
                + num(m.max()) + " | " + num(m.p50()) + " | " + num(m.p99()) + " | " + m.errors() + " | " + cost
                + " | " + m.warmupAndGc() + " | " + run.row() + " |";
    }

    /** Opening a channel, for {@code systems} that timed it. */
    private void opens(List<Contender> systems, String what) {
        List<Results.SessionOpen> opens = systems.stream().map(results::open).flatMap(Optional::stream).toList();
        if (opens.isEmpty()) {
            return;
        }
        line("Opening a session (after each system's one-session load, on the warm JVM): " + opens.get(0).channels()
                + " new channels (proxies) opened one after another, each making one call that opens it and then "
                + "three more. The first call's latency less a later call's is what opening costs: " + what
                + " Medians over the channels.");
        line("");
        line("| system | first call µs | later call µs | opening µs (first − later) | run |");
        line("|---|---|---|---|---|");
        for (Results.SessionOpen o : opens) {
            line("| " + o.system().name() + " | " + num(o.firstMicros()) + " | " + num(o.laterMicros()) + " | "
                    + num(o.openMicros()) + " | " + run.row() + " |");
        }
        line("");
    }

    /** Scenario 9 (issue 14): SecureConversation over MutualCertificate with a reliable session bound to it. */
    private void secureRm() {
        line("## 9. SecureConversation (MutualCertificate bootstrap) + RM against Metro WSIT (issue 14)");
        line("");
        line("`calculator.scrm.config`: a customBinding of `<reliableSession/>` (WS-RM February 2005, ordered) over "
                + "`<security authenticationMode=\"SecureConversation\">` with a `MutualCertificate` bootstrap "
                + "(WS-Security 1.1, Basic256, derived keys: the security element's defaults), text, HTTP. Each "
                + "session: a token request (RST/SCT, the service's certificate protecting it, the client's "
                + "endorsing it), CreateSequence bound to the security context (as WCF binds them), every call "
                + "signed and encrypted with the context's derived keys. Metro WSIT runs the WSDL wcf4j exports for "
                + "this configuration (`?singleWsdl`, its WS-SecurityPolicy and RM assertion; only Metro's key store "
                + "and trust store assertions added), client and service in one JVM as every system here; Metro "
                + "binds its sequence to the security context too. Each system against itself with RM and no "
                + "security (Metro's from its own WCF-style RM WSDL). The keys are made for the run (RSA 2048, "
                + "self-signed, keytool) and deleted after it; each side trusts the other's certificate alone. "
                + "Apache CXF cannot run the pairing: its RM does not bind to the security context (it sends "
                + "CreateSequence before any token request, outside a context, which WCF and wcf4j refuse), so CXF "
                + "runs the same security without RM (`calculator.scmc.config`'s WSDL, CXF's WS-SecurityPolicy "
                + "engine, client and service on one bus) against wcf4j with the same configuration, at the "
                + "targets' sessions only; their baselines without security are scenario 2's.");
        line("");
        line("| system | sessions | calls/s min | median | max | p50 µs | p99 µs | errors | cost per call vs its "
                + "baseline | warm-up rounds | GC ms/round | run |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int n : plan.securitySessions()) {
            for (Contender c : Contender.SECURE_RM) {
                Optional<Measurement> base = c.security() == Contender.Security.NONE ? Optional.empty()
                        : results.load("security-rm", c.baseline(), n, "");
                results.load("security-rm", c, n, "").ifPresent(m -> line(loadRow(c, m, base,
                        c.baseline().name())));
            }
        }
        line("");
        int top = plan.securitySessions().get(plan.securitySessions().size() - 1);
        Optional<Measurement> w = results.load("security-rm", Contender.WCF4J_SC_MC, top, "");
        Optional<Measurement> x = results.load("security-rm", Contender.CXF_SC_MC, top, "");
        if (w.isPresent() && x.isPresent()) {
            line("Without RM (same run, " + top + " sessions): " + Contender.WCF4J_SC_MC.name() + " makes "
                    + times(w.get().median() / x.get().median()) + " " + Contender.CXF_SC_MC.name() + "'s calls/s ("
                    + num(w.get().median()) + " / " + num(x.get().median()) + ").");
            line("");
        }
        opens(Contender.SECURE_RM, "with security, the token request and the context at both ends, then "
                + "CreateSequence; without, CreateSequence alone. wcf4j closes each channel gracefully after it "
                + "(not timed); Metro's proxies are left open (closing one waits for Metro RM's 3 s timeouts).");
    }

    /** Scenario 10 (issue 15): the seed binding verbatim beside its .no-security variant. */
    private void seed() {
        line("## 10. The seed binding verbatim against its `.no-security` variant (issue 15)");
        line("");
        line("`samples/seed-configs/calculator-service.config` and `calculator-client.config` as they are: "
                + "`Binding1` (reliableSession, SecureConversation over an SspiNegotiated bootstrap, compositeDuplex, "
                + "oneWay, text, HTTP), with Kerberos from an embedded Apache Kerby KDC in the system's JVM as "
                + "`./wcf4j demo` runs it (the service as `host/localhost`, WCF's default SPN for its address, the "
                + "client as `alice`, each from its own keytab), against the `.no-security` configurations' "
                + "`Binding1` (the same without the security element). Only addresses are changed: the service "
                + "listens on a free port of localhost and the client's `clientBaseAddress` (the seed's fixed "
                + "`localhost:8000`) is a free port. Calls: the seed's calculator `Add`, request and reply over the "
                + "composite duplex channel; one-way: the same binding carrying a one-way operation from one "
                + "client, at the seed's transfer window (8), as scenario 3.");
        line("");
        line("| system | sessions | calls/s min | median | max | p50 µs | p99 µs | errors | cost per call vs "
                + ".no-security | warm-up rounds | GC ms/round | run |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int n : plan.securitySessions()) {
            Optional<Measurement> base = results.load("seed", Contender.WCF4J_SEED_PLAIN, n, "");
            results.load("seed", Contender.WCF4J_SEED_PLAIN, n, "").ifPresent(m -> line(loadRow(
                    Contender.WCF4J_SEED_PLAIN, m, Optional.empty(), "")));
            results.load("seed", Contender.WCF4J_SEED, n, "").ifPresent(m -> line(loadRow(Contender.WCF4J_SEED, m,
                    base, ".no-security")));
        }
        line("");
        line("| system | one-way messages/s min | median | max | send p50 µs | send p99 µs | vs .no-security "
                + "| warm-up rounds | GC ms/round | run |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        Optional<Measurement> plain = results.load("seed-oneway", Contender.WCF4J_SEED_PLAIN, 1, "");
        for (Contender c : List.of(Contender.WCF4J_SEED_PLAIN, Contender.WCF4J_SEED)) {
            results.load("seed-oneway", c, 1, "").ifPresent(m -> line("| " + c.name() + " | " + num(m.min())
                    + " | " + num(m.median()) + " | " + num(m.max()) + " | " + num(m.p50()) + " | " + num(m.p99())
                    + " | " + plain.map(x -> pct(m.median() / x.median())).orElse("—") + " | " + m.warmupAndGc()
                    + " | " + run.row() + " |"));
        }
        line("");
        opens(List.of(Contender.WCF4J_SEED_PLAIN, Contender.WCF4J_SEED), "verbatim, the SPNEGO negotiation "
                + "(Kerberos AP-REQ/AP-REP through the embedded KDC's tickets, RST/RSTR round trips), the security "
                + "context at both ends, then CreateSequence; without security, CreateSequence alone. Each channel is "
                + "closed gracefully after it (not timed).");
    }

    /** Scenario 7's opening of a channel, for the wcf4j systems that timed it. */
    private void sessionOpens() {
        List<Results.SessionOpen> opens = Contender.SECURITY.stream().map(results::open).flatMap(Optional::stream)
                .toList();
        if (opens.isEmpty()) {
            return;
        }
        line("Opening a channel (after each wcf4j system's one-session load, on the warm JVM): " + opens.get(0)
                .channels() + " new channels opened one after another, each making one call that opens it and "
                + "then three more, and closed (not timed). The first call's latency less a later call's is what "
                + "opening costs: for SecureConversation, the token request (RST/SCT, secured as a "
                + "UserNameForCertificate call) and the session's setup at both ends. Medians over the channels.");
        line("");
        line("| system | first call µs | later call µs | opening µs (first − later) | run |");
        line("|---|---|---|---|---|");
        for (Results.SessionOpen o : opens) {
            line("| " + o.system().name() + " | " + num(o.firstMicros()) + " | " + num(o.laterMicros()) + " | "
                    + num(o.openMicros()) + " | " + run.row() + " |");
        }
        line("");
    }

    private static double median(List<Long> xs) {
        long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private static long min(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static String num(double x) {
        if (Double.isNaN(x)) {
            return "—";
        }
        return Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    private static String times(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "—" : String.format(Locale.ROOT, "%.2f×", x);
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%.0f%%", x * 100);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}

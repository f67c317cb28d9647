package io.github.wcf4j.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The net.tcp scenario (issue 16, {@code --only nettcp}): calls per second and latency of wcf4j's netTcpBinding with
 * security None and Transport (TLS, the client authenticated by its certificate), each without and with a reliable
 * session, at the run's sessions (1, 16, 64), beside wcf4j over HTTP (without and with RM: scenario 2's rows when it
 * ran in this run) and the raw TCP echo ({@link RawTcpEcho}); then the heap per idle net.tcp session. Each system in
 * its own JVM, client and service in it ({@link NetTcpSystem}). A smoke run: the targets' sessions only (4), TLS
 * with RM left out, the idle heap of a few sessions without security.
 */
final class NetTcpScenario {
    static final String NAME = "nettcp";

    /** The systems, in the tables' order: the echo, wcf4j's four net.tcp bindings, wcf4j over HTTP. */
    static final List<Contender> SYSTEMS = List.of(Contender.RAW_TCP, Contender.NETTCP, Contender.NETTCP_RM,
            Contender.NETTCP_TLS, Contender.NETTCP_TLS_RM, Contender.WCF4J, Contender.WCF4J_RM);

    private final Benchmarks.Plan plan;
    private final Layout layout;
    private final Results results;
    private final Runnable checkpoint;

    NetTcpScenario(Benchmarks.Plan plan, Layout layout, Results results, Runnable checkpoint) {
        this.plan = plan;
        this.layout = layout;
        this.results = results;
        this.checkpoint = checkpoint;
    }

    private List<Integer> sessions() {
        return plan.smoke() ? List.of(plan.dropSessions()) : plan.sessions();
    }

    /** Idle sessions held open for the heap row: two connections (both ends) each, within the file limit. */
    private int heapSessions() {
        return plan.smoke() ? 100 : 2000;
    }

    /** A smoke run leaves out TLS with RM (both run alone) to stay short. */
    private List<Contender> systems() {
        return plan.smoke() ? SYSTEMS.stream().filter(c -> c != Contender.NETTCP_TLS_RM).toList() : SYSTEMS;
    }

    private List<Contender> heapSystems() {
        return plan.smoke() ? List.of(Contender.NETTCP) : List.of(Contender.NETTCP, Contender.NETTCP_TLS);
    }

    void run() throws InterruptedException {
        results.note(NAME + ".before", ProcessLoad.loadAverage());
        try (BenchKeys keys = BenchKeys.create()) {
            for (int n : sessions()) {
                for (Contender c : systems()) {
                    if (c.family() == Contender.Family.WCF4J && results.load("calls", c, n, "").isPresent()) {
                        continue; // scenario 2 measured it in this run
                    }
                    List<String> extra = new ArrayList<>(plan.load(n));
                    if (c.needsKeys()) {
                        extra.addAll(keys.options());
                    }
                    results.add(ProcessLoad.run(NAME, c, n, "", c.command(layout, "bench", extra),
                            layout.log(NAME + "-" + c.id() + "-" + n), null, plan.timeout()));
                    checkpoint.run();
                }
            }
            for (Contender c : heapSystems()) {
                results.add(heap(c, keys));
                checkpoint.run();
            }
        } catch (IOException e) {
            results.add(Measurement.failed(NAME, Contender.NETTCP_TLS, 1, "", "no keys: " + e.getMessage()));
        }
        results.note(NAME + ".after", ProcessLoad.loadAverage());
    }

    private Results.Heap heap(Contender c, BenchKeys keys) throws InterruptedException {
        String heap = "2g";
        int n = heapSessions();
        System.err.println("bench: heap " + c.name() + " sessions=" + n);
        List<String> extra = new ArrayList<>(List.of("--sessions", String.valueOf(n)));
        if (c.needsKeys()) {
            extra.addAll(keys.options());
        }
        try (SystemProcess p = SystemProcess.start(c.name(), c.command(layout.withHeap(heap), "heap", extra),
                layout.log(NAME + "-heap-" + c.id() + "-" + n))) {
            String json = p.await("HEAP ", java.time.Duration.ofMinutes(20));
            return new Results.Heap(c, (int) Measurement.Round.field(json, "sessions"),
                    (int) Measurement.Round.field(json, "failed"), Measurement.Round.field(json, "bytesPerSession"),
                    Measurement.Round.field(json, "openSeconds"), heap, null);
        } catch (IOException | RuntimeException e) {
            return new Results.Heap(c, 0, 0, Double.NaN, Double.NaN, heap, String.valueOf(e.getMessage()));
        }
    }

    /** wcf4j over HTTP at {@code n} sessions in this run: scenario 2's, else this scenario's. */
    static Optional<Measurement> http(Results results, Contender c, int n) {
        Optional<Measurement> m = results.load("calls", c, n, "");
        return m.isPresent() ? m : results.load(NAME, c, n, "");
    }

    private static Optional<Measurement> measured(Results results, Contender c, int n) {
        return c.family() == Contender.Family.WCF4J ? http(results, c, n) : results.load(NAME, c, n, "");
    }

    /** The Targets table's row: net.tcp without security ≥ 2× wcf4j over HTTP at the targets' sessions. */
    static void targets(Benchmarks.Plan plan, Results results, RunInfo run, Consumer<String> line) {
        if (!plan.runs(NAME)) {
            return;
        }
        int n = plan.dropSessions();
        Optional<Measurement> tcp = results.load(NAME, Contender.NETTCP, n, "");
        Optional<Measurement> http = http(results, Contender.WCF4J, n);
        String what = "wcf4j net.tcp, security None ≥ 2× wcf4j over HTTP (calls/s, " + n + " sessions)";
        if (tcp.isEmpty() || http.isEmpty() || !(http.get().median() > 0)) {
            line.accept("| " + what + " | not measured | — | " + run.row() + " |");
            return;
        }
        double ratio = tcp.get().median() / http.get().median();
        line.accept("| " + what + " | " + Cells.times(ratio) + " (" + Cells.num(tcp.get().median()) + " / "
                + Cells.num(http.get().median()) + ") | " + (ratio >= 2 ? "yes" : "**no**") + " | " + run.row()
                + " |");
    }

    /** The scenario's section of {@code RESULTS.md}. */
    static void section(Benchmarks.Plan plan, Results results, RunInfo run, Consumer<String> line) {
        List<Measurement> loads = results.loads(NAME).stream().filter(Measurement::ok).toList();
        List<Results.Heap> heaps = results.heaps().stream().filter(h -> h.system().family()
                == Contender.Family.NETTCP && h.failure() == null).toList();
        if (loads.isEmpty() && heaps.isEmpty()) {
            return;
        }
        line.accept("## net.tcp: calls per second by sessions, and heap per idle session (issue 16)");
        line.accept("");
        line.accept("wcf4j's `netTcpBinding` from unchanged configuration files (`benchmarks/src/main/resources/"
                + "configs/calculator.nettcp-*.config`): binary encoding with session strings over [MC-NMF] framing, "
                + "one TCP connection and duplex session per load session (the request/reply contract rides on it), "
                + "`maxConnections=\"200\"`. Security `None`; `Transport` with `clientCredentialType=\"Certificate\"`:"
                + " TLS (sslStreamSecurity, the JDK's provider) with the run's one self-signed RSA 2048 certificate as "
                + "the service's and as the client's (required, checked by peer trust), the client expecting it and "
                + "the DNS identity `localhost`; the handshake is in a session's opening, not in the calls. \"+ RM\": "
                + "`<reliableSession enabled=\"true\"/>` (WS-RM February 2005, ordered) on the same connection. The "
                + "raw TCP echo (`RawTcpEcho`) exchanges SizedEnvelope records of the size wcf4j's binary `Add` "
                + "request and reply have on a session once its strings are known, on Netty with the same "
                + "event-loop sizing and TCP_NODELAY, with no SOAP, encoding or preamble: net.tcp's practical limit. "
                + "wcf4j over HTTP is scenario 2's system (text encoding, HTTP/1.1 keep-alive), measured in this run. "
                + "Each system in its own JVM, client and service in it, every load as scenario 2's (warm-up until "
                + "two rounds agree, then " + plan.rounds() + " rounds of " + plan.windowMs() + " ms).");
        line.accept("");
        line.accept("The machine is shared and loaded: 2 cores that other builds and benchmarks used at the same "
                + "time. Load average (1 / 5 / 15 min) when the scenario started: " + results.note(NAME + ".before")
                .orElse("?") + "; when it ended: " + results.note(NAME + ".after").orElse("?")
                + ". Compare rows of one run only.");
        line.accept("");
        line.accept("| system | sessions | calls/s min | median | max | p50 µs | p99 µs | errors | vs raw TCP echo "
                + "| vs wcf4j over HTTP (same RM) | warm-up rounds | GC ms/round | run |");
        line.accept("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<Integer> sessions = new ArrayList<>(plan.smoke() ? List.of(plan.dropSessions()) : plan.sessions());
        sessions.sort(null);
        for (int n : sessions) {
            Optional<Measurement> raw = results.load(NAME, Contender.RAW_TCP, n, "");
            for (Contender c : SYSTEMS) {
                Optional<Measurement> http = c.family() == Contender.Family.NETTCP
                        ? http(results, c.reliable() ? Contender.WCF4J_RM : Contender.WCF4J, n) : Optional.empty();
                measured(results, c, n).ifPresent(m -> line.accept("| " + c.name() + (c.family()
                        == Contender.Family.WCF4J ? " (over HTTP)" : "") + " | " + n + " | " + Cells.load(m) + " | "
                        + raw.map(r -> Cells.pct(m.median() / r.median())).orElse("—") + " | "
                        + http.map(h -> Cells.times(m.median() / h.median())).orElse("—") + " | "
                        + m.warmupAndGc() + " | " + run.row() + " |"));
            }
        }
        line.accept("");
        if (!heaps.isEmpty()) {
            line.accept("Heap per idle net.tcp session: sessions opened from 8 threads (each makes one `Add`, so its "
                    + "connection, duplex session and session strings exist at both ends), then idle; the used heap "
                    + "after a full collection, before and after, divided by the sessions. Both ends in one JVM "
                    + "(-Xmx2g), so each figure is client + service, Netty's pooled buffers included.");
            line.accept("");
            line.accept("| system | sessions open | KiB per session | opened in s | heap | run |");
            line.accept("|---|---|---|---|---|---|");
            for (Results.Heap h : heaps) {
                line.accept("| " + h.system().name() + " | " + h.sessions() + (h.failed() > 0 ? " (" + h.failed()
                        + " failed)" : "") + " | " + String.format(Locale.ROOT, "%.1f", h.bytesPerSession() / 1024)
                        + " | " + String.format(Locale.ROOT, "%.1f", h.openSeconds()) + " | -Xmx" + h.heap() + " | "
                        + run.row() + " |");
            }
            line.accept("");
        }
    }
}

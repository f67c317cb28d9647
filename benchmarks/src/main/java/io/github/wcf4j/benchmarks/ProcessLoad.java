package io.github.wcf4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load of one system JVM speaking {@code Load}'s process protocol, as a {@link Measurement}: {@code READY},
 * {@code GO} (to the address it printed, or {@code target}), the {@code ROUND}s until {@code DONE}. The net.tcp and
 * durable scenarios' loads ({@link NetTcpScenario}, {@link DurableScenario}).
 */
final class ProcessLoad {
    private ProcessLoad() {
    }

    /** Runs {@code command} to the end of its load; {@code target} null: GO to the address it printed. */
    static Measurement run(String scenario, Contender c, int sessions, String detail, List<String> command,
            Path log, String target, Duration timeout) throws InterruptedException {
        System.err.println("bench: " + scenario + " " + c.name() + " sessions=" + sessions + " " + detail);
        try (SystemProcess p = SystemProcess.start(c.name(), command, log)) {
            String ready = p.await("READY ", Duration.ofMinutes(2));
            p.send("GO " + (target == null ? ready : target));
            List<Measurement.Round> rounds = new ArrayList<>();
            for (String json : p.collect("ROUND ", timeout)) {
                rounds.add(Measurement.Round.parse(json));
            }
            return new Measurement(scenario, c, sessions, detail, rounds, null);
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: " + c.name() + " failed: " + e.getMessage());
            return Measurement.failed(scenario, c, sessions, detail, String.valueOf(e.getMessage()));
        }
    }

    /** The machine's load averages (1, 5, 15 minutes) now, as {@code /proc/loadavg} gives them; "?" elsewhere. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}

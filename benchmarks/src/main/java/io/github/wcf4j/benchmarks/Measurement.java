package io.github.wcf4j.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One system measured in one scenario: its rounds (a {@code ROUND} line each), or the failure that stopped it.
 */
record Measurement(String scenario, Contender system, int sessions, String detail, List<Round> rounds,
        String failure) {

    /**
     * One measurement window; {@code warmupRounds}: the warm-up rounds before the first window (until two consecutive
     * ones agreed within 10%, {@code stable}, or the most allowed ran); {@code gcMillis}, {@code gcCount}: the
     * collectors' time and collections during the window; {@code switchesPerCall}: the process's context switches
     * in the window per completed call; {@code cpuMicrosPerCall}: the process's CPU time (user + system, clients and
     * service together) in the window per completed call (each NaN when the system did not say).
     */
    record Round(double callsPerSecond, double p50Micros, double p99Micros, long calls, long errors,
            double warmupRounds, boolean stable, double gcMillis, double gcCount, double switchesPerCall,
            double cpuMicrosPerCall) {
        private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(-?[0-9.]+|NaN)");

        static Round parse(String json) {
            return new Round(field(json, "callsPerSecond"), field(json, "p50Micros"), field(json, "p99Micros"),
                    (long) field(json, "calls"), (long) field(json, "errors"), optional(json, "warmupRounds"),
                    optional(json, "stable") == 1, optional(json, "gcMillis"), optional(json, "gcCount"),
                    optional(json, "switchesPerCall"), optional(json, "cpuMicrosPerCall"));
        }

        static double optional(String json, String name) {
            Matcher m = FIELD.matcher(json);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return Double.parseDouble(m.group(2));
                }
            }
            return Double.NaN;
        }

        static double field(String json, String name) {
            Matcher m = FIELD.matcher(json);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return Double.parseDouble(m.group(2));
                }
            }
            throw new IllegalArgumentException("no " + name + " in " + json);
        }
    }

    static Measurement failed(String scenario, Contender system, int sessions, String detail, String why) {
        return new Measurement(scenario, system, sessions, detail, List.of(), why);
    }

    boolean ok() {
        return failure == null && !rounds.isEmpty();
    }

    double min() {
        return sorted(Round::callsPerSecond)[0];
    }

    double max() {
        double[] s = sorted(Round::callsPerSecond);
        return s[s.length - 1];
    }

    double median() {
        return median(Round::callsPerSecond);
    }

    double p50() {
        return median(Round::p50Micros);
    }

    double p99() {
        return median(Round::p99Micros);
    }

    /** The warm-up rounds it took (the same in every round of one load), NaN when not said. */
    double warmupRounds() {
        return rounds.isEmpty() ? Double.NaN : rounds.get(0).warmupRounds();
    }

    /** Whether the warm-up ended with two rounds agreeing within 10% (not at its limit). */
    boolean stable() {
        return !rounds.isEmpty() && rounds.get(0).stable();
    }

    /** The collectors' time per round, median over the rounds (ms). */
    double gcMillis() {
        return median(Round::gcMillis);
    }

    /** The collectors' time per round, largest over the rounds (ms). */
    double gcMillisMax() {
        double[] s = sorted(Round::gcMillis);
        return s[s.length - 1];
    }

    /** What the warm-up and the collectors took, for a table cell: "3 · 12 (20)" or "20, not steady · ...". */
    String warmupAndGc() {
        if (Double.isNaN(warmupRounds())) {
            return "— | —";
        }
        String w = String.format(java.util.Locale.ROOT, "%.0f", warmupRounds()) + (stable() ? "" : " (not steady)");
        return w + " | " + String.format(java.util.Locale.ROOT, "%.0f (%.0f)", gcMillis(), gcMillisMax());
    }

    /** CPU µs per call (clients and service together), median over the rounds. */
    double cpuMicrosPerCall() {
        return median(Round::cpuMicrosPerCall);
    }

    /** Context switches per call, median over the rounds. */
    double switchesPerCall() {
        return median(Round::switchesPerCall);
    }

    long errors() {
        return rounds.stream().mapToLong(Round::errors).sum();
    }

    long calls() {
        return rounds.stream().mapToLong(Round::calls).sum();
    }

    private double median(ToDoubleFunction<Round> f) {
        double[] s = sorted(f);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private double[] sorted(ToDoubleFunction<Round> f) {
        double[] s = rounds.stream().mapToDouble(f).toArray();
        Arrays.sort(s);
        return s;
    }
}

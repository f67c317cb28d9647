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

    /** One measurement window. */
    record Round(double callsPerSecond, double p50Micros, double p99Micros, long calls, long errors) {
        private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(-?[0-9.]+|NaN)");

        static Round parse(String json) {
            return new Round(field(json, "callsPerSecond"), field(json, "p50Micros"), field(json, "p99Micros"),
                    (long) field(json, "calls"), (long) field(json, "errors"));
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

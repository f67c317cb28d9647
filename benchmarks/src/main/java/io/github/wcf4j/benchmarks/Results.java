package io.github.wcf4j.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one run measured. */
final class Results {
    /** Scenario 5: heap per idle reliable session. */
    record Heap(Contender system, int sessions, int failed, double bytesPerSession, double openSeconds, String heap,
            String failure) {
    }

    /** Scenario 6: wall milliseconds of {@code ./wcf4j validate} and of a bare JVM start, run in turns. */
    record Validate(List<Long> validateMillis, List<Long> bareJvmMillis, String failure) {
    }

    /**
     * Scenario 7: what opening a channel adds to its first call, over {@code channels} opened one after another
     * after a load (medians, microseconds; {@code openMicros} is the median of each channel's first call less its
     * later call).
     */
    record SessionOpen(Contender system, int channels, double firstMicros, double laterMicros, double openMicros) {
    }

    /**
     * Scenario 8: what a wcf4j reliable load's sessions counted at both ends over the whole load (warm-up included):
     * messages sent again, acknowledgements received ({@link CountingMetrics}).
     */
    record Counters(Contender system, String detail, long retransmissions, long acknowledgements) {
    }

    private final List<Measurement> loads = new ArrayList<>();
    private final List<Counters> counters = new ArrayList<>();
    private final List<SessionOpen> opens = new ArrayList<>();
    private final List<Heap> heaps = new ArrayList<>();
    private Validate validate;
    /** What a scenario states beside its rows (the load average it ran in, what it could not start). */
    private final Map<String, String> notes = new LinkedHashMap<>();

    void note(String key, String text) {
        notes.put(key, text);
    }

    Optional<String> note(String key) {
        return Optional.ofNullable(notes.get(key));
    }

    void add(Measurement m) {
        loads.add(m);
    }

    void add(Heap h) {
        heaps.add(h);
    }

    void add(Counters c) {
        counters.add(c);
    }

    Optional<Counters> counters(Contender c, String detail) {
        return counters.stream().filter(x -> x.system().equals(c) && x.detail().equals(detail)).findFirst();
    }

    void add(SessionOpen o) {
        opens.add(o);
    }

    Optional<SessionOpen> open(Contender c) {
        return opens.stream().filter(o -> o.system().equals(c)).findFirst();
    }

    void validate(Validate v) {
        this.validate = v;
    }

    List<Measurement> loads(String scenario) {
        return loads.stream().filter(m -> m.scenario().equals(scenario)).toList();
    }

    Optional<Measurement> load(String scenario, Contender c, int sessions, String detail) {
        return loads.stream().filter(m -> m.scenario().equals(scenario) && m.system().equals(c)
                && m.sessions() == sessions && m.detail().equals(detail) && m.ok()).findFirst();
    }

    List<Heap> heaps() {
        return heaps;
    }

    Validate validate() {
        return validate;
    }

    /** What failed to run (a smoke run fails on any). */
    List<String> failures() {
        List<String> f = new ArrayList<>();
        loads.stream().filter(m -> !m.ok()).forEach(m -> f.add(m.scenario() + " " + m.system().name() + " "
                + m.sessions() + ": " + m.failure()));
        heaps.stream().filter(h -> h.failure() != null).forEach(h -> f.add("heap " + h.system().name() + ": "
                + h.failure()));
        if (validate != null && validate.failure() != null) {
            f.add("validate: " + validate.failure());
        }
        return f;
    }
}

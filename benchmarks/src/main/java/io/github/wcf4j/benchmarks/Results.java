package io.github.wcf4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything one run measured. */
final class Results {
    /** Scenario 5: heap per idle reliable session. */
    record Heap(Contender system, int sessions, int failed, double bytesPerSession, double openSeconds,
            String failure) {
    }

    /** Scenario 6: wall milliseconds of {@code ./wcf4j validate} and of a bare JVM start, run in turns. */
    record Validate(List<Long> validateMillis, List<Long> bareJvmMillis, String failure) {
    }

    private final List<Measurement> loads = new ArrayList<>();
    private final List<Heap> heaps = new ArrayList<>();
    private Validate validate;

    void add(Measurement m) {
        loads.add(m);
    }

    void add(Heap h) {
        heaps.add(h);
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

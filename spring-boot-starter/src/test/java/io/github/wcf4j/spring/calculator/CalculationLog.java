package io.github.wcf4j.spring.calculator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** What the calculator computed, in order: a collaborator injected into the service bean. */
@Component
public class CalculationLog {
    private final List<String> results = new CopyOnWriteArrayList<>();

    double result(String operation, double value) {
        results.add(operation + "=" + value);
        return value;
    }

    public List<String> results() {
        return List.copyOf(results);
    }
}

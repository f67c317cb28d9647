package io.github.wcf4j.runtime.metro;

import java.util.concurrent.atomic.AtomicInteger;

/** The calculator with no annotations at all, as a ported WCF class would be. */
public class CalculatorService implements Calculator {
    static final AtomicInteger CREATED = new AtomicInteger();
    private final int id = CREATED.incrementAndGet();

    @Override
    public double add(double n1, double n2) {
        return n1 + n2;
    }

    @Override
    public double subtract(double n1, double n2) {
        return n1 - n2;
    }

    @Override
    public double divide(double n1, double n2) {
        if (n2 == 0) {
            throw new ArithmeticException("Divide by zero");
        }
        return n1 / n2;
    }

    @Override
    public void reset(int to) {
    }

    @Override
    public int instanceId() {
        return id;
    }
}

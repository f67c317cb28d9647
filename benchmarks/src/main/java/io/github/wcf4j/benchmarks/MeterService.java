package io.github.wcf4j.benchmarks;

import java.util.concurrent.atomic.LongAdder;

/** The one-way benchmark's service: counts what it receives. */
public class MeterService implements IMeter {
    static final LongAdder RECORDED = new LongAdder();

    @Override
    public void record(double value) {
        RECORDED.increment();
    }
}

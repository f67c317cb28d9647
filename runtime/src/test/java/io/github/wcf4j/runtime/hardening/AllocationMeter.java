package io.github.wcf4j.runtime.hardening;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the heap by every live thread of this JVM (the server's event loops and invocation pool
 * included) since the meter started: what an attack made the process allocate, independent of when the collector runs.
 */
final class AllocationMeter {
    private final ThreadMXBean threads =
            (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long start;

    private AllocationMeter() {
        this.start = total();
    }

    static AllocationMeter start() {
        return new AllocationMeter();
    }

    private long total() {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(b, 0);
        }
        return sum;
    }

    /** Megabytes allocated since the start (threads that ended since are not counted). */
    long megabytes() {
        return (total() - start) >> 20;
    }
}

package io.github.wcf4j.runtime.hardening;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The work every live thread of this JVM (the server's event loops and invocation pool included) did since the meter
 * started: the heap it allocated and the CPU time it ran. Both count what an attack made the process do, independent of
 * when the collector runs and of how long a thread waited for a core, so a bound on them does not race the machine the
 * way a bound on elapsed time does. Threads that end before the meter is read are not counted.
 */
final class WorkMeter {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> allocatedAtStart;
    private final Map<Long, Long> cpuAtStart;

    private WorkMeter() {
        THREADS.setThreadCpuTimeEnabled(true);
        long[] ids = THREADS.getAllThreadIds();
        this.allocatedAtStart = byThread(ids, THREADS.getThreadAllocatedBytes(ids));
        this.cpuAtStart = byThread(ids, THREADS.getThreadCpuTime(ids));
    }

    static WorkMeter start() {
        return new WorkMeter();
    }

    /** Megabytes allocated since the start. */
    long megabytes() {
        long[] ids = THREADS.getAllThreadIds();
        return since(allocatedAtStart, ids, THREADS.getThreadAllocatedBytes(ids)) >> 20;
    }

    /** CPU time run since the start. */
    Duration cpuTime() {
        long[] ids = THREADS.getAllThreadIds();
        return Duration.ofNanos(since(cpuAtStart, ids, THREADS.getThreadCpuTime(ids)));
    }

    private static Map<Long, Long> byThread(long[] ids, long[] values) {
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], Math.max(values[i], 0));
        }
        return m;
    }

    /** The sum over live threads of what each added since the start (all of it for a thread started since). */
    private static long since(Map<Long, Long> atStart, long[] ids, long[] now) {
        long sum = 0;
        for (int i = 0; i < ids.length; i++) {
            if (now[i] >= 0) {
                sum += Math.max(now[i] - atStart.getOrDefault(ids[i], 0L), 0);
            }
        }
        return sum;
    }
}

package io.github.wcf4j.runtime.time;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real scheduler: one daemon timer thread for every timer of every session, and a small work pool for completions
 * moved off locks or I/O threads. Timers cost a heap entry, not a thread, so 10,000 sessions with their timers need no
 * more threads.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService work;

    public SystemScheduler() {
        timer = new ScheduledThreadPoolExecutor(1, daemon("wcf4j-timer"));
        timer.setRemoveOnCancelPolicy(true);
        work = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon("wcf4j-work"));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Executor executor() {
        return work;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        work.shutdownNow();
    }
}

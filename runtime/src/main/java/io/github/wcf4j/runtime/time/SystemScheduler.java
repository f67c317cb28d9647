package io.github.wcf4j.runtime.time;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real scheduler: one daemon timer thread for every timer of every session, and a small work pool for completions
 * moved off locks or I/O threads.
 *
 * <p>The timers live on a hashed timing wheel ({@link HashedWheelTimer}, {@value #TICK_MILLIS} ms per tick): arming and
 * cancelling cost a queue insert, with no lock, no heap reordering and no wake-up of the timer thread. A reliable call
 * arms and cancels several timers (retransmission, inactivity, keep-alive, the HTTP request's timeout) and nearly all
 * are cancelled before they fire; on a priority queue ({@code ScheduledThreadPoolExecutor}) that bookkeeping was the
 * largest cost of the scheduler (benchmarks/RESULTS.md). A timer fires at most one tick late, never early; WCF's own
 * timers have the Windows timer resolution (about 15 ms). Timers cost a wheel entry, not a thread, so 10,000 sessions
 * with their timers need no more threads.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    static final long TICK_MILLIS = 5;

    private final HashedWheelTimer timer;
    private final ExecutorService work;

    public SystemScheduler() {
        timer = new HashedWheelTimer(daemon("wcf4j-timer"), TICK_MILLIS, TimeUnit.MILLISECONDS, 512, false);
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
        Timeout t = timer.newTimeout(ignored -> task.run(), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return t::cancel;
    }

    /** Lazy: restarting moves a deadline instead of scheduling and cancelling (see {@link RestartableTimer}). */
    @Override
    public RestartableTimer restartable(Runnable task) {
        return new RestartableTimer(this, task, true);
    }

    @Override
    public Executor executor() {
        return work;
    }

    @Override
    public void close() {
        work.shutdownNow();
        try {
            timer.stop();
        } catch (IllegalStateException fromATimerTask) {
            // closed by one of its own timers: the wheel cannot stop its own thread, so another thread does
            Thread stopper = new Thread(timer::stop, "wcf4j-timer-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }
}

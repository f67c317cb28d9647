package io.github.wcf4j.runtime.time;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Virtual time for tests: nothing happens until the test {@linkplain #advanceBy(Duration) advances} the clock or
 * {@linkplain #runPending() runs} queued work, always on the test's thread, always in the same order.
 *
 * <pre>{@code
 * ManualScheduler time = new ManualScheduler();
 * ... send a message that is dropped ...
 * time.advanceBy(Duration.ofSeconds(3));   // the retransmission timer fires, deterministically
 * }</pre>
 *
 * <p>Thread-safe (tasks may be scheduled from any thread), but tasks only run inside {@link #advanceBy} and
 * {@link #runPending}.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Queue<Runnable> work = new ArrayDeque<>();
    private long now;
    private long sequence;

    private final class Timer implements Comparable<Timer>, Cancellable {
        final long due;
        final long order;
        final Runnable task;
        boolean cancelled;

        Timer(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Timer o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(order, o.order);
        }

        @Override
        public boolean cancel() {
            synchronized (ManualScheduler.this) {
                boolean wasPending = !cancelled && timers.remove(this);
                cancelled = true;
                return wasPending;
            }
        }
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Timer t = new Timer(now + Math.max(0, delay.toNanos()), sequence++, task);
        timers.add(t);
        return t;
    }

    @Override
    public Executor executor() {
        return task -> {
            synchronized (this) {
                work.add(task);
            }
        };
    }

    /** Runs queued work (and work it queues) until none is left; timers do not fire. */
    public void runPending() {
        while (true) {
            Runnable r;
            synchronized (this) {
                r = work.poll();
            }
            if (r == null) {
                return;
            }
            r.run();
        }
    }

    /** Moves the clock forward by {@code d}, running due timers in order, each followed by the work it queued. */
    public void advanceBy(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        runPending();
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due > target) {
                    now = target;
                    break;
                }
                timers.poll();
                now = next.due;
            }
            if (!next.cancelled) {
                next.task.run();
            }
            runPending();
        }
        runPending();
    }

    /** Advances to the next timer, if any, and runs it; returns whether one ran. */
    public boolean advanceToNextTimer() {
        Duration until;
        synchronized (this) {
            Timer next = timers.peek();
            if (next == null) {
                return false;
            }
            until = Duration.ofNanos(next.due - now);
        }
        advanceBy(until);
        return true;
    }

    /** Timers not yet due (cancelled ones excluded). */
    public synchronized int pendingTimers() {
        return timers.size();
    }

    /** The virtual time elapsed since the scheduler was created. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(now);
    }
}

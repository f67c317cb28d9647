package io.github.wcf4j.runtime.time;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Time and deferred work for the channel stack: every timer (acknowledgement interval, retransmission, inactivity,
 * operation timeouts) goes through a scheduler, so tests substitute {@link ManualScheduler} and advance virtual time
 * instead of sleeping.
 *
 * <p>Implementations are thread-safe. Tasks must not block: they run on the scheduler's thread.
 */
public interface Scheduler {

    /** A monotonic clock in nanoseconds (virtual under {@link ManualScheduler}). */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}; cancelling before it runs prevents it. */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Where work that must leave the caller's thread runs (completions raised under a lock, dispatch off an I/O
     * thread); under {@link ManualScheduler} it runs when the test drains the queue.
     */
    Executor executor();

    /** A timer for {@code task} that is restarted often (inactivity, keep-alive, retransmission). */
    default RestartableTimer restartable(Runnable task) {
        return new RestartableTimer(this, task, false);
    }

    /** A scheduled task that can be cancelled. */
    interface Cancellable {
        /** Cancels the task if it has not run; returns whether it was cancelled by this call. */
        boolean cancel();

        /** A handle for a task that was never scheduled. */
        Cancellable NONE = () -> false;
    }
}

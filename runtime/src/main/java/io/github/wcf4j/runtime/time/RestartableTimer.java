package io.github.wcf4j.runtime.time;

import java.time.Duration;

/**
 * A timer restarted on every message and rarely let run out: a session's inactivity timer, the client's keep-alive
 * poll, a sequence's retransmission timer. It runs its task once, {@code delay} after the latest {@link #restart}, unless
 * {@link #disarm disarmed} or {@link #stop stopped} first.
 *
 * <p>Over {@link SystemScheduler} the timer is lazy: a restart only moves its deadline, and the wake-up already
 * scheduled, when it comes before the new deadline, schedules the rest; so a busy session schedules about one wake-up
 * per timeout instead of a schedule and a cancel per message. Under {@link ManualScheduler} every restart cancels and
 * schedules, so virtual-time tests see exactly one pending timer per armed timer. The task runs at the same time
 * either way.
 *
 * <p>Thread-safe; the task runs outside the timer's lock.
 */
public final class RestartableTimer {
    private static final long FAR = Long.MAX_VALUE / 4;

    private final Scheduler scheduler;
    private final Runnable task;
    private final boolean lazy;
    private boolean armed;
    private long deadline;
    private Scheduler.Cancellable wakeUp = Scheduler.Cancellable.NONE;
    private boolean waking;
    private long wakeUpAt;
    private long generation;

    RestartableTimer(Scheduler scheduler, Runnable task, boolean lazy) {
        this.scheduler = scheduler;
        this.task = task;
        this.lazy = lazy;
    }

    /** Runs the task {@code delay} from now, whatever was armed before. */
    public synchronized void restart(Duration delay) {
        long now = scheduler.nanoTime();
        long d = delay.getSeconds() > FAR / 1_000_000_000L ? FAR : Math.max(0, delay.toNanos());
        armed = true;
        deadline = now + d;
        if (!lazy || !waking || wakeUpAt > deadline) {
            wakeUpIn(now, d);
        }
    }

    /**
     * The task will not run unless restarted; a lazy timer keeps its wake-up (it holds this timer until then), so use
     * {@link #stop} when the timer's owner is done.
     */
    public synchronized void disarm() {
        armed = false;
        if (!lazy) {
            cancelWakeUp();
        }
    }

    /** The task will not run unless restarted, and nothing stays scheduled. */
    public synchronized void stop() {
        armed = false;
        cancelWakeUp();
    }

    private void wakeUpIn(long now, long delayNanos) {
        cancelWakeUp();
        long g = generation;
        waking = true;
        wakeUpAt = now + delayNanos;
        wakeUp = scheduler.schedule(Duration.ofNanos(delayNanos), () -> wake(g));
    }

    private void cancelWakeUp() {
        generation++;
        waking = false;
        wakeUp.cancel();
        wakeUp = Scheduler.Cancellable.NONE;
    }

    private void wake(long g) {
        synchronized (this) {
            if (g != generation) {
                return;
            }
            waking = false;
            wakeUp = Scheduler.Cancellable.NONE;
            if (!armed) {
                return;
            }
            long now = scheduler.nanoTime();
            if (now < deadline) {
                wakeUpIn(now, deadline - now);
                return;
            }
            armed = false;
        }
        task.run();
    }
}

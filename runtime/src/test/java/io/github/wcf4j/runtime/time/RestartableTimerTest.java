package io.github.wcf4j.runtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both kinds of {@link RestartableTimer} on virtual time: the lazy one (what {@link SystemScheduler} hands out) runs its
 * task exactly when the exact one does, while scheduling far fewer wake-ups.
 */
class RestartableTimerTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final List<Duration> ran = new ArrayList<>();

    private RestartableTimer timer(boolean lazy) {
        return new RestartableTimer(clock, () -> ran.add(clock.elapsed()), lazy);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void runsOnceTheDelayAfterTheLatestRestart(boolean lazy) {
        RestartableTimer t = timer(lazy);
        for (int i = 0; i < 100; i++) {
            t.restart(Duration.ofSeconds(10));
            clock.advanceBy(Duration.ofMillis(50));
        }
        // restarted last at 4.95 s: runs at 14.95 s, once
        clock.advanceBy(Duration.ofSeconds(9).plusMillis(949));
        assertEquals(List.of(), ran);
        clock.advanceBy(Duration.ofMillis(1));
        assertEquals(List.of(Duration.ofMillis(14_950)), ran);
        clock.advanceBy(Duration.ofMinutes(5));
        assertEquals(1, ran.size(), "once");
        assertEquals(0, clock.pendingTimers(), "nothing left scheduled");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aShorterDelayTakesEffect(boolean lazy) {
        RestartableTimer t = timer(lazy);
        t.restart(Duration.ofMinutes(5));
        clock.advanceBy(Duration.ofSeconds(1));
        t.restart(Duration.ofSeconds(2));
        clock.advanceBy(Duration.ofSeconds(2));
        assertEquals(List.of(Duration.ofSeconds(3)), ran);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void disarmedOrStoppedItDoesNotRunUntilRestarted(boolean lazy) {
        RestartableTimer t = timer(lazy);
        t.restart(Duration.ofSeconds(1));
        t.disarm();
        clock.advanceBy(Duration.ofSeconds(5));
        t.restart(Duration.ofSeconds(1));
        t.stop();
        assertEquals(0, clock.pendingTimers(), "stop leaves nothing scheduled");
        clock.advanceBy(Duration.ofSeconds(5));
        assertEquals(List.of(), ran);
        t.restart(Duration.ofSeconds(1));
        clock.advanceBy(Duration.ofSeconds(1));
        assertEquals(List.of(Duration.ofSeconds(11)), ran);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void restartedFromItsOwnTaskItRunsAgain(boolean lazy) {
        List<Duration> runs = new ArrayList<>();
        RestartableTimer[] t = new RestartableTimer[1];
        t[0] = new RestartableTimer(clock, () -> {
            runs.add(clock.elapsed());
            if (runs.size() < 3) {
                t[0].restart(Duration.ofSeconds(1));
            }
        }, lazy);
        t[0].restart(Duration.ofSeconds(1));
        clock.advanceBy(Duration.ofSeconds(10));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)), runs);
    }

    @Test
    void theLazyTimerSchedulesAboutOneWakeUpPerTimeoutNotOnePerRestart() {
        int[] scheduled = new int[1];
        Scheduler counting = new Scheduler() {
            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                scheduled[0]++;
                return clock.schedule(delay, task);
            }

            @Override
            public Executor executor() {
                return clock.executor();
            }
        };
        RestartableTimer t = new RestartableTimer(counting, () -> ran.add(clock.elapsed()), true);
        for (int i = 0; i < 1000; i++) { // a message every 10 ms for 10 s, timeout 1 s
            t.restart(Duration.ofSeconds(1));
            t.disarm();
            t.restart(Duration.ofSeconds(1));
            clock.advanceBy(Duration.ofMillis(10));
        }
        assertEquals(List.of(), ran);
        assertEquals(11, scheduled[0], "one wake-up per second of restarts, plus the first");
    }
}

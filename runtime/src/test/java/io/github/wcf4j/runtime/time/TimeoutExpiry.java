package io.github.wcf4j.runtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A WCF timeout asserted on virtual time: the operation is still pending a millisecond before its timeout and has failed
 * at it, with no wall clock involved.
 */
public final class TimeoutExpiry {
    private TimeoutExpiry() {
    }

    /** Advances {@code clock} to {@code timeout} (from now) and returns what {@code pending} failed with, unwrapped. */
    public static Throwable failureAt(ManualScheduler clock, Duration timeout, CompletableFuture<?> pending) {
        clock.advanceBy(timeout.minusMillis(1));
        assertFalse(pending.isDone(), () -> "completed before its timeout of " + timeout);
        clock.advanceBy(Duration.ofMillis(1));
        assertTrue(pending.isCompletedExceptionally(), () -> "did not fail at its timeout of " + timeout);
        return Futures.unwrap(assertThrows(CompletionException.class, pending::join));
    }

    /** {@code pending}, a receive with {@code timeout}, fails at it with WCF's receive-timeout text. */
    public static void assertReceiveTimesOut(ManualScheduler clock, Duration timeout, CompletableFuture<?> pending) {
        Throwable e = failureAt(clock, timeout, pending);
        assertInstanceOf(CommunicationTimeoutException.class, e);
        assertEquals(WcfText.ReceiveTimedOut.format(WcfTimeSpan.format(timeout)), e.getMessage());
    }
}

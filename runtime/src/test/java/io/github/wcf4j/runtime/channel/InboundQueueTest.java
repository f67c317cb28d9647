package io.github.wcf4j.runtime.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.TimeoutExpiry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Items waiting for receivers and receivers waiting for items, with no thread per receiver, on virtual time. */
class InboundQueueTest {
    private static final Duration T = Duration.ofMinutes(1);
    private static final Supplier<String> TIMED_OUT = () -> "timed out";

    private final ManualScheduler clock = new ManualScheduler();
    private final InboundQueue<String> queue = new InboundQueue<>(clock);

    private static Throwable failure(CompletableFuture<?> f) {
        return Futures.unwrap(assertThrows(CompletionException.class, f::join));
    }

    @Test
    void itemsOfferedBeforeAnyReceiveAreTakenInOrderAtOnce() {
        assertTrue(queue.offer("a"));
        assertTrue(queue.offer("b"));
        assertEquals(2, queue.size());
        assertEquals(Optional.of("a"), queue.take(T, TIMED_OUT).getNow(null));
        assertEquals(Optional.of("b"), queue.take(T, TIMED_OUT).getNow(null));
        assertEquals(0, queue.size());
        assertEquals(0, clock.pendingTimers(), "a receive answered at once arms no timer");
    }

    @Test
    void pendingReceivesAreServedOldestFirstAndTheirTimersCancelled() {
        CompletableFuture<Optional<String>> first = queue.take(T, TIMED_OUT);
        CompletableFuture<Optional<String>> second = queue.take(T, TIMED_OUT);
        assertFalse(first.isDone());
        assertEquals(2, clock.pendingTimers());
        queue.offer("x");
        assertEquals(Optional.of("x"), first.getNow(null));
        assertFalse(second.isDone());
        queue.offer("y");
        assertEquals(Optional.of("y"), second.getNow(null));
        assertEquals(0, queue.size(), "an item handed to a receiver is not queued");
        assertEquals(0, clock.pendingTimers());
    }

    @Test
    void aReceiveTimesOutExactlyAtItsTimeoutWithTheTextItWasGivenLazily() {
        AtomicInteger asked = new AtomicInteger();
        CompletableFuture<Optional<String>> pending = queue.take(Duration.ofSeconds(10), () -> {
            asked.incrementAndGet();
            return "Receive on the channel did not complete within the configured timeout of 00:00:10.";
        });
        assertEquals(0, asked.get(), "the text is made only when the receive times out");
        Throwable e = TimeoutExpiry.failureAt(clock, Duration.ofSeconds(10), pending);
        assertInstanceOf(CommunicationTimeoutException.class, e);
        assertEquals("Receive on the channel did not complete within the configured timeout of 00:00:10.",
                e.getMessage());
        assertEquals(1, asked.get());
    }

    @Test
    void anItemOfferedAfterItsReceiverTimedOutWaitsForTheNextReceive() {
        CompletableFuture<Optional<String>> timedOut = queue.take(Duration.ofSeconds(1), TIMED_OUT);
        CompletableFuture<Optional<String>> abandoned = queue.take(T, TIMED_OUT);
        abandoned.cancel(false);
        clock.advanceBy(Duration.ofSeconds(1));
        assertTrue(timedOut.isCompletedExceptionally());
        assertTrue(queue.offer("late"));
        assertEquals(1, queue.size(), "neither the timed-out nor the cancelled receive takes it");
        assertEquals(Optional.of("late"), queue.take(T, TIMED_OUT).getNow(null));
    }

    @Test
    void infiniteAndBeyondMaxWaitTimeoutsArmNoTimer() {
        CompletableFuture<Optional<String>> infinite = queue.take(WcfTimeSpan.INFINITE, TIMED_OUT);
        CompletableFuture<Optional<String>> huge = queue.take(WcfTimeSpan.MAX_WAIT.plusMillis(1), TIMED_OUT);
        assertEquals(0, clock.pendingTimers());
        queue.take(WcfTimeSpan.MAX_WAIT, TIMED_OUT);
        assertEquals(1, clock.pendingTimers(), "MaxWait itself is still a timeout");
        clock.advanceBy(Duration.ofDays(365));
        assertFalse(infinite.isDone());
        assertFalse(huge.isDone());
    }

    @Test
    void closingCompletesPendingReceivesEmptyAfterTheRemainingItems() {
        CompletableFuture<Optional<String>> waiting = queue.take(T, TIMED_OUT);
        queue.close();
        assertEquals(Optional.empty(), waiting.getNow(null));
        assertTrue(queue.isClosed());
        assertFalse(queue.offer("refused"), "a closed queue takes nothing more");
        assertEquals(Optional.empty(), queue.take(T, TIMED_OUT).getNow(null));
        assertEquals(0, clock.pendingTimers());
    }

    @Test
    void itemsQueuedBeforeTheCloseAreStillReceived() {
        queue.offer("kept");
        queue.close();
        queue.close();
        assertEquals(Optional.of("kept"), queue.take(T, TIMED_OUT).getNow(null));
        assertEquals(Optional.empty(), queue.take(T, TIMED_OUT).getNow(null));
    }

    @Test
    void failingFailsPendingAndLaterReceivesAfterTheRemainingItems() {
        CommunicationException cause = new CommunicationException("connection reset");
        CompletableFuture<Optional<String>> waiting = queue.take(T, TIMED_OUT);
        queue.fail(cause);
        assertSame(cause, failure(waiting));
        assertTrue(queue.isClosed());
        assertFalse(queue.offer("refused"));
        assertSame(cause, failure(queue.take(T, TIMED_OUT)));

        InboundQueue<String> withItem = new InboundQueue<>(clock);
        withItem.offer("first");
        withItem.fail(cause);
        assertEquals(Optional.of("first"), withItem.take(T, TIMED_OUT).getNow(null));
        assertSame(cause, failure(withItem.take(T, TIMED_OUT)));
    }

    @Test
    void aReceiverMayReceiveAgainFromItsCompletion() {
        StringBuilder got = new StringBuilder();
        queue.take(T, TIMED_OUT).thenAccept(first -> {
            got.append(first.orElseThrow());
            queue.take(T, TIMED_OUT).thenAccept(second -> got.append(second.orElse("-")));
        });
        queue.offer("1");
        queue.offer("2");
        assertEquals("12", got.toString());
    }
}

package io.github.wcf4j.runtime.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.TimeoutExpiry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * WCF's communication-object state machine as {@link AbstractCommunicationObject} writes it once: Created → Opening →
 * Opened → Closing → Closed, or Faulted; abort in any state; WCF's texts for an object used in the wrong state.
 */
class AbstractCommunicationObjectTest {
    private static final String TYPE = "System.ServiceModel.Channels.ServiceChannel";
    private static final Duration T = Duration.ofSeconds(7);

    /** A communication object whose open and close complete when the test says, recording what it was asked. */
    private static final class Probe extends AbstractCommunicationObject {
        CompletableFuture<Void> opening = new CompletableFuture<>();
        CompletableFuture<Void> closing = new CompletableFuture<>();
        RuntimeException throwOnOpen;
        final List<String> calls = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();

        @Override
        protected String wcfTypeName() {
            return TYPE;
        }

        @Override
        protected CompletableFuture<Void> onOpen(Duration timeout) {
            calls.add("onOpen");
            timeouts.add(timeout);
            if (throwOnOpen != null) {
                throw throwOnOpen;
            }
            return opening;
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            calls.add("onClose");
            timeouts.add(timeout);
            return closing;
        }

        @Override
        protected void onAbort() {
            calls.add("onAbort(" + state() + ")");
        }

        @Override
        protected void onFaulted(Throwable cause) {
            calls.add("onFaulted(" + cause.getMessage() + ")");
        }

        Probe opened() {
            CompletableFuture<Void> f = open(T);
            opening.complete(null);
            f.join();
            return this;
        }
    }

    private static Throwable failure(CompletableFuture<?> f) {
        assertTrue(f.isCompletedExceptionally(), "expected a failed future");
        return Futures.unwrap(assertThrows(CompletionException.class, f::join));
    }

    private static Throwable thrown(Runnable r) {
        return assertThrows(RuntimeException.class, r::run);
    }

    // ---- open

    @Test
    void openPassesItsTimeoutAndMovesFromCreatedThroughOpeningToOpened() {
        Probe p = new Probe();
        assertEquals(CommunicationState.Created, p.state());
        CompletableFuture<Void> open = p.open(T);
        assertEquals(CommunicationState.Opening, p.state());
        assertFalse(open.isDone());
        p.opening.complete(null);
        assertNull(open.join());
        assertEquals(CommunicationState.Opened, p.state());
        assertEquals(List.of(T), p.timeouts);
    }

    @Test
    void openingTwiceIsWcfsCannotBeModifiedWhileOpeningAndOpened() {
        Probe p = new Probe();
        p.open(T);
        Throwable whileOpening = failure(p.open(T));
        assertInstanceOf(IllegalStateException.class, whileOpening);
        assertEquals(WcfText.CommunicationObjectCannotBeModifiedInState.format(TYPE, "Opening"),
                whileOpening.getMessage());
        p.opening.complete(null);
        Throwable whenOpened = failure(p.open(T));
        assertEquals(WcfText.CommunicationObjectCannotBeModifiedInState.format(TYPE, "Opened"),
                whenOpened.getMessage());
        assertEquals(List.of("onOpen"), p.calls);
    }

    @Test
    void openingAFaultedObjectIsWcfsFaultedException() {
        Probe p = new Probe().opened();
        p.fault(new CommunicationException("lost"));
        Throwable e = failure(p.open(T));
        assertInstanceOf(CommunicationObjectFaultedException.class, e);
        assertEquals(WcfText.CommunicationObjectFaulted1.format(TYPE), e.getMessage());
    }

    @Test
    void openingAnAbortedOrClosedObjectIsWcfsAbortedException() {
        Probe aborted = new Probe();
        aborted.abort();
        Throwable e = failure(aborted.open(T));
        assertInstanceOf(CommunicationObjectAbortedException.class, e);
        assertEquals(WcfText.CommunicationObjectAborted1.format(TYPE), e.getMessage());
        Probe closed = new Probe().opened();
        closed.closing.complete(null);
        closed.close(T).join();
        assertInstanceOf(CommunicationObjectAbortedException.class, failure(closed.open(T)));
    }

    @Test
    void anOpenThatTimesOutFaultsTheObjectAndFailsWithItsTimeout() {
        Probe p = new Probe();
        List<String> faulted = new ArrayList<>();
        p.onFaulted(() -> faulted.add("listener"));
        CompletableFuture<Void> open = p.open(T);
        CommunicationTimeoutException timeout = new CommunicationTimeoutException(
                WcfText.TimeoutOnOpen.format("00:00:07"));
        p.opening.completeExceptionally(timeout);
        assertSame(timeout, failure(open));
        assertEquals(CommunicationState.Faulted, p.state());
        assertSame(timeout, p.faultCause());
        assertEquals(List.of("onOpen", "onFaulted(" + timeout.getMessage() + ")"), p.calls);
        assertEquals(List.of("listener"), faulted);
    }

    @Test
    void anOnOpenThatThrowsFailsTheOpenAndFaultsTheObject() {
        Probe p = new Probe();
        p.throwOnOpen = new CommunicationException("refused");
        assertSame(p.throwOnOpen, failure(p.open(T)));
        assertEquals(CommunicationState.Faulted, p.state());
    }

    @Test
    void anObjectAbortedWhileOpeningFailsItsOpenAsAborted() {
        Probe p = new Probe();
        CompletableFuture<Void> open = p.open(T);
        p.abort();
        p.opening.complete(null);
        Throwable e = failure(open);
        assertInstanceOf(CommunicationObjectAbortedException.class, e);
        assertEquals(WcfText.CommunicationObjectAborted1.format(TYPE), e.getMessage());
        assertEquals(CommunicationState.Closed, p.state());
    }

    // ---- close

    @Test
    void closePassesItsTimeoutAndMovesThroughClosingToClosedNotifyingOnce() {
        Probe p = new Probe().opened();
        List<String> closed = new ArrayList<>();
        p.onClosed(() -> closed.add("listener"));
        CompletableFuture<Void> close = p.close(T);
        assertEquals(CommunicationState.Closing, p.state());
        assertSame(close, p.close(Duration.ofSeconds(1)), "a second close is the first one");
        p.closing.complete(null);
        assertNull(close.join());
        assertEquals(CommunicationState.Closed, p.state());
        assertEquals(List.of(T, T), p.timeouts);
        assertEquals(List.of("listener"), closed);
        p.onClosed(() -> closed.add("late"));
        assertEquals(List.of("listener", "late"), closed, "a listener added once closed runs at once");
        assertEquals(List.of("onOpen", "onClose"), p.calls);
    }

    @Test
    void closingAnUnopenedObjectAbortsIt() {
        Probe created = new Probe();
        assertNull(created.close(T).join());
        assertEquals(CommunicationState.Closed, created.state());
        assertEquals(List.of("onAbort(Closing)"), created.calls);
        Probe opening = new Probe();
        opening.open(T);
        assertNull(opening.close(T).join());
        assertEquals(List.of("onOpen", "onAbort(Closing)"), opening.calls);
    }

    @Test
    void closingAFaultedObjectAbortsItAndFailsWithWcfsFaultedText() {
        Probe p = new Probe().opened();
        CommunicationException cause = new CommunicationException("connection reset");
        p.fault(cause);
        Throwable e = failure(p.close(T));
        assertInstanceOf(CommunicationObjectFaultedException.class, e);
        assertEquals(WcfText.CommunicationObjectFaulted1.format(TYPE), e.getMessage());
        assertSame(cause, e.getCause());
        assertEquals(CommunicationState.Closed, p.state());
        assertTrue(p.calls.contains("onAbort(Closing)"));
    }

    @Test
    void aCloseThatTimesOutAbortsTheObjectAndFailsWithItsTimeout() {
        Probe p = new Probe().opened();
        CompletableFuture<Void> close = p.close(T);
        CommunicationTimeoutException timeout = new CommunicationTimeoutException(
                WcfText.TimeoutOnClose.format("00:00:07"));
        p.closing.completeExceptionally(new CompletionException(timeout));
        assertSame(timeout, failure(close));
        assertEquals(CommunicationState.Closed, p.state());
        assertEquals(List.of("onOpen", "onClose", "onAbort(Closing)"), p.calls);
    }

    // ---- abort and fault

    @Test
    void abortNeverFailsInAnyStateAndRunsOnAbortOnce() {
        Probe created = new Probe();
        created.abort();
        created.abort();
        assertEquals(List.of("onAbort(Closing)"), created.calls);

        Probe opened = new Probe().opened();
        List<String> closed = new ArrayList<>();
        opened.onClosed(() -> closed.add("closed"));
        opened.abort();
        opened.abort();
        assertEquals(CommunicationState.Closed, opened.state());
        assertEquals(List.of("closed"), closed);

        Probe closing = new Probe().opened();
        CompletableFuture<Void> close = closing.close(T);
        closing.abort();
        assertEquals(CommunicationState.Closed, closing.state());
        closing.closing.complete(null);
        assertNull(close.join());

        Probe faulted = new Probe().opened();
        faulted.fault(new CommunicationException("x"));
        faulted.abort();
        assertEquals(CommunicationState.Closed, faulted.state());

        Probe done = new Probe().opened();
        done.closing.complete(null);
        done.close(T).join();
        done.abort();
        assertEquals(List.of("onOpen", "onClose"), done.calls, "an object closed gracefully is not aborted");
    }

    @Test
    void aFaultFromOpenedNotifiesOnceWithItsUnwrappedCause() {
        Probe p = new Probe().opened();
        List<String> faulted = new ArrayList<>();
        p.onFaulted(() -> faulted.add("first"));
        CommunicationException cause = new CommunicationException("gone");
        p.fault(new CompletionException(cause));
        p.fault(new CommunicationException("again"));
        assertEquals(CommunicationState.Faulted, p.state());
        assertSame(cause, p.faultCause());
        assertEquals(List.of("onOpen", "onFaulted(gone)"), p.calls);
        p.onFaulted(() -> faulted.add("late"));
        assertEquals(List.of("first", "late"), faulted);
    }

    @Test
    void aFaultOutsideOpeningAndOpenedChangesNothing() {
        Probe created = new Probe();
        created.fault(new CommunicationException("early"));
        assertEquals(CommunicationState.Created, created.state());
        assertNull(created.faultCause());
        Probe closed = new Probe();
        closed.abort();
        closed.fault(new CommunicationException("late"));
        assertEquals(CommunicationState.Closed, closed.state());
        assertEquals(List.of("onAbort(Closing)"), closed.calls);
    }

    // ---- use in the wrong state

    @Test
    void usingAnObjectNotYetOpenedIsWcfsCannotBeUsedText() {
        Probe p = new Probe();
        Throwable created = thrown(p::throwIfNotOpened);
        assertInstanceOf(IllegalStateException.class, created);
        assertEquals(WcfText.CommunicationObjectCannotBeUsed.format(TYPE, "Created"), created.getMessage());
        p.open(T);
        assertEquals(WcfText.CommunicationObjectCannotBeUsed.format(TYPE, "Opening"),
                thrown(p::throwIfNotOpened).getMessage());
        p.opening.complete(null);
        p.throwIfNotOpened();
    }

    @Test
    void usingAFaultedObjectIsWcfsFaultedTextWithTheCause() {
        Probe p = new Probe().opened();
        CommunicationException cause = new CommunicationException("reset");
        p.fault(cause);
        Throwable e = thrown(p::throwIfNotOpened);
        assertInstanceOf(CommunicationObjectFaultedException.class, e);
        assertEquals(WcfText.CommunicationObjectFaulted1.format(TYPE), e.getMessage());
        assertSame(cause, e.getCause());
    }

    /** WCF throws ObjectDisposedException once Close was called; wcf4j reports every ended object as aborted. */
    @Test
    void usingAnAbortedOrClosedObjectIsWcfsAbortedText() {
        Probe aborted = new Probe().opened();
        aborted.abort();
        Throwable e = thrown(aborted::throwIfNotOpened);
        assertInstanceOf(CommunicationObjectAbortedException.class, e);
        assertEquals(WcfText.CommunicationObjectAborted1.format(TYPE), e.getMessage());
        Probe closing = new Probe().opened();
        closing.close(T);
        assertInstanceOf(CommunicationObjectAbortedException.class, thrown(closing::throwIfNotOpened));
    }

    // ---- receiving

    @Test
    void receivingContinuesWhileClosingAndEndsEmptyOnceClosed() {
        ManualScheduler clock = new ManualScheduler();
        InboundQueue<String> queue = new InboundQueue<>(clock);
        Probe p = new Probe().opened();
        queue.offer("during close");
        CompletableFuture<Void> close = p.close(T);
        assertFalse(p.doneReceiving());
        assertEquals(Optional.of("during close"), p.receiveFrom(queue, T).join());
        p.closing.complete(null);
        close.join();
        assertTrue(p.doneReceiving());
        queue.offer("after close");
        assertEquals(Optional.empty(), p.receiveFrom(queue, T).join(), "a closed object receives nothing more");
    }

    @Test
    void aReceiveFromAnOpenedObjectTimesOutWithWcfsReceiveText() {
        ManualScheduler clock = new ManualScheduler();
        Probe p = new Probe().opened();
        Duration timeout = Duration.ofSeconds(10);
        TimeoutExpiry.assertReceiveTimesOut(clock, timeout, p.receiveFrom(new InboundQueue<>(clock), timeout));
    }

    @Test
    void receivingBeforeOpenOrOnceFaultedThrowsWcfsTexts() {
        Probe created = new Probe();
        assertEquals(WcfText.CommunicationObjectCannotBeUsed.format(TYPE, "Created"),
                thrown(created::doneReceiving).getMessage());
        Probe faulted = new Probe().opened();
        faulted.fault(new CommunicationException("x"));
        assertInstanceOf(CommunicationObjectFaultedException.class, thrown(faulted::doneReceiving));
    }
}

package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.reliability.InputConnection.Outcome;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.TimeoutExpiry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The receiving half of a sequence on its own: which numbers it takes (ranges, duplicates, the buffer, the last
 * message), in which order the application gets them, and when it acknowledges, on virtual time.
 */
class InputConnectionTest {
    private static final String ID = "urn:uuid:6c9d8c33-1e5e-4a67-9b43-2b0a3b5c7d11";
    private static final Duration ACK_INTERVAL = Duration.ofMillis(200);
    private static final Duration T = Duration.ofMinutes(1);

    private final ManualScheduler clock = new ManualScheduler();
    /** The acknowledgements the connection asked to send, each with the ranges it showed. */
    private final List<AckHeader> acks = new ArrayList<>();

    /** The connection under test; {@code acks} records each acknowledgement it sends (taking it, as a session does). */
    private InputConnection connection(ReliableMessagingVersion version, boolean ordered, int window,
            boolean flowControl) {
        InputConnection[] c = new InputConnection[1];
        c[0] = new InputConnection(Wsrm.of(version), ID, ordered, window, clock, ACK_INTERVAL, flowControl,
                () -> acks.add(c[0].takeAck()));
        return c[0];
    }

    private InputConnection ordered(int window) {
        return connection(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11, true, window, false);
    }

    private InputConnection unordered(int window) {
        return connection(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11, false, window, false);
    }

    private static Message numbered(long n) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/N",
                new XmlFragment("<N xmlns=\"urn:test\">" + n + "</N>"));
    }

    private static Outcome accept(InputConnection c, long n) {
        return c.accept(new SequenceHeader(ID, n, false), numbered(n), true, false);
    }

    private static String received(InputConnection c) {
        Optional<Message> m = c.receive(T).getNow(null);
        return m == null ? "pending" : m.map(x -> x.body().xml().replaceAll("<[^>]+>", "")).orElse("end");
    }

    private static List<SequenceRange> ranges(long... bounds) {
        List<SequenceRange> r = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            r.add(new SequenceRange(bounds[i], bounds[i + 1]));
        }
        return r;
    }

    // ---- ranges and delivery

    @Test
    void receivedNumbersAreKeptAsMergedRanges() {
        InputConnection c = unordered(16);
        for (long n : new long[] {5, 1, 2, 4, 9}) {
            assertEquals(Outcome.ACCEPTED, accept(c, n));
        }
        assertEquals(ranges(1, 2, 4, 5, 9, 9), c.ranges().ranges());
        assertEquals(Outcome.ACCEPTED, accept(c, 3));
        assertEquals(ranges(1, 5, 9, 9), c.takeAck().ranges().ranges());
    }

    @Test
    void anOrderedSessionHoldsAMessageUntilTheGapBeforeItFills() {
        InputConnection c = ordered(8);
        CompletableFuture<Optional<Message>> waiting = c.receive(T);
        assertEquals(Outcome.ACCEPTED, accept(c, 3));
        assertEquals(Outcome.ACCEPTED, accept(c, 2));
        assertFalse(waiting.isDone(), "2 and 3 wait for 1");
        assertEquals(Outcome.ACCEPTED, accept(c, 1));
        assertEquals("1", waiting.join().orElseThrow().body().xml().replaceAll("<[^>]+>", ""));
        assertEquals("2", received(c));
        assertEquals("3", received(c));
        assertEquals("pending", received(c));
    }

    @Test
    void anUnorderedSessionDeliversEachMessageAsItArrives() {
        InputConnection c = unordered(8);
        accept(c, 3);
        assertEquals("3", received(c));
        accept(c, 1);
        assertEquals("1", received(c));
    }

    @Test
    void aDuplicateIsNotDeliveredAgainButAcknowledgedAtOnce() {
        InputConnection c = unordered(8);
        accept(c, 1);
        assertTrue(acks.isEmpty());
        assertEquals(Outcome.DUPLICATE, accept(c, 1));
        assertEquals(1, acks.size(), "a duplicate means the acknowledgement was lost: send it again now");
        assertEquals(ranges(1, 1), acks.get(0).ranges().ranges());
        assertEquals("1", received(c));
        assertEquals("pending", received(c));
    }

    @Test
    void aMessageThatDoesNotFitTheBufferIsDroppedUnacknowledgedUntilTheApplicationReceives() {
        InputConnection c = ordered(2);
        accept(c, 1);
        accept(c, 2);
        assertEquals(Outcome.DROPPED, accept(c, 3));
        assertFalse(c.ranges().contains(3), "the source must resend it");
        assertEquals("1", received(c));
        assertEquals(Outcome.ACCEPTED, accept(c, 3));
    }

    @Test
    void anOrderedSessionDropsANumberTooFarAheadOfTheNextToDeliver() {
        InputConnection c = ordered(4);
        assertEquals(Outcome.DROPPED, accept(c, 5), "1..4 would not fit before it");
        assertEquals(Outcome.ACCEPTED, accept(c, 4));
    }

    @Test
    void anUnorderedSessionKeepsAtMost128RangesButTakesNumbersThatMergeThem() {
        InputConnection c = unordered(1_000);
        for (long n = 1; n <= 255; n += 2) {
            assertEquals(Outcome.ACCEPTED, accept(c, n));
        }
        assertEquals(128, c.ranges().count());
        assertEquals(Outcome.DROPPED, accept(c, 1_001), "a 129th range");
        assertEquals(Outcome.ACCEPTED, accept(c, 2), "joins two ranges");
        assertEquals(127, c.ranges().count());
    }

    // ---- acknowledgement timing

    @Test
    void withoutARequestTheAcknowledgementGoesOutOnceAfterTheInterval() {
        InputConnection c = unordered(8);
        accept(c, 1);
        accept(c, 2);
        clock.advanceBy(ACK_INTERVAL.minusMillis(1));
        assertTrue(acks.isEmpty());
        assertTrue(c.ackPending());
        clock.advanceBy(Duration.ofMillis(1));
        assertEquals(1, acks.size());
        assertEquals(ranges(1, 2), acks.get(0).ranges().ranges());
        assertFalse(c.ackPending());
        clock.advanceBy(Duration.ofSeconds(10));
        assertEquals(1, acks.size(), "nothing new, nothing sent");
    }

    @Test
    void anAcknowledgementRiddenOnAnOutgoingMessageCancelsTheTimer() {
        InputConnection c = unordered(8);
        accept(c, 1);
        assertEquals(1, clock.pendingTimers());
        c.takeAck();
        assertEquals(0, clock.pendingTimers());
        clock.advanceBy(ACK_INTERVAL);
        assertTrue(acks.isEmpty());
    }

    @Test
    void aRequestedAcknowledgementGoesOutAtOnce() {
        InputConnection c = unordered(8);
        c.accept(new SequenceHeader(ID, 1, false), numbered(1), true, true);
        assertEquals(1, acks.size());
    }

    @Test
    void aFullWindowOfUnacknowledgedMessagesIsAcknowledgedAtOnce() {
        InputConnection c = unordered(3);
        accept(c, 1);
        accept(c, 2);
        assertTrue(acks.isEmpty());
        accept(c, 3);
        assertEquals(1, acks.size());
        assertEquals(ranges(1, 3), acks.get(0).ranges().ranges());
    }

    @Test
    void theMessageThatClosesAnAcknowledgedGapIsAcknowledgedAtOnce() {
        InputConnection c = unordered(8);
        accept(c, 2);
        clock.advanceBy(ACK_INTERVAL);
        assertEquals(ranges(2, 2), acks.get(0).ranges().ranges(), "the acknowledgement shows the gap before 2");
        accept(c, 1);
        assertEquals(2, acks.size());
        assertEquals(ranges(1, 2), acks.get(1).ranges().ranges());
    }

    @Test
    void aMessageThatLeavesTheGapOpenWaitsForTheInterval() {
        InputConnection c = unordered(8);
        accept(c, 3);
        clock.advanceBy(ACK_INTERVAL);
        accept(c, 2);
        assertEquals(1, acks.size(), "1 is still missing");
    }

    // ---- the end of the sequence

    @Test
    void february2005LastMessageFixesTheLastNumberAndIsAcknowledgedAtOnce() {
        InputConnection c = connection(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005, true, 8, false);
        accept(c, 1);
        assertEquals(Outcome.ACCEPTED, c.accept(new SequenceHeader(ID, 2, true), numbered(2), false, false));
        assertEquals(1, acks.size());
        assertEquals(Optional.of(ProtocolViolation.INCONSISTENT_LAST_MSG_NUMBER),
                c.takeLastNumber(OptionalLong.of(3)), "the last number is 2");
        assertTrue(c.allReceived());
        assertFalse(acks.get(0).isFinal(), "February 2005 has no final acknowledgement");
        assertEquals(Outcome.LAST_EXCEEDED, accept(c, 3));
        assertEquals("1", received(c));
        assertEquals("end", received(c), "the LastMessage itself is not for the application: it completes the input,"
                + " which ends, as WCF's ReliableInputConnection shuts down once every number up to the last arrived");
    }

    @Test
    void february2005RefusesASecondLastMessageNumber() {
        InputConnection c = connection(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005, true, 8, false);
        c.accept(new SequenceHeader(ID, 3, true), numbered(3), false, false);
        assertFalse(c.allReceived());
        assertEquals(Outcome.LAST_EXCEEDED, c.accept(new SequenceHeader(ID, 4, true), numbered(4), false, false));
        assertEquals(Outcome.ACCEPTED, accept(c, 1));
    }

    @Test
    void wsrm11TakesNoNewNumberOnceClosedAndItsAcknowledgementIsFinal() {
        InputConnection c = unordered(8);
        accept(c, 1);
        accept(c, 2);
        assertEquals(Optional.empty(), c.takeLastNumber(OptionalLong.of(2)));
        assertTrue(c.lastKnown());
        assertTrue(c.allReceived());
        assertEquals(Outcome.CLOSED, accept(c, 3));
        assertEquals(Outcome.DUPLICATE, accept(c, 2));
        assertTrue(c.takeAck().isFinal());
    }

    // ---- flow control

    @Test
    void withFlowControlAcknowledgementsCarryTheFreeBufferAndSpaceFreedAfterZeroIsAnnouncedAtOnce() {
        InputConnection c = connection(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11, true, 2, true);
        accept(c, 1);
        assertEquals(1, c.currentAck(false, true).bufferRemaining());
        accept(c, 2);
        assertEquals(1, acks.size(), "a full window is acknowledged at once");
        assertEquals(0, acks.get(0).bufferRemaining());
        assertEquals("1", received(c));
        assertEquals(2, acks.size(), "the application freed space after 0 was advertised");
        assertEquals(1, acks.get(1).bufferRemaining());
        assertEquals("2", received(c));
        assertEquals(2, acks.size());
    }

    @Test
    void withoutFlowControlNoBufferIsAdvertised() {
        InputConnection c = unordered(8);
        accept(c, 1);
        assertEquals(-1, c.takeAck().bufferRemaining());
        assertEquals(ID, c.takeAck().id());
    }

    // ---- receiving

    @Test
    void closingEndsPendingReceivesAfterTheDeliveredMessagesAndStopsTheTimer() {
        InputConnection c = unordered(8);
        accept(c, 1);
        c.close();
        assertEquals(0, clock.pendingTimers());
        assertEquals("1", received(c));
        assertEquals("end", received(c));
    }

    @Test
    void failingFailsPendingReceives() {
        InputConnection c = unordered(8);
        CompletableFuture<Optional<Message>> waiting = c.receive(T);
        CommunicationException cause = new CommunicationException("the sequence was terminated");
        c.fail(cause);
        assertSame(cause, Futures.unwrap(assertThrows(CompletionException.class, waiting::join)));
    }

    @Test
    void anIdleReceiveTimesOutWithWcfsText() {
        Duration timeout = Duration.ofSeconds(10);
        TimeoutExpiry.assertReceiveTimesOut(clock, timeout, unordered(8).receive(timeout));
    }
}

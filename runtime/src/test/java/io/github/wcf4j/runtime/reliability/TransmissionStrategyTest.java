package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** WCF's sender window and retransmission rules, on virtual time. */
class TransmissionStrategyTest {
    private static final Wsrm WSRM = Wsrm.of(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005);
    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> sent = new ArrayList<>();
    private final List<Message> copies = new ArrayList<>();
    private RuntimeException local;
    private WsrmFault remote;

    private TransmissionStrategy strategy(int window, int retries, boolean requestAcks, Duration rtt) {
        return new TransmissionStrategy(WSRM, "urn:uuid:s", window, retries, requestAcks, rtt, clock,
                new TransmissionStrategy.Transmitter() {
                    @Override
                    public void transmit(long number, Message message, boolean retry) {
                        sent.add((retry ? "r" : "") + number);
                        copies.add(message);
                    }

                    @Override
                    public void fault(RuntimeException l, WsrmFault r) {
                        local = l;
                        remote = r;
                    }
                });
    }

    private static Message app(int n) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:a",
                new XmlFragment("<n xmlns=\"urn:t\">" + n + "</n>"));
    }

    private static SequenceRanges acked(long lower, long upper) {
        return SequenceRanges.EMPTY.with(new SequenceRange(lower, upper));
    }

    @Test
    void theWindowStartsAtOneAndGrowsWithAcknowledgements() {
        TransmissionStrategy s = strategy(8, 8, false, Duration.ofMillis(100));
        CompletableFuture<Long> a = s.add(app(1), Duration.ofMinutes(1));
        CompletableFuture<Long> b = s.add(app(2), Duration.ofMinutes(1));
        CompletableFuture<Long> c = s.add(app(3), Duration.ofMinutes(1));
        assertEquals(List.of("1"), sent);
        assertEquals(1L, a.join());
        assertFalse(b.isDone());
        s.acknowledge(acked(1, 1), -1);
        assertEquals(List.of("1", "2", "3"), sent);
        assertEquals(3L, c.join());
        assertEquals(2, s.windowSize()); // slow start: one slot more per acknowledged message
    }

    @Test
    void aLostMessageIsResentAfterTheRtoThatThenDoubles() {
        TransmissionStrategy s = strategy(8, 8, false, Duration.ofMillis(100));
        assertEquals(Duration.ofMillis(500), s.retransmissionTimeout()); // max(RTT + 400 ms, 3 * RTT)
        s.add(app(1), Duration.ofMinutes(1));
        clock.advanceBy(Duration.ofMillis(499));
        assertEquals(List.of("1"), sent);
        clock.advanceBy(Duration.ofMillis(1));
        assertEquals(List.of("1", "r1"), sent);
        clock.advanceBy(Duration.ofMillis(999));
        assertEquals(2, sent.size());
        clock.advanceBy(Duration.ofMillis(1));
        assertEquals(List.of("1", "r1", "r1"), sent);
    }

    @Test
    void afterMaxRetryCountRetransmissionsTheSequenceFaultsWithWcfsTexts() {
        TransmissionStrategy s = strategy(8, 3, false, Duration.ofMillis(100));
        s.add(app(1), Duration.ofMinutes(1));
        for (int i = 0; i < 20 && local == null; i++) {
            clock.advanceToNextTimer();
        }
        assertEquals(List.of("1", "r1", "r1", "r1"), sent); // 1 + maxRetryCount transmissions
        assertInstanceOf(CommunicationException.class, local);
        assertEquals(WcfText.MaximumRetryCountExceeded.format(), local.getMessage());
        assertEquals(WsrmFault.SEQUENCE_TERMINATED, remote.subcode());
        assertEquals(WcfText.SequenceTerminatedMaximumRetryCountExceeded.format(), remote.reason());
        // 500 + 1000 + 2000 + 4000 ms: the fault comes with the retry that would exceed the count
        assertEquals(Duration.ofMillis(500 + 1000 + 2000 + 4000), clock.elapsed());
    }

    @Test
    void anAcknowledgementOfNumbersNeverSentIsInvalid() {
        TransmissionStrategy s = strategy(8, 8, false, Duration.ofMillis(100));
        s.add(app(1), Duration.ofMinutes(1));
        assertEquals(TransmissionStrategy.AckResult.INVALID, s.acknowledge(acked(1, 2), -1));
        assertEquals(TransmissionStrategy.AckResult.VALID, s.acknowledge(acked(1, 1), -1));
        // an older acknowledgement overtaken by a newer one is ignored
        s.add(app(2), Duration.ofMinutes(1));
        s.acknowledge(acked(1, 2), -1);
        assertEquals(TransmissionStrategy.AckResult.VALID, s.acknowledge(acked(1, 1), -1));
    }

    @Test
    void flowControlStopsAddingAtZeroBufferRemainingAndResumes() {
        TransmissionStrategy s = strategy(8, 8, false, Duration.ofMillis(100));
        s.add(app(1), Duration.ofMinutes(1));
        s.acknowledge(acked(1, 1), 0);
        CompletableFuture<Long> blocked = s.add(app(2), Duration.ofMinutes(1));
        assertFalse(blocked.isDone());
        assertEquals(List.of("1"), sent);
        s.acknowledge(acked(1, 1), 4);
        assertEquals(2L, blocked.join());
    }

    @Test
    void aFullWindowTimesOutTheAddWithWcfsText() {
        TransmissionStrategy s = strategy(1, 8, false, Duration.ofMillis(100));
        s.add(app(1), Duration.ofMinutes(1));
        CompletableFuture<Long> blocked = s.add(app(2), Duration.ofSeconds(2));
        clock.advanceBy(Duration.ofSeconds(2));
        Throwable e = blocked.handle((v, x) -> x).join();
        assertInstanceOf(CommunicationTimeoutException.class, e);
        assertEquals(WcfText.TimeoutOnAddToWindow.format("00:00:02"), e.getMessage());
    }

    @Test
    void aSenderThatAsksForAcksDoesSoOnTheMessageThatFillsTheWindow() {
        TransmissionStrategy s = strategy(8, 8, true, Duration.ofMillis(100));
        s.add(app(1), Duration.ofMinutes(1)); // cwnd 1: this message fills it
        assertTrue(copies.get(0).headers().leading().get(0).name().getLocalPart().equals("AckRequested"));
        assertEquals("Sequence", copies.get(0).headers().leading().get(1).name().getLocalPart());
    }

    @Test
    void theSequenceIsDoneWhenTheLastMessageIsAcknowledged() {
        TransmissionStrategy s = strategy(8, 8, false, Duration.ofMillis(100));
        s.add(app(1), Duration.ofMinutes(1));
        s.addLast(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, WSRM.action(Wsrm.LAST_MESSAGE),
                XmlFragment.EMPTY), Duration.ofMinutes(1));
        s.acknowledge(acked(1, 1), -1);
        assertFalse(s.done().isDone());
        s.acknowledge(acked(1, 2), -1);
        assertTrue(s.done().isDone());
        assertEquals(2, s.last());
    }
}

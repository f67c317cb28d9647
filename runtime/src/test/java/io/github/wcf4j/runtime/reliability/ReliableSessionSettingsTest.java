package io.github.wcf4j.runtime.reliability;

import static io.github.wcf4j.runtime.reliability.RmHarness.T;
import static io.github.wcf4j.runtime.reliability.RmHarness.action;
import static io.github.wcf4j.runtime.reliability.RmHarness.appMessage;
import static io.github.wcf4j.runtime.reliability.RmHarness.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.ServerTooBusyException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@code <reliableSession>} attribute has its effect on the wire (reliability-and-security-tests.md §3,
 * wcf-reference.md §4.6–4.8), for both WS-RM versions, over in-memory duplex sessions on virtual time: what is sent,
 * and when.
 */
class ReliableSessionSettingsTest {

    /** A duplex session with {@code settings}, opened and accepted, and its virtual start time. */
    private static final class Session {
        final RmHarness h;
        final DuplexSessionChannel client;
        final DuplexSessionChannel service;

        Session(ReliableMessagingVersion v, UnaryOperator<ReliableSessionBindingElement.Builder> settings) {
            h = new RmHarness(v);
            CustomBinding b = h.sessions(settings);
            ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
            client = h.connect(b, ChannelType.DUPLEX_SESSION);
            service = h.accept(listener);
        }

        /** Sends {@code count} messages one by one, letting {@code pause} pass after each (acks arrive). */
        void warmUp(int count, Duration pause) {
            for (int i = 0; i < count; i++) {
                h.drive(client.send(RmHarness.app("warm-up " + i), T));
                h.advance(pause);
            }
        }

        /** Virtual times (since the wire's first record) of the records in {@code d} matching {@code p}. */
        List<Duration> times(Direction d, Predicate<String> p) {
            return records(d, p).stream().map(r -> Duration.ofNanos(r.atNanos())).collect(Collectors.toList());
        }

        List<WireRecord> records(Direction d, Predicate<String> p) {
            return h.net.network.wire().stream().filter(r -> r.direction() == d && p.test(r.envelope()))
                    .collect(Collectors.toList());
        }

        Duration now() {
            return h.net.clock.elapsed();
        }
    }

    private static Predicate<String> standAloneAck() {
        return action("SequenceAcknowledgement");
    }

    private static Predicate<String> ackRequested() {
        return action("AckRequested");
    }

    // ---------------------------------------------------------------- acknowledgementInterval

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void acknowledgementIntervalBatchesAcknowledgementsIntoOne(ReliableMessagingVersion v) {
        // 300 ms: below the 400 ms minimum retransmission timeout, so nothing is sent again meanwhile
        Session s = new Session(v, x -> x.acknowledgementInterval(Duration.ofMillis(300))
                .maxTransferWindowSize(16));
        RmHarness.collect(s.service);
        s.warmUp(6, Duration.ofSeconds(1));
        int acksBefore = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck()).size();
        Duration start = s.now();
        for (int i = 0; i < 3; i++) {
            s.h.drive(s.client.send(RmHarness.app("batch " + i), T));
        }
        assertTrue(s.records(Direction.CLIENT_TO_SERVICE, appMessage()).stream().skip(6)
                .noneMatch(r -> r.contains("AckRequested")), "the window is open: no message asks for an ack");
        s.h.advance(Duration.ofMillis(299));
        assertEquals(acksBefore, s.records(Direction.SERVICE_TO_CLIENT, standAloneAck()).size(),
                "nothing is acknowledged before the interval");
        s.h.advance(Duration.ofMillis(1));
        List<WireRecord> acks = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck());
        assertEquals(acksBefore + 1, acks.size(), "one acknowledgement for the three messages");
        WireRecord ack = acks.get(acks.size() - 1);
        assertTrue(ack.contains("<r:AcknowledgementRange Lower=\"1\" Upper=\"9\"/>"), ack.envelope());
        assertEquals(start.plusMillis(300), Duration.ofNanos(ack.atNanos()));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void anAckRequestIsAnsweredAtOnce(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x.acknowledgementInterval(Duration.ofSeconds(10)));
        RmHarness.collect(s.service);
        s.h.drive(s.client.send(RmHarness.app("fills the first window"), T));
        WireRecord first = s.records(Direction.CLIENT_TO_SERVICE, appMessage()).get(0);
        assertTrue(first.contains("<r:AckRequested>"), "the message that fills the window asks for an ack");
        List<WireRecord> acks = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck());
        assertEquals(1, acks.size());
        assertEquals(first.atNanos(), acks.get(0).atNanos(), "answered at once, not after 10 s");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void theMessageThatClosesAnAcknowledgedGapIsAcknowledgedAtOnce(ReliableMessagingVersion v) {
        // messages over several HTTP connections overtake each other: the one that asks for an acknowledgement
        // arrives first, its acknowledgement shows a gap, and under WCF's rules alone the source's window would stay
        // stuck until acknowledgementInterval (200 ms) passed (wcf4j's one addition to them, after TCP's)
        Session s = new Session(v, x -> x);
        RmHarness.collect(s.service);
        int warm = 10; // the congestion window grows to maxTransferWindowSize (8)
        s.warmUp(warm, Duration.ofSeconds(1));
        s.h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE)
                .where(appMessage().and(e -> !e.contains("<r:AckRequested>")))
                .then(FaultAction.delay(Duration.ofMillis(1))));
        Duration start = s.now();
        int acksBefore = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck()).size();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sends.add(s.client.send(RmHarness.app("burst " + i), T));
        }
        s.h.net.clock.runPending();
        List<WireRecord> burst = s.records(Direction.CLIENT_TO_SERVICE, appMessage()).stream().skip(warm).toList();
        assertEquals(8, burst.size(), "the whole window went out");
        long asked = burst.stream().filter(r -> r.contains("<r:AckRequested>")).count();
        assertEquals(1, asked, "the message that fills the window asks for an acknowledgement");
        long last = warm + 8;
        s.h.advance(Duration.ofMillis(1));
        List<WireRecord> acks = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck()).stream().skip(acksBefore)
                .toList();
        assertEquals(2, acks.size(), "one acknowledgement showing the gap, one when it closed");
        assertTrue(acks.get(0).contains("<r:AcknowledgementRange Lower=\"1\" Upper=\"" + warm + "\"/>"), acks.get(0).envelope());
        assertTrue(acks.get(1).contains("<r:AcknowledgementRange Lower=\"1\" Upper=\"" + last + "\"/>"),
                acks.get(1).envelope());
        assertEquals(start.plusMillis(1), Duration.ofNanos(acks.get(1).atNanos()), "at once, not after 200 ms");
        sends.forEach(s.h::drive);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aDuplicateIsAcknowledgedAtOnce(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x);
        List<String> delivered = RmHarness.collect(s.service);
        s.warmUp(3, Duration.ofSeconds(1));
        s.h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(4)))
                .occurrence(1).then(FaultAction.duplicate()));
        int before = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck()).size();
        s.h.drive(s.client.send(RmHarness.app("twice"), T));
        s.h.net.clock.runPending();
        List<WireRecord> acks = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck());
        assertEquals(before + 1, acks.size(), "the duplicate is acknowledged at once, not after 200 ms");
        assertTrue(acks.get(acks.size() - 1).contains("Upper=\"4\""));
        assertEquals(s.records(Direction.CLIENT_TO_SERVICE, appMessage().and(number(4))).get(0).atNanos(),
                acks.get(acks.size() - 1).atNanos());
        assertEquals(1, delivered.stream().filter("twice"::equals).count(), "and delivered once");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void theLastMessageIsAcknowledgedAtOnce(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x);
        RmHarness.collect(s.service);
        s.warmUp(2, Duration.ofSeconds(1));
        CompletableFuture<Void> closing = s.client.close(T);
        s.h.net.clock.runPending();
        String end = s.h.feb2005() ? "LastMessage" : "CloseSequence";
        WireRecord last = s.records(Direction.CLIENT_TO_SERVICE, action(end)).get(0);
        WireRecord answer = s.records(Direction.SERVICE_TO_CLIENT,
                s.h.feb2005() ? standAloneAck() : action("CloseSequenceResponse")).get(
                        s.h.feb2005() ? 2 : 0);
        assertEquals(last.atNanos(), answer.atNanos(), "acknowledged at once: " + s.h.summary());
        assertTrue(answer.contains(s.h.feb2005() ? "Upper=\"3\"" : "Upper=\"2\"/><r:Final/>"), answer.envelope());
        s.h.drive(CompletableFuture.allOf(closing, s.service.close(T)));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aFullReceiveWindowIsAcknowledgedAtOnce(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x.maxTransferWindowSize(3));
        RmHarness.collect(s.service);
        // without AckRequested, only the full window can make the receiver acknowledge before the interval
        s.h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage())
                .then(FaultAction.rewrite(e -> e.replaceAll("<r:AckRequested>.*?</r:AckRequested>", ""))));
        s.warmUp(3, Duration.ofSeconds(1));
        int before = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck()).size();
        for (int i = 0; i < 3; i++) {
            s.h.drive(s.client.send(RmHarness.app("w" + i), T));
        }
        s.h.net.clock.runPending();
        List<WireRecord> acks = s.records(Direction.SERVICE_TO_CLIENT, standAloneAck());
        assertEquals(before + 1, acks.size(), s.h.summary());
        WireRecord ack = acks.get(acks.size() - 1);
        assertTrue(ack.contains("<r:AcknowledgementRange Lower=\"1\" Upper=\"6\"/>"), ack.envelope());
        assertEquals(s.records(Direction.CLIENT_TO_SERVICE, appMessage().and(number(6))).get(0).atNanos(),
                ack.atNanos(), "at once when the third message fills the window, not after 200 ms");
    }

    // ---------------------------------------------------------------- flowControlEnabled

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void flowControlWritesBufferRemainingOnEveryAcknowledgement(ReliableMessagingVersion v) {
        for (boolean enabled : new boolean[] {true, false}) {
            Session s = new Session(v, x -> x.flowControlEnabled(enabled));
            RmHarness.collect(s.service);
            s.warmUp(3, Duration.ofSeconds(1));
            List<WireRecord> acks = s.records(Direction.SERVICE_TO_CLIENT, e -> e.contains("SequenceAcknowledgement>"));
            assertFalse(acks.isEmpty());
            for (WireRecord a : acks) {
                assertEquals(enabled, a.contains("<netrm:BufferRemaining xmlns:netrm="
                        + "\"http://schemas.microsoft.com/ws/2006/05/rm\">8</netrm:BufferRemaining>"), a.envelope());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void theSenderStopsAtZeroBufferRemainingAndPollsUntilTheServiceConsumes(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x.maxTransferWindowSize(4));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            sends.add(s.client.send(RmHarness.app("m" + i), Duration.ofMinutes(10)));
        }
        s.h.advance(Duration.ofSeconds(70));
        List<String> out = s.h.wire(Direction.CLIENT_TO_SERVICE);
        assertFalse(out.contains("Ping#5"), "nothing beyond the receiver's buffer is sent: " + out);
        assertTrue(s.records(Direction.SERVICE_TO_CLIENT, standAloneAck()).stream()
                .anyMatch(a -> a.contains(">0</netrm:BufferRemaining>")), "the buffer is full");
        List<Duration> polls = s.times(Direction.CLIENT_TO_SERVICE, ackRequested());
        assertEquals(2, polls.size(), "fast polling every min(sendTimeout/2, keep-alive) = 30 s: " + s.h.summary());
        assertEquals(Duration.ofSeconds(30), polls.get(1).minus(polls.get(0)));
        assertFalse(sends.get(5).isDone(), "the sixth send waits for room");
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            delivered.add(RmHarness.text(s.h.drive(s.service.receive(T)).orElseThrow()));
        }
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), delivered);
        assertTrue(sends.stream().allMatch(CompletableFuture::isDone));
        assertEquals(1, s.h.wire(Direction.CLIENT_TO_SERVICE).stream().filter("Ping#5"::equals).count(),
                "with flow control nothing was sent in vain");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void withoutFlowControlTheReceiverDropsWhatItsBufferCannotHold(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x.maxTransferWindowSize(2).flowControlEnabled(false));
        s.warmUp(0, Duration.ZERO);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sends.add(s.client.send(RmHarness.app("m" + i), T));
        }
        s.h.advance(Duration.ofSeconds(5));
        assertTrue(s.records(Direction.SERVICE_TO_CLIENT, e -> e.contains("SequenceAcknowledgement>"))
                .stream().noneMatch(a -> a.contains("Upper=\"3\"") || a.contains("Upper=\"4\"")),
                "what the full buffer could not take was not acknowledged");
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            delivered.add(RmHarness.text(s.h.drive(s.service.receive(T)).orElseThrow()));
        }
        assertEquals(List.of("m1", "m2", "m3", "m4"), delivered);
        assertTrue(s.h.wire(Direction.CLIENT_TO_SERVICE).stream().filter("Ping#3"::equals).count() >= 2,
                "#3 was dropped and sent again: " + s.h.summary());
    }

    // ---------------------------------------------------------------- inactivityTimeout and keep-alive

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void anIdleClientAsksForAnAcknowledgementEveryHalfInactivityTimeout(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x.inactivityTimeout(Duration.ofSeconds(80)).maxRetryCount(4));
        RmHarness.collect(s.service);
        s.h.drive(s.client.send(RmHarness.app("m1"), T));
        s.h.net.clock.runPending();
        Duration idle = s.now();
        s.h.advance(Duration.ofSeconds(200));
        List<Duration> polls = s.times(Direction.CLIENT_TO_SERVICE, ackRequested());
        assertEquals(List.of(40L, 80L, 120L, 160L, 200L), polls.stream().map(d -> d.minus(idle).toSeconds())
                .collect(Collectors.toList()), "answered polls keep the session alive at inactivityTimeout/2");
        assertEquals(CommunicationState.Opened, s.client.state());
        assertEquals(CommunicationState.Opened, s.service.state());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void unansweredPollsComeEveryInactivityOverTwiceMaxRetryCountThenTheSessionFaults(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x.inactivityTimeout(Duration.ofSeconds(80)).maxRetryCount(4));
        RmHarness.collect(s.service);
        s.h.drive(s.client.send(RmHarness.app("m1"), T));
        s.h.net.clock.runPending();
        Duration idle = s.now();
        s.h.net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).then(FaultAction.blackhole()));
        CompletableFuture<Optional<Message>> pending = s.client.receive(Duration.ofHours(1));
        s.h.advance(Duration.ofSeconds(100));
        List<Long> polls = s.times(Direction.CLIENT_TO_SERVICE, ackRequested()).stream()
                .map(d -> d.minus(idle).toMillis()).filter(ms -> ms < 80_000).collect(Collectors.toList());
        assertEquals(List.of(40_000L, 50_000L, 60_000L, 70_000L), polls, "80 s / 2 / maxRetryCount 4 = 10 s");
        String text = WcfText.SequenceTerminatedInactivityTimeoutExceeded.format("00:01:20");
        assertEquals(CommunicationState.Faulted, s.client.state());
        assertEquals(text, s.client.faultCause().getMessage());
        Throwable e = s.h.failure(pending);
        assertInstanceOf(CommunicationException.class, e, "a pending receive fails, it never hangs");
        WireRecord terminated = s.records(Direction.CLIENT_TO_SERVICE, x -> x.contains("SequenceTerminated"))
                .get(0);
        assertEquals(idle.plusSeconds(80).toNanos(), terminated.atNanos());
        assertTrue(terminated.contains(text) && terminated.contains("<s:Value>s:Receiver</s:Value>"),
                terminated.envelope());
    }

    // ---------------------------------------------------------------- maxPendingChannels

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void maxPendingChannelsBoundsTheSessionsNotYetAccepted(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.sessions(x -> x.maxPendingChannels(3));
        ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
        for (int i = 0; i < 3; i++) {
            h.connect(b, ChannelType.DUPLEX_SESSION);
        }
        Throwable e = h.failure(h.<DuplexSessionChannel>channel(b, ChannelType.DUPLEX_SESSION).open(T));
        assertInstanceOf(ServerTooBusyException.class, e);
        assertEquals(WcfText.CSRefused.format(WcfText.ServerTooBusy.format(RmHarness.SERVICE)), e.getMessage());
        h.accept(listener);
        h.connect(b, ChannelType.DUPLEX_SESSION);
    }

    // ---------------------------------------------------------------- maxRetryCount

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void retransmissionsStartAtTheMeasuredRoundTripAndDoubleUntilMaxRetryCount(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.sessions(x -> x.maxRetryCount(3));
        ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
        // the CreateSequence round trip takes 1 s: RTO0 = max(RTT + 400 ms, 3 RTT) = 3 s
        h.net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).where(action("CreateSequenceResponse"))
                .then(FaultAction.delay(Duration.ofSeconds(1))));
        DuplexSessionChannel client = h.connect(b, ChannelType.DUPLEX_SESSION);
        h.accept(listener);
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage())
                .then(FaultAction.blackhole()));
        CompletableFuture<Optional<Message>> pending = client.receive(Duration.ofHours(1));
        h.drive(client.send(RmHarness.app("lost"), T));
        long first = h.net.clock.nanoTime();
        h.advance(Duration.ofMinutes(2));
        List<Long> sent = h.net.network.wire().stream().filter(r -> r.direction() == Direction.CLIENT_TO_SERVICE
                && appMessage().test(r.envelope())).map(r -> Duration.ofNanos(r.atNanos() - first).toSeconds())
                .collect(Collectors.toList());
        assertEquals(List.of(0L, 3L, 9L, 21L), sent, "one send and maxRetryCount = 3 retries, doubling from 3 s");
        assertEquals(CommunicationState.Faulted, client.state());
        assertEquals(WcfText.MaximumRetryCountExceeded.format(), client.faultCause().getMessage());
        WireRecord terminated = h.net.network.wire().stream()
                .filter(r -> r.contains("SequenceTerminated")).findFirst().orElseThrow();
        assertEquals(first + Duration.ofSeconds(45).toNanos(), terminated.atNanos(), "after the last retry's RTO");
        assertTrue(terminated.contains(WcfText.SequenceTerminatedMaximumRetryCountExceeded.format()));
        assertEquals(WcfText.MaximumRetryCountExceeded.format(), h.failure(pending).getMessage());
    }

    // ---------------------------------------------------------------- maxTransferWindowSize

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aFullTransferWindowBlocksTheSenderUntilItsTimeout(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x.maxTransferWindowSize(2));
        RmHarness.collect(s.service);
        s.warmUp(3, Duration.ofSeconds(1));
        s.h.net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).then(FaultAction.blackhole()));
        s.h.drive(s.client.send(RmHarness.app("a"), T));
        s.h.drive(s.client.send(RmHarness.app("b"), T));
        CompletableFuture<Void> third = s.client.send(RmHarness.app("c"), Duration.ofSeconds(5));
        s.h.net.clock.runPending();
        assertFalse(third.isDone(), "two messages fill the window");
        Throwable e = s.h.failure(third);
        assertInstanceOf(CommunicationTimeoutException.class, e);
        assertEquals(WcfText.TimeoutOnAddToWindow.format("00:00:05"), e.getMessage());
        assertFalse(s.h.wire(Direction.CLIENT_TO_SERVICE).contains("Ping#6"), "c never went out");
        assertEquals(CommunicationState.Opened, s.client.state(), "a full window does not fault the session");
    }

    // ---------------------------------------------------------------- ordered

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void orderedDeliversInSequenceAndUnorderedAsMessagesArrive(ReliableMessagingVersion v) {
        for (boolean ordered : new boolean[] {true, false}) {
            Session s = new Session(v, x -> x.ordered(ordered));
            List<String> delivered = RmHarness.collect(s.service);
            s.warmUp(3, Duration.ofSeconds(1));
            s.h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(4)))
                    .occurrence(1).then(FaultAction.reorder()));
            s.h.drive(s.client.send(RmHarness.app("x"), T));
            s.h.drive(s.client.send(RmHarness.app("y"), T));
            s.h.advance(Duration.ofSeconds(1));
            assertEquals(ordered ? List.of("x", "y") : List.of("y", "x"), delivered.subList(3, 5),
                    "ordered=" + ordered + ": " + s.h.summary());
        }
    }

    // ---------------------------------------------------------------- reliableMessagingVersion

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void theVersionChoosesTheNamespaceActionsAndShutdown(ReliableMessagingVersion v) {
        Session s = new Session(v, x -> x);
        RmHarness.collect(s.service);
        s.warmUp(1, Duration.ofSeconds(1));
        s.h.drive(CompletableFuture.allOf(s.client.close(T), s.service.close(T)));
        String other = v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11
                ? ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005.namespace()
                : ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11.namespace();
        for (WireRecord r : s.h.net.network.wire()) {
            assertFalse(r.contains(other), "one RM namespace per session: " + r.envelope());
            assertTrue(r.contains("=\"" + v.namespace() + "\""), r.envelope());
        }
        assertTrue(s.h.envelopes(Direction.CLIENT_TO_SERVICE, action("CreateSequence")).get(0)
                .contains(">" + v.namespace() + "/CreateSequence</a:Action>"));
        List<String> out = s.h.wire(Direction.CLIENT_TO_SERVICE);
        if (s.h.feb2005()) {
            assertTrue(out.contains("LastMessage#2") && !out.contains("CloseSequence"), out.toString());
        } else {
            assertTrue(out.contains("CloseSequence") && out.stream().noneMatch(a -> a.startsWith("LastMessage")),
                    out.toString());
        }
    }
}

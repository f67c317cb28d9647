package io.github.wcf4j.runtime.reliability;

import static io.github.wcf4j.runtime.reliability.RmHarness.T;
import static io.github.wcf4j.runtime.reliability.RmHarness.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.reliability.store.MemorySequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Durable reliable sessions on the service side over request/reply (issue 19), on virtual time: a listener with a
 * {@link SequenceStore} is aborted mid-sequence (its process "crashes": nothing is written at abort) and a new one
 * opened at the same address with the same store resumes the sequence when the client's retransmissions arrive.
 */
class DurableReplySessionTest {
    private final MemorySequenceStore store = new MemorySequenceStore();

    private static <C extends Channel> ChannelListener<C> listen(RmHarness h, CustomBinding b, ChannelType<C> type,
            SequenceStore store) {
        ChannelListener<C> l = ChannelStackBuilder.standard().buildListener(b, type, h.net.parameters()
                .put(ListenAddress.class, ListenAddress.explicit(RmHarness.SERVICE)).put(SequenceStore.class, store));
        h.drive(l.open(T));
        return l;
    }

    /**
     * Serves every session {@code listener} accepts: each request is applied (its text recorded) and answered in upper
     * case, except those whose text is in {@code held}, applied but never answered (the crash comes first).
     */
    private static void serve(ChannelListener<ReplySessionChannel> listener, List<String> applied, Set<String> held) {
        ReceivePump.run(() -> listener.acceptChannel(Duration.ofDays(1)), (ReplySessionChannel c) -> {
            c.open(T);
            ReceivePump.run(() -> c.receiveRequest(Duration.ofDays(1)), (RequestContext ctx) -> {
                String text = RmHarness.text(ctx.requestMessage());
                if (held.contains(text)) {
                    return;
                }
                applied.add(text);
                Message r = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoStringResponse",
                        new XmlFragment("<echoStringResponse xmlns=\"urn:test\"><Text>" + text.toUpperCase()
                                + "</Text></echoStringResponse>"));
                r.headers().relatesTo(ctx.requestMessage().headers().messageId());
                ctx.reply(r, T);
            }, e -> { });
        }, e -> { });
    }

    private static String call(RmHarness h, RequestSessionChannel client, String text) {
        return RmHarness.text(h.drive(client.request(RmHarness.request(text), T)));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRestartedServiceResumesTheSequenceAndAnswersTheRequestItHadNotAnswered(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        List<String> applied = new CopyOnWriteArrayList<>();
        ChannelListener<ReplySessionChannel> first = listen(h, b, ChannelType.REPLY_SESSION, store);
        serve(first, applied, Set.of("c"));
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        assertEquals("A", call(h, client, "a"));
        assertEquals("B", call(h, client, "b"));
        CompletableFuture<Message> c = client.request(RmHarness.request("c"), T);
        h.net.clock.runPending();
        assertEquals(1, store.size(), "the session is in the store");
        first.abort(); // the crash: request c was accepted (and acknowledged), never answered

        List<String> after = new CopyOnWriteArrayList<>();
        ChannelListener<ReplySessionChannel> second = listen(h, b, ChannelType.REPLY_SESSION, store);
        serve(second, after, Set.of());
        assertEquals("C", RmHarness.text(h.drive(c)), "the retransmitted request reached the resumed session");
        assertEquals("D", call(h, client, "d"));
        h.drive(client.close(T));
        assertEquals(List.of("a", "b"), applied);
        assertEquals(List.of("c", "d"), after, "each request applied once, in order");
        assertEquals(0, store.size(), "a terminated sequence leaves the store");
        List<String> unknown = h.envelopes(Direction.SERVICE_TO_CLIENT, e -> e.contains("UnknownSequence"));
        assertTrue(unknown.isEmpty(), "no UnknownSequence after the restart: " + unknown);
        second.abort();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aReplyStoredBeforeTheCrashIsSentAgainWithoutInvokingTheServiceAgain(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        List<String> applied = new CopyOnWriteArrayList<>();
        ChannelListener<ReplySessionChannel> first = listen(h, b, ChannelType.REPLY_SESSION, store);
        serve(first, applied, Set.of());
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        assertEquals("A", call(h, client, "a"));
        // the reply to b is lost on the wire, then the service crashes
        h.net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).where(action("EchoStringResponse"))
                .occurrence(1).then(FaultAction.drop()));
        CompletableFuture<Message> bReply = client.request(RmHarness.request("b"), T);
        h.net.clock.runPending();
        assertEquals(List.of("a", "b"), applied);
        first.abort();

        List<String> after = new CopyOnWriteArrayList<>();
        ChannelListener<ReplySessionChannel> second = listen(h, b, ChannelType.REPLY_SESSION, store);
        serve(second, after, Set.of());
        assertEquals("B", RmHarness.text(h.drive(bReply)), "the stored reply answered the retransmission");
        assertEquals("C", call(h, client, "c"));
        h.drive(client.close(T));
        assertEquals(List.of("c"), after, "b was not invoked again");
        second.abort();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void oneWayMessagesAcknowledgedBeforeTheCrashAreDeliveredAfterIt(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<InputSessionChannel> first = listen(h, b, ChannelType.INPUT_SESSION, store);
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        InputSessionChannel service = h.accept(first);
        h.drive(client.send(RmHarness.app("one"), T));
        assertEquals("one", RmHarness.text(h.drive(service.receive(T)).orElseThrow()));
        h.drive(client.send(RmHarness.app("two"), T));
        h.drive(client.send(RmHarness.app("three"), T));
        h.net.clock.runPending();
        first.abort(); // two and three were acknowledged, never delivered

        ChannelListener<InputSessionChannel> second = listen(h, b, ChannelType.INPUT_SESSION, store);
        h.drive(client.send(RmHarness.app("four"), T));
        InputSessionChannel resumed = h.accept(second);
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            delivered.add(RmHarness.text(h.drive(resumed.receive(T)).orElseThrow()));
        }
        assertEquals(List.of("two", "three", "four"), delivered);
        h.drive(client.close(T));
        assertEquals(0, store.size());
        second.abort();
    }

    /** A store whose writes, once held, complete only when released, in the order they were made. */
    private static final class HeldStore implements SequenceStore {
        private final MemorySequenceStore inner = new MemorySequenceStore();
        private final java.util.ArrayDeque<Runnable> held = new java.util.ArrayDeque<>();
        private boolean holding;

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public synchronized CompletableFuture<Void> write(String key, io.github.wcf4j.runtime.reliability.store
                .SequenceChange change) {
            if (!holding) {
                return inner.write(key, change);
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            held.add(() -> inner.write(key, change).thenRun(() -> done.complete(null)));
            return done;
        }

        synchronized void hold() {
            holding = true;
        }

        void release() {
            List<Runnable> now;
            synchronized (this) {
                holding = false;
                now = new ArrayList<>(held);
                held.clear();
            }
            now.forEach(Runnable::run);
        }

        @Override
        public CompletableFuture<java.util.Optional<io.github.wcf4j.runtime.reliability.store.StoredSequence>> load(
                String sequenceId) {
            return inner.load(sequenceId);
        }

        @Override
        public CompletableFuture<List<io.github.wcf4j.runtime.reliability.store.StoredSequence>> unfinished(
                io.github.wcf4j.runtime.reliability.store.SequenceChange.Role role, String endpoint) {
            return inner.unfinished(role, endpoint);
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRequestIsNeitherAcknowledgedNorAnsweredBeforeItIsStored(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        HeldStore held = new HeldStore();
        List<String> applied = new CopyOnWriteArrayList<>();
        ChannelListener<ReplySessionChannel> listener = listen(h, b, ChannelType.REPLY_SESSION, held);
        serve(listener, applied, Set.of());
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        assertEquals("A", call(h, client, "a"));
        held.hold();
        CompletableFuture<Message> second = client.request(RmHarness.request("b"), T);
        h.net.clock.runPending();
        assertEquals(List.of("a", "b"), applied, "the invocation does not wait for the write");
        assertTrue(!second.isDone(), "the reply waits for the writes of the request and the reply");
        assertEquals(1, h.envelopes(Direction.SERVICE_TO_CLIENT, action("EchoStringResponse")).size());
        // an acknowledgement asked for meanwhile names request 1, not 2
        Message ack = h.drive(h.raw(MessageVersion.SOAP12_WS_ADDRESSING10).request(h.messages(
                MessageVersion.SOAP12_WS_ADDRESSING10).ackRequested(client.session().id(), null), T));
        AckHeader a = WsrmInfo.read(ack, h.wsrm).ack().orElseThrow();
        assertTrue(a.ranges().contains(1) && !a.ranges().contains(2), a.ranges().toString());
        held.release();
        assertEquals("B", RmHarness.text(h.drive(second)));
        h.drive(client.close(T));
        listener.abort();
    }

    /**
     * A farm's shared store in which another host accepts request {@code taken} first (once): this host's write of it
     * fails with {@link io.github.wcf4j.runtime.reliability.store.SequenceNumberTakenException}.
     */
    private static final class FarmStore implements SequenceStore {
        private final MemorySequenceStore inner = new MemorySequenceStore();
        private final long taken;
        private boolean lost;

        FarmStore(long taken) {
            this.taken = taken;
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public synchronized CompletableFuture<Void> write(String key, io.github.wcf4j.runtime.reliability.store
                .SequenceChange change) {
            if (!lost && change instanceof io.github.wcf4j.runtime.reliability.store.SequenceChange.Received r
                    && r.number() == taken) {
                lost = true;
                return CompletableFuture.failedFuture(new io.github.wcf4j.runtime.reliability.store
                        .SequenceNumberTakenException(key, taken, "other-host/1"));
            }
            return inner.write(key, change);
        }

        @Override
        public CompletableFuture<java.util.Optional<io.github.wcf4j.runtime.reliability.store.StoredSequence>> load(
                String sequenceId) {
            return inner.load(sequenceId);
        }

        @Override
        public CompletableFuture<List<io.github.wcf4j.runtime.reliability.store.StoredSequence>> unfinished(
                io.github.wcf4j.runtime.reliability.store.SequenceChange.Role role, String endpoint) {
            return inner.unfinished(role, endpoint);
        }

        @Override
        public void close() {
        }
    }

    /**
     * A farm host whose write of request 2 lost to another host's (the other host delivers it) neither invokes the
     * request nor fails the session nor ends the stored sequence: it answers with an empty response, as for a
     * duplicate not yet answered; the client's retransmission is then accepted (here, by the same host) once.
     */
    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aFarmHostWhoseWriteOfARequestLostAnswersAsForADuplicateAndInvokesNothing(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        FarmStore farm = new FarmStore(2);
        List<String> applied = new CopyOnWriteArrayList<>();
        ChannelListener<ReplySessionChannel> listener = listen(h, b, ChannelType.REPLY_SESSION, farm);
        serve(listener, applied, Set.of());
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        assertEquals("A", call(h, client, "a"));
        CompletableFuture<Message> second = client.request(RmHarness.request("b"), T);
        h.net.clock.runPending();
        assertTrue(farm.lost, "the write of request 2 lost");
        assertEquals(List.of("a"), applied, "a request whose write lost is not invoked");
        assertEquals(1, farm.inner.size(), "the stored sequence is not ended");
        assertEquals("B", RmHarness.text(h.drive(second)), "the retransmission is accepted");
        assertEquals(List.of("a", "b"), applied, "once");
        assertEquals("C", call(h, client, "c"));
        h.drive(client.close(T));
        assertEquals(0, farm.inner.size());
        listener.abort();
    }

    /**
     * In a farm a host's session times out when the client's messages went to the other hosts: it leaves the host,
     * not the store, and the client's next message here resumes it from the store.
     */
    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aFarmHostsIdleSessionTimesOutWithoutEndingTheStoredSequence(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x.inactivityTimeout(Duration.ofSeconds(10)));
        FarmStore farm = new FarmStore(0);
        List<String> applied = new CopyOnWriteArrayList<>();
        ChannelListener<ReplySessionChannel> listener = listen(h, b, ChannelType.REPLY_SESSION, farm);
        serve(listener, applied, Set.of());
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        assertEquals("A", call(h, client, "a"));
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).then(FaultAction.blackhole()));
        h.advance(Duration.ofSeconds(11));
        assertEquals(1, farm.inner.size(), "the stored sequence outlives this host's idle session");
        assertTrue(farm.inner.load(client.session().id()).join().isPresent());
    }

    /** The store's clock on the harness's virtual time (what the store's housekeeping compares). */
    private static java.time.Clock virtual(RmHarness h) {
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.EPOCH.plusNanos(h.net.clock.nanoTime());
            }
        };
    }

    /**
     * A sequence whose service crashed and whose client went away (nothing will ever continue it, so no session's
     * inactivity timer runs for it) is removed by the restarted listener's housekeeping once nothing touched it for the
     * binding's inactivityTimeout (plus the quarter the sessions' touches may lag), on virtual time; a client that
     * keeps its idle session alive (its keep-alive AckRequested messages touch the sequence) keeps its sequence.
     */
    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void anAbandonedStoredSequenceExpiresAfterTheInactivityTimeoutAndALiveOneStays(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        MemorySequenceStore timed = new MemorySequenceStore(virtual(h));
        CustomBinding b = h.requestReply(x -> x.inactivityTimeout(Duration.ofSeconds(40)));
        ChannelListener<ReplySessionChannel> first = listen(h, b, ChannelType.REPLY_SESSION, timed);
        serve(first, new CopyOnWriteArrayList<>(), Set.of());
        RequestSessionChannel abandoned = h.connect(b, ChannelType.REQUEST_SESSION);
        assertEquals("A", call(h, abandoned, "a"));
        first.abort(); // the service crashes ...
        abandoned.abort(); // ... and its client goes away for good

        ChannelListener<ReplySessionChannel> second = listen(h, b, ChannelType.REPLY_SESSION, timed);
        serve(second, new CopyOnWriteArrayList<>(), Set.of());
        RequestSessionChannel live = h.connect(b, ChannelType.REQUEST_SESSION);
        assertEquals("B", call(h, live, "b"));
        assertEquals(2, timed.size());
        h.advance(Duration.ofSeconds(40));
        assertTrue(timed.load(abandoned.session().id()).join().isPresent(),
                "not before the inactivity timeout and the touches' slack");
        h.advance(Duration.ofSeconds(30));
        assertTrue(timed.load(abandoned.session().id()).join().isEmpty(), "the abandoned sequence expired");
        h.advance(Duration.ofSeconds(200));
        assertEquals(1, timed.size(), "the live client's idle sequence stays: " + h.summary());
        assertTrue(timed.load(live.session().id()).join().isPresent());
        assertEquals("C", call(h, live, "c"), "and goes on");
        h.drive(live.close(T));
        assertEquals(0, timed.size());
        second.abort();
    }

    @Test
    void withoutAStoreARestartedServiceAnswersUnknownSequence() {
        RmHarness h = new RmHarness(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<ReplySessionChannel> first = listen(h, b, ChannelType.REPLY_SESSION, SequenceStore.none());
        serve(first, new CopyOnWriteArrayList<>(), Set.of());
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        assertEquals("A", call(h, client, "a"));
        first.abort();
        ChannelListener<ReplySessionChannel> second = listen(h, b, ChannelType.REPLY_SESSION, SequenceStore.none());
        serve(second, new CopyOnWriteArrayList<>(), Set.of());
        h.failure(client.request(RmHarness.request("b"), T));
        assertTrue(h.envelopes(Direction.SERVICE_TO_CLIENT, e -> e.contains("UnknownSequence")).size() >= 1,
                h.summary());
        second.abort();
    }

    @Test
    void aSessionOverASecureConversationContextIsRefusedByName() {
        RmHarness h = new RmHarness(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11);
        SecurityBindingElement sc = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(AuthenticationMode.AnonymousForCertificate)
                        .build()).build();
        CustomBinding b = CustomBinding.of("secured", h.rm().build(), sc, TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> listen(h, b, ChannelType.REPLY_SESSION, store));
        assertTrue(e.getMessage().contains("SecureConversation security context"), e.getMessage());
    }

    @Test
    void aDuplexSessionOverAnInnerSessionIsRefusedByName() {
        RmHarness h = new RmHarness(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> listen(h, h.sessions(x -> x), ChannelType.DUPLEX_SESSION, store));
        assertTrue(e.getMessage().contains("ends with its process"), e.getMessage());
        IllegalStateException client = assertThrows(IllegalStateException.class,
                () -> ChannelStackBuilder.standard().buildFactory(h.requestReply(x -> x), ChannelType.REQUEST_SESSION,
                        h.net.parameters().put(SequenceStore.class, store)));
        assertTrue(client.getMessage().contains("durable request/reply clients"), client.getMessage());
    }
}

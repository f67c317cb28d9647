package io.github.wcf4j.runtime.reliability;

import static io.github.wcf4j.runtime.reliability.RmHarness.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.reliability.store.MemorySequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Durable reliable duplex sessions at the service (issue 19), the seed's shape: reliableSession + compositeDuplex +
 * oneWay + text over the HTTP-like request/reply transport, with the client's offered sequence. On virtual time, a
 * listener with a {@link SequenceStore} is aborted mid-session (its process "crashes": nothing is written at abort)
 * and a new one opened at the same address with the same store resumes both sequences: the client's retransmissions
 * complete the inbound sequence once, in order, and the service's unacknowledged outbound messages are sent again.
 */
class DurableDuplexSessionTest {
    private final MemorySequenceStore store = new MemorySequenceStore();

    private static <C extends io.github.wcf4j.runtime.channel.Channel> ChannelListener<C> listen(RmHarness h,
            CustomBinding b, ChannelType<C> type, SequenceStore store) {
        ChannelListener<C> l = ChannelStackBuilder.standard().buildListener(b, type, h.net.parameters()
                .put(ListenAddress.class, ListenAddress.explicit(RmHarness.SERVICE)).put(SequenceStore.class, store));
        h.drive(l.open(T));
        return l;
    }

    private static Predicate<String> text(String t) {
        return e -> e.contains("<Text>" + t + "</Text>");
    }

    private static String receive(RmHarness h, DuplexSessionChannel c) {
        return RmHarness.text(h.drive(c.receive(T)).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRestartedServiceResumesBothSequencesOfADuplexSession(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.addressable(x -> x);
        ChannelListener<DuplexSessionChannel> first = listen(h, b, ChannelType.DUPLEX_SESSION, store);
        DuplexSessionChannel client = h.connect(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel service = h.accept(first);
        StoredSequence opened = store.load(service.session().id()).join().orElseThrow();
        assertEquals(SequenceChange.Role.SERVICE_DUPLEX, opened.opened().role());
        assertTrue(opened.opened().outputId() != null && store.load(opened.opened().outputId()).join().isPresent(),
                "the offered sequence is stored with the created one");
        assertTrue(opened.opened().backChannel() != null, "and the back channel the service sends to");

        h.drive(client.send(RmHarness.app("one"), T));
        assertEquals("one", receive(h, service));
        h.drive(service.send(RmHarness.app("back-1"), T));
        assertEquals("back-1", receive(h, client));
        // the service's back-2 (and each retransmission of it) is lost on the wire: unacknowledged at the crash
        // (over compositeDuplex every message is a request: the service's go to the client's listener)
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(text("back-2"))
                .then(FaultAction.drop()));
        CompletableFuture<Void> back2 = service.send(RmHarness.app("back-2"), T);
        h.net.clock.runPending();
        assertTrue(back2.isDone(), "a send completes once its message is stored");
        // two is accepted (stored, acknowledged), never handed to the application
        h.drive(client.send(RmHarness.app("two"), T));
        h.advance(Duration.ofSeconds(1));
        StoredSequence before = store.load(service.session().id()).join().orElseThrow();
        assertTrue(before.pending().containsKey(2L), "two is stored before it is acknowledged");
        assertTrue(before.unacknowledged().containsKey(2L), "back-2 is in the stored send window: " + before + "\n" + h.summary());
        first.abort(); // the crash
        h.net.network.clearFaults();

        // three goes out while no service listens: the client retransmits it to the restarted one
        CompletableFuture<Void> three = client.send(RmHarness.app("three"), T);
        h.advance(Duration.ofSeconds(2));
        ChannelListener<DuplexSessionChannel> second = listen(h, b, ChannelType.DUPLEX_SESSION, store);
        h.drive(three);
        DuplexSessionChannel resumed = h.accept(second);
        assertEquals(service.session().id(), resumed.session().id(), "the same session, resumed");
        List<String> delivered = new ArrayList<>();
        delivered.add(receive(h, resumed));
        delivered.add(receive(h, resumed));
        assertEquals("back-2", receive(h, client), "the stored unacknowledged message was sent again");
        h.drive(client.send(RmHarness.app("four"), T));
        delivered.add(receive(h, resumed));
        assertEquals(List.of("two", "three", "four"), delivered, "each once, in order");
        h.drive(resumed.send(RmHarness.app("back-3"), T));
        assertEquals("back-3", receive(h, client));

        CompletableFuture<Void> clientClosed = client.close(T);
        CompletableFuture<Void> serviceClosed = resumed.close(T);
        h.drive(clientClosed);
        h.drive(serviceClosed);
        assertEquals(0, store.size(), "a closed session leaves the store");
        assertTrue(h.envelopes(Direction.CLIENT_TO_SERVICE, e -> e.contains("UnknownSequence")).isEmpty(),
                h.summary());
        assertEquals(1, h.envelopes(Direction.CLIENT_TO_SERVICE, text("two")).size(),
                "two, acknowledged before the crash, was not sent again");
        assertTrue(h.envelopes(Direction.CLIENT_TO_SERVICE, text("back-2")).size() >= 2, h.summary());
        second.abort();
    }

    /** The service's answer to {@code request}: its text upper-cased, RelatesTo it. */
    private static Message answer(Message request) {
        Message r = RmHarness.app(RmHarness.text(request).toUpperCase());
        r.headers().relatesTo(request.headers().messageId());
        return r;
    }

    /**
     * The seed's calculator is request/reply over compositeDuplex: a request (it has a MessageID) handed to the
     * application whose answer was not stored when the process died is delivered again after the restart; one whose
     * answer was stored is not.
     */
    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRequestWhoseAnswerWasNotStoredIsDeliveredAgainAfterTheRestart(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.addressable(x -> x);
        ChannelListener<DuplexSessionChannel> first = listen(h, b, ChannelType.DUPLEX_SESSION, store);
        DuplexSessionChannel client = h.connect(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel service = h.accept(first);
        h.drive(client.send(RmHarness.request("a"), T));
        Message a = h.drive(service.receive(T)).orElseThrow();
        h.drive(service.send(answer(a), T));
        assertEquals("A", receive(h, client));
        h.drive(client.send(RmHarness.request("b"), T));
        assertEquals("b", receive(h, service)); // the process dies before it answers b
        h.advance(Duration.ofSeconds(1));
        StoredSequence before = store.load(service.session().id()).join().orElseThrow();
        assertEquals(List.of(2L), List.copyOf(before.pending().keySet()), "a was answered, b was not");
        first.abort();

        ChannelListener<DuplexSessionChannel> second = listen(h, b, ChannelType.DUPLEX_SESSION, store);
        h.drive(client.send(RmHarness.request("c"), T));
        DuplexSessionChannel resumed = h.accept(second);
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message m = h.drive(resumed.receive(T)).orElseThrow();
            delivered.add(RmHarness.text(m));
            h.drive(resumed.send(answer(m), T));
        }
        assertEquals(List.of("b", "c"), delivered);
        assertEquals("B", receive(h, client));
        assertEquals("C", receive(h, client));
        CompletableFuture<Void> clientClosed = client.close(T);
        CompletableFuture<Void> serviceClosed = resumed.close(T);
        h.drive(clientClosed);
        h.drive(serviceClosed);
        assertEquals(0, store.size());
        second.abort();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aMessageIsNotAcknowledgedBeforeItIsStored(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.addressable(x -> x);
        HeldStore held = new HeldStore();
        ChannelListener<DuplexSessionChannel> listener = listen(h, b, ChannelType.DUPLEX_SESSION, held);
        DuplexSessionChannel client = h.connect(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel service = h.accept(listener);
        h.drive(client.send(RmHarness.app("one"), T));
        assertEquals("one", receive(h, service));
        held.hold();
        h.drive(client.send(RmHarness.app("two"), T));
        CompletableFuture<Optional<Message>> two = service.receive(T);
        h.advance(Duration.ofSeconds(5));
        assertTrue(!two.isDone(), "not delivered before it is stored");
        List<String> acks = h.envelopes(Direction.CLIENT_TO_SERVICE, e -> e.contains("SequenceAcknowledgement"));
        assertTrue(acks.stream().noneMatch(e -> e.contains("Upper=\"2\"")), "no acknowledgement names 2: " + acks);
        CompletableFuture<Void> back = service.send(RmHarness.app("back"), T);
        h.net.clock.runPending();
        assertTrue(!back.isDone(), "a send completes once stored");
        assertTrue(h.envelopes(Direction.CLIENT_TO_SERVICE, text("back")).isEmpty(),
                "nothing goes on the wire before it is stored");
        held.release();
        assertEquals("two", RmHarness.text(h.drive(two).orElseThrow()));
        h.drive(back);
        assertEquals("back", receive(h, client));
        listener.abort();
    }

    /**
     * The application's abort of a session ends its sequence (the client is told, as without a store) and it leaves
     * the store; only the listener's abort (the process stopping) keeps it there.
     */
    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void anAbortedSessionLeavesTheStoreAndTellsTheClient(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.addressable(x -> x);
        ChannelListener<DuplexSessionChannel> listener = listen(h, b, ChannelType.DUPLEX_SESSION, store);
        DuplexSessionChannel client = h.connect(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel service = h.accept(listener);
        h.drive(client.send(RmHarness.app("one"), T));
        assertEquals("one", receive(h, service));
        assertEquals(1, store.size());
        service.abort();
        h.advance(Duration.ofSeconds(1));
        assertEquals(0, store.size(), "an aborted session is not resumed");
        assertTrue(!h.envelopes(Direction.CLIENT_TO_SERVICE, e -> e.contains("SequenceTerminated")).isEmpty(),
                h.summary());
        listener.abort();
    }

    @Test
    void whatIsNotKeptIsRefusedByName() {
        RmHarness h = new RmHarness(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11);
        IllegalStateException client = assertThrows(IllegalStateException.class,
                () -> ChannelStackBuilder.standard().buildFactory(h.addressable(x -> x), ChannelType.DUPLEX_SESSION,
                        h.net.parameters().put(SequenceStore.class, store)));
        assertTrue(client.getMessage().contains("durable duplex clients"), client.getMessage());
        IllegalStateException tcp = assertThrows(IllegalStateException.class,
                () -> listen(h, h.sessions(x -> x), ChannelType.DUPLEX_SESSION, store));
        assertTrue(tcp.getMessage().contains("the connection a session runs in ends with its process"),
                tcp.getMessage());
        IllegalStateException input = assertThrows(IllegalStateException.class,
                () -> listen(h, h.addressable(x -> x), ChannelType.INPUT_SESSION, store));
        assertTrue(input.getMessage().contains("are not implemented yet"), input.getMessage());
        HeldStore shared = new HeldStore() {
            @Override
            public boolean shared() {
                return true;
            }
        };
        IllegalStateException farm = assertThrows(IllegalStateException.class,
                () -> listen(h, h.addressable(x -> x), ChannelType.DUPLEX_SESSION, shared));
        assertTrue(farm.getMessage().contains("shared by the hosts of a farm"), farm.getMessage());
    }

    /** A store whose writes, once held, complete only when released, in the order they were made. */
    static class HeldStore implements SequenceStore {
        private final MemorySequenceStore inner = new MemorySequenceStore();
        private final List<Runnable> held = new ArrayList<>();
        private boolean holding;

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public synchronized CompletableFuture<Void> write(String key, SequenceChange change) {
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
        public CompletableFuture<Optional<StoredSequence>> load(String sequenceId) {
            return inner.load(sequenceId);
        }

        @Override
        public CompletableFuture<List<StoredSequence>> unfinished(SequenceChange.Role role, String endpoint) {
            return inner.unfinished(role, endpoint);
        }

        @Override
        public void close() {
        }
    }
}

package io.github.wcf4j.runtime.reliability;

import static io.github.wcf4j.runtime.reliability.RmHarness.T;
import static io.github.wcf4j.runtime.reliability.RmHarness.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.reliability.store.MemorySequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Durable reliable duplex sessions at the client (issue 19), the seed's client shape: reliableSession + compositeDuplex
 * (with a clientBaseAddress) + oneWay + text over the HTTP-like transport, the client offering the sequence the service
 * answers on. On virtual time the client's channel and factory are aborted (its process "crashes") and a new factory
 * with the same store opens a channel: it resumes both sequences without a CreateSequence, listening at the stored back
 * channel; what its {@code send} had accepted goes out once, in order, and what the service sends on the offered
 * sequence (also while the client was down, and a late answer to a request whose caller died) is delivered once, in
 * order.
 */
class DurableDuplexClientTest {
    private static final URI CLIENT_BASE = URI.create("inmemory://localhost/client");
    private final MemorySequenceStore store = new MemorySequenceStore();

    private static CustomBinding binding(RmHarness h) {
        return CustomBinding.of("rm", h.rm().build(), CompositeDuplexBindingElement.at(CLIENT_BASE),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    private static DuplexSessionChannel client(RmHarness h, CustomBinding b, SequenceStore store,
            List<ChannelFactory<?>> factories) {
        ChannelFactory<DuplexSessionChannel> f = ChannelStackBuilder.standard().buildFactory(b,
                ChannelType.DUPLEX_SESSION, h.net.parameters().put(SequenceStore.class, store));
        h.drive(f.open(T));
        factories.add(f);
        DuplexSessionChannel c = f.createChannel(EndpointAddress.of(RmHarness.SERVICE));
        h.drive(c.open(T));
        return c;
    }

    private static Predicate<String> text(String t) {
        return e -> e.contains("<Text>" + t + "</Text>");
    }

    private static String receive(RmHarness h, DuplexSessionChannel c) {
        return RmHarness.text(h.drive(c.receive(T)).orElseThrow());
    }

    private static Message answer(Message request) {
        Message r = RmHarness.app(RmHarness.text(request).toUpperCase());
        r.headers().relatesTo(request.headers().messageId());
        return r;
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRestartedClientResumesBothSequencesOfItsDuplexSession(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = binding(h);
        ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
        List<ChannelFactory<?>> factories = new ArrayList<>();
        DuplexSessionChannel first = client(h, b, store, factories);
        DuplexSessionChannel service = h.accept(listener);
        StoredSequence opened = store.unfinished(SequenceChange.Role.CLIENT_DUPLEX, RmHarness.SERVICE.toString())
                .join().get(0);
        assertTrue(opened.opened().backChannel().uri().startsWith(CLIENT_BASE + "/"), opened.opened().toString());

        h.drive(first.send(RmHarness.app("one"), T));
        h.drive(first.send(RmHarness.request("q"), T));
        List<String> atService = new ArrayList<>();
        atService.add(receive(h, service));
        Message q = h.drive(service.receive(T)).orElseThrow();
        atService.add(RmHarness.text(q));
        h.drive(service.send(RmHarness.app("back-1"), T));
        assertEquals("back-1", receive(h, first));
        // back-2 is accepted by the client (stored, acknowledged), never handed to its application
        h.drive(service.send(RmHarness.app("back-2"), T));
        // two and three are lost on their way: accepted by send (stored), never acknowledged
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(text("two").or(text("three")))
                .then(FaultAction.drop()));
        h.drive(first.send(RmHarness.app("two"), T));
        h.drive(first.send(RmHarness.app("three"), T));
        h.advance(Duration.ofSeconds(1));
        StoredSequence before = store.load(first.session().id()).join().orElseThrow();
        assertEquals(List.of(3L, 4L), List.copyOf(before.unacknowledged().keySet()), before.toString());
        assertEquals(List.of(2L), List.copyOf(before.pending().keySet()), "back-2 stored, not delivered");
        first.abort(); // the crash
        factories.get(0).abort();
        h.net.network.clearFaults();

        // while the client is down the service answers q (its caller died with the process) and sends back-3
        CompletableFuture<Void> lateAnswer = service.send(answer(q), T);
        CompletableFuture<Void> back3 = service.send(RmHarness.app("back-3"), T);
        h.advance(Duration.ofMillis(500));

        DuplexSessionChannel second = client(h, b, store, factories);
        assertEquals(first.session().id(), second.session().id(), "the same session, resumed");
        h.drive(second.send(RmHarness.app("four"), T));
        for (int i = 0; i < 3; i++) {
            atService.add(receive(h, service));
        }
        assertEquals(List.of("one", "q", "two", "three", "four"), atService, "each once, in order");
        List<String> atClient = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atClient.add(receive(h, second));
        }
        h.drive(lateAnswer);
        h.drive(back3);
        h.drive(service.send(RmHarness.app("back-4"), T));
        atClient.add(receive(h, second));
        assertEquals(List.of("back-2", "Q", "back-3", "back-4"), atClient,
                "each once, in order, the late answer delivered to the reopened channel");

        CompletableFuture<Void> clientClosed = second.close(T);
        CompletableFuture<Void> serviceClosed = service.close(T);
        h.drive(clientClosed);
        h.drive(serviceClosed);
        assertEquals(0, store.size(), "a closed session leaves the store");
        assertEquals(1, h.envelopes(Direction.CLIENT_TO_SERVICE, action("CreateSequence")).size(),
                "the restarted client resumed the session rather than create one");
        assertTrue(h.envelopes(Direction.CLIENT_TO_SERVICE, e -> e.contains("UnknownSequence")
                || e.contains("SequenceTerminated")).isEmpty(), h.summary());
        assertEquals(1, h.envelopes(Direction.CLIENT_TO_SERVICE, text("back-2")).size(),
                "back-2, acknowledged before the crash, was not sent again");
        factories.forEach(ChannelFactory::abort);
        listener.abort();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aClientNeitherSendsNorAcknowledgesBeforeItsWriteCompleted(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = binding(h);
        ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
        DurableDuplexSessionTest.HeldStore held = new DurableDuplexSessionTest.HeldStore();
        List<ChannelFactory<?>> factories = new ArrayList<>();
        DuplexSessionChannel client = client(h, b, held, factories);
        DuplexSessionChannel service = h.accept(listener);
        String offer = held.load(client.session().id()).join().orElseThrow().opened().inputId();
        h.drive(client.send(RmHarness.app("one"), T));
        assertEquals("one", receive(h, service));
        held.hold();
        CompletableFuture<Void> two = client.send(RmHarness.app("two"), T);
        h.drive(service.send(RmHarness.app("back"), T));
        CompletableFuture<java.util.Optional<Message>> back = client.receive(T);
        h.advance(Duration.ofSeconds(5));
        assertTrue(!two.isDone(), "a send completes once its message is stored");
        assertTrue(h.envelopes(Direction.CLIENT_TO_SERVICE, text("two")).isEmpty(),
                "nothing goes on the wire before it is stored");
        assertTrue(!back.isDone(), "not delivered before it is stored");
        List<String> acks = h.envelopes(Direction.CLIENT_TO_SERVICE, e -> !e.contains("<Text>")
                && e.contains("SequenceAcknowledgement") && e.contains(offer));
        assertTrue(acks.isEmpty(), "no acknowledgement of the offered sequence before its write: " + acks);
        held.release();
        h.drive(two);
        assertEquals("back", RmHarness.text(h.drive(back).orElseThrow()));
        assertEquals("two", receive(h, service));
        assertTrue(!h.envelopes(Direction.CLIENT_TO_SERVICE, e -> !e.contains("<Text>")
                && e.contains("SequenceAcknowledgement") && e.contains(offer)).isEmpty(), h.summary());
        factories.forEach(ChannelFactory::abort);
        listener.abort();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aDurableDuplexClientWithoutAClientBaseAddressIsRefusedByName(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChannelStackBuilder.standard().buildFactory(h.addressable(x -> x), ChannelType.DUPLEX_SESSION,
                        h.net.parameters().put(SequenceStore.class, store)));
        assertTrue(e.getMessage().contains("durable duplex clients") && e.getMessage().contains("clientBaseAddress"),
                e.getMessage());
    }
}

package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reliable sessions over the HTTP-like request/reply transport, both versions, on virtual time. */
class ReliableRequestReplySessionTest {
    private final InMemoryFixture net = new InMemoryFixture();

    static CustomBinding binding(ReliableMessagingVersion v) {
        return CustomBinding.of("rm", ReliableSessionBindingElement.builder().reliableMessagingVersion(v).build(),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.requestReply());
    }

    static Message app(String text) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/Echo",
                new XmlFragment("<Echo xmlns=\"urn:test\">" + text + "</Echo>"));
        m.headers().messageId(WsrmMessages.newId());
        return m;
    }

    static String text(Message m) {
        return m.body().xml().replaceAll("<[^>]+>", "");
    }

    /** A client's request session and the service's reply session, both open. */
    private record Session(RequestSessionChannel client, ReplySessionChannel service) {
    }

    private Session open(ReliableMessagingVersion v) {
        CustomBinding b = binding(v);
        ChannelListener<ReplySessionChannel> listener = net.openListener(b, ChannelType.REPLY_SESSION,
                InMemoryFixture.SERVICE);
        RequestSessionChannel client = net.<RequestSessionChannel>openFactory(b, ChannelType.REQUEST_SESSION)
                .createChannel(EndpointAddress.of(InMemoryFixture.SERVICE));
        net.open(client);
        return new Session(client, net.accept(listener));
    }

    /** Answers an Echo request with its text in upper case. */
    private static void answer(RequestContext ctx) {
        Message answer = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoResponse",
                new XmlFragment("<R xmlns=\"urn:test\">" + text(ctx.requestMessage()).toUpperCase() + "</R>"));
        answer.headers().relatesTo(ctx.requestMessage().headers().messageId());
        ctx.reply(answer, InMemoryFixture.TIMEOUT);
    }

    private List<String> actions() {
        return net.network.wire().stream().map(WireRecord::envelope).filter(e -> !e.isEmpty())
                .map(e -> e.replaceAll(".*<a:Action s:mustUnderstand=\"1\">([^<]*)</a:Action>.*", "$1"))
                .map(a -> a.substring(a.lastIndexOf('/') + 1)).collect(Collectors.toList());
    }

    private void closeBoth(CompletableFuture<Void> a, CompletableFuture<Void> b) {
        for (int i = 0; i < 200 && !(a.isDone() && b.isDone()); i++) {
            net.clock.advanceBy(Duration.ofMillis(100));
        }
        net.await(a);
        net.await(b);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void requestsGetTheirRepliesOverAReliableSession(ReliableMessagingVersion v) {
        Session session = open(v);
        RequestSessionChannel client = session.client();
        ReplySessionChannel service = session.service();
        List<String> replies = new ArrayList<>();
        for (String s : List.of("a", "b", "c")) {
            CompletableFuture<Message> reply = client.request(app(s), InMemoryFixture.TIMEOUT);
            RequestContext ctx = net.await(service.receiveRequest(InMemoryFixture.TIMEOUT)).orElseThrow();
            answer(ctx);
            replies.add(text(net.await(reply)));
        }
        assertEquals(List.of("A", "B", "C"), replies);
        CompletableFuture<Optional<RequestContext>> end = service.receiveRequest(InMemoryFixture.TIMEOUT);
        closeBoth(client.close(InMemoryFixture.TIMEOUT), CompletableFuture.completedFuture(null));
        assertEquals(Optional.empty(), net.await(end), "the sequence ended: no more requests");
        net.await(service.close(InMemoryFixture.TIMEOUT));
        List<String> actions = actions();
        assertTrue(actions.contains("TerminateSequence"), actions.toString());
        if (v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11) {
            assertTrue(actions.contains("CloseSequenceResponse") && actions.contains("TerminateSequenceResponse"),
                    actions.toString());
        } else {
            assertEquals(2, actions.stream().filter("LastMessage"::equals).count(), actions.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRequestLostWithItsConnectionIsSentAgainAtOnceThenOnTheRetransmissionTimer(ReliableMessagingVersion v) {
        Session session = open(v);
        RequestSessionChannel client = session.client();
        ReplySessionChannel service = session.service();
        // the first two transmissions of the first request fail with their exchange (a reset connection)
        net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<Echo xmlns=\"urn:test\">a")
                .occurrences(1, 2).then(FaultAction.drop()));
        long start = net.clock.nanoTime();
        CompletableFuture<Message> reply = client.request(app("a"), InMemoryFixture.TIMEOUT);
        net.clock.runPending();
        List<WireRecord> sent = net.network.wire().stream().filter(r -> r.direction() == Direction.CLIENT_TO_SERVICE
                && r.envelope().contains("<Echo xmlns=\"urn:test\">a")).toList();
        assertEquals(2, sent.size(), "sent again at once, once");
        assertEquals(start, sent.get(1).atNanos(), "no time passed");
        // the second loss is left to the retransmission timer: WCF's RTO, at least 400 ms
        net.clock.advanceBy(Duration.ofMillis(399));
        assertEquals(2, net.network.wire().stream().filter(r -> r.envelope().contains("<Echo xmlns=\"urn:test\">a"))
                .count());
        net.clock.advanceBy(Duration.ofSeconds(5));
        RequestContext ctx = net.await(service.receiveRequest(InMemoryFixture.TIMEOUT)).orElseThrow();
        answer(ctx);
        assertEquals("A", text(net.await(reply)));
        client.abort();
        service.abort();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void oneWayMessagesOverAReliableSession(ReliableMessagingVersion v) {
        CustomBinding b = binding(v);
        ChannelListener<InputSessionChannel> listener = net.openListener(b, ChannelType.INPUT_SESSION,
                InMemoryFixture.SERVICE);
        OutputSessionChannel client = net.<OutputSessionChannel>openFactory(b, ChannelType.OUTPUT_SESSION)
                .createChannel(EndpointAddress.of(InMemoryFixture.SERVICE));
        net.open(client);
        InputSessionChannel service = net.accept(listener);
        for (String s : List.of("x", "y", "z")) {
            net.await(client.send(app(s), InMemoryFixture.TIMEOUT));
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(text(net.await(service.receive(InMemoryFixture.TIMEOUT)).orElseThrow()));
        }
        assertEquals(List.of("x", "y", "z"), got);
        closeBoth(client.close(InMemoryFixture.TIMEOUT), CompletableFuture.completedFuture(null));
        assertEquals(Optional.empty(), net.await(service.receive(InMemoryFixture.TIMEOUT)));
    }
}

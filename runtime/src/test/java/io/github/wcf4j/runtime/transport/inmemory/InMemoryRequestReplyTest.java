package io.github.wcf4j.runtime.transport.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** textMessageEncoding over the in-memory request/reply transport: the HTTP-like shape, on virtual time. */
class InMemoryRequestReplyTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private final InMemoryFixture net = new InMemoryFixture();
    private final CustomBinding binding = CustomBinding.of("text", TextMessageEncodingBindingElement.defaults(),
            InMemoryTransportBindingElement.requestReply());

    private static Message add(double a, double b) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/Add", new XmlFragment(
                "<Add xmlns=\"" + NS + "\"><n1>" + a + "</n1><n2>" + b + "</n2></Add>"));
        m.headers().messageId("urn:uuid:" + UUID.randomUUID());
        m.headers().replyTo(EndpointAddress.ANONYMOUS);
        return m;
    }

    private RequestChannel client() {
        ChannelFactory<RequestChannel> f = net.openFactory(binding, ChannelType.REQUEST);
        return net.open(f.createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
    }

    private ReplyChannel service() {
        ChannelListener<ReplyChannel> l = net.openListener(binding, ChannelType.REPLY, InMemoryFixture.SERVICE);
        return net.accept(l);
    }

    /** Answers the next request with AddResponse(result), as the dispatcher would. */
    private void answerNext(ReplyChannel service, String result) {
        service.receiveRequest(InMemoryFixture.TIMEOUT).thenAccept(c -> {
            RequestContext ctx = c.orElseThrow();
            Message reply = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/AddResponse",
                    new XmlFragment("<AddResponse xmlns=\"" + NS + "\"><AddResult>" + result
                            + "</AddResult></AddResponse>"));
            reply.headers().relatesTo(ctx.requestMessage().headers().messageId());
            ctx.reply(reply, InMemoryFixture.TIMEOUT);
        });
    }

    @Test
    void aRequestCrossesTheWireEncodedAsWcfWritesIt() {
        ReplyChannel service = service();
        RequestChannel client = client();
        answerNext(service, "5");
        net.await(client.request(add(2, 3), InMemoryFixture.TIMEOUT));
        // the transport wrote To from the channel's address, and the request was on the wire as WCF writes it
        String sent = net.network.wire().get(0).envelope();
        assertTrue(sent.contains("<a:To s:mustUnderstand=\"1\">inmemory://localhost/service</a:To>"), sent);
        assertTrue(sent.startsWith("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""), sent);
    }

    @Test
    void aBlackholedReplyTimesOutInVirtualTimeWithWcfsText() {
        ReplyChannel service = service();
        RequestChannel client = client();
        answerNext(service, "5");
        net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).then(FaultAction.blackhole()));
        CompletableFuture<Message> pending = client.request(add(1, 1), Duration.ofSeconds(30));
        net.clock.runPending();
        net.clock.advanceBy(Duration.ofSeconds(29));
        assertFalse(pending.isDone());
        net.clock.advanceBy(Duration.ofSeconds(1));
        Throwable e = net.failure(pending);
        assertInstanceOf(CommunicationTimeoutException.class, e);
        assertEquals(WcfText.RequestTimedOut.format("00:00:30"), e.getMessage());
    }

    @Test
    void aDroppedRequestFailsTheExchange() {
        service();
        RequestChannel client = client();
        net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(1).then(FaultAction.drop()));
        assertInstanceOf(CommunicationException.class, net.failure(client.request(add(1, 1),
                InMemoryFixture.TIMEOUT)));
        assertEquals("DROP", net.network.wire().get(0).fate());
    }

    @Test
    void aDelayedReplyArrivesAfterTheDelay() {
        ReplyChannel service = service();
        RequestChannel client = client();
        answerNext(service, "2");
        net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).then(FaultAction.delay(Duration.ofSeconds(5))));
        CompletableFuture<Message> pending = client.request(add(1, 1), InMemoryFixture.TIMEOUT);
        net.clock.runPending();
        net.clock.advanceBy(Duration.ofSeconds(4));
        assertFalse(pending.isDone());
        net.clock.advanceBy(Duration.ofSeconds(1));
        assertTrue(net.await(pending).body().xml().contains("<AddResult>2</AddResult>"));
    }

    @Test
    void utf16MessagesCrossTheWire() {
        CustomBinding utf16 = CustomBinding.of("utf16", TextMessageEncodingBindingElement.of(
                MessageVersion.SOAP12_WS_ADDRESSING10, StandardCharsets.UTF_16LE),
                InMemoryTransportBindingElement.requestReply());
        ReplyChannel service = net.accept(net.<ReplyChannel>openListener(utf16, ChannelType.REPLY,
                URI.create("inmemory://localhost/utf16")));
        RequestChannel client = net.open(net.<RequestChannel>openFactory(utf16, ChannelType.REQUEST)
                .createChannel(EndpointAddress.of("inmemory://localhost/utf16")));
        answerNext(service, "3");
        assertTrue(net.await(client.request(add(1, 2), InMemoryFixture.TIMEOUT)).body().xml()
                .contains("<AddResult>3</AddResult>"));
    }
}

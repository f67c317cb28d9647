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
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The WS-RX TC interop scenarios (1.1–2.3; see reliability-and-security-tests.md §1.3) for both WS-RM versions, over
 * the in-memory transports on virtual time, with their fault-injected variants.
 */
class InteropScenariosTest {

    private static Message raw(MessageVersion v, String action, String body) {
        return Message.create(v, action, body == null ? XmlFragment.EMPTY : new XmlFragment(body));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void scenario11OneWayAnonymousClient(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        InputSessionChannel service = h.accept(listener);
        // request #2 lost on its first try; the response carrying the ack of #3 lost; #1 duplicated
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(2)))
                .occurrence(1).then(FaultAction.drop()));
        h.net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT)
                .where(e -> e.contains("Upper=\"3\"")).occurrence(1).then(FaultAction.drop()));
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(1)))
                .occurrence(1).then(FaultAction.duplicate()));
        List<String> delivered = new ArrayList<>();
        ReceivePump.run(() -> service.receive(Duration.ofDays(1)), m -> delivered.add(RmHarness.text(m)), e -> { });
        for (String s : List.of("ping1", "ping2", "ping3")) {
            h.drive(client.send(RmHarness.app(s), T));
        }
        h.drive(client.close(T));
        assertEquals(List.of("ping1", "ping2", "ping3"), delivered, "once each, in order");
        List<String> out = h.wire(Direction.CLIENT_TO_SERVICE);
        assertTrue(out.stream().filter("Ping#2"::equals).count() >= 2, out.toString());
        String cs = h.envelopes(Direction.CLIENT_TO_SERVICE, action("CreateSequence")).get(0);
        assertFalse(cs.contains("<Offer>"), "a one-way client offers no return sequence");
        assertTrue(cs.contains("<AcksTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address>"));
        // Terminate only after the final acknowledgement 1..3 (1.1) or 1..4 with LastMessage (Feb 2005)
        int terminate = out.indexOf("TerminateSequence");
        assertTrue(terminate > out.lastIndexOf("Ping#3"), out.toString());
        if (h.feb2005()) {
            assertTrue(out.indexOf("LastMessage#4") < terminate, out.toString());
        } else {
            assertTrue(out.indexOf("CloseSequence") < terminate, out.toString());
            String closed = h.envelopes(Direction.SERVICE_TO_CLIENT, action("CloseSequenceResponse")).get(0);
            assertTrue(closed.contains("<r:AcknowledgementRange Lower=\"1\" Upper=\"3\"/><r:Final/>"), closed);
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void scenario12NoApplicationMessages(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        // the first CreateSequenceResponse is lost: CreateSequence is sent again
        h.net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).where(action("CreateSequenceResponse"))
                .occurrence(1).then(FaultAction.drop()));
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        assertEquals(2, h.wire(Direction.CLIENT_TO_SERVICE).stream().filter("CreateSequence"::equals).count());
        // the keep-alive AckRequested gets an empty acknowledgement
        h.advance(Duration.ofMinutes(5));
        String emptyAck = h.envelopes(Direction.SERVICE_TO_CLIENT, action("SequenceAcknowledgement")).get(0);
        assertTrue(emptyAck.contains(h.feb2005() ? "<r:AcknowledgementRange Lower=\"0\" Upper=\"0\"/>" : "<r:None/>"),
                emptyAck);
        h.drive(client.close(T));
        List<String> out = h.wire(Direction.CLIENT_TO_SERVICE);
        assertTrue(out.contains("TerminateSequence"), out.toString());
        assertEquals(0, out.stream().filter(a -> a.startsWith("Ping")).count());
        InputSessionChannel service = h.accept(listener);
        assertTrue(service.session().id().startsWith("urn:uuid:"));
    }

    @ParameterizedTest
    @EnumSource(value = ReliableMessagingVersion.class, names = "WS_RELIABLE_MESSAGING_11")
    void scenario13CloseIncompleteSequence(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        CustomBinding plain = CustomBinding.of("raw", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        RequestChannel raw = h.connect(plain, ChannelType.REQUEST);
        WsrmMessages wm = new WsrmMessages(h.wsrm, MessageVersion.SOAP12_WS_ADDRESSING10);
        Message csr = h.drive(raw.request(wm.createSequence(CreateSequence.of(h.wsrm,
                EndpointAddress.ANONYMOUS, Optional.empty(), true), WsrmMessages.newId(), null), T));
        String id = WsrmInfo.read(csr, h.wsrm).createSequenceResponse().id();
        for (long n : new long[] {1, 3}) {
            Message m = RmHarness.app("m" + n);
            m.headers().addFirst(new SequenceHeader(id, n, false).toHeader(h.wsrm));
            h.drive(raw.request(m, T));
        }
        Message closeResponse = h.drive(raw.request(wm.closeSequence(id, 3, WsrmMessages.newId(), null), T));
        AckHeader ack = WsrmInfo.read(closeResponse, h.wsrm).ack().orElseThrow();
        assertEquals("[1, 3]", ack.ranges().toString());
        assertTrue(ack.isFinal());
        Message late = RmHarness.app("late");
        late.headers().addFirst(new SequenceHeader(id, 4, false).toHeader(h.wsrm));
        Message fault = h.drive(raw.request(late, T));
        assertEquals(WcfText.SequenceClosedFaultString.format(), fault.fault().orElseThrow().reason());
        assertTrue(WsrmInfo.read(fault, h.wsrm).ack().orElseThrow().isFinal(), "SequenceClosed carries a final ack");
        InputSessionChannel service = h.accept(listener);
        assertEquals("m1", RmHarness.text(h.drive(service.receive(T)).orElseThrow()));
        assertEquals(Optional.empty(), h.drive(service.receive(T)),
                "the closed sequence ends the input; #3, beyond the gap, is discarded (ordered)");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void scenario14OneWayAddressableClient(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.addressable(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        // one acknowledgement sent to the client's listener is lost
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(action("SequenceAcknowledgement")
                .and(e -> e.contains("Temporary_Listen_Addresses"))).occurrence(1).then(FaultAction.blackhole()));
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        InputSessionChannel service = h.accept(listener);
        String cs = h.envelopes(Direction.CLIENT_TO_SERVICE, action("CreateSequence")).get(0);
        String replyTo = cs.replaceAll(".*<a:ReplyTo><a:Address>([^<]*)</a:Address>.*", "$1");
        assertTrue(replyTo.startsWith("inmemory://localhost/Temporary_Listen_Addresses/"), cs);
        assertTrue(cs.contains("<AcksTo><a:Address>" + replyTo + "</a:Address></AcksTo>"), "AcksTo = ReplyTo");
        List<String> delivered = new ArrayList<>();
        ReceivePump.run(() -> service.receive(Duration.ofDays(1)), m -> delivered.add(RmHarness.text(m)), e -> { });
        for (String s : List.of("ping1", "ping2", "ping3")) {
            h.drive(client.send(RmHarness.app(s), T));
        }
        h.drive(client.close(T));
        assertEquals(List.of("ping1", "ping2", "ping3"), delivered);
        assertTrue(h.wire(Direction.CLIENT_TO_SERVICE).stream().filter(a -> a.startsWith("Ping#")).count() > 3,
                "the unacknowledged message was sent again: " + h.summary());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void scenario21RequestReplyWithOfferExactlyOnce(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.addressable(x -> x);
        ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
        // reply #2 lost on its way back; request #3 duplicated
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(action("EchoStringResponse")
                .and(number(2))).occurrence(1).then(FaultAction.blackhole()));
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(action("EchoString").and(number(3)))
                .occurrence(1).then(FaultAction.duplicate()));
        DuplexSessionChannel client = h.connect(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel service = h.accept(listener);
        assertTrue(h.envelopes(Direction.CLIENT_TO_SERVICE, action("CreateSequence")).get(0).contains("<Offer>"));
        // the echo service: the concatenation of every text received in the session
        AtomicInteger invocations = new AtomicInteger();
        StringBuilder session = new StringBuilder();
        ReceivePump.run(() -> service.receive(Duration.ofDays(1)), m -> {
            invocations.incrementAndGet();
            session.append(RmHarness.text(m));
            Message reply = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoStringResponse",
                    new XmlFragment("<echoStringResponse xmlns=\"urn:test\"><Text>" + session
                            + "</Text></echoStringResponse>"));
            reply.headers().relatesTo(m.headers().messageId());
            service.send(reply, T);
        }, e -> { });
        List<String> replies = new ArrayList<>();
        for (String s : List.of("echo1", "echo2", "echo3")) {
            CompletableFuture<Optional<Message>> answer = client.receive(T);
            h.drive(client.send(RmHarness.request(s), T));
            replies.add(RmHarness.text(h.drive(answer).orElseThrow()));
        }
        assertEquals(List.of("echo1", "echo1echo2", "echo1echo2echo3"), replies);
        assertEquals(3, invocations.get(), "the duplicate request is not invoked again");
        assertTrue(h.wire(Direction.CLIENT_TO_SERVICE).stream().filter("EchoStringResponse#2"::equals).count() >= 2,
                "the lost reply was sent again: " + h.summary());
        CompletableFuture<Void> a = client.close(T);
        CompletableFuture<Void> s = service.close(T);
        h.drive(CompletableFuture.allOf(a, s));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void scenario22SessionsWithoutTheRequiredOfferAreRefused(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        WsrmMessages wm = new WsrmMessages(h.wsrm, MessageVersion.SOAP12_WS_ADDRESSING10);
        CustomBinding plain = CustomBinding.of("raw", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        Map<ChannelShape, String> expected = new HashMap<>();
        expected.put(ChannelShape.REPLY_SESSION, WcfText.CSRefusedReplyNoOffer.format(RmHarnessUris.SERVICE));
        h.listen(h.requestReply(x -> x), ChannelType.REPLY_SESSION);
        RequestChannel raw = h.connect(plain, ChannelType.REQUEST);
        Message refused = h.drive(raw.request(wm.createSequence(CreateSequence.of(h.wsrm, EndpointAddress.ANONYMOUS,
                Optional.empty(), true), WsrmMessages.newId(), null), T));
        assertEquals(WcfText.CSRefused.format(expected.get(ChannelShape.REPLY_SESSION)),
                refused.fault().orElseThrow().reason());
        assertEquals(WsrmFault.CREATE_SEQUENCE_REFUSED, refused.fault().orElseThrow().subcode().orElseThrow()
                .getLocalPart());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void scenario22InputSessionsRefuseAnOfferInFebruary2005(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        WsrmMessages wm = new WsrmMessages(h.wsrm, MessageVersion.SOAP12_WS_ADDRESSING10);
        CustomBinding plain = CustomBinding.of("raw", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        h.listen(h.requestReply(x -> x), ChannelType.INPUT_SESSION);
        RequestChannel raw = h.connect(plain, ChannelType.REQUEST);
        Message answer = h.drive(raw.request(wm.createSequence(CreateSequence.of(h.wsrm, EndpointAddress.ANONYMOUS,
                Optional.of(WsrmMessages.newId()), true), WsrmMessages.newId(), null), T));
        if (h.feb2005()) {
            assertEquals(WcfText.CSRefused.format(WcfText.CSRefusedInputOffer.format(RmHarnessUris.SERVICE)),
                    answer.fault().orElseThrow().reason());
        } else {
            CreateSequenceResponse csr = WsrmInfo.read(answer, h.wsrm).createSequenceResponse();
            assertTrue(csr.acceptAcksTo().isEmpty(), "1.1: the offer is ignored, no Accept");
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void scenario23ADeclinedOfferFailsTheTwoWayClientWithWcfsText(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding plain = CustomBinding.of("raw", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        ReplyChannel server = h.accept(h.<ReplyChannel>listen(plain, ChannelType.REPLY));
        WsrmMessages wm = new WsrmMessages(h.wsrm, MessageVersion.SOAP12_WS_ADDRESSING10);
        ReceivePump.run(() -> server.receiveRequest(Duration.ofDays(1)), (RequestContext c) -> c.reply(
                wm.createSequenceResponse(new CreateSequenceResponse(WsrmMessages.newId(), Optional.empty(),
                        Optional.empty()), c.requestMessage().headers().messageId()), T), e -> { });
        RequestSessionChannel client = h.channel(h.requestReply(x -> x), ChannelType.REQUEST_SESSION);
        Throwable e = h.failure(client.open(T));
        assertInstanceOf(ProtocolException.class, e);
        assertEquals(h.feb2005() ? WcfText.CSResponseWithoutOffer.format() : WcfText.CSResponseOfferRejected.format(),
                e.getMessage());
    }

    /** The in-memory service address the harness listens at. */
    static final class RmHarnessUris {
        static final URI SERVICE = InMemoryFixture.SERVICE;
    }
}

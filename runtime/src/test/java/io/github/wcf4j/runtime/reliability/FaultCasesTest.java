package io.github.wcf4j.runtime.reliability;

import static io.github.wcf4j.runtime.reliability.RmHarness.T;
import static io.github.wcf4j.runtime.reliability.RmHarness.action;
import static io.github.wcf4j.runtime.reliability.RmHarness.appMessage;
import static io.github.wcf4j.runtime.reliability.RmHarness.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ActionNotSupportedException;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.channel.ServerTooBusyException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault-injection cases F1–F20 of reliability-and-security-tests.md §2 that apply without persistent stores
 * (F8, F10, F11, F12 and F15 need a persistent or application-controlled store WCF does not have), each for both
 * WS-RM versions, over the in-memory transports on virtual time. Protocol-level cases (F4, F5, F14, F16, F17, F19)
 * use hand-made or rewritten messages, as a hostile or broken peer would send them.
 */
class FaultCasesTest {
    private static final MessageVersion V = MessageVersion.SOAP12_WS_ADDRESSING10;

    private static long count(List<String> wire, String item) {
        return wire.stream().filter(item::equals).count();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f1AlternateLossOfOneWayMessages(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        List<String> delivered = RmHarness.collect(h.accept(listener));
        for (long lost : new long[] {2, 4}) {
            h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(lost)))
                    .occurrence(1).then(FaultAction.drop()));
        }
        for (String s : List.of("m1", "m2", "m3", "m4")) {
            h.drive(client.send(RmHarness.app(s), T));
        }
        h.drive(client.close(T));
        assertEquals(List.of("m1", "m2", "m3", "m4"), delivered);
        List<String> out = h.wire(Direction.CLIENT_TO_SERVICE);
        assertEquals(List.of(1L, 2L, 1L, 2L), List.of(count(out, "Ping#1"), count(out, "Ping#2"),
                count(out, "Ping#3"), count(out, "Ping#4")), "only the lost messages are sent again: " + out);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f2AlternateLossOfRequests(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<ReplySessionChannel> listener = h.listen(b, ChannelType.REPLY_SESSION);
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        AtomicInteger invocations = new AtomicInteger();
        h.echo(h.accept(listener), invocations, Duration.ZERO);
        for (long lost : new long[] {2, 4}) {
            h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(lost)))
                    .occurrence(1).then(FaultAction.drop()));
        }
        List<String> replies = new ArrayList<>();
        for (String s : List.of("a", "b", "c", "d")) {
            replies.add(RmHarness.text(h.drive(client.request(RmHarness.request(s), T))));
        }
        assertEquals(List.of("A", "B", "C", "D"), replies);
        assertEquals(4, invocations.get());
        List<String> out = h.wire(Direction.CLIENT_TO_SERVICE);
        assertEquals(List.of("EchoString#1", "EchoString#2", "EchoString#2", "EchoString#3", "EchoString#4",
                "EchoString#4"), out.stream().filter(a -> a.startsWith("EchoString#")).toList());
        List<String> responses = h.envelopes(Direction.SERVICE_TO_CLIENT, action("EchoStringResponse"));
        assertEquals(4, responses.size());
        for (int i = 0; i < 4; i++) {
            assertTrue(responses.get(i).contains("<r:MessageNumber>" + (i + 1) + "</r:MessageNumber>"));
            assertTrue(responses.get(i).contains("<r:SequenceAcknowledgement>"), "each reply carries the ack");
        }
        h.drive(client.close(T));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRequestIsResentUntilItsReplyArrivesNotMerelyItsAcknowledgement(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<ReplySessionChannel> listener = h.listen(b, ChannelType.REPLY_SESSION);
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        AtomicInteger invocations = new AtomicInteger();
        h.echo(h.accept(listener), invocations, Duration.ZERO);
        // the first answer to request #1 reaches the client as a bare acknowledgement: the reply is lost
        h.net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).where(action("EchoStringResponse"))
                .occurrence(1).then(FaultAction.rewrite(e -> e
                        .replaceFirst("<r:Sequence s:mustUnderstand=\"1\">.*?</r:Sequence>", "")
                        .replace(">urn:test/EchoStringResponse<", ">" + h.wsrm.action(Wsrm.SEQUENCE_ACKNOWLEDGEMENT) + "<")
                        .replaceFirst("<s:Body>.*</s:Body>", "<s:Body/>"))));
        assertEquals("ONCE", RmHarness.text(h.drive(client.request(RmHarness.request("once"), T))));
        assertEquals(1, invocations.get(), "the resent request got the cached reply");
        List<String> out = h.wire(Direction.CLIENT_TO_SERVICE);
        assertEquals(2, count(out, "EchoString#1"), "acknowledged, but sent again for its reply: " + out);
        h.drive(client.close(T));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f3MessageTwoBlockedThreeTimesWithFiveConcurrentSenders(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.addressable(x -> x.maxTransferWindowSize(32).inactivityTimeout(Duration.ofSeconds(20)));
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        InputSessionChannel service = h.accept(listener);
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(2)))
                .occurrences(1, 3).then(FaultAction.blackhole()));
        List<String> delivered = RmHarness.collect(service);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sends.add(client.send(RmHarness.app("m" + i), T));
        }
        h.drive(CompletableFuture.allOf(sends.toArray(new CompletableFuture<?>[0])));
        h.drive(client.close(T));
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5"), delivered, "in order although #2 came last");
        assertEquals(4, count(h.wire(Direction.CLIENT_TO_SERVICE), "Ping#2"));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f4ARequestRenumberedAsADuplicateIsNeverInvoked(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x.maxRetryCount(3));
        ChannelListener<ReplySessionChannel> listener = h.listen(b, ChannelType.REPLY_SESSION);
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        AtomicInteger invocations = new AtomicInteger();
        h.echo(h.accept(listener), invocations, Duration.ZERO);
        assertEquals("A", RmHarness.text(h.drive(client.request(RmHarness.request("a"), T))));
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(2)))
                .then(FaultAction.rewrite(e -> e.replace("<r:MessageNumber>2<", "<r:MessageNumber>1<"))));
        Throwable e = h.failure(client.request(RmHarness.request("b"), T));
        assertEquals(1, invocations.get(), "the renumbered request is a duplicate of #1: never invoked");
        assertEquals(WcfText.MaximumRetryCountExceeded.format(), e.getMessage());
        // the client acknowledged reply #1 on every later request, so the copies get acknowledgements, not reply #1
        assertEquals(1, h.envelopes(Direction.SERVICE_TO_CLIENT, action("EchoStringResponse")).size());
        List<String> acks = h.envelopes(Direction.SERVICE_TO_CLIENT, action("SequenceAcknowledgement"));
        assertEquals(4, acks.size(), "one send and 3 retries, each acknowledged: " + h.summary());
        assertTrue(acks.stream().allMatch(a -> a.contains("<r:AcknowledgementRange Lower=\"1\" Upper=\"1\"/>")),
                acks.toString());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f5UnknownSequenceIsFaultedWithTheIdentifier(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        h.listen(h.requestReply(x -> x), ChannelType.REPLY_SESSION);
        RequestChannel raw = h.raw(V);
        String unknown = "urn:uuid:00000000-0000-0000-0000-0000000000aa";
        Message answer = h.drive(raw.request(h.sequenced(unknown, 1, "x"), T));
        MessageFault f = answer.fault().orElseThrow();
        assertTrue(f.sender());
        assertEquals(WsrmFault.UNKNOWN_SEQUENCE, f.subcode().orElseThrow().getLocalPart());
        assertEquals(h.wsrm.ns(), f.subcode().orElseThrow().getNamespaceURI());
        assertEquals(WcfText.UnknownSequenceFaultReason.format(), f.reason());
        assertTrue(f.detail().orElseThrow().xml().contains(unknown), f.detail().toString());
        assertEquals(h.wsrm.faultAction(V.addressing()), answer.headers().action());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f5UnknownSequenceOverSoap11CarriesTheSequenceFaultHeader(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        MessageVersion soap11 = MessageVersion.SOAP11_WS_ADDRESSING10;
        h.listen(h.requestReplyWith(soap11, x -> x), ChannelType.REPLY_SESSION);
        RequestChannel raw = h.raw(soap11);
        String unknown = "urn:uuid:00000000-0000-0000-0000-0000000000bb";
        Message m = h.sequenced(unknown, 1, "x");
        Message soap11Message = Message.create(soap11, m.headers().action(), m.body());
        soap11Message.headers().messageId(m.headers().messageId());
        soap11Message.headers().addFirst(new SequenceHeader(unknown, 1, false).toHeader(h.wsrm));
        h.drive(raw.request(soap11Message, T));
        String fault = h.envelopes(Direction.SERVICE_TO_CLIENT, e -> e.contains("Fault")).get(0);
        assertTrue(fault.contains("<faultcode>s:Client</faultcode>"), fault);
        assertTrue(fault.contains("<r:SequenceFault"), fault);
        assertTrue(fault.contains(":UnknownSequence</r:FaultCode>"), fault);
        assertTrue(fault.contains(unknown), fault);
        assertTrue(fault.contains(WcfText.UnknownSequenceFaultReason.format()), fault);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f5AForgedIdentifierFaultsTheClientSession(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<ReplySessionChannel> listener = h.listen(b, ChannelType.REPLY_SESSION);
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        AtomicInteger invocations = new AtomicInteger();
        h.echo(h.accept(listener), invocations, Duration.ZERO);
        h.drive(client.request(RmHarness.request("a"), T));
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(2)))
                .then(FaultAction.rewrite(e -> e.replaceFirst("(<r:Sequence s:mustUnderstand=\"1\"><r:Identifier>)"
                        + "[^<]*", "$1urn:uuid:00000000-0000-0000-0000-0000000000cc"))));
        Throwable e = h.failure(client.request(RmHarness.request("b"), T));
        assertInstanceOf(ProtocolException.class, e);
        assertEquals(WcfText.WrongIdentifierFault.format(WcfText.UnknownSequenceFaultReason.format()),
                e.getMessage());
        assertEquals(CommunicationState.Faulted, client.state());
        assertEquals(1, invocations.get());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f6InactivityFaultsTheSessionAndReclaimsTheSequence(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x.inactivityTimeout(Duration.ofSeconds(10)));
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        InputSessionChannel service = h.accept(listener);
        String id = service.session().id();
        h.drive(client.send(RmHarness.app("m1"), T));
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).then(FaultAction.blackhole()));
        h.advance(Duration.ofSeconds(11));
        String text = WcfText.SequenceTerminatedInactivityTimeoutExceeded.format("00:00:10");
        assertEquals(CommunicationState.Faulted, service.state());
        assertEquals(text, service.faultCause().getMessage());
        assertEquals(CommunicationState.Faulted, client.state(), "the client heard nothing either");
        assertEquals(text, client.faultCause().getMessage());
        h.net.network.clearFaults();
        Message late = h.drive(h.raw(V).request(h.sequenced(id, 2, "late"), T));
        assertEquals(WcfText.UnknownSequenceFaultReason.format(), late.fault().orElseThrow().reason(),
                "the sequence was reclaimed");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f7CreateSequenceRefusedWhenMaxPendingChannelsAreWaiting(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x.maxPendingChannels(1));
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        h.connect(b, ChannelType.OUTPUT_SESSION);
        Throwable e = h.failure(h.<OutputSessionChannel>channel(b, ChannelType.OUTPUT_SESSION).open(T));
        assertInstanceOf(ServerTooBusyException.class, e);
        String busy = WcfText.ServerTooBusy.format(RmHarness.SERVICE);
        assertEquals(WcfText.CSRefused.format(busy), e.getMessage());
        String fault = h.envelopes(Direction.SERVICE_TO_CLIENT, e2 -> e2.contains("ConnectionLimitReached")).get(0);
        assertTrue(fault.contains("<s:Value>s:Receiver</s:Value>"), fault);
        assertTrue(fault.contains(":CreateSequenceRefused</s:Value><s:Subcode><s:Value"), fault);
        h.accept(listener);
        h.connect(b, ChannelType.OUTPUT_SESSION);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f9GracefulShutdownEndsTheSequenceAndForgetsIt(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        InputSessionChannel service = h.accept(listener);
        String id = service.session().id();
        List<String> delivered = RmHarness.collect(service);
        for (String s : List.of("m1", "m2", "m3")) {
            h.drive(client.send(RmHarness.app(s), T));
        }
        h.drive(client.close(T));
        assertEquals(List.of("m1", "m2", "m3"), delivered);
        assertEquals(h.feb2005()
                ? List.of("CreateSequence", "Ping#1", "Ping#2", "Ping#3", "LastMessage#4", "TerminateSequence")
                : List.of("CreateSequence", "Ping#1", "Ping#2", "Ping#3", "CloseSequence", "TerminateSequence"),
                h.wire(Direction.CLIENT_TO_SERVICE));
        assertEquals(CommunicationState.Closed, client.state());
        h.drive(service.close(T));
        Message late = h.drive(h.raw(V).request(h.sequenced(id, 4, "late"), T));
        assertEquals(WsrmFault.UNKNOWN_SEQUENCE, late.fault().orElseThrow().subcode().orElseThrow().getLocalPart(),
                "nothing of the session is kept");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f13ASlowServiceIsInvokedOnceWhileTheRequestIsRetried(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<ReplySessionChannel> listener = h.listen(b, ChannelType.REPLY_SESSION);
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        AtomicInteger invocations = new AtomicInteger();
        h.echo(h.accept(listener), invocations, Duration.ofSeconds(5));
        assertEquals("SLOW", RmHarness.text(h.drive(client.request(RmHarness.request("slow"), T))));
        assertEquals(1, invocations.get());
        assertTrue(count(h.wire(Direction.CLIENT_TO_SERVICE), "EchoString#1") >= 3,
                "retried while the service worked: " + h.summary());
        assertEquals("NEXT", RmHarness.text(h.drive(client.request(RmHarness.request("next"), T))));
        assertEquals(2, invocations.get());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f14AStandAloneAckOfUnsentNumbersFaultsTheSession(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.addressable(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        InputSessionChannel service = h.accept(listener);
        RmHarness.collect(service);
        for (Direction d : Direction.values()) {
            h.net.network.inject(FaultRule.on(d).where(action("SequenceAcknowledgement"))
                    .then(FaultAction.rewrite(e -> e.replace("Upper=\"1\"", "Upper=\"5\""))));
        }
        h.drive(client.send(RmHarness.app("m1"), T));
        h.advance(Duration.ofSeconds(1));
        assertEquals(CommunicationState.Faulted, client.state());
        assertEquals(WcfText.InvalidAcknowledgementReceived.format(), client.faultCause().getMessage());
        String fault = h.envelopes(Direction.CLIENT_TO_SERVICE, e -> e.contains("InvalidAcknowledgement")).get(0);
        assertTrue(fault.contains(WcfText.InvalidAcknowledgementFaultReason.format()), fault);
        assertTrue(fault.contains("Upper=\"5\""), "the detail echoes the offending acknowledgement: " + fault);
        assertEquals(CommunicationState.Faulted, service.state(), "the service heard the fault");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f14APiggyBackedAckOfUnsentNumbersFaultsTheSession(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.sessions(x -> x);
        ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel client = h.connect(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel service = h.accept(listener);
        for (Direction d : Direction.values()) {
            h.net.network.inject(FaultRule.on(d).where(appMessage().and(e -> e.contains("<Text>pong</Text>")))
                    .then(FaultAction.rewrite(e -> e.replace("Upper=\"2\"", "Upper=\"9\""))));
        }
        CompletableFuture<Optional<Message>> pong = client.receive(T);
        // #1 fills the first window and asks for an immediate ack; #2 does not, so its ack waits and rides on pong
        h.drive(client.send(RmHarness.app("ping1"), T));
        assertEquals("ping1", RmHarness.text(h.drive(service.receive(T)).orElseThrow()));
        h.drive(client.send(RmHarness.app("ping2"), T));
        assertEquals("ping2", RmHarness.text(h.drive(service.receive(T)).orElseThrow()));
        h.drive(service.send(RmHarness.app("pong"), T));
        Throwable e = h.failure(pong);
        assertEquals(WcfText.InvalidAcknowledgementReceived.format(), e.getMessage());
        assertEquals(CommunicationState.Faulted, client.state());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f16AcksToOtherThanReplyToIsRefused(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        h.listen(h.requestReply(x -> x), ChannelType.INPUT_SESSION);
        RequestChannel raw = h.raw(V);
        Message cs = h.messages(V).createSequence(CreateSequence.of(h.wsrm,
                EndpointAddress.of(URI.create("http://www.w3.org/2005/08/addressing/none")), Optional.empty(),
                true), WsrmMessages.newId(), null);
        MessageFault f = h.drive(raw.request(cs, T)).fault().orElseThrow();
        assertEquals(WsrmFault.CREATE_SEQUENCE_REFUSED, f.subcode().orElseThrow().getLocalPart());
        assertEquals(WcfText.CSRefused.format(WcfText.CSRefusedAcksToMustEqualReplyTo.format()), f.reason());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f17ProtocolRequestsWithoutMessageIdAreFaulted(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        h.listen(h.requestReply(x -> x), ChannelType.INPUT_SESSION);
        RequestChannel raw = h.raw(V);
        WsrmMessages wm = h.messages(V);
        Message cs = wm.createSequence(CreateSequence.of(h.wsrm, EndpointAddress.ANONYMOUS, Optional.empty(), true),
                WsrmMessages.newId(), null);
        cs.headers().messageId(null);
        MessageFault f = h.drive(raw.request(cs, T)).fault().orElseThrow();
        assertEquals("MessageAddressingHeaderRequired", f.subcode().orElseThrow().getLocalPart());
        assertEquals(WcfText.MissingMessageIdOnWsrmRequest.format("CreateSequence"), f.reason());
        assertTrue(f.detail().orElseThrow().xml().contains(">a:MessageID</a:ProblemHeaderQName>"));
        if (!h.feb2005()) {
            String id = h.createSequence(raw, V, Optional.empty());
            Message close = wm.closeSequence(id, 0, WsrmMessages.newId(), null);
            close.headers().messageId(null);
            MessageFault c = h.drive(raw.request(close, T)).fault().orElseThrow();
            assertEquals(WcfText.MissingMessageIdOnWsrmRequest.format("CloseSequence"), c.reason());
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f17AResponseWithoutRelatesToFailsTheOpen(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding plain = h.plain(V);
        ReplyChannel server = h.accept(h.<ReplyChannel>listen(plain, ChannelType.REPLY));
        WsrmMessages wm = h.messages(V);
        List<Message> received = new ArrayList<>();
        ReceivePump.run(() -> server.receiveRequest(Duration.ofDays(1)), c -> {
            received.add(c.requestMessage());
            c.reply(received.size() == 1 ? wm.createSequenceResponse(new CreateSequenceResponse(
                    WsrmMessages.newId(), Optional.empty(), Optional.empty()), null) : null, T);
        }, e -> { });
        Throwable e = h.failure(h.<OutputSessionChannel>channel(h.requestReply(x -> x), ChannelType.OUTPUT_SESSION)
                .open(T));
        assertInstanceOf(ProtocolException.class, e);
        assertEquals(WcfText.MessageExceptionOccurred.format(), e.getMessage());
        assertEquals(WcfText.MissingRelatesToOnWsrmResponseReason.format("CreateSequenceResponse"),
                e.getCause().getMessage());
        assertEquals(2, received.size(), "the client told the service what was missing");
        assertEquals("MessageAddressingHeaderRequired",
                received.get(1).fault().orElseThrow().subcode().orElseThrow().getLocalPart());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f18TheServiceKeepsSendingCallbacksAfterTheClientClosedItsSequence(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.sessions(x -> x);
        ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel client = h.connect(b, ChannelType.DUPLEX_SESSION);
        DuplexSessionChannel service = h.accept(listener);
        if (!h.feb2005()) {
            // 1.1's TerminateSequence is a request, sent again until answered; February 2005's is one-way
            h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(action("TerminateSequence"))
                    .occurrence(1).then(FaultAction.blackhole()));
        }
        List<String> callbacks = RmHarness.collect(client);
        h.drive(client.send(RmHarness.app("last request"), T));
        CompletableFuture<Void> closing = client.close(T);
        assertEquals("last request", RmHarness.text(h.drive(service.receive(T)).orElseThrow()));
        assertEquals(Optional.empty(), h.drive(service.receive(T)), "the client's sequence ended");
        h.drive(service.send(RmHarness.app("callback 1"), T));
        h.drive(service.send(RmHarness.app("callback 2"), T));
        h.drive(service.close(T));
        h.drive(closing);
        assertEquals(List.of("callback 1", "callback 2"), callbacks);
        if (!h.feb2005()) {
            assertTrue(count(h.wire(Direction.CLIENT_TO_SERVICE), "TerminateSequence") >= 2,
                    "the lost TerminateSequence was sent again: " + h.summary());
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f19NonReliableAndOtherVersionMessagesAreRefused(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        h.listen(h.requestReply(x -> x), ChannelType.REPLY_SESSION);
        RequestChannel raw = h.raw(V);
        MessageFault plain = h.drive(raw.request(RmHarness.request("plain"), T)).fault().orElseThrow();
        if (h.feb2005()) {
            assertEquals("ActionNotSupported", plain.subcode().orElseThrow().getLocalPart());
            assertEquals(WcfText.NonWsrmFeb2005ActionNotSupported.format("urn:test/EchoString"), plain.reason());
        } else {
            assertEquals(WsrmFault.WSRM_REQUIRED, plain.subcode().orElseThrow().getLocalPart());
            assertEquals(WcfText.WsrmRequiredFaultString.format(), plain.reason());
        }
        // a client of the other version is refused on open
        ReliableMessagingVersion other = h.feb2005() ? ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11
                : ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005;
        RmHarness otherSide = new RmHarness(other);
        Throwable e = h.failure(h.<RequestSessionChannel>channel(h.requestReply(x -> x.reliableMessagingVersion(
                other)), ChannelType.REQUEST_SESSION).open(T));
        assertInstanceOf(CommunicationException.class, e);
        assertTrue(e.getMessage().contains(h.feb2005()
                ? WcfText.NonWsrmFeb2005ActionNotSupported.format(otherSide.wsrm.action(Wsrm.CREATE_SEQUENCE))
                : WcfText.WsrmRequiredFaultString.format()), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f19AStrippedSequenceHeaderIsRefusedAndFaultsTheSession(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        OutputSessionChannel client = h.connect(b, ChannelType.OUTPUT_SESSION);
        List<String> delivered = RmHarness.collect(h.accept(listener));
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage()).occurrence(1)
                .then(FaultAction.rewrite(e -> e.replaceFirst("<r:Sequence s:mustUnderstand=\"1\">.*?</r:Sequence>",
                        ""))));
        h.drive(client.send(RmHarness.app("m1"), T));
        h.net.clock.runPending();
        // WCF's ProcessInfo: a fault outside the sequence faults the session, through WCF's fault converter
        assertEquals(CommunicationState.Faulted, client.state());
        Throwable e = client.faultCause();
        if (h.feb2005()) {
            assertInstanceOf(ActionNotSupportedException.class, e);
            assertEquals(WcfText.NonWsrmFeb2005ActionNotSupported.format("urn:test/Ping"), e.getMessage());
        } else {
            assertInstanceOf(ProtocolException.class, e);
            assertEquals(WcfText.UnrecognizedFaultReceived.format("http://www.w3.org/2003/05/soap-envelope",
                    "Sender", WcfText.WsrmRequiredFaultString.format()), e.getMessage());
        }
        assertEquals(List.of(), delivered, "the unsequenced message was not delivered");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void f20RetryExhaustionAgainstABlackHole(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<ReplySessionChannel> listener = h.listen(b, ChannelType.REPLY_SESSION);
        RequestSessionChannel client = h.connect(b, ChannelType.REQUEST_SESSION);
        h.echo(h.accept(listener), new AtomicInteger(), Duration.ZERO);
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage())
                .then(FaultAction.blackhole()));
        Throwable e = h.failure(client.request(RmHarness.request("lost"), Duration.ofHours(1)));
        assertInstanceOf(CommunicationException.class, e);
        assertEquals(WcfText.MaximumRetryCountExceeded.format(), e.getMessage());
        assertEquals(9, count(h.wire(Direction.CLIENT_TO_SERVICE), "EchoString#1"), "one send and 8 retries");
        String terminated = h.envelopes(Direction.CLIENT_TO_SERVICE, x -> x.contains("SequenceTerminated")).get(0);
        assertTrue(terminated.contains(WcfText.SequenceTerminatedMaximumRetryCountExceeded.format()), terminated);
        assertTrue(terminated.contains("<s:Value>s:Receiver</s:Value>"), terminated);
        assertEquals(CommunicationState.Faulted, client.state());
    }
}

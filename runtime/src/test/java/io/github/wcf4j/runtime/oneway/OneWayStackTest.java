package io.github.wcf4j.runtime.oneway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** oneWay: datagram output/input over request/reply (an empty answer per message) and over duplex sessions. */
class OneWayStackTest {
    private static final String ACTION = "urn:test/Notify";
    private final InMemoryFixture net = new InMemoryFixture();

    private static Message notify(int n) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ACTION,
                new XmlFragment("<Notify xmlns=\"urn:test\"><n>" + n + "</n></Notify>"));
    }

    private static CustomBinding oneWayOver(InMemoryTransportBindingElement transport) {
        return CustomBinding.of("oneway", OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                transport);
    }

    @Test
    void overRequestReplyEachMessageIsAcknowledgedEmptyAndDelivered() {
        CustomBinding b = oneWayOver(InMemoryTransportBindingElement.requestReply());
        InputChannel in = net.accept(net.<InputChannel>openListener(b, ChannelType.INPUT, InMemoryFixture.SERVICE));
        OutputChannel out = net.open(net.<OutputChannel>openFactory(b, ChannelType.OUTPUT)
                .createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
        for (int i = 1; i <= 3; i++) {
            // as in WCF, the empty answer is sent when the service receives the message
            var received = in.receive(InMemoryFixture.TIMEOUT);
            net.await(out.send(notify(i), InMemoryFixture.TIMEOUT));
            Message m = net.await(received).orElseThrow();
            assertEquals("<Notify xmlns=\"urn:test\"><n>" + i + "</n></Notify>", m.body().xml());
        }
        // each send was one exchange answered with an empty message (HTTP's 202)
        List<WireRecord> back = net.network.wire().stream().filter(r -> r.direction() == Direction.SERVICE_TO_CLIENT)
                .collect(Collectors.toList());
        assertEquals(3, back.size());
        assertTrue(back.stream().allMatch(r -> r.envelope().isEmpty()));
    }

    @Test
    void aResponseToAOneWaySendIsWcfsProtocolError() {
        CustomBinding client = oneWayOver(InMemoryTransportBindingElement.requestReply());
        CustomBinding service = CustomBinding.of("rr", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        ReplyChannel reply = net.accept(net.<ReplyChannel>openListener(service, ChannelType.REPLY,
                InMemoryFixture.SERVICE));
        reply.receiveRequest(InMemoryFixture.TIMEOUT).thenAccept(c -> c.orElseThrow().reply(notify(0),
                InMemoryFixture.TIMEOUT));
        OutputChannel out = net.open(net.<OutputChannel>openFactory(client, ChannelType.OUTPUT)
                .createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
        Throwable e = net.failure(out.send(notify(1), InMemoryFixture.TIMEOUT));
        assertInstanceOf(ProtocolException.class, e);
        assertEquals(WcfText.OneWayUnexpectedResponse.format(), e.getMessage());
    }

    @Test
    void overDuplexSessionsEverySessionsMessagesArriveOnOneInputChannel() {
        CustomBinding b = oneWayOver(InMemoryTransportBindingElement.duplexSession());
        InputChannel in = net.accept(net.<InputChannel>openListener(b, ChannelType.INPUT, InMemoryFixture.SERVICE));
        var factory = net.<OutputChannel>openFactory(b, ChannelType.OUTPUT);
        OutputChannel a = net.open(factory.createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
        OutputChannel c = net.open(factory.createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
        net.await(a.send(notify(1), InMemoryFixture.TIMEOUT));
        net.await(c.send(notify(2), InMemoryFixture.TIMEOUT));
        net.await(a.send(notify(3), InMemoryFixture.TIMEOUT));
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(net.await(in.receive(InMemoryFixture.TIMEOUT)).orElseThrow().body().xml());
        }
        assertEquals(3, got.size());
        assertTrue(got.containsAll(List.of("<Notify xmlns=\"urn:test\"><n>1</n></Notify>",
                "<Notify xmlns=\"urn:test\"><n>2</n></Notify>", "<Notify xmlns=\"urn:test\"><n>3</n></Notify>")));
        // closing the listener ends pending receives with "no message", as WCF returns null
        var pending = in.receive(InMemoryFixture.TIMEOUT);
        net.await(in.close(InMemoryFixture.TIMEOUT));
        assertEquals(Optional.empty(), net.await(pending));
    }
}

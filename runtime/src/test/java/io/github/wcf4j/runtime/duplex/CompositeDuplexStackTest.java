package io.github.wcf4j.runtime.duplex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * compositeDuplex + oneWay + text over a request/reply transport: WCF's internal duplex layer on both sides. The client
 * listens on a back channel and sends it as ReplyTo; the service sends its messages there.
 */
class CompositeDuplexStackTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private final InMemoryFixture net = new InMemoryFixture();

    private static CustomBinding binding(CompositeDuplexBindingElement cd) {
        return CustomBinding.of("duplex", cd, OneWayBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.requestReply());
    }

    private static Message message(String action, String body) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, action, new XmlFragment(body));
        m.headers().messageId("urn:uuid:" + UUID.randomUUID());
        return m;
    }

    private void roundTrip(CustomBinding binding, String expectedBackChannelPrefix) {
        DuplexChannel service = net.accept(net.<DuplexChannel>openListener(binding, ChannelType.DUPLEX,
                InMemoryFixture.SERVICE));
        ChannelFactory<DuplexChannel> factory = net.openFactory(binding, ChannelType.DUPLEX);
        DuplexChannel client = net.open(factory.createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));

        Message request = message(NS + "/ICalculatorDuplex/AddTo", "<AddTo xmlns=\"" + NS + "\"><n>5</n></AddTo>");
        var receiving = service.receive(InMemoryFixture.TIMEOUT);
        net.await(client.send(request, InMemoryFixture.TIMEOUT));
        Message received = net.await(receiving).orElseThrow();
        EndpointAddress replyTo = received.headers().replyTo();
        assertEquals(client.localAddress(), replyTo);
        assertTrue(replyTo.uri().toString().startsWith(expectedBackChannelPrefix), replyTo.toString());

        Message result = message(NS + "/ICalculatorDuplex/Result", "<Result xmlns=\"" + NS
                + "\"><result>5</result></Result>");
        result.headers().to(replyTo);
        result.headers().relatesTo(received.headers().messageId());
        var back = client.receive(InMemoryFixture.TIMEOUT);
        net.await(service.send(result, InMemoryFixture.TIMEOUT));
        Message answer = net.await(back).orElseThrow();
        assertEquals(NS + "/ICalculatorDuplex/Result", answer.headers().action());
        assertEquals(request.headers().messageId(), answer.headers().relatesTo());
    }

    @Test
    void theClientListensUnderClientBaseAddressAndTheServiceAnswersThere() {
        roundTrip(binding(CompositeDuplexBindingElement.at(URI.create("inmemory://localhost/client/"))),
                "inmemory://localhost/client/");
    }

    @Test
    void withoutClientBaseAddressTheClientListensAtAUniqueTemporaryAddress() {
        roundTrip(binding(CompositeDuplexBindingElement.defaults()),
                "inmemory://localhost/Temporary_Listen_Addresses/");
    }

    @Test
    void eachClientChannelHasItsOwnAddressAndGetsOnlyItsMessages() {
        CustomBinding b = binding(CompositeDuplexBindingElement.at(URI.create("inmemory://localhost/client/")));
        DuplexChannel service = net.accept(net.<DuplexChannel>openListener(b, ChannelType.DUPLEX,
                InMemoryFixture.SERVICE));
        ChannelFactory<DuplexChannel> factory = net.openFactory(b, ChannelType.DUPLEX);
        DuplexChannel one = net.open(factory.createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
        DuplexChannel two = net.open(factory.createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
        assertNotEquals(one.localAddress(), two.localAddress());
        Message toTwo = message("urn:test/Ping", "<Ping xmlns=\"urn:test\">two</Ping>");
        toTwo.headers().to(two.localAddress());
        var atOne = one.receive(InMemoryFixture.TIMEOUT);
        var atTwo = two.receive(InMemoryFixture.TIMEOUT);
        net.await(service.send(toTwo, InMemoryFixture.TIMEOUT));
        assertEquals("<Ping xmlns=\"urn:test\">two</Ping>", net.await(atTwo).orElseThrow().body().xml());
        net.clock.runPending();
        assertTrue(!atOne.isDone(), "the other channel received nothing");
    }
}

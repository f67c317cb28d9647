package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reliable duplex sessions over the in-memory transports, both WS-RM versions, on virtual time. */
class ReliableDuplexSessionTest {
    private final InMemoryFixture net = new InMemoryFixture();

    private static ReliableSessionBindingElement rm(ReliableMessagingVersion v) {
        return ReliableSessionBindingElement.builder().reliableMessagingVersion(v).build();
    }

    static CustomBinding overSessions(ReliableMessagingVersion v) {
        return CustomBinding.of("rm", rm(v), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.duplexSession());
    }

    static CustomBinding overCompositeDuplex(ReliableMessagingVersion v) {
        return CustomBinding.of("rm", rm(v), CompositeDuplexBindingElement.defaults(), OneWayBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.requestReply());
    }

    private static Message app(String text) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/Echo",
                new XmlFragment("<Echo xmlns=\"urn:test\">" + text + "</Echo>"));
    }

    private static String text(Message m) {
        return m.body().xml().replaceAll("<[^>]+>", "");
    }

    private void exchange(CustomBinding binding) {
        ChannelListener<DuplexSessionChannel> listener = net.openListener(binding, ChannelType.DUPLEX_SESSION,
                InMemoryFixture.SERVICE);
        DuplexSessionChannel client = net.<DuplexSessionChannel>openFactory(binding, ChannelType.DUPLEX_SESSION)
                .createChannel(EndpointAddress.of(InMemoryFixture.SERVICE));
        net.open(client);
        DuplexSessionChannel service = net.accept(listener);
        assertEquals(client.session().id(), client.session().id());

        for (String s : List.of("one", "two", "three")) {
            net.await(client.send(app(s), InMemoryFixture.TIMEOUT));
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(text(net.await(service.receive(InMemoryFixture.TIMEOUT)).orElseThrow()));
        }
        assertEquals(List.of("one", "two", "three"), got);
        net.await(service.send(app("back"), InMemoryFixture.TIMEOUT));
        assertEquals("back", text(net.await(client.receive(InMemoryFixture.TIMEOUT)).orElseThrow()));

        CompletableFuture<Void> clientClosed = client.close(InMemoryFixture.TIMEOUT);
        CompletableFuture<Void> serviceClosed = service.close(InMemoryFixture.TIMEOUT);
        for (int i = 0; i < 100 && !(clientClosed.isDone() && serviceClosed.isDone()); i++) {
            net.clock.advanceBy(Duration.ofMillis(200));
        }
        net.await(clientClosed);
        net.await(serviceClosed);
    }

    private List<String> actions() {
        return net.network.wire().stream().map(WireRecord::envelope).filter(e -> !e.isEmpty())
                .map(e -> e.replaceAll(".*<a:Action s:mustUnderstand=\"1\">([^<]*)</a:Action>.*", "$1"))
                .map(a -> a.substring(a.lastIndexOf('/') + 1)).collect(Collectors.toList());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aDuplexSessionOverInMemorySessions(ReliableMessagingVersion v) {
        exchange(overSessions(v));
        List<String> actions = actions();
        assertEquals("CreateSequence", actions.get(0));
        assertEquals("CreateSequenceResponse", actions.get(1));
        assertTrue(actions.contains("TerminateSequence"), actions.toString());
        if (v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005) {
            assertTrue(actions.contains("LastMessage"), actions.toString());
        } else {
            assertTrue(actions.contains("CloseSequence") && actions.contains("CloseSequenceResponse"),
                    actions.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aDuplexSessionOverCompositeDuplex(ReliableMessagingVersion v) {
        exchange(overCompositeDuplex(v));
        assertEquals("CreateSequence", actions().get(0));
    }
}

package io.github.wcf4j.runtime.transport.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TCP-like in-memory transport and every fault it can inject, on virtual time. */
class InMemoryDuplexSessionTest {
    private final InMemoryFixture net = new InMemoryFixture();
    private final CustomBinding binding = CustomBinding.of("session", TextMessageEncodingBindingElement.defaults(),
            InMemoryTransportBindingElement.duplexSession());
    private DuplexSessionChannel client;
    private DuplexSessionChannel service;

    @BeforeEach
    void connect() {
        var listener = net.<DuplexSessionChannel>openListener(binding, ChannelType.DUPLEX_SESSION,
                InMemoryFixture.SERVICE);
        client = net.open(net.<DuplexSessionChannel>openFactory(binding, ChannelType.DUPLEX_SESSION)
                .createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
        service = net.accept(listener);
        assertEquals(client.session().id(), service.session().id());
    }

    private static Message numbered(int n) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/N",
                new XmlFragment("<N xmlns=\"urn:test\">" + n + "</N>"));
    }

    private List<String> receiveAll(DuplexSessionChannel c, int count) {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            got.add(net.await(c.receive(InMemoryFixture.TIMEOUT)).orElseThrow().body().xml().replaceAll("<[^>]+>", ""));
        }
        return got;
    }

    @Test
    void aDuplicatedMessageArrivesTwice() {
        net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(1).then(FaultAction.duplicate()));
        net.await(client.send(numbered(1), InMemoryFixture.TIMEOUT));
        net.await(client.send(numbered(2), InMemoryFixture.TIMEOUT));
        assertEquals(List.of("1", "1", "2"), receiveAll(service, 3));
    }

    @Test
    void aReorderedMessageArrivesAfterTheNextOne() {
        net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(1).then(FaultAction.reorder()));
        net.await(client.send(numbered(1), InMemoryFixture.TIMEOUT));
        net.await(client.send(numbered(2), InMemoryFixture.TIMEOUT));
        assertEquals(List.of("2", "1"), receiveAll(service, 2));
    }

    @Test
    void aDelayedMessageArrivesWhenVirtualTimeReachesIt() {
        net.network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).then(FaultAction.delay(Duration.ofSeconds(3))));
        CompletableFuture<Optional<Message>> pending = client.receive(InMemoryFixture.TIMEOUT);
        net.await(service.send(numbered(7), InMemoryFixture.TIMEOUT));
        net.clock.advanceBy(Duration.ofMillis(2999));
        assertFalse(pending.isDone());
        net.clock.advanceBy(Duration.ofMillis(1));
        assertTrue(pending.isDone());
    }

    @Test
    void aDroppedMessageIsLostWithoutBreakingTheSession() {
        net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(1).then(FaultAction.drop()));
        net.await(client.send(numbered(1), InMemoryFixture.TIMEOUT));
        net.await(client.send(numbered(2), InMemoryFixture.TIMEOUT));
        assertEquals(List.of("2"), receiveAll(service, 1));
        assertEquals(CommunicationState.Opened, client.state());
    }
}

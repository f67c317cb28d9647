package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thousands of messages through a reliable session while the wire drops, duplicates and reorders at random (fixed
 * seed, both directions, protocol messages included): everything sent is delivered exactly once, in order when the
 * session is ordered.
 */
class ReliableSessionUnderRandomFaultsTest {
    private static final int MESSAGES = Integer.getInteger("rm.random.messages", 2000);

    private final InMemoryFixture net = new InMemoryFixture();

    private void injectRandomFaults(long seed) {
        Random random = new Random(seed);
        Predicate<String> lose = t -> random.nextDouble() < 0.10;
        Predicate<String> duplicate = t -> random.nextDouble() < 0.05;
        Predicate<String> reorder = t -> random.nextDouble() < 0.05;
        for (Direction d : Direction.values()) {
            net.network.inject(FaultRule.on(d).where(lose).then(FaultAction.blackhole()));
            net.network.inject(FaultRule.on(d).where(duplicate).then(FaultAction.duplicate()));
            net.network.inject(FaultRule.on(d).where(reorder).then(FaultAction.reorder()));
        }
    }

    private static String cause(Object c) {
        Throwable t = ((AbstractCommunicationObject) c).faultCause();
        return t == null ? "" : t.toString();
    }

    @ParameterizedTest(name = "{0}, ordered={1}, seed {2}")
    @CsvSource({
        "WS_RELIABLE_MESSAGING_FEBRUARY_2005, true, 1",
        "WS_RELIABLE_MESSAGING_FEBRUARY_2005, false, 2",
        "WS_RELIABLE_MESSAGING_11, true, 3",
        "WS_RELIABLE_MESSAGING_11, false, 4"
    })
    void everyMessageArrivesExactlyOnce(ReliableMessagingVersion version, boolean ordered, long seed) {
        CustomBinding binding = CustomBinding.of("rm", ReliableSessionBindingElement.builder()
                        .reliableMessagingVersion(version).ordered(ordered).maxTransferWindowSize(32)
                        .maxRetryCount(30).build(),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.duplexSession());
        ChannelListener<DuplexSessionChannel> listener = net.openListener(binding, ChannelType.DUPLEX_SESSION,
                InMemoryFixture.SERVICE);
        DuplexSessionChannel client = net.<DuplexSessionChannel>openFactory(binding, ChannelType.DUPLEX_SESSION)
                .createChannel(EndpointAddress.of(InMemoryFixture.SERVICE));
        net.open(client);
        DuplexSessionChannel service = net.accept(listener);
        injectRandomFaults(seed);

        List<Integer> received = new ArrayList<>();
        ReceivePump.run(() -> service.receive(Duration.ofDays(1)),
                m -> received.add(Integer.parseInt(m.body().xml().replaceAll("<[^>]+>", ""))), e -> { });
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 1; i <= MESSAGES; i++) {
            sends.add(client.send(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/N",
                    new XmlFragment("<N xmlns=\"urn:test\">" + i + "</N>")), WcfTimeSpan.INFINITE));
        }
        for (int step = 0; step < 2_000_000 && received.size() < MESSAGES; step++) {
            if (!net.clock.advanceToNextTimer()) {
                break;
            }
        }
        assertEquals(MESSAGES, received.size(), "delivered exactly the messages sent, no more, no fewer; client "
                + client.state() + " " + cause(client) + ", service " + service.state() + " " + cause(service)
                + ", virtual time " + net.clock.elapsed() + "\n"
                + ((ReliableSessionChannelOverDuplex) client).reliableSession() + "\n"
                + ((ReliableSessionChannelOverDuplex) service).reliableSession());
        Set<Integer> distinct = new HashSet<>(received);
        assertEquals(MESSAGES, distinct.size(), "nothing delivered twice");
        if (ordered) {
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(i + 1, received.get(i), "in order");
            }
        } else {
            assertTrue(distinct.containsAll(IntStream.rangeClosed(1, MESSAGES).boxed()
                    .collect(Collectors.toSet())));
        }
        assertTrue(sends.stream().allMatch(CompletableFuture::isDone));
        long retransmitted = net.network.wire().size();
        assertTrue(retransmitted > MESSAGES, "the faults forced retransmissions: " + retransmitted);
    }
}

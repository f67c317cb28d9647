package io.github.wcf4j.runtime.reliability;

import static io.github.wcf4j.runtime.reliability.RmHarness.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.message.Message;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One listener holds 10,000 concurrent reliable sessions (WS-RM February 2005, the seed's version, over in-memory
 * duplex sessions), each having exchanged a message both ways and then idling through a keep-alive round, without a
 * thread per session: the whole run is driven by one virtual-time scheduler. The heap an idle session holds (both
 * ends and the in-memory connection) is printed for the record, not asserted: memory is measured in the benchmarks.
 */
class TenThousandReliableSessionsTest {
    private static final int SESSIONS = 10_000;

    @Test
    void tenThousandConcurrentReliableSessionsOnOneListener() {
        RmHarness h = new RmHarness(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005);
        CustomBinding b = h.sessions(x -> x);
        ChannelListener<DuplexSessionChannel> listener = h.listen(b, ChannelType.DUPLEX_SESSION);
        ChannelFactory<DuplexSessionChannel> factory = h.net.openFactory(b, ChannelType.DUPLEX_SESSION);
        int threadsBefore = Thread.activeCount();
        long heapBefore = usedHeapAfterGc();

        AtomicInteger served = new AtomicInteger();
        List<DuplexSessionChannel> clients = new ArrayList<>(SESSIONS);
        List<DuplexSessionChannel> services = new ArrayList<>(SESSIONS);
        List<CompletableFuture<Optional<Message>>> replies = new ArrayList<>(SESSIONS);
        for (int i = 0; i < SESSIONS; i++) {
            DuplexSessionChannel c = factory.createChannel(EndpointAddress.of(RmHarness.SERVICE));
            h.drive(c.open(T));
            DuplexSessionChannel s = h.accept(listener);
            ReceivePump.run(() -> s.receive(Duration.ofDays(1)), m -> {
                served.incrementAndGet();
                Message r = RmHarness.app("re:" + RmHarness.text(m));
                s.send(r, T);
            }, e -> { });
            replies.add(c.receive(T));
            c.send(RmHarness.app("s" + i), T);
            clients.add(c);
            services.add(s);
        }
        h.net.clock.runPending();
        for (int i = 0; i < SESSIONS; i++) {
            assertEquals("re:s" + i, RmHarness.text(h.drive(replies.get(i)).orElseThrow()));
        }
        assertEquals(SESSIONS, served.get());
        // idle through the first keep-alive round (inactivityTimeout/2 = 5 min): every session stays up
        h.advance(Duration.ofMinutes(6));
        assertTrue(clients.stream().allMatch(c -> c.state() == CommunicationState.Opened));
        assertTrue(services.stream().allMatch(s -> s.state() == CommunicationState.Opened));
        assertTrue(h.net.network.wire().stream().filter(r -> r.contains("AckRequested")).count() >= SESSIONS,
                "every idle client polled");
        assertTrue(Thread.activeCount() - threadsBefore < 10,
                "sessions must not hold threads: " + (Thread.activeCount() - threadsBefore) + " new threads");
        h.net.network.clearWire();
        long perSession = (usedHeapAfterGc() - heapBefore) / SESSIONS;
        System.out.printf("[wcf4j] heap per idle reliable session (client + service + in-memory connection): "
                + "%.1f KiB (%d sessions; wire log cleared)%n", perSession / 1024.0, SESSIONS);

        // every session still works: the last one closes gracefully
        DuplexSessionChannel last = clients.get(SESSIONS - 1);
        h.drive(CompletableFuture.allOf(last.close(T), services.get(SESSIONS - 1).close(T)));
        assertEquals(CommunicationState.Closed, last.state());
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

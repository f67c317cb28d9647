package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.reliability.store.FsyncPolicy;
import io.github.wcf4j.runtime.reliability.store.LogSequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the durable store costs (issue 19): reliable request/reply calls/s over loopback HTTP with 16 sessions, each
 * calling in a loop, for the service's store none (in memory, WCF's), the log with group commit + fsync, and the log
 * without fsync; client and service in this JVM. Not a test and not the benchmarks module's orchestrated run: run
 * {@code main} (arguments: seconds per run, directory, rounds; the first round warms the JIT).
 */
public final class DurableSessionThroughputMeasurement {
    private static final Duration T = Duration.ofSeconds(60);
    private static final int SESSIONS = 16;

    private DurableSessionThroughputMeasurement() {
    }

    private static double measure(SequenceStore store, long seconds) throws InterruptedException {
        ReliableMessagingVersion v = ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11;
        SystemScheduler scheduler = new SystemScheduler();
        ChannelListener<ReplySessionChannel> listener = ChannelStackBuilder.standard().buildListener(
                DurableEchoServiceProcess.binding(v), ChannelType.REPLY_SESSION, new BindingParameters()
                        .put(Scheduler.class, scheduler).put(SequenceStore.class, store)
                        .put(ListenAddress.class, ListenAddress.unique(URI.create("http://localhost:0/svc/"))));
        Futures.join(listener.open(T));
        ReceivePump.run(() -> listener.acceptChannel(Duration.ofDays(1)), (ReplySessionChannel c) -> {
            c.open(T);
            ReceivePump.run(() -> c.receiveRequest(Duration.ofDays(1)), (RequestContext ctx) -> {
                Message r = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoStringResponse",
                        new XmlFragment("<echoStringResponse xmlns=\"urn:test\"><Text>"
                                + RmHarness.text(ctx.requestMessage()) + "</Text></echoStringResponse>"));
                r.headers().relatesTo(ctx.requestMessage().headers().messageId());
                ctx.reply(r, T);
            }, e -> { });
        }, e -> { });
        ChannelFactory<RequestSessionChannel> factory = ChannelStackBuilder.standard().buildFactory(
                DurableEchoServiceProcess.binding(v), ChannelType.REQUEST_SESSION,
                new BindingParameters().put(Scheduler.class, scheduler));
        Futures.join(factory.open(T));
        List<RequestSessionChannel> clients = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            RequestSessionChannel c = factory.createChannel(EndpointAddress.of(listener.uri()));
            Futures.join(c.open(T));
            clients.add(c);
        }
        AtomicLong calls = new AtomicLong();
        long warm = System.nanoTime() + 2_000_000_000L;
        long end = warm + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (RequestSessionChannel c : clients) {
            Thread t = new Thread(() -> {
                for (long i = 0; System.nanoTime() < end; i++) {
                    Futures.join(c.request(RmHarness.request("call-" + i), T));
                    if (System.nanoTime() > warm) {
                        calls.incrementAndGet();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        clients.forEach(c -> Futures.join(c.close(T)));
        Futures.join(factory.close(T));
        listener.abort();
        scheduler.close();
        store.close();
        return calls.get() / (double) seconds;
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/durable-throughput"));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        for (int round = 0; round < rounds; round++) {
            double none = measure(SequenceStore.none(), seconds);
            Path g = dir.resolve("group-" + round + ".log");
            Path n = dir.resolve("none-" + round + ".log");
            Files.deleteIfExists(g);
            Files.deleteIfExists(n);
            double group = measure(LogSequenceStore.open(g, FsyncPolicy.GROUP), seconds);
            double unforced = measure(LogSequenceStore.open(n, FsyncPolicy.NONE), seconds);
            System.out.printf("round %d, 16 sessions: in memory %.0f calls/s; log, group commit + fsync %.0f"
                    + " calls/s (%.0f%%); log, no fsync %.0f calls/s (%.0f%%)%n", round, none, group,
                    100 * group / none, unforced, 100 * unforced / none);
        }
    }
}

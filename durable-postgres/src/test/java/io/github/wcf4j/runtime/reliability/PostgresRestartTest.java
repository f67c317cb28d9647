package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.durable.postgres.LoopbackPostgres;
import io.github.wcf4j.durable.postgres.PostgresSequenceStore;
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
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PostgreSQL stopped and started again under load (issue 19): a service over loopback HTTP keeps its sessions in a
 * PostgreSQL cluster of the test's own ({@link LoopbackPostgres#ownCluster}), four clients call it concurrently, and
 * the cluster is stopped ({@code pg_ctl stop -m fast}: every connection cut) mid-sequence, then started again. While
 * it is down the store's writes wait (the writer retries on a new connection) and the service's reads fail (the
 * requests are answered empty; the clients resend); nothing acknowledged is lost, every sequence continues exactly
 * once and in order, and the store works on its new connections (the sessions' ends are written).
 */
class PostgresRestartTest {
    private static final Duration T = Duration.ofSeconds(60);
    private static final int SESSIONS = 4;
    private static final int CALLS = 12;

    private final SystemScheduler scheduler = new SystemScheduler();

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code condition} (checked every 10 ms), at most {@code T}. */
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + T.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static long rows(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void postgresRestartedUnderLoadLosesNothingAndTheSequencesContinueExactlyOnceInOrder(ReliableMessagingVersion v)
            throws Exception {
        LoopbackPostgres.Cluster pg = LoopbackPostgres.ownCluster();
        try (PostgresSequenceStore store = PostgresSequenceStore.open(pg.url())) {
            URI address = URI.create("http://localhost:" + freePort() + "/svc/");
            ChannelListener<ReplySessionChannel> listener = ChannelStackBuilder.standard().buildListener(
                    DurableEchoServiceProcess.binding(v), ChannelType.REPLY_SESSION, new BindingParameters()
                            .put(Scheduler.class, scheduler).put(ListenAddress.class, ListenAddress.explicit(address))
                            .put(SequenceStore.class, store));
            Futures.join(listener.open(T));
            Map<String, List<Integer>> applied = new ConcurrentHashMap<>();
            ReceivePump.run(() -> listener.acceptChannel(Duration.ofDays(1)), (ReplySessionChannel c) -> {
                c.open(T);
                ReceivePump.run(() -> c.receiveRequest(Duration.ofDays(1)), (RequestContext ctx) -> {
                    String text = RmHarness.text(ctx.requestMessage());
                    String[] parts = text.split("-call-");
                    applied.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                            .add(Integer.parseInt(parts[1]));
                    Message r = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoStringResponse",
                            new XmlFragment("<echoStringResponse xmlns=\"urn:test\"><Text>" + text.toUpperCase()
                                    + "</Text></echoStringResponse>"));
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
                RequestSessionChannel c = factory.createChannel(EndpointAddress.of(address));
                Futures.join(c.open(T));
                clients.add(c);
            }
            AtomicInteger answered = new AtomicInteger();
            CountDownLatch underLoad = new CountDownLatch(2 * SESSIONS);
            List<List<String>> replies = new ArrayList<>();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                RequestSessionChannel client = clients.get(i);
                List<String> got = new CopyOnWriteArrayList<>();
                replies.add(got);
                String session = "s" + i;
                done.add(CompletableFuture.runAsync(() -> {
                    for (int n = 1; n <= CALLS; n++) {
                        got.add(RmHarness.text(Futures.join(client.request(RmHarness.request(session + "-call-" + n),
                                T))));
                        answered.incrementAndGet();
                        underLoad.countDown();
                    }
                }));
            }
            assertTrue(underLoad.await(T.toSeconds(), TimeUnit.SECONDS), "calls before the outage");
            long retriedBefore = store.retriedBatches();
            pg.stop();
            int atStop = answered.get();
            // a write now finds no database: it waits, retried on new connections (the sessions' reads fail
            // meanwhile, so their requests are answered empty and resent)
            CompletableFuture<Void> during = store.touch("a write during the outage");
            await(() -> store.retriedBatches() > retriedBefore, "a write waiting for the database");
            assertTrue(!during.isDone(), "the write waits while the database is down");
            assertTrue(answered.get() - atStop <= SESSIONS, "at most a call per session answered while down ("
                    + (answered.get() - atStop) + "): each needs a write");
            pg.startAgain();
            during.get(T.toSeconds(), TimeUnit.SECONDS);
            try {
                CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2 * T.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the calls did not all complete after the restart: replies " + replies
                        + ", applied " + applied + ", answered when stopped " + atStop + ", batches retried "
                        + store.retriedBatches(), e);
            }
            assertTrue(atStop < SESSIONS * CALLS, "the outage came under load");

            for (int i = 0; i < SESSIONS; i++) {
                List<String> expected = new ArrayList<>();
                List<Integer> once = new ArrayList<>();
                for (int n = 1; n <= CALLS; n++) {
                    expected.add(("s" + i + "-call-" + n).toUpperCase());
                    once.add(n);
                }
                assertEquals(expected, replies.get(i), "session " + i + "'s replies, in order");
                assertEquals(once, applied.get("s" + i), "session " + i + "'s calls applied exactly once, in order");
            }
            for (RequestSessionChannel c : clients) {
                Futures.join(c.close(T));
            }
            Futures.join(factory.close(T));
            // the sessions' ends went through the store's new connection: nothing is left
            await(() -> rows(pg.url(), "SELECT count(*) FROM wcf4j_rm_sequence") == 0, "the ended sequences gone");
            listener.abort();
        } finally {
            pg.stopQuietly();
        }
    }
}

package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.reliability.store.SequenceStoreSetting;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19 with real processes, the client's side: a client JVM ({@link DurableSenderProcess}) with a file store named
 * by the wcf4j setting sends m1..m8, the proxy in front of the service losing m6..m8, and is killed with SIGKILL once
 * its {@code send} accepted m8; started again with the same file it resumes the sequence (no second CreateSequence),
 * sends m6..m8 again and m9, m10, and closes: the service receives m1..m10 exactly once, in order, in one session, for
 * both WS-RM versions. No sleeps: the test waits for the lines the client prints and for the session's end.
 */
class DurableClientCrashTest {
    private static final Duration T = Duration.ofSeconds(60);
    private static final Pattern NUMBER = Pattern.compile("<r:MessageNumber>(\\d+)</r:MessageNumber>");

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler();
    private final List<Process> processes = new ArrayList<>();
    private ChannelListener<InputSessionChannel> listener;
    private FaultInjectingHttpProxy proxy;

    @AfterEach
    void stop() throws IOException {
        processes.forEach(Process::destroyForcibly);
        if (listener != null) {
            listener.abort();
        }
        if (proxy != null) {
            proxy.close();
        }
        scheduler.close();
    }

    /** Starts the client; the lines it prints go to {@code lines}. */
    private Process client(URI service, ReliableMessagingVersion v, Path store, int from, int to, String end,
            LinkedBlockingQueue<String> lines) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + SequenceStoreSetting.PROPERTY + "=" + store, "-cp", System.getProperty("java.class.path"),
                DurableSenderProcess.class.getName(), service.toString(), proxy.via(service).toString(), v.name(),
                Integer.toString(from), Integer.toString(to), end)
                .redirectError(dir.resolve("client-" + processes.size() + ".err").toFile()).start();
        processes.add(p);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(read failed: " + e + ")");
            }
        }, "client-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static void await(LinkedBlockingQueue<String> lines, String line, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + T.toNanos();
        while (System.nanoTime() < deadline) {
            String next = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line.equals(next)) {
                return;
            }
            if (next == null) {
                break;
            }
        }
        fail("the client did not print '" + line + "' (alive: " + p.isAlive() + ")");
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aClientKilledAfterItsSendAcceptedMessagesSendsThemAfterItsRestartExactlyOnce(ReliableMessagingVersion v)
            throws Exception {
        listener = ChannelStackBuilder.standard().buildListener(DurableEchoServiceProcess.binding(v),
                ChannelType.INPUT_SESSION, new BindingParameters().put(Scheduler.class, scheduler)
                        .put(ListenAddress.class, ListenAddress.unique(URI.create("http://localhost:0/svc/"))));
        Futures.join(listener.open(T));
        proxy = new FaultInjectingHttpProxy(listener.uri());
        AtomicBoolean losing = new AtomicBoolean(true);
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(e -> {
            Matcher m = NUMBER.matcher(e);
            return losing.get() && e.contains("urn:test/Ping") && m.find() && Integer.parseInt(m.group(1)) >= 6;
        }).then(FaultAction.drop()));
        List<String> delivered = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> sequenceEnded = new CompletableFuture<>();
        List<InputSessionChannel> sessions = new CopyOnWriteArrayList<>();
        ReceivePump.run(() -> listener.acceptChannel(Duration.ofDays(1)), (InputSessionChannel c) -> {
            sessions.add(c);
            c.open(T);
            ReceivePump.run(() -> c.receive(Duration.ofDays(1)), m -> delivered.add(RmHarness.text(m)), e -> {
                sequenceEnded.complete(null);
                c.close(T);
            });
        }, e -> { });
        Path store = dir.resolve("client-sessions.log");
        URI service = listener.uri();

        LinkedBlockingQueue<String> first = new LinkedBlockingQueue<>();
        Process a = client(service, v, store, 1, 8, "wait", first);
        await(first, "sent m8", a); // m6..m8 accepted by send, stored, lost on the way
        a.destroyForcibly();
        assertTrue(a.waitFor(60, TimeUnit.SECONDS));
        losing.set(false);

        LinkedBlockingQueue<String> second = new LinkedBlockingQueue<>();
        Process b = client(service, v, store, 9, 10, "close", second);
        await(second, "closed", b);
        assertTrue(b.waitFor(60, TimeUnit.SECONDS));
        Futures.join(sequenceEnded.orTimeout(60, TimeUnit.SECONDS));

        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"), delivered,
                "every message the first process's send accepted, once, in order, then the second's");
        assertEquals(1, sessions.size(), "one session: the restarted client resumed the sequence");
        assertEquals(1, proxy.envelopes(Direction.CLIENT_TO_SERVICE).stream()
                .filter(e -> e.contains("/CreateSequence<")).count(), "one CreateSequence");
    }
}

package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.Futures;
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
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19 with real processes, the duplex client's side: a client JVM ({@link DurableDuplexClientProcess}, the seed's
 * client shape with a clientBaseAddress and a file store named by the wcf4j setting) sends m1..m3, receiving each
 * answer a1..a3 on its offered sequence, then m4 and m5, which the proxy in front of the service loses, and is killed
 * with SIGKILL once its {@code send} accepted m5. While it is down the service sends "while-down" on the offered
 * sequence. Started again with the same file it resumes the session (no second CreateSequence, the same back channel):
 * the service receives m1..m6 exactly once, in order, in one session, and the client every message of the offered
 * sequence once, in order, across both processes, for both WS-RM versions. No sleeps: the test waits for the lines the
 * client prints and for the session's end.
 */
class DurableDuplexClientCrashTest {
    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler();
    private final List<Process> processes = new ArrayList<>();
    private ChannelListener<DuplexSessionChannel> listener;
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client process and every line it printed. */
    private final class Client {
        final Process process;
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = new CopyOnWriteArrayList<>();

        Client(URI service, ReliableMessagingVersion v, Path store, String clientBase, String script)
                throws IOException {
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + SequenceStoreSetting.PROPERTY + "=" + store, "-cp", System.getProperty("java.class.path"),
                    DurableDuplexClientProcess.class.getName(), service.toString(), proxy.via(service).toString(),
                    v.name(), clientBase, script)
                    .redirectError(dir.resolve("client-" + processes.size() + ".err").toFile()).start();
            processes.add(process);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        all.add(line);
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("(read failed: " + e + ")");
                }
            }, "client-output");
            reader.setDaemon(true);
            reader.start();
        }

        void await(String line) throws InterruptedException {
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
            fail("the client did not print '" + line + "' (alive: " + process.isAlive() + ", printed " + all + ")");
        }

        List<String> got() {
            return all.stream().filter(l -> l.startsWith("got ")).map(l -> l.substring(4)).toList();
        }

        String opened() {
            return all.stream().filter(l -> l.startsWith("opened ")).findFirst().orElseThrow();
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aDuplexClientKilledMidSessionResumesBothSequencesExactlyOnceInOrder(ReliableMessagingVersion v)
            throws Exception {
        listener = ChannelStackBuilder.standard().buildListener(DurableDuplexServiceProcess.binding(v,
                CompositeDuplexBindingElement.defaults()), ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, scheduler)
                        .put(ListenAddress.class, ListenAddress.unique(URI.create("http://localhost:0/svc/"))));
        Futures.join(listener.open(T));
        proxy = new FaultInjectingHttpProxy(listener.uri());
        AtomicBoolean losing = new AtomicBoolean(true);
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(e -> losing.get()
                && (e.contains("<Text>m4</Text>") || e.contains("<Text>m5</Text>"))).then(FaultAction.drop()));
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<DuplexSessionChannel> sessions = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> sessionEnded = new CompletableFuture<>();
        ReceivePump.run(() -> listener.acceptChannel(Duration.ofDays(1)), (DuplexSessionChannel c) -> {
            sessions.add(c);
            c.open(T);
            ReceivePump.run(() -> c.receive(Duration.ofDays(1)), m -> {
                String text = RmHarness.text(m);
                delivered.add(text);
                c.send(RmHarness.app("a" + text.substring(1)), T);
            }, e -> c.close(T).whenComplete((x, y) -> sessionEnded.complete(null)));
        }, e -> { });
        Path store = dir.resolve("client-sessions.log");
        String clientBase = "http://localhost:" + freePort() + "/myClient/";
        URI service = listener.uri();

        Client first = new Client(service, v, store, clientBase,
                "send:m1,recv,send:m2,recv,send:m3,recv,send:m4,send:m5,wait");
        first.await("waiting"); // m4, m5 accepted by send, stored, lost on the way; a1..a3 delivered
        first.process.destroyForcibly();
        assertTrue(first.process.waitFor(60, TimeUnit.SECONDS));
        losing.set(false);
        // the service sends while the client is down: its back channel refuses until the client listens again
        Futures.join(sessions.get(0).send(RmHarness.app("while-down"), T));

        Client second = new Client(service, v, store, clientBase, "send:m6,recv,recv,recv,recv,close");
        second.await("closed");
        assertTrue(second.process.waitFor(60, TimeUnit.SECONDS));
        Futures.join(sessionEnded.orTimeout(60, TimeUnit.SECONDS));

        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), delivered,
                "every message the first process's send accepted, once, in order, then the second's");
        assertEquals(1, sessions.size(), "one session: the restarted client resumed it");
        assertEquals(first.opened(), second.opened());
        assertEquals(1, proxy.envelopes(Direction.CLIENT_TO_SERVICE).stream()
                .filter(e -> e.contains("/CreateSequence<")).count(), "one CreateSequence");
        assertEquals(List.of("a1", "a2", "a3"), first.got());
        assertEquals(List.of("while-down", "a4", "a5", "a6"), second.got(),
                "the offered sequence's messages once, in order, across both processes");
    }
}

package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.reliability.store.SequenceStoreSetting;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19 with real processes, the seed's shape (reliableSession + compositeDuplex + oneWay + text + HTTP, the
 * client's offered sequence carrying the answers): the service runs in its own JVM ({@link
 * DurableDuplexServiceProcess}) with a file store named by the wcf4j setting, is killed with SIGKILL while it holds a
 * request it accepted (written, acknowledged, handed to the application) but never answered, and is started again on
 * the same port with the same file. The client in this JVM knows nothing of it: its next message resumes the session,
 * the held request is delivered again and every request is applied once, in order, its answer arriving once on the
 * offered sequence, for both WS-RM versions. No sleeps: the test waits for the lines the service prints.
 */
class DurableDuplexServiceCrashTest {
    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final SystemScheduler scheduler = new SystemScheduler();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        scheduler.close();
    }

    /** A service process and the lines it printed. */
    private final class Service {
        final Process process;
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> applied = new CopyOnWriteArrayList<>();

        Service(int port, ReliableMessagingVersion v, String store, String hold) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-D" + SequenceStoreSetting.PROPERTY + "=" + store, "-cp",
                    System.getProperty("java.class.path"), DurableDuplexServiceProcess.class.getName(),
                    Integer.toString(port), v.name()));
            if (hold != null) {
                command.add(hold);
            }
            process = new ProcessBuilder(command).redirectError(dir.resolve("service-" + processes.size() + ".err")
                    .toFile()).start();
            processes.add(process);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("applied ")) {
                            applied.add(line.substring("applied ".length()));
                        }
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("(read failed: " + e + ")");
                }
            }, "service-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits until the process prints {@code line}. */
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
            fail("the service did not print '" + line + "' (alive: " + process.isAlive() + ")");
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service process ended");
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String next(LinkedBlockingQueue<String> answers) throws InterruptedException {
        String a = answers.poll(T.toSeconds(), TimeUnit.SECONDS);
        if (a == null) {
            fail("no answer within " + T);
        }
        return a;
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aDuplexServiceKilledMidSessionAndRestartedCompletesItExactlyOnceInOrder(ReliableMessagingVersion v)
            throws Exception {
        int port = freePort();
        String store = dir.resolve("rm-sessions.log").toString();
        Service first = new Service(port, v, store, "call-3");
        first.await("ready");

        ChannelFactory<DuplexSessionChannel> factory = ChannelStackBuilder.standard().buildFactory(
                DurableDuplexServiceProcess.binding(v, CompositeDuplexBindingElement.at(
                        URI.create("http://localhost:0/myClient/"))), ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, scheduler));
        Futures.join(factory.open(T));
        DuplexSessionChannel client = factory.createChannel(EndpointAddress.of(URI.create("http://localhost:" + port
                + "/svc/")));
        Futures.join(client.open(T));
        LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
        ReceivePump.run(() -> client.receive(Duration.ofDays(1)), m -> answers.add(RmHarness.text(m)), e -> { });
        List<String> got = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Futures.join(client.send(RmHarness.request("call-" + i), T));
            got.add(next(answers));
        }
        Futures.join(client.send(RmHarness.request("call-3"), T));
        first.await("holding call-3"); // written, acknowledged, handed to the application, never answered
        first.kill();

        Service second = new Service(port, v, store, null);
        second.await("ready");
        Futures.join(client.send(RmHarness.request("call-4"), T)); // its transmission resumes the session
        got.add(next(answers));
        got.add(next(answers));
        Futures.join(client.close(T));
        second.await("closed");
        Futures.join(factory.close(T));

        assertEquals(List.of("CALL-1", "CALL-2", "CALL-3", "CALL-4"), got);
        assertNull(answers.poll(), "each answer arrived once");
        assertEquals(List.of("call-1", "call-2"), first.applied);
        assertEquals(List.of("call-3", "call-4"), second.applied,
                "the restarted service resumed the session: each request applied once, in order");
    }
}

package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.durable.postgres.LoopbackPostgres;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
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
import java.nio.file.Files;
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
 * Issue 19's farm: three service processes ({@link DurableEchoServiceProcess}) sharing one PostgreSQL database (a
 * {@code jdbc:postgresql://} value of the wcf4j setting) behind a real HAProxy that balances every request round-robin
 * with no affinity; one reliable request/reply sequence's requests land on different hosts and each is applied
 * exactly once, in order; a host killed with SIGKILL between two calls, or while it holds a call it accepted, loses
 * nothing. Both WS-RM versions.
 */
class PostgresFarmTest {
    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final List<Long> daemons = new ArrayList<>();
    private final SystemScheduler scheduler = new SystemScheduler();
    /** The hosts that printed {@code holding}: they hold a request unanswered. */
    private final LinkedBlockingQueue<Host> holding = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        daemons.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        scheduler.close();
    }

    /** A host process and the calls it applied. */
    private final class Host {
        final Process process;
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> applied = new CopyOnWriteArrayList<>();

        Host(int port, ReliableMessagingVersion v, String store, String hold) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-D" + SequenceStoreSetting.PROPERTY + "=" + store, "-cp",
                    System.getProperty("java.class.path"), DurableEchoServiceProcess.class.getName(),
                    Integer.toString(port), v.name()));
            if (hold != null) {
                command.add(hold);
            }
            process = new ProcessBuilder(command).redirectError(dir.resolve("host-" + port + ".err").toFile())
                    .start();
            processes.add(process);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("applied ")) {
                            applied.add(line.substring("applied ".length()));
                        }
                        lines.add(line);
                        if (line.startsWith("holding ")) {
                            holding.add(this);
                        }
                    }
                } catch (IOException e) {
                    lines.add("(read failed: " + e + ")");
                }
            }, "host-output");
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
            fail("the host did not print '" + line + "' (alive: " + process.isAlive() + ")");
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HAProxy on {@code front}, round-robin over {@code backs}, no cookie, no stick table; a request a dead host
     * refuses is dispatched to another. Started as a daemon: its start returns once it listens.
     */
    private void haproxy(int front, int... backs) throws IOException, InterruptedException {
        StringBuilder cfg = new StringBuilder("""
                global
                  maxconn 256
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  retries 3
                  option redispatch
                  option http-server-close
                frontend farm
                  bind 127.0.0.1:%d
                  default_backend hosts
                backend hosts
                  balance roundrobin
                """.formatted(front));
        for (int i = 0; i < backs.length; i++) {
            cfg.append("  server h").append(i + 1).append(" 127.0.0.1:").append(backs[i]).append('\n');
        }
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, cfg);
        Path pid = dir.resolve("haproxy.pid");
        Process p;
        try {
            p = new ProcessBuilder("haproxy", "-D", "-f", file.toString(), "-p", pid.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.out").toFile()).start();
        } catch (IOException e) {
            throw new IOException("The farm test needs HAProxy: apt-get install haproxy (.ci/run installs it)", e);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "haproxy started: "
                + Files.readString(dir.resolve("haproxy.out")));
        for (String line : Files.readAllLines(pid)) {
            if (!line.isBlank()) {
                daemons.add(Long.parseLong(line.strip()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aSequenceSpreadOverThreeHostsIsAppliedOnceInOrderAndAKilledHostLosesNothing(ReliableMessagingVersion v)
            throws Exception {
        farm(v, false);
    }

    /**
     * The host that gets call 5 accepts it (written, so acknowledged) and holds it unanswered; it is killed then, and
     * the client's retransmission reaches the other hosts, one of which takes the call over (the dead host's lock on
     * its name is free) and applies it: once, in order.
     */
    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aHostKilledWhileHoldingACallLeavesItToAnotherHost(ReliableMessagingVersion v) throws Exception {
        farm(v, true);
    }

    private void farm(ReliableMessagingVersion v, boolean killHolder) throws Exception {
        String store = LoopbackPostgres.freshDatabase();
        int[] ports = {freePort(), freePort(), freePort()};
        List<Host> hosts = new ArrayList<>();
        String hold = killHolder ? "call-5@" + dir.resolve("call-5.held") : null;
        for (int port : ports) {
            hosts.add(new Host(port, v, store, hold));
        }
        for (Host h : hosts) {
            h.await("ready");
        }
        int front = freePort();
        haproxy(front, ports);

        ChannelFactory<RequestSessionChannel> factory = ChannelStackBuilder.standard().buildFactory(
                DurableEchoServiceProcess.binding(v), ChannelType.REQUEST_SESSION,
                new BindingParameters().put(Scheduler.class, scheduler));
        Futures.join(factory.open(T));
        RequestSessionChannel client = factory.createChannel(EndpointAddress.of(URI.create("http://localhost:"
                + front + "/svc/")));
        Futures.join(client.open(T));
        List<String> replies = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        Host killed = hosts.get(1);
        for (int i = 1; i <= 12; i++) {
            if (i == 7 && !killHolder) {
                killed.process.destroyForcibly(); // SIGKILL between two calls
                assertTrue(killed.process.waitFor(60, TimeUnit.SECONDS));
            }
            java.util.concurrent.CompletableFuture<io.github.wcf4j.runtime.message.Message> reply = client.request(
                    RmHarness.request("call-" + i), T);
            if (i == 5 && killHolder) {
                killed = holding.poll(T.toSeconds(), TimeUnit.SECONDS);
                assertTrue(killed != null, "a host holds call-5");
                killed.process.destroyForcibly(); // SIGKILL while it holds an acknowledged call
                assertTrue(killed.process.waitFor(60, TimeUnit.SECONDS));
            }
            replies.add(RmHarness.text(Futures.join(reply)));
            expected.add("CALL-" + i);
        }
        Futures.join(client.close(T));
        Futures.join(factory.close(T));

        assertEquals(expected, replies);
        System.out.println("farm " + v + (killHolder ? " (holder killed)" : "") + ": calls applied per host " + hosts.stream().map(h -> h.applied.toString())
                .toList());
        List<String> all = new ArrayList<>();
        int serving = 0;
        for (Host h : hosts) {
            List<Integer> numbers = h.applied.stream().map(t -> Integer.parseInt(t.substring("call-".length())))
                    .toList();
            assertEquals(numbers.stream().sorted().toList(), numbers, "a host applies its calls in order");
            all.addAll(h.applied);
            serving += h.applied.isEmpty() ? 0 : 1;
        }
        all.sort(java.util.Comparator.comparingInt(t -> Integer.parseInt(t.substring("call-".length()))));
        List<String> once = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            once.add("call-" + i);
        }
        assertEquals(once, all, "every call applied exactly once across the farm: " + hosts.stream()
                .map(h -> h.applied.toString()).toList());
        assertTrue(serving >= 2, "the sequence's calls landed on several hosts: " + hosts.stream()
                .map(h -> h.applied.toString()).toList());
        assertTrue(killHolder || !killed.applied.isEmpty(), "the killed host had served calls of the sequence");
        assertTrue(!killed.applied.contains("call-5") || !killHolder, "the holder never applied call-5");
    }
}

package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.peers.Load;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.samples.CalculatorService;
import io.github.wcf4j.samples.ConfigEdits;
import io.github.wcf4j.samples.ICalculator;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak: concurrent reliable sessions (WS-RM February 2005 over HTTP, wcf4j at both ends) through the
 * fault-injecting proxy dropping, duplicating and delaying requests and responses at random, sessions opened and
 * closed over and over, for a set time; then a check that heap, threads, sockets and sessions are back to their
 * baseline and that every call was executed at most once, and exactly once when its caller got the reply.
 * <pre>
 * Soak [--seconds N] [--sessions N]      (default 600 s, 16 sessions)
 * </pre>
 * A scaled-down run is a test of this module ({@code SoakTest}).
 */
public final class Soak {
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";

    /** Invocations per call id (the call's {@code n1}), across service objects. */
    static final Map<Long, AtomicInteger> EXECUTED = new ConcurrentHashMap<>();

    /** The sample calculator, counting every execution of a call id. */
    public static class CountingCalculator extends CalculatorService {
        @Override
        public double add(double n1, double n2) {
            EXECUTED.computeIfAbsent((long) n1, k -> new AtomicInteger()).incrementAndGet();
            return super.add(n1, n2);
        }
    }

    /** What a soak found. */
    public record Outcome(long replied, long failed, long executed, long duplicated, long lost, long sessionsOpened,
            long heapBaseline, long heapAfter, int threadsBaseline, int threadsAfter, int socketsBaseline,
            int socketsAfter, int sessionsAfter, String threadsLeft) {
        public boolean backToBaseline() {
            return heapAfter <= heapBaseline + 32L * 1024 * 1024 && threadsAfter <= threadsBaseline + 2
                    && socketsAfter <= socketsBaseline && sessionsAfter == 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "calls replied %,d, failed %,d; executed %,d (duplicated %d, lost %d); "
                    + "sessions opened %,d, open after %d; heap %,d -> %,d bytes; threads %d -> %d %s; sockets %d -> %d",
                    replied, failed, executed, duplicated, lost, sessionsOpened, sessionsAfter, heapBaseline,
                    heapAfter, threadsBaseline, threadsAfter, threadsLeft, socketsBaseline, socketsAfter);
        }
    }

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = 600;
        int sessions = 16;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Outcome o = run(Duration.ofSeconds(seconds), sessions, 7);
        System.out.println(o);
        boolean ok = o.duplicated() == 0 && o.lost() == 0 && o.backToBaseline();
        System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Runs the soak for {@code duration} with {@code sessions} concurrent clients; faults drawn from {@code seed}. */
    public static Outcome run(Duration duration, int sessions, long seed) throws Exception {
        EXECUTED.clear();
        ServiceModelConfiguration config = Wcf4jSystem.config("soak");
        AtomicLong listen = new AtomicLong();
        FaultInjectingHttpProxy proxy = new FaultInjectingHttpProxy(() -> URI.create("http://127.0.0.1:" + listen.get()
                + "/calc")).unlogged();
        try (ServiceHost host = Wcf4jSystem.host(config, proxy.at("/calc").toString(), ServiceTypes.discovered()
                .map(SERVICE, CountingCalculator.class))) {
            listen.set(host.endpoints().get(0).listenUri().getPort());
            ClientEndpoint client = config.clientEndpoint("").orElseThrow();
            ClientEndpoint calling = ConfigEdits.endpoint(client, proxy.at("/calc"), client.binding());

            // warm-up without faults: pools, event loops and classes exist before the baseline is taken
            try (ClientFactory<ICalculator> warm = ClientFactory.builder(calling, ICalculator.class).build()) {
                ICalculator c = warm.createChannel();
                c.add(-1, 1);
                warm.close(c);
            }
            awaitNoSessions(host, Duration.ofSeconds(30));
            long heapBaseline = Load.usedAfterGc();
            int threadsBaseline = ManagementFactory.getThreadMXBean().getThreadCount();
            int socketsBaseline = openSockets();

            Random random = new Random(seed);
            inject(proxy, random);
            AtomicLong replied = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong opened = new AtomicLong();
            Map<Long, Boolean> answered = new ConcurrentHashMap<>();
            long deadline = System.nanoTime() + duration.toNanos();
            try (ClientFactory<ICalculator> factory = ClientFactory.builder(calling, ICalculator.class).build()) {
                List<Thread> threads = new ArrayList<>();
                for (int s = 0; s < sessions; s++) {
                    long base = (s + 1) * 1_000_000_000L;
                    Random own = new Random(seed * 31 + s);
                    Thread t = new Thread(() -> clientLoop(factory, base, own, deadline, replied, failed, opened,
                            answered), "soak-client-" + s);
                    threads.add(t);
                    t.start();
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
            proxy.close();
            awaitNoSessions(host, Duration.ofSeconds(90));
            awaitThreads(threadsBaseline + 2, Duration.ofSeconds(30)); // idle operation threads retire after 10 s
            long executed = 0;
            long duplicated = 0;
            for (Map.Entry<Long, AtomicInteger> x : EXECUTED.entrySet()) {
                if (x.getKey() < 0) {
                    continue;
                }
                executed += x.getValue().get();
                if (x.getValue().get() > 1) {
                    duplicated++;
                }
            }
            long lost = answered.keySet().stream().filter(id -> !EXECUTED.containsKey(id)).count();
            return new Outcome(replied.get(), failed.get(), executed, duplicated, lost, opened.get(), heapBaseline,
                    Load.usedAfterGc(), threadsBaseline, ManagementFactory.getThreadMXBean().getThreadCount(),
                    socketsBaseline, openSockets(), host.openSessions(), threadNames());
        } finally {
            proxy.close();
        }
    }

    /** Faults on both directions: drops, duplicates, delays (fixed seed). */
    private static void inject(FaultInjectingHttpProxy proxy, Random random) {
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(x -> chance(random, 0.03))
                .then(FaultAction.drop()));
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(x -> chance(random, 0.02))
                .then(FaultAction.duplicate()));
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(x -> chance(random, 0.01))
                .then(FaultAction.delay(Duration.ofMillis(300))));
        proxy.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).where(x -> chance(random, 0.03))
                .then(FaultAction.drop()));
    }

    private static boolean chance(Random random, double p) {
        synchronized (random) {
            return random.nextDouble() < p;
        }
    }

    /** One client: sessions of a random number of calls, closed gracefully, until the deadline. */
    private static void clientLoop(ClientFactory<ICalculator> factory, long base, Random random, long deadline,
            AtomicLong replied, AtomicLong failed, AtomicLong opened, Map<Long, Boolean> answered) {
        long next = base;
        while (System.nanoTime() < deadline) {
            ICalculator calc = factory.createChannel();
            opened.incrementAndGet();
            int calls = 10 + random.nextInt(90);
            try {
                for (int i = 0; i < calls && System.nanoTime() < deadline; i++) {
                    long id = next++;
                    double r = calc.add(id, 1);
                    if (r != id + 1) {
                        throw new IllegalStateException("call " + id + " answered " + r);
                    }
                    answered.put(id, Boolean.TRUE);
                    replied.incrementAndGet();
                }
                factory.close(calc);
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                try {
                    factory.close(calc);
                } catch (RuntimeException ignored) {
                    // the session faulted: closing it aborts it
                }
            }
        }
    }

    /** Live threads by name, numbers stripped ({@code wcf4j-io x2, ...}). */
    static String threadNames() {
        Map<String, Integer> byName = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            byName.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
        }
        return byName.toString();
    }

    /** Waits (polling, with a deadline) until at most {@code n} threads are alive. */
    private static void awaitThreads(int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (ManagementFactory.getThreadMXBean().getThreadCount() > n && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** Waits (polling, with a deadline) until the host has no open session. */
    private static void awaitNoSessions(ServiceHost host, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (host.openSessions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Sockets this process has open (Linux: {@code /proc/self/fd} links to {@code socket:}); -1 elsewhere. */
    static int openSockets() {
        File[] fds = new File("/proc/self/fd").listFiles();
        if (fds == null) {
            return -1;
        }
        int n = 0;
        for (File f : fds) {
            if (readLink(f).startsWith("socket:")) {
                n++;
            }
        }
        return n;
    }

    private static String readLink(File f) {
        try {
            return Files.readSymbolicLink(f.toPath()).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}

package io.github.wcf4j.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The load every benchmarked system runs, the same for wcf4j, Metro, CXF and the raw HTTP echo: {@code sessions}
 * clients (one thread each, as a caller of a synchronous proxy is) make calls back to back; after a warm-up, each of
 * {@code rounds} windows counts the calls completed and samples their latencies. The warm-up lasts until two
 * consecutive rounds agree within 10% ({@link Plan}); each round reports how many warm-up rounds it took, the
 * collectors' time and count in it (GarbageCollectorMXBean deltas) and the process's context switches per call
 * ({@link #contextSwitches}). The process protocol: the system
 * prints {@code READY <server address>}, the orchestrator answers {@code GO <address to call>} (the server's, or a
 * proxy's in front of it), the system prints one {@code ROUND {json}} line per window and {@code DONE}.
 */
public final class Load {
    private Load() {
    }

    /** One client session: makes one call (throws on failure). */
    @FunctionalInterface
    public interface Call {
        void call() throws Exception;
    }

    /**
     * How to run: sessions, the least warm-up and the measurement windows (milliseconds), the number of measured
     * windows, and the most warm-up rounds: after {@code warmupMs}, windows of {@code windowMs} are run and thrown away
     * until two consecutive ones agree within {@link #STABLE} (or {@code maxWarmupRounds} ran).
     */
    public record Plan(int sessions, long warmupMs, long windowMs, int rounds, int maxWarmupRounds) {
        public static Plan of(Cli cli) {
            return new Plan(Integer.parseInt(cli.get("sessions", "1")), Long.parseLong(cli.get("warmup-ms", "2000")),
                    Long.parseLong(cli.get("window-ms", "5000")), Integer.parseInt(cli.get("rounds", "3")),
                    Integer.parseInt(cli.get("max-warmup-rounds", "20")));
        }
    }

    /** Two consecutive warm-up rounds whose calls/s differ by at most this share of the larger are steady. */
    public static final double STABLE = 0.10;

    /** Waits for {@code GO <address>} on stdin; the address to call. */
    public static String awaitGo() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("GO ")) {
                return line.substring(3).trim();
            }
        }
        throw new IOException("stdin ended before GO");
    }

    /** Runs {@code clients} (one per session) by {@code plan}, printing a {@code ROUND} line per window. */
    public static void run(Plan plan, List<Call> clients, PrintStream out) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        LongAdder completed = new LongAdder();
        int n = clients.size();
        long[][] samples = new long[n][];
        int[] counts = new int[n];
        AtomicBoolean measuring = new AtomicBoolean();
        Object lock = new Object();
        CountDownLatch started = new CountDownLatch(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            samples[i] = new long[1 << 16];
            Thread t = new Thread(() -> {
                started.countDown();
                Call c = clients.get(id);
                while (!stop.get()) {
                    long s = System.nanoTime();
                    try {
                        c.call();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    long took = System.nanoTime() - s;
                    completed.increment();
                    if (measuring.get()) {
                        synchronized (lock) {
                            long[] mine = samples[id];
                            if (counts[id] == mine.length) {
                                samples[id] = mine = Arrays.copyOf(mine, mine.length * 2);
                            }
                            mine[counts[id]++] = took;
                        }
                    }
                }
            }, "load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        started.await();
        Thread.sleep(plan.warmupMs());
        // warm-up rounds until two consecutive ones agree (the JIT, pools and caches settle at their own pace)
        int warmupRounds = 0;
        double previous = Double.NaN;
        boolean stable = false;
        while (warmupRounds < plan.maxWarmupRounds()) {
            long callsBefore = completed.sum();
            long begin = System.nanoTime();
            Thread.sleep(plan.windowMs());
            double rate = (completed.sum() - callsBefore) / ((System.nanoTime() - begin) / 1e9);
            warmupRounds++;
            if (agree(previous, rate)) {
                stable = true;
                break;
            }
            previous = rate;
        }
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        for (int r = 0; r < plan.rounds(); r++) {
            synchronized (lock) {
                Arrays.fill(counts, 0);
            }
            long errorsBefore = errors.get();
            long gcMillisBefore = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            long gcCountBefore = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            long switchesBefore = contextSwitches();
            long cpuBefore = processCpuNanos();
            measuring.set(true);
            long begin = System.nanoTime();
            Thread.sleep(plan.windowMs());
            measuring.set(false);
            double seconds = (System.nanoTime() - begin) / 1e9;
            long switches = contextSwitches() - switchesBefore;
            long cpu = processCpuNanos() - cpuBefore;
            long gcMillis = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcMillisBefore;
            long gcCount = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - gcCountBefore;
            long[] all;
            synchronized (lock) {
                int total = Arrays.stream(counts).sum();
                all = new long[total];
                int at = 0;
                for (int i = 0; i < n; i++) {
                    System.arraycopy(samples[i], 0, all, at, counts[i]);
                    at += counts[i];
                }
            }
            Arrays.sort(all);
            out.println(String.format(Locale.ROOT, "ROUND {\"round\":%d,\"sessions\":%d,\"calls\":%d,"
                    + "\"seconds\":%.3f,\"callsPerSecond\":%.1f,\"p50Micros\":%.1f,\"p99Micros\":%.1f,"
                    + "\"errors\":%d,\"warmupRounds\":%d,\"stable\":%d,\"gcMillis\":%d,\"gcCount\":%d,"
                    + "\"switchesPerCall\":%.2f,\"cpuMicrosPerCall\":%.1f}", r + 1, n, all.length, seconds, all.length / seconds,
                    percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3, errors.get() - errorsBefore,
                    warmupRounds, stable ? 1 : 0, gcMillis, gcCount, switchesBefore < 0 || all.length == 0
                    ? Double.NaN : switches / (double) all.length, cpuBefore < 0 || all.length == 0 ? Double.NaN
                    : cpu / 1e3 / all.length));
            out.flush();
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        out.println("DONE");
        out.flush();
    }

    /** Opens one client session: returns its call (the session stays open as long as the call is reachable). */
    @FunctionalInterface
    public interface Session {
        Call open() throws Exception;
    }

    /**
     * Heap per idle session: measures the used heap after a full collection, opens {@code sessions} sessions (each
     * makes one call, so its reliable sequence is established on both ends, then idles), collects again and prints
     * {@code HEAP {json}} with the difference per session. Sessions open from 8 threads; all stay reachable.
     */
    public static void heap(int sessions, Session open, PrintStream out) throws Exception {
        heap(sessions, 0, open, out);
    }

    /**
     * The same, the sessions left idle for {@code idleMillis} after the last one opened before the heap is measured
     * again (what their timers hold once they have run: keep-alives, acknowledgements, retransmissions).
     */
    public static void heap(int sessions, long idleMillis, Session open, PrintStream out) throws Exception {
        open.open().call(); // the first session loads and initializes everything sessions share
        long before = usedAfterGc();
        ClassHistogram.write("before");
        List<Call> kept = Collections.synchronizedList(new ArrayList<>(sessions));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicLong failed = new AtomicLong();
        long begin = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            done.add(pool.submit(() -> {
                try {
                    Call c = open.open();
                    c.call();
                    kept.add(c);
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - begin) / 1e9;
        Thread.sleep(idleMillis);
        long after = usedAfterGc();
        ClassHistogram.write("after");
        int opened = kept.size();
        out.println(String.format(Locale.ROOT, "HEAP {\"sessions\":%d,\"failed\":%d,\"openSeconds\":%.1f,"
                + "\"bytesPerSession\":%.0f,\"heapBefore\":%d,\"heapAfter\":%d}", opened, failed.get(), seconds,
                opened == 0 ? Double.NaN : (after - before) / (double) opened, before, after));
        out.println("DONE");
        out.flush();
        Reference.reachabilityFence(kept); // the sessions stay open until after the measurement
    }

    /** The used heap after full collections (the least of four, as a collection can leave garbage behind). */
    public static long usedAfterGc() throws InterruptedException {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, m.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * The context switches of this process's threads so far, voluntary and not (Linux: {@code /proc/self/task/{@literal
     * *}/status}; threads that ended are not counted), or -1 where there is no such file. Per call, they count the
     * hand-offs between threads a call makes (each wakes a parked thread) and the preemptions it suffers; unlike
     * times, they hardly depend on how busy the machine is.
     */
    /**
     * The CPU time (user + system) of this process's threads so far, in nanoseconds, or -1 where the JVM cannot tell:
     * with clients and service in one process, what a call costs both ends together.
     */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    static long contextSwitches() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long sum = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    /** Whether two consecutive rounds' rates agree within {@link #STABLE} (never against a missing round). */
    public static boolean agree(double previous, double rate) {
        double larger = Math.max(previous, rate);
        return !Double.isNaN(previous) && larger > 0 && Math.abs(previous - rate) <= STABLE * larger;
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}

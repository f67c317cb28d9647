package io.github.wcf4j.runtime.reliability.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The measurement that chose the embedded store (docs/ARCHITECTURE.md, "Durable reliable sessions"): 16 sessions,
 * each writing ~1 KiB changes one after another and waiting for each to be durable (as a session waits before it
 * acknowledges), for {@code SECONDS}; writes/s for {@link LogSequenceStore} and for H2's MVStore driven the same way
 * (one writer thread, group commit: the puts that queued, one {@code commit()}, and {@code sync()} when forcing).
 * Not a test: run {@code main} (arguments: the directory, the seconds per run).
 */
public final class StoreChoiceMeasurement {
    private static final int SESSIONS = 16;
    private static final byte[] CHANGE = new byte[1024];

    private StoreChoiceMeasurement() {
    }

    /** A store under measurement: a durable write of one change of session {@code s}. */
    private interface Target extends AutoCloseable {
        CompletableFuture<Void> write(int session, long n);

        @Override
        void close();
    }

    /** MVStore behind one writer thread with group commit. */
    private static final class MvTarget implements Target {
        private record Put(String key, CompletableFuture<Void> done) {
        }

        private final MVStore store;
        private final MVMap<String, byte[]> map;
        private final LinkedBlockingQueue<Put> queue = new LinkedBlockingQueue<>();
        private final Thread writer;
        private volatile boolean closed;

        MvTarget(Path file, boolean sync) {
            store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
            map = store.openMap("rm");
            writer = new Thread(() -> {
                List<Put> batch = new ArrayList<>();
                while (!closed) {
                    try {
                        batch.add(queue.take());
                    } catch (InterruptedException e) {
                        return;
                    }
                    queue.drainTo(batch);
                    for (Put p : batch) {
                        map.put(p.key(), CHANGE);
                    }
                    store.commit();
                    if (sync) {
                        store.sync();
                    }
                    batch.forEach(p -> p.done().complete(null));
                    batch.clear();
                }
            });
            writer.setDaemon(true);
            writer.start();
        }

        @Override
        public CompletableFuture<Void> write(int session, long n) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            queue.add(new Put(session + "/" + n, done));
            return done;
        }

        @Override
        public void close() {
            closed = true;
            writer.interrupt();
            store.close();
        }
    }

    private static Target log(Path file, FsyncPolicy policy) {
        LogSequenceStore s = LogSequenceStore.open(file, policy);
        for (int i = 0; i < SESSIONS; i++) {
            s.write("s" + i, new SequenceChange.Opened(SequenceChange.Role.CLIENT_OUTPUT, "urn:rm", "s" + i, null,
                    null)).join();
        }
        return new Target() {
            @Override
            public CompletableFuture<Void> write(int session, long n) {
                return s.write("s" + session, new SequenceChange.Sent(n, CHANGE));
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    private static double measure(Target t, long seconds) throws InterruptedException {
        AtomicLong writes = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int session = i;
            Thread th = new Thread(() -> {
                for (long n = 1; System.nanoTime() < end; n++) {
                    t.write(session, n).join();
                    writes.incrementAndGet();
                }
            });
            sessions.add(th);
            th.start();
        }
        for (Thread th : sessions) {
            th.join();
        }
        t.close();
        return writes.get() / (double) seconds;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/store-choice"));
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
        for (boolean sync : new boolean[] {false, true}) {
            String name = sync ? "forced (group commit + fsync)" : "not forced";
            Path a = dir.resolve("log-" + sync + ".log");
            Path b = dir.resolve("mv-" + sync + ".mv");
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
            double log = measure(log(a, sync ? FsyncPolicy.GROUP : FsyncPolicy.NONE), seconds);
            double mv = measure(new MvTarget(b, sync), seconds);
            System.out.printf("%s: append-only log %.0f writes/s (%d KiB), MVStore %.0f writes/s (%d KiB)%n", name,
                    log, Files.size(a) / 1024, mv, Files.size(b) / 1024);
        }
        if (args.length > 2) {
            Path c = dir.resolve("log-every.log");
            Files.deleteIfExists(c);
            System.out.printf("log, fsync every write: %.0f writes/s%n", measure(log(c, FsyncPolicy.EVERY_WRITE),
                    seconds));
        }
    }
}

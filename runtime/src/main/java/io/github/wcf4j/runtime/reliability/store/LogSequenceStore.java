package io.github.wcf4j.runtime.reliability.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Sequences in one append-only file ({@link LogRecords}), chosen over H2's MVStore by measurement (docs/ARCHITECTURE.md,
 * "Durable reliable sessions"): every change is one record appended by one writer thread, which writes the changes
 * that arrived while it wrote the last batch together (group commit) and forces the file as the {@link FsyncPolicy}
 * says before their writes complete. Opening replays the file into memory (so {@link #load} reads no file), cuts off
 * a tail a crash left unfinished, and rewrites the file with only the live sequences' state when most of it is dead
 * (compaction, also done by the writer once the file grew by {@code compactAfterBytes}).
 *
 * <p>One process opens a file at a time (a lock on it says so); thread-safe.
 */
public final class LogSequenceStore implements SequenceStore {
    /** The default growth after which the writer compacts the file. */
    public static final long DEFAULT_COMPACT_AFTER_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final FsyncPolicy policy;
    private final long compactAfterBytes;
    private final StoredSequences sequences = new StoredSequences();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private FileChannel channel;
    private java.nio.channels.FileLock lock;
    private long grown;
    private volatile boolean closed;

    private record Pending(String key, SequenceChange change, byte[] record, CompletableFuture<Void> done) {
    }

    /** Queued by {@link #close}: the writer writes what queued before it, then stops. */
    private static final Pending STOP = new Pending(null, null, null, null);

    private LogSequenceStore(Path file, FsyncPolicy policy, long compactAfterBytes) throws IOException {
        this.file = file.toAbsolutePath();
        this.policy = policy;
        this.compactAfterBytes = compactAfterBytes;
        if (this.file.getParent() != null) {
            Files.createDirectories(this.file.getParent());
        }
        channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException inThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("The reliable session store " + this.file + " is open in another store (a file is"
                    + " opened by one process, once).");
        }
        int replayed;
        try {
            replayed = replay();
        } catch (IOException | RuntimeException e) {
            channel.close(); // and its lock: the file is left as it is
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("Cannot open the reliable session store " + this.file + ": "
                    + e.getMessage(), e);
        }
        if (replayed > 2 * liveChanges() && channel.size() > 1024 * 1024) {
            compact();
        }
        writer = new Thread(this::writeLoop, "wcf4j-rm-store " + this.file.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    /** The store in {@code file} (created if absent) under {@code policy}. */
    public static LogSequenceStore open(Path file, FsyncPolicy policy) {
        return open(file, policy, DEFAULT_COMPACT_AFTER_BYTES);
    }

    /** As {@link #open(Path, FsyncPolicy)}, compacting once the file grew by {@code compactAfterBytes}. */
    public static LogSequenceStore open(Path file, FsyncPolicy policy, long compactAfterBytes) {
        try {
            return new LogSequenceStore(file, policy, compactAfterBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the reliable session store " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public FsyncPolicy policy() {
        return policy;
    }

    /** Reads the file into memory; truncates a tail cut by a crash. The number of records read. */
    private int replay() throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE) {
            throw new IOException("the store file is larger than 2 GiB; it is compacted long before that");
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // reads fully
        }
        all.flip();
        long[] end = new long[1];
        List<LogRecords.Entry> entries = LogRecords.read(all, end);
        for (LogRecords.Entry e : entries) {
            sequences.apply(e.key(), e.change());
        }
        if (end[0] < size) {
            channel.truncate(end[0]);
            channel.force(true);
        }
        channel.position(end[0]);
        return entries.size();
    }

    private int liveChanges() {
        int n = 0;
        for (SequenceState s : sequences.byKey().values()) {
            n += s.changes().size();
        }
        return n;
    }

    /** Rewrites the file with the live sequences only: a new file, forced, then moved over the old one. */
    private void compact() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Map.Entry<String, SequenceState> e : sequences.byKey().entrySet()) {
                for (SequenceChange c : e.getValue().changes()) {
                    ByteBuffer b = ByteBuffer.wrap(LogRecords.encode(e.getKey(), c));
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
            }
            out.force(true);
        }
        lock.release();
        channel.close();
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        lock = channel.tryLock();
        channel.position(channel.size());
        grown = 0;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public CompletableFuture<Void> write(String key, SequenceChange change) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("The reliable session store " + file
                    + " is closed."));
            return done;
        }
        queue.add(new Pending(key, change, LogRecords.encode(key, change), done));
        return done;
    }

    /** The writer: a batch is what queued while the last was written (one change under {@code EVERY_WRITE}). */
    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close stops the writer (an interrupt would close the file channel under a write)
            }
            if (policy != FsyncPolicy.EVERY_WRITE || batch.get(0) == STOP) {
                queue.drainTo(batch);
            }
            stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                writeAndComplete(batch);
            }
            batch.clear();
        }
    }

    private void writeAndComplete(List<Pending> batch) {
        try {
            writeBatch(batch);
            synchronized (this) {
                for (Pending p : batch) {
                    sequences.apply(p.key(), p.change());
                }
            }
            batch.forEach(p -> p.done().complete(null));
            if (grown > compactAfterBytes) {
                synchronized (this) {
                    compact();
                }
            }
        } catch (IOException | RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("Cannot write to the reliable session store "
                    + file + ": " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
        }
    }

    private void writeBatch(List<Pending> batch) throws IOException {
        ByteBuffer[] buffers = new ByteBuffer[batch.size()];
        long total = 0;
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = ByteBuffer.wrap(batch.get(i).record());
            total += buffers[i].remaining();
        }
        long written = 0;
        while (written < total) {
            written += channel.write(buffers);
        }
        grown += total;
        if (policy != FsyncPolicy.NONE) {
            channel.force(false);
        }
    }

    @Override
    public synchronized CompletableFuture<Optional<StoredSequence>> load(String sequenceId) {
        return CompletableFuture.completedFuture(sequences.load(sequenceId));
    }

    @Override
    public synchronized CompletableFuture<List<StoredSequence>> unfinished(SequenceChange.Role role,
            String endpoint) {
        return CompletableFuture.completedFuture(sequences.unfinished(role, endpoint));
    }

    /** How many sequences are stored. */
    public synchronized int size() {
        return sequences.size();
    }

    /** Writes what was queued, then closes the file; later writes fail. */
    @Override
    public void close() {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
        }
        queue.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        late.forEach(p -> p.done().completeExceptionally(new IllegalStateException("The reliable session store "
                + file + " is closed.")));
        try {
            synchronized (this) {
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "LogSequenceStore[" + file + ", fsync=" + policy + "]";
    }
}

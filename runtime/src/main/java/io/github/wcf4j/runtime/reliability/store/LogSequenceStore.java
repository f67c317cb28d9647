package io.github.wcf4j.runtime.reliability.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
    private final Clock clock;
    private final StoredSequences sequences = new StoredSequences();
    private final GroupCommitQueue<Pending> writer;
    private FileChannel channel;
    private java.nio.channels.FileLock lock;
    private long grown;

    /**
     * A change to write, encoded on the caller's thread; {@code staleBefore} (else null): an expiry's Ended, written
     * only if the sequence was still last touched before it when its batch is written.
     */
    private record Pending(String key, SequenceChange change, byte[] record, Instant staleBefore) {
    }

    /** An expiry's Ended not written: the sequence was touched since the expiry chose it. */
    private static final class StillActive extends RuntimeException {
        StillActive() {
            super(null, null, false, false);
        }
    }

    private LogSequenceStore(Path file, FsyncPolicy policy, long compactAfterBytes, Clock clock) throws IOException {
        this.file = file.toAbsolutePath();
        this.policy = policy;
        this.compactAfterBytes = compactAfterBytes;
        this.clock = clock;
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
        writer = new GroupCommitQueue<>(this.file.toString(), policy == FsyncPolicy.EVERY_WRITE
                ? GroupCommitQueue.Batching.ONE : GroupCommitQueue.Batching.GROUP, this::writeAndApply);
    }

    /** The store in {@code file} (created if absent) under {@code policy}. */
    public static LogSequenceStore open(Path file, FsyncPolicy policy) {
        return open(file, policy, DEFAULT_COMPACT_AFTER_BYTES);
    }

    /** As {@link #open(Path, FsyncPolicy)}, compacting once the file grew by {@code compactAfterBytes}. */
    public static LogSequenceStore open(Path file, FsyncPolicy policy, long compactAfterBytes) {
        return open(file, policy, compactAfterBytes, Clock.systemUTC());
    }

    /**
     * As {@link #open(Path, FsyncPolicy, long)}, {@link #expire} reading {@code clock} (a test's virtual time). The
     * sequences read from the file count as touched when the store opened (the file keeps no times).
     */
    public static LogSequenceStore open(Path file, FsyncPolicy policy, long compactAfterBytes, Clock clock) {
        try {
            return new LogSequenceStore(file, policy, compactAfterBytes, clock);
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
        Instant opened = clock.instant();
        for (LogRecords.Entry e : entries) {
            sequences.apply(e.key(), e.change(), opened);
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
        if (writer.closed()) {
            return CompletableFuture.failedFuture(writer.closedError());
        }
        return writer.submit(new Pending(key, change, LogRecords.encode(key, change), null));
    }

    @Override
    public synchronized CompletableFuture<Void> touch(String key) {
        sequences.touch(key, clock.instant());
        return CompletableFuture.completedFuture(null);
    }

    /** Writes an Ended to each stale sequence, unless it was touched before its batch was written. */
    @Override
    public CompletableFuture<List<String>> expire(SequenceChange.Role role, String endpoint, Duration idle) {
        Instant cutoff = clock.instant().minus(idle);
        List<String> stale;
        synchronized (this) {
            stale = sequences.stale(role, endpoint, cutoff);
        }
        List<CompletableFuture<String>> removed = new ArrayList<>();
        for (String key : stale) {
            SequenceChange ended = new SequenceChange.Ended();
            removed.add(writer.submit(new Pending(key, ended, LogRecords.encode(key, ended), cutoff))
                    .handle((v, e) -> {
                        if (e == null) {
                            return key;
                        }
                        if (e instanceof StillActive || e.getCause() instanceof StillActive) {
                            return null;
                        }
                        throw e instanceof CompletionException c ? c : new CompletionException(e);
                    }));
        }
        return CompletableFuture.allOf(removed.toArray(CompletableFuture[]::new)).thenApply(v -> removed.stream()
                .map(CompletableFuture::join).filter(java.util.Objects::nonNull).toList());
    }

    /** The writer's commit: the batch appended (and forced as the policy says), then applied to the memory. */
    private void writeAndApply(List<GroupCommitQueue.Write<Pending>> batch) throws IOException {
        if (grown > compactAfterBytes) {
            synchronized (this) {
                compact(); // before the batch: a failed compaction fails writes not written, none written
            }
        }
        List<GroupCommitQueue.Write<Pending>> writing = withoutActiveExpiries(batch);
        writeBatch(writing);
        Instant now = clock.instant();
        synchronized (this) {
            for (GroupCommitQueue.Write<Pending> w : writing) {
                sequences.apply(w.item().key(), w.item().change(), now);
            }
        }
    }

    /** {@code batch} without the expiries of sequences touched since (or written earlier in the batch), failed. */
    private List<GroupCommitQueue.Write<Pending>> withoutActiveExpiries(List<GroupCommitQueue.Write<Pending>> batch) {
        if (batch.stream().noneMatch(w -> w.item().staleBefore() != null)) {
            return batch;
        }
        List<GroupCommitQueue.Write<Pending>> writing = new ArrayList<>(batch.size());
        Set<String> written = new HashSet<>();
        synchronized (this) {
            for (GroupCommitQueue.Write<Pending> w : batch) {
                Pending p = w.item();
                if (p.staleBefore() != null && (written.contains(p.key())
                        || !sequences.staleKey(p.key(), p.staleBefore()))) {
                    w.done().completeExceptionally(new StillActive());
                    continue;
                }
                written.add(p.key());
                writing.add(w);
            }
        }
        return writing;
    }

    private void writeBatch(List<GroupCommitQueue.Write<Pending>> batch) throws IOException {
        ByteBuffer[] buffers = new ByteBuffer[batch.size()];
        long total = 0;
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = ByteBuffer.wrap(batch.get(i).item().record());
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
        if (!writer.close()) {
            return;
        }
        try {
            synchronized (this) {
                if (channel.isOpen()) {
                    lock.release();
                    channel.close();
                }
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

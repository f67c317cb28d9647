package io.github.wcf4j.durable.postgres;

import io.github.wcf4j.runtime.reliability.store.GroupCommitQueue;
import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceChangeCodec;
import io.github.wcf4j.runtime.reliability.store.SequenceNumberTakenException;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceStoreSetting;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sequences in PostgreSQL, shared by the hosts of a farm (issue 19, docs/ARCHITECTURE.md "Durable reliable
 * sessions"): every change is a row of {@code wcf4j_rm_change} (the record of {@link SequenceChangeCodec}), a
 * sequence's identifiers a row of {@code wcf4j_rm_sequence}, and {@link #load} folds a sequence's rows by the same
 * rule as the file store. One writer thread per store commits the changes that queued while it committed the last
 * batch in one transaction (group commit: one WAL flush under PostgreSQL's default {@code synchronous_commit}); a
 * write completes once its transaction committed.
 *
 * <p>Order: within a transaction the writer first takes a transaction-scoped advisory lock per key it writes (in one
 * order, so two hosts never deadlock), so the rows of one key are numbered in the order their transactions commit,
 * whichever host wrote them; a store's own writes to a key complete in the order they were made (one writer).
 * Who delivers message n: the first {@link SequenceChange.Received} of (key, n) committed wins (the primary key of
 * {@code wcf4j_rm_received}); a later one from another host is not recorded and its write fails with
 * {@link SequenceNumberTakenException}, as does this store's {@link SequenceChange.Replied} of that number (its
 * session must neither acknowledge nor answer a message another host delivers). The same host writing a number again
 * changes nothing.
 *
 * <p>Thread-safe. Loads run on their own connection and thread, never on the caller's.
 */
public final class PostgresSequenceStore implements SequenceStore {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS wcf4j_rm_sequence (
              key text PRIMARY KEY,
              role text NOT NULL,
              endpoint text,
              input_id text NOT NULL UNIQUE,
              output_id text UNIQUE);
            CREATE TABLE IF NOT EXISTS wcf4j_rm_change (
              id bigserial PRIMARY KEY,
              key text NOT NULL REFERENCES wcf4j_rm_sequence(key) ON DELETE CASCADE,
              change bytea NOT NULL);
            CREATE INDEX IF NOT EXISTS wcf4j_rm_change_key ON wcf4j_rm_change (key, id);
            CREATE TABLE IF NOT EXISTS wcf4j_rm_received (
              key text NOT NULL REFERENCES wcf4j_rm_sequence(key) ON DELETE CASCADE,
              number bigint NOT NULL,
              host text NOT NULL,
              PRIMARY KEY (key, number));
            ALTER TABLE wcf4j_rm_sequence ADD COLUMN IF NOT EXISTS touched bigint NOT NULL DEFAULT 0;
            ALTER TABLE wcf4j_rm_sequence ADD COLUMN IF NOT EXISTS received_floor bigint NOT NULL DEFAULT 0;
            """;
    /** The advisory lock under which a store creates the tables (hosts starting together). */
    private static final long SCHEMA_LOCK = 0x7763_6634_6a72_6dL;

    private final String url;
    private final Options options;
    private final GroupCommitQueue<Pending> writer;
    private final ExecutorService reader;
    private Connection writes;
    private Connection reads;
    /** The changes this store wrote to each key since it last compacted it (the writer's thread only). */
    private final Map<String, Integer> sinceCompaction = new HashMap<>();
    /** How many batches the writer retried on a new connection after losing one. */
    private final java.util.concurrent.atomic.AtomicLong retried = new java.util.concurrent.atomic.AtomicLong();
    /** Numbers (key and number) whose Received this store lost to another host: their Replied is refused too. */
    private final java.util.Set<String> lost = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The host names whose lock the writer's connection holds (the writer's thread only). */
    private final java.util.Set<String> held = new java.util.HashSet<>();

    /** A change to write; {@code change} null: a {@link #touch}. */
    private record Pending(String key, SequenceChange change) {
    }

    /**
     * How a store behaves beyond its URL.
     *
     * @param clock               what {@link #touch}, every write and {@link #expire} read (a test's virtual time)
     * @param reconnectWithin     how long the writer retries a batch whose connection was lost (PostgreSQL restarting,
     *                            a network cut), reconnecting, before it fails the batch's writes: meanwhile they wait
     * @param compactAfterChanges the changes this store writes to a sequence after which it compacts the sequence's
     *                            rows (one {@link SequenceChange.Numbers} for the dead ones, as the file store does)
     */
    public record Options(Clock clock, Duration reconnectWithin, int compactAfterChanges) {
        /** The system's clock, a minute of reconnecting, compaction every 256 changes of a sequence. */
        public static final Options DEFAULT = new Options(Clock.systemUTC(), Duration.ofMinutes(1), 256);

        public Options {
            if (compactAfterChanges < 1) {
                throw new IllegalArgumentException("compactAfterChanges must be positive: " + compactAfterChanges);
            }
        }
    }

    private PostgresSequenceStore(String url, Options options) throws SQLException {
        this.url = url;
        this.options = options;
        writes = connect();
        try (Statement s = writes.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            try {
                s.execute(SCHEMA);
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
            }
        }
        writes.setAutoCommit(false);
        reads = connect();
        String name = SequenceStoreSetting.redacted(url);
        reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wcf4j-rm-store-read " + name);
            t.setDaemon(true);
            return t;
        });
        writer = new GroupCommitQueue<>(name, GroupCommitQueue.Batching.GROUP, this::commit);
    }

    /** The store in the database {@code url} ({@code jdbc:postgresql://...}); creates its tables if absent. */
    public static PostgresSequenceStore open(String url) {
        return open(url, Options.DEFAULT);
    }

    /** As {@link #open(String)}, with {@code options}. */
    public static PostgresSequenceStore open(String url, Options options) {
        try {
            return new PostgresSequenceStore(url, options);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the reliable session store "
                    + SequenceStoreSetting.redacted(url) + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** The hosts of a farm share the database. */
    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public CompletableFuture<Void> write(String key, SequenceChange change) {
        return writer.submit(new Pending(key, change));
    }

    /** Through the writer: {@code touched} is set in its next transaction. */
    @Override
    public CompletableFuture<Void> touch(String key) {
        return writer.submit(new Pending(key, null));
    }

    private IllegalStateException closedError() {
        return writer.closedError();
    }

    /**
     * The writer's commit: the batch in one transaction, retried on a new connection while the connection is lost
     * (for {@link Options#reconnectWithin}: the writes wait meanwhile); once committed, its writes complete (those
     * refused alone exceptionally) and the sequences due are compacted.
     */
    private void commit(List<GroupCommitQueue.Write<Pending>> batch) throws SQLException {
        long deadline = System.nanoTime() + options.reconnectWithin().toNanos();
        for (int attempt = 0; ; attempt++) {
            Map<GroupCommitQueue.Write<Pending>, RuntimeException> refused;
            try {
                if (writes == null) {
                    writes = connect();
                    writes.setAutoCommit(false);
                    held.clear();
                }
                try {
                    refused = writeBatch(batch);
                    writes.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly();
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                closeQuietly(writes);
                writes = null; // reconnects for the next attempt or batch
                if (!(e instanceof SQLException q) || !ConnectionLoss.is(q) || System.nanoTime() - deadline > 0
                        || writer.closed()) {
                    throw e;
                }
                retried.incrementAndGet();
                ConnectionLoss.pause(attempt);
                continue;
            }
            for (GroupCommitQueue.Write<Pending> w : batch) {
                RuntimeException r = refused.get(w);
                if (r == null) {
                    w.done().complete(null);
                } else {
                    w.done().completeExceptionally(r);
                }
            }
            compactDue(batch);
            return;
        }
    }

    /** Writes {@code batch} in the writer's transaction; the changes refused (a number taken), with why. */
    private Map<GroupCommitQueue.Write<Pending>, RuntimeException> writeBatch(
            List<GroupCommitQueue.Write<Pending>> batch) throws SQLException {
        Map<GroupCommitQueue.Write<Pending>, RuntimeException> refused = new java.util.IdentityHashMap<>();
        TreeSet<String> keys = new TreeSet<>();
        batch.forEach(w -> keys.add(w.item().key()));
        try (PreparedStatement lock = writes.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            for (String k : keys) {
                lock.setString(1, k);
                lock.execute();
            }
        }
        long now = options.clock().millis();
        try (PreparedStatement change = writes.prepareStatement("INSERT INTO wcf4j_rm_change (key, change) SELECT ?, ?"
                + " WHERE EXISTS (SELECT 1 FROM wcf4j_rm_sequence WHERE key = ?)");
                PreparedStatement received = writes.prepareStatement("INSERT INTO wcf4j_rm_received (key, number, host)"
                        + " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM wcf4j_rm_sequence WHERE key = ?"
                        + " AND received_floor < ?) ON CONFLICT DO NOTHING");
                PreparedStatement floor = writes.prepareStatement("SELECT received_floor FROM wcf4j_rm_sequence"
                        + " WHERE key = ?");
                PreparedStatement touch = writes.prepareStatement("UPDATE wcf4j_rm_sequence"
                        + " SET touched = GREATEST(touched, ?) WHERE key = ?");
                PreparedStatement holder = writes.prepareStatement("SELECT host FROM wcf4j_rm_received"
                        + " WHERE key = ? AND number = ?");
                PreparedStatement delete = writes.prepareStatement("DELETE FROM wcf4j_rm_sequence WHERE key = ?");
                PreparedStatement open = writes.prepareStatement("INSERT INTO wcf4j_rm_sequence"
                        + " (key, role, endpoint, input_id, output_id, touched) VALUES (?, ?, ?, ?, ?, ?)")) {
            java.util.Set<String> touched = new java.util.HashSet<>();
            for (GroupCommitQueue.Write<Pending> w : batch) {
                Pending p = w.item();
                SequenceChange c = p.change();
                if (!(c instanceof SequenceChange.Opened) && !(c instanceof SequenceChange.Ended)
                        && touched.add(p.key())) { // once per key and batch
                    touch.setLong(1, now);
                    touch.setString(2, p.key());
                    touch.executeUpdate();
                }
                if (c == null) {
                    continue; // a touch
                }
                if (c instanceof SequenceChange.Ended) {
                    lost.removeIf(n -> n.startsWith(p.key() + "#"));
                    delete.setString(1, p.key());
                    delete.executeUpdate();
                    continue;
                }
                if (c instanceof SequenceChange.Opened o) {
                    delete.setString(1, p.key()); // an Opened starts the sequence again
                    delete.executeUpdate();
                    open.setString(1, p.key());
                    open.setString(2, o.role().name());
                    open.setString(3, o.endpoint());
                    open.setString(4, o.inputId());
                    open.setString(5, o.outputId());
                    open.setLong(6, now);
                    open.executeUpdate();
                } else if (c instanceof SequenceChange.Received r) {
                    received.setString(1, p.key());
                    received.setLong(2, r.number());
                    received.setString(3, r.host());
                    received.setString(4, p.key());
                    received.setLong(5, r.number());
                    holdHost(r.host());
                    if (received.executeUpdate() == 0) {
                        if (compactedAway(floor, p.key(), r.number())) {
                            // answered and compacted: a stale session's write of it (its duplicate) is refused
                            lost.add(p.key() + "#" + r.number());
                            refused.put(w, new SequenceNumberTakenException(p.key(), r.number(), "(compacted)"));
                            continue;
                        }
                        // the number was written before: by this host, nothing changes; by another, it delivers it,
                        // unless it is gone (its connection's lock on its name released): then this host takes it
                        holder.setString(1, p.key());
                        holder.setLong(2, r.number());
                        String h = null;
                        try (ResultSet rs = holder.executeQuery()) {
                            if (rs.next()) {
                                h = rs.getString(1);
                            }
                        }
                        if (h == null || h.equals(r.host())) {
                            continue;
                        }
                        if (!gone(h) || !answeredNot(p.key(), r.number(), h, r.host())) {
                            lost.add(p.key() + "#" + r.number());
                            refused.put(w, new SequenceNumberTakenException(p.key(), r.number(), h));
                            continue;
                        }
                        lost.remove(p.key() + "#" + r.number());
                    }
                } else if (c instanceof SequenceChange.Replied r && lost.contains(p.key() + "#" + r.number())) {
                    refused.put(w, new SequenceNumberTakenException(p.key(), r.number(), "another host"));
                    continue;
                }
                change.setString(1, p.key());
                change.setBytes(2, SequenceChangeCodec.encode(p.key(), c));
                change.setString(3, p.key());
                if (change.executeUpdate() == 1) {
                    sinceCompaction.merge(p.key(), 1, Integer::sum);
                }
            }
        }
        return refused;
    }

    /** Whether number {@code n} of {@code key} is at or below the sequence's compacted floor (its row deleted). */
    private static boolean compactedAway(PreparedStatement floor, String key, long n) throws SQLException {
        floor.setString(1, key);
        try (ResultSet rs = floor.executeQuery()) {
            return rs.next() && rs.getLong(1) >= n;
        }
    }

    /**
     * Holds, on the writer's connection, a session advisory lock on host name {@code host} (the hosts this store
     * writes for): it is released when the connection closes, the process dying with it; another host finding the
     * lock free knows the host is gone.
     */
    private void holdHost(String host) throws SQLException {
        if (held.contains(host)) {
            return;
        }
        try (PreparedStatement lock = writes.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 1))")) {
            lock.setString(1, host);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next(); // false: another store of this process holds it; the host is alive either way
            }
        }
        held.add(host);
    }

    /** Whether host {@code host} is gone: no connection holds the lock on its name (taken and freed with the commit). */
    private boolean gone(String host) throws SQLException {
        try (PreparedStatement lock = writes.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(hashtextextended(?, 1))")) {
            lock.setString(1, host);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Moves number {@code n} from gone host {@code from} to {@code to} while it is still unanswered there. */
    private boolean answeredNot(String key, long n, String from, String to) throws SQLException {
        try (PreparedStatement move = writes.prepareStatement("UPDATE wcf4j_rm_received SET host = ?"
                + " WHERE key = ? AND number = ? AND host = ?")) {
            move.setString(1, to);
            move.setString(2, key);
            move.setLong(3, n);
            move.setString(4, from);
            return move.executeUpdate() == 1;
        }
    }

    @Override
    public CompletableFuture<Optional<StoredSequence>> load(String sequenceId) {
        return read(() -> {
            try (PreparedStatement q = reads.prepareStatement("SELECT c.key, c.change FROM wcf4j_rm_sequence s"
                    + " JOIN wcf4j_rm_change c ON c.key = s.key WHERE s.input_id = ? OR s.output_id = ? ORDER BY c.id")) {
                q.setString(1, sequenceId);
                q.setString(2, sequenceId);
                return folded(q).values().stream().findFirst().flatMap(s -> s);
            }
        });
    }

    @Override
    public CompletableFuture<List<StoredSequence>> unfinished(SequenceChange.Role role, String endpoint) {
        return read(() -> {
            try (PreparedStatement q = reads.prepareStatement("SELECT c.key, c.change FROM wcf4j_rm_sequence s"
                    + " JOIN wcf4j_rm_change c ON c.key = s.key WHERE s.role = ? AND s.endpoint IS NOT DISTINCT FROM ?"
                    + " ORDER BY c.key, c.id")) {
                q.setString(1, role.name());
                q.setString(2, endpoint);
                return folded(q).values().stream().flatMap(Optional::stream).toList();
            }
        });
    }

    /** Each key's rows (one statement: one snapshot) folded, in the order the query gave the keys. */
    private static Map<String, Optional<StoredSequence>> folded(PreparedStatement q) throws SQLException {
        Map<String, List<SequenceChange>> changes = new LinkedHashMap<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                changes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(SequenceChangeCodec.decode(rs.getBytes(2)));
            }
        }
        Map<String, Optional<StoredSequence>> folded = new LinkedHashMap<>();
        changes.forEach((k, c) -> folded.put(k, SequenceChangeCodec.fold(c)));
        return folded;
    }

    private interface Read<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code read} on the reader's thread and connection; a connection lost (PostgreSQL restarted since the last
     * read) is made again and the read tried once more; failing again, the read fails (a session answers the message
     * as unanswerable for now: its client resends).
     */
    private <T> CompletableFuture<T> read(Read<T> read) {
        if (writer.closed()) {
            return CompletableFuture.failedFuture(closedError());
        }
        return CompletableFuture.supplyAsync(() -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    if (reads == null || reads.isClosed()) {
                        reads = connect();
                    }
                    return read.run();
                } catch (SQLException e) {
                    closeQuietly(reads);
                    reads = null;
                    if (attempt == 0 && ConnectionLoss.is(e)) {
                        continue;
                    }
                    throw new IllegalStateException("Cannot read the reliable session store "
                            + SequenceStoreSetting.redacted(url) + ": " + e.getMessage(), e);
                }
            }
        }, reader);
    }

    /**
     * Deletes the stale sequences on the reader's connection, one transaction: the candidates' advisory locks first,
     * in key order (as the writers take theirs, so no deadlock), then each deleted only if still untouched.
     */
    @Override
    public CompletableFuture<List<String>> expire(SequenceChange.Role role, String endpoint, Duration idle) {
        long cutoff = options.clock().millis() - idle.toMillis();
        return read(() -> {
            reads.setAutoCommit(false);
            try {
                TreeSet<String> candidates = new TreeSet<>();
                try (PreparedStatement q = reads.prepareStatement("SELECT key FROM wcf4j_rm_sequence WHERE role = ?"
                        + " AND endpoint IS NOT DISTINCT FROM ? AND touched < ?")) {
                    q.setString(1, role.name());
                    q.setString(2, endpoint);
                    q.setLong(3, cutoff);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            candidates.add(rs.getString(1));
                        }
                    }
                }
                List<String> removed = new ArrayList<>();
                try (PreparedStatement lock = reads.prepareStatement(
                        "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
                        PreparedStatement delete = reads.prepareStatement("DELETE FROM wcf4j_rm_sequence"
                                + " WHERE key = ? AND touched < ?")) {
                    for (String k : candidates) {
                        lock.setString(1, k);
                        lock.execute();
                    }
                    for (String k : candidates) {
                        delete.setString(1, k);
                        delete.setLong(2, cutoff);
                        if (delete.executeUpdate() == 1) {
                            removed.add(k);
                        }
                    }
                }
                reads.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                try {
                    reads.rollback();
                } catch (SQLException ignored) {
                    // the connection is dropped by read
                }
                throw e;
            } finally {
                if (reads != null && !reads.isClosed()) {
                    reads.setAutoCommit(true);
                }
            }
        });
    }

    /**
     * Compacts the sequences of {@code batch} this store wrote {@link Options#compactAfterChanges} changes to since it
     * last compacted them, each in its own transaction under its key's advisory lock (no host writes it meanwhile):
     * its rows are replaced by the fewest changes that rebuild it ({@link SequenceChangeCodec#compacted}: the replies
     * the client acknowledged and the messages answered or delivered are gone), and its {@code wcf4j_rm_received} rows
     * below the first message still pending give way to {@code received_floor}. A failure leaves the rows as they
     * were (and a lost connection to the next batch).
     */
    private void compactDue(List<GroupCommitQueue.Write<Pending>> batch) {
        TreeSet<String> due = new TreeSet<>();
        for (GroupCommitQueue.Write<Pending> w : batch) {
            String key = w.item().key();
            if (w.item().change() instanceof SequenceChange.Ended) {
                sinceCompaction.remove(key);
            } else if (sinceCompaction.getOrDefault(key, 0) >= options.compactAfterChanges()) {
                due.add(key);
            }
        }
        for (String key : due) {
            try {
                compact(key);
                writes.commit();
                sinceCompaction.remove(key);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                if (e instanceof SQLException q && ConnectionLoss.is(q)) {
                    closeQuietly(writes);
                    writes = null;
                    return;
                }
            }
        }
    }

    /** Compacts sequence {@code key} in the writer's transaction. */
    private void compact(String key) throws SQLException {
        try (PreparedStatement lock = writes.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, key);
            lock.execute();
        }
        List<SequenceChange> changes = new ArrayList<>();
        try (PreparedStatement q = writes.prepareStatement("SELECT change FROM wcf4j_rm_change WHERE key = ?"
                + " ORDER BY id")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    changes.add(SequenceChangeCodec.decode(rs.getBytes(1)));
                }
            }
        }
        Optional<StoredSequence> state = SequenceChangeCodec.fold(changes);
        if (state.isEmpty()) {
            return; // ended meanwhile
        }
        List<SequenceChange> compacted = SequenceChangeCodec.compacted(changes);
        try (PreparedStatement delete = writes.prepareStatement("DELETE FROM wcf4j_rm_change WHERE key = ?");
                PreparedStatement insert = writes.prepareStatement("INSERT INTO wcf4j_rm_change (key, change)"
                        + " VALUES (?, ?)")) {
            delete.setString(1, key);
            delete.executeUpdate();
            for (SequenceChange c : compacted) {
                insert.setString(1, key);
                insert.setBytes(2, SequenceChangeCodec.encode(key, c));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        long floor = floor(state.get());
        if (floor > 0) {
            try (PreparedStatement prune = writes.prepareStatement("DELETE FROM wcf4j_rm_received WHERE key = ?"
                    + " AND number <= ?");
                    PreparedStatement set = writes.prepareStatement("UPDATE wcf4j_rm_sequence"
                            + " SET received_floor = GREATEST(received_floor, ?) WHERE key = ?")) {
                prune.setString(1, key);
                prune.setLong(2, floor);
                prune.executeUpdate();
                set.setLong(1, floor);
                set.setString(2, key);
                set.executeUpdate();
            }
        }
    }

    /**
     * The highest number n such that 1..n were all received and none is still pending (answered or delivered): the
     * numbers whose "who delivers it" row is no longer needed (a later write of one is a stale duplicate).
     */
    private static long floor(StoredSequence s) {
        if (s.received().isEmpty() || s.received().get(0).lower() != 1) {
            return 0;
        }
        long floor = s.received().get(0).upper();
        if (!s.pending().isEmpty()) {
            floor = Math.min(floor, s.pending().firstKey() - 1);
        }
        return floor;
    }

    /**
     * How many times the writer retried a batch after losing its connection (PostgreSQL restarting): its writes waited
     * meanwhile instead of failing.
     */
    public long retriedBatches() {
        return retried.get();
    }

    /** How many change rows sequence {@code key} has (for tests of compaction). */
    int changeRows(String key) {
        return read(() -> {
            try (PreparedStatement q = reads.prepareStatement("SELECT count(*) FROM wcf4j_rm_change WHERE key = ?")) {
                q.setString(1, key);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }).join();
    }

    /** Commits what was queued, then closes the connections; later writes fail. */
    @Override
    public void close() {
        if (!writer.close()) {
            return;
        }
        reader.shutdown();
        try {
            reader.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(writes);
        closeQuietly(reads);
    }

    private void rollbackQuietly() {
        try {
            writes.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is dropped and made again
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection
        }
    }

    @Override
    public String toString() {
        return "PostgresSequenceStore[" + SequenceStoreSetting.redacted(url) + "]";
    }
}

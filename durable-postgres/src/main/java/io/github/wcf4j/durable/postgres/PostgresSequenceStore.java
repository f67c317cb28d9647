package io.github.wcf4j.durable.postgres;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

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
            """;
    /** The advisory lock under which a store creates the tables (hosts starting together). */
    private static final long SCHEMA_LOCK = 0x7763_6634_6a72_6dL;

    private final String url;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ExecutorService reader;
    private Connection writes;
    private Connection reads;
    private volatile boolean closed;
    /** Numbers (key and number) whose Received this store lost to another host: their Replied is refused too. */
    private final java.util.Set<String> lost = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The host names whose lock the writer's connection holds (the writer's thread only). */
    private final java.util.Set<String> held = new java.util.HashSet<>();

    private record Pending(String key, SequenceChange change, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(null, null, null);

    private PostgresSequenceStore(String url) throws SQLException {
        this.url = url;
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
        writer = new Thread(this::writeLoop, "wcf4j-rm-store " + name);
        writer.setDaemon(true);
        writer.start();
    }

    /** The store in the database {@code url} ({@code jdbc:postgresql://...}); creates its tables if absent. */
    public static PostgresSequenceStore open(String url) {
        try {
            return new PostgresSequenceStore(url);
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(closedError());
            return done;
        }
        queue.add(new Pending(key, change, done));
        return done;
    }

    private IllegalStateException closedError() {
        return new IllegalStateException("The reliable session store " + SequenceStoreSetting.redacted(url)
                + " is closed.");
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close stops the writer
            }
            queue.drainTo(batch);
            stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
    }

    private void commit(List<Pending> batch) {
        try {
            if (writes == null || writes.isClosed()) {
                writes = connect();
                writes.setAutoCommit(false);
                held.clear();
            }
            Map<Pending, RuntimeException> refused;
            try {
                refused = writeBatch(batch);
                writes.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
            for (Pending p : batch) {
                RuntimeException r = refused.get(p);
                if (r == null) {
                    p.done().complete(null);
                } else {
                    p.done().completeExceptionally(r);
                }
            }
        } catch (SQLException | RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("Cannot write to the reliable session store "
                    + SequenceStoreSetting.redacted(url) + ": " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            closeQuietly(writes);
            writes = null; // reconnects for the next batch
        }
    }

    /** Writes {@code batch} in the writer's transaction; the changes refused (a number taken), with why. */
    private Map<Pending, RuntimeException> writeBatch(List<Pending> batch) throws SQLException {
        Map<Pending, RuntimeException> refused = new java.util.IdentityHashMap<>();
        TreeSet<String> keys = new TreeSet<>();
        batch.forEach(p -> keys.add(p.key()));
        try (PreparedStatement lock = writes.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            for (String k : keys) {
                lock.setString(1, k);
                lock.execute();
            }
        }
        try (PreparedStatement change = writes.prepareStatement("INSERT INTO wcf4j_rm_change (key, change) SELECT ?, ?"
                + " WHERE EXISTS (SELECT 1 FROM wcf4j_rm_sequence WHERE key = ?)");
                PreparedStatement received = writes.prepareStatement("INSERT INTO wcf4j_rm_received (key, number, host)"
                        + " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM wcf4j_rm_sequence WHERE key = ?)"
                        + " ON CONFLICT DO NOTHING");
                PreparedStatement holder = writes.prepareStatement("SELECT host FROM wcf4j_rm_received"
                        + " WHERE key = ? AND number = ?");
                PreparedStatement delete = writes.prepareStatement("DELETE FROM wcf4j_rm_sequence WHERE key = ?");
                PreparedStatement open = writes.prepareStatement("INSERT INTO wcf4j_rm_sequence"
                        + " (key, role, endpoint, input_id, output_id) VALUES (?, ?, ?, ?, ?)")) {
            for (Pending p : batch) {
                SequenceChange c = p.change();
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
                    open.executeUpdate();
                } else if (c instanceof SequenceChange.Received r) {
                    received.setString(1, p.key());
                    received.setLong(2, r.number());
                    received.setString(3, r.host());
                    received.setString(4, p.key());
                    holdHost(r.host());
                    if (received.executeUpdate() == 0) {
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
                            refused.put(p, new SequenceNumberTakenException(p.key(), r.number(), h));
                            continue;
                        }
                        lost.remove(p.key() + "#" + r.number());
                    }
                } else if (c instanceof SequenceChange.Replied r && lost.contains(p.key() + "#" + r.number())) {
                    refused.put(p, new SequenceNumberTakenException(p.key(), r.number(), "another host"));
                    continue;
                }
                change.setString(1, p.key());
                change.setBytes(2, SequenceChangeCodec.encode(p.key(), c));
                change.setString(3, p.key());
                change.executeUpdate();
            }
        }
        return refused;
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

    private <T> CompletableFuture<T> read(Read<T> read) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (reads == null || reads.isClosed()) {
                    reads = connect();
                }
                return read.run();
            } catch (SQLException e) {
                closeQuietly(reads);
                reads = null;
                throw new IllegalStateException("Cannot read the reliable session store "
                        + SequenceStoreSetting.redacted(url) + ": " + e.getMessage(), e);
            }
        }, reader);
    }

    /** Commits what was queued, then closes the connections; later writes fail. */
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
        late.forEach(p -> p.done().completeExceptionally(closedError()));
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

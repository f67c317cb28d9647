package io.github.wcf4j.runtime.reliability.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where reliable sessions keep their sequences so that a session survives a crash of its process (issue 19): each
 * sequence is a key (the identifier of the sequence its CreateSequence created) and the {@link SequenceChange}s
 * written to it, folded into a {@link StoredSequence} that any process (any host of a farm) can {@link #load} by
 * either of the session's sequence identifiers.
 *
 * <p>The contract a session relies on: a {@link #write} completes only once the change is as durable as the store's
 * policy makes it, and the writes to one key complete in the order they were made (a reply session relies on it: the
 * write of a reply completes after the write of its request); a session acknowledges (or answers) nothing before the
 * write that makes it resumable completed.
 * A change to a key never written, or one {@link SequenceChange.Ended ended}, is ignored unless it is
 * {@link SequenceChange.Opened}.
 *
 * <p>{@link #none()} keeps nothing and costs nothing (WCF's behaviour, the default); {@link MemorySequenceStore} keeps
 * sequences in this process (for tests: a listener reopened in the same process resumes); {@link LogSequenceStore}
 * keeps them in one append-only file; the {@code wcf4j-durable-postgres} module's {@code PostgresSequenceStore} in
 * PostgreSQL, shared by the hosts of a farm ({@link #shared()}; found through {@link SequenceStoreProvider}).
 *
 * <p>Implementations are thread-safe.
 */
public interface SequenceStore extends AutoCloseable {

    /** No store: sequences live and die with their session, as in WCF. */
    static SequenceStore none() {
        return NoSequenceStore.INSTANCE;
    }

    /** Whether sessions write to this store at all (false for {@link #none()}, whose sessions skip every write). */
    boolean durable();

    /**
     * Whether other processes (the hosts of a farm) write the same sequences: a {@link SequenceChange.Received} may then
     * fail with {@link SequenceNumberTakenException} (another host accepted that number first), and a session invokes
     * nothing before its request's write completed. False for the file and memory stores (one process).
     */
    default boolean shared() {
        return false;
    }

    /** Writes {@code change} to sequence {@code key}; completes once it is durable under the store's policy. */
    CompletableFuture<Void> write(String key, SequenceChange change);

    /** The sequence whose created or offered identifier is {@code sequenceId}, if stored and not ended. */
    CompletableFuture<Optional<StoredSequence>> load(String sequenceId);

    /**
     * The stored sequences of {@code role} opened at {@code endpoint}: how a restarted client finds the sequences it
     * had not finished (a client's store file is its process's alone).
     */
    CompletableFuture<List<StoredSequence>> unfinished(SequenceChange.Role role, String endpoint);

    /**
     * Marks sequence {@code key} as active now (by the store's clock) without a change: a message of its session
     * arrived that wrote nothing (an AckRequested, a keep-alive), so that {@link #expire} leaves it alone. Every
     * {@link #write} marks its key too. Completes once marked; a key not stored is ignored.
     */
    default CompletableFuture<Void> touch(String key) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Housekeeping: removes (as an {@link SequenceChange.Ended} would) the sequences of {@code role} opened at
     * {@code endpoint} that nothing wrote or {@linkplain #touch touched} for longer than {@code idle} by the store's
     * clock, those whose session was abandoned (WCF's reliable session faults after its {@code inactivityTimeout}
     * without a message, and a sequence whose process died is never faulted: nothing runs its timer). Completes with
     * the keys removed.
     */
    default CompletableFuture<List<String>> expire(SequenceChange.Role role, String endpoint, Duration idle) {
        return CompletableFuture.completedFuture(List.of());
    }

    /** Releases the store's resources; sequences stay stored. */
    @Override
    void close();
}

package io.github.wcf4j.runtime.reliability.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sequences kept in this process's memory: a listener or factory built again in the same process resumes them, which
 * is what the tests on virtual time use; a process's crash loses them. Writes complete at once.
 */
public final class MemorySequenceStore implements SequenceStore {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final StoredSequences sequences = new StoredSequences();
    private final Clock clock;

    /** A store whose {@link #expire} reads the system's clock. */
    public MemorySequenceStore() {
        this(Clock.systemUTC());
    }

    /** A store whose {@link #expire} reads {@code clock} (a test's virtual time). */
    public MemorySequenceStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public synchronized CompletableFuture<Void> write(String key, SequenceChange change) {
        sequences.apply(key, change, clock.instant());
        return DONE;
    }

    @Override
    public synchronized CompletableFuture<Void> touch(String key) {
        sequences.touch(key, clock.instant());
        return DONE;
    }

    @Override
    public synchronized CompletableFuture<List<String>> expire(SequenceChange.Role role, String endpoint,
            Duration idle) {
        Instant cutoff = clock.instant().minus(idle);
        List<String> stale = sequences.stale(role, endpoint, cutoff);
        stale.forEach(k -> sequences.apply(k, new SequenceChange.Ended(), cutoff));
        return CompletableFuture.completedFuture(stale);
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

    @Override
    public void close() {
    }
}

package io.github.wcf4j.runtime.reliability.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sequences kept in this process's memory: a listener or factory built again in the same process resumes them, which
 * is what the tests on virtual time use; a process's crash loses them. Writes complete at once.
 */
public final class MemorySequenceStore implements SequenceStore {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Map<String, SequenceState> sequences = new HashMap<>();
    /** Both identifiers of every sequence to its key. */
    private final Map<String, String> keys = new HashMap<>();

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public synchronized CompletableFuture<Void> write(String key, SequenceChange change) {
        apply(sequences, keys, key, change);
        return DONE;
    }

    /** The stores' one rule for a change to {@code key}. */
    static void apply(Map<String, SequenceState> sequences, Map<String, String> keys, String key,
            SequenceChange change) {
        if (change instanceof SequenceChange.Opened o) {
            sequences.put(key, new SequenceState(o));
            keys.put(o.inputId(), key);
            if (o.outputId() != null) {
                keys.put(o.outputId(), key);
            }
            return;
        }
        SequenceState s = sequences.get(key);
        if (s == null) {
            return;
        }
        if (change instanceof SequenceChange.Ended) {
            sequences.remove(key);
            keys.remove(s.opened().inputId());
            if (s.opened().outputId() != null) {
                keys.remove(s.opened().outputId());
            }
            return;
        }
        s.apply(change);
    }

    /** The sequences of {@code role} opened at {@code endpoint}, oldest key first. */
    static List<StoredSequence> unfinished(Map<String, SequenceState> sequences, SequenceChange.Role role,
            String endpoint) {
        return sequences.values().stream().filter(s -> s.opened().role() == role
                && java.util.Objects.equals(s.opened().endpoint(), endpoint)).map(SequenceState::snapshot).toList();
    }

    @Override
    public synchronized CompletableFuture<Optional<StoredSequence>> load(String sequenceId) {
        String key = keys.get(sequenceId);
        SequenceState s = key == null ? null : sequences.get(key);
        return CompletableFuture.completedFuture(Optional.ofNullable(s).map(SequenceState::snapshot));
    }

    @Override
    public synchronized CompletableFuture<List<StoredSequence>> unfinished(SequenceChange.Role role,
            String endpoint) {
        return CompletableFuture.completedFuture(MemorySequenceStore.unfinished(sequences, role, endpoint));
    }

    /** How many sequences are stored. */
    public synchronized int size() {
        return sequences.size();
    }

    @Override
    public void close() {
    }
}

package io.github.wcf4j.runtime.reliability.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link SequenceStore#none()}: nothing is kept; sessions do not call it on their paths. */
enum NoSequenceStore implements SequenceStore {
    INSTANCE;

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public CompletableFuture<Void> write(String key, SequenceChange change) {
        return DONE;
    }

    @Override
    public CompletableFuture<Optional<StoredSequence>> load(String sequenceId) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletableFuture<List<StoredSequence>> unfinished(SequenceChange.Role role, String endpoint) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public void close() {
    }
}

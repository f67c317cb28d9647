package io.github.wcf4j.runtime.reliability.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sequences a store holds in memory, by key and by both identifiers: the one rule for applying a change, shared
 * by the memory store and the log store (which replays its file into it). Not thread-safe: its store guards it.
 */
final class StoredSequences {
    private final Map<String, SequenceState> sequences = new HashMap<>();
    /** Both identifiers of every sequence to its key. */
    private final Map<String, String> keys = new HashMap<>();
    /** When each sequence was last written or touched (the store's clock): what {@link #stale} compares. */
    private final Map<String, Instant> touched = new HashMap<>();

    /**
     * Applies {@code change} to {@code key} at {@code now}: opens, ends or changes the sequence (and marks it touched);
     * a change to no sequence is ignored.
     */
    void apply(String key, SequenceChange change, Instant now) {
        if (change instanceof SequenceChange.Opened o) {
            sequences.put(key, new SequenceState(o));
            touched.put(key, now);
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
            touched.remove(key);
            keys.remove(s.opened().inputId());
            if (s.opened().outputId() != null) {
                keys.remove(s.opened().outputId());
            }
            return;
        }
        s.apply(change);
        touched.put(key, now);
    }

    /** Marks sequence {@code key} (if stored) as active at {@code now}. */
    void touch(String key, Instant now) {
        touched.computeIfPresent(key, (k, t) -> t.isAfter(now) ? t : now);
    }

    /** The keys of the sequences of {@code role} opened at {@code endpoint} last touched before {@code cutoff}. */
    List<String> stale(SequenceChange.Role role, String endpoint, Instant cutoff) {
        List<String> stale = new ArrayList<>();
        sequences.forEach((key, s) -> {
            if (s.opened().role() == role && Objects.equals(s.opened().endpoint(), endpoint)
                    && touched.get(key).isBefore(cutoff)) {
                stale.add(key);
            }
        });
        return stale;
    }

    /** Whether sequence {@code key} is stored and was last touched before {@code cutoff}. */
    boolean staleKey(String key, Instant cutoff) {
        Instant t = touched.get(key);
        return t != null && t.isBefore(cutoff);
    }

    /** The sequence one of whose identifiers is {@code sequenceId}. */
    Optional<StoredSequence> load(String sequenceId) {
        String key = keys.get(sequenceId);
        return Optional.ofNullable(key == null ? null : sequences.get(key)).map(SequenceState::snapshot);
    }

    /** The sequences of {@code role} opened at {@code endpoint}. */
    List<StoredSequence> unfinished(SequenceChange.Role role, String endpoint) {
        return sequences.values().stream().filter(s -> s.opened().role() == role
                && Objects.equals(s.opened().endpoint(), endpoint)).map(SequenceState::snapshot).toList();
    }

    /** The live sequences by key, to rewrite them. */
    Map<String, SequenceState> byKey() {
        return sequences;
    }

    int size() {
        return sequences.size();
    }
}

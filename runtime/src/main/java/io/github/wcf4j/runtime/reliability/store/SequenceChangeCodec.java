package io.github.wcf4j.runtime.reliability.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * One {@link SequenceChange} as bytes and a sequence's changes folded into what {@link SequenceStore#load} returns:
 * for a store outside this package (the PostgreSQL store of the {@code durable-postgres} module) to keep the same
 * records and the same rule as {@link LogSequenceStore}. The bytes are a log record ({@link LogRecords}: length,
 * CRC-32C, key, change).
 */
public final class SequenceChangeCodec {
    private SequenceChangeCodec() {
    }

    /** {@code change} to sequence {@code key} as one record. */
    public static byte[] encode(String key, SequenceChange change) {
        return LogRecords.encode(key, change);
    }

    /** The change a record of {@link #encode} holds; a record cut short or failing its checksum is refused. */
    public static SequenceChange decode(byte[] record) {
        long[] end = new long[1];
        List<LogRecords.Entry> entries = LogRecords.read(ByteBuffer.wrap(record), end);
        if (entries.size() != 1 || end[0] != record.length) {
            throw new IllegalArgumentException("not one whole sequence change record (" + record.length + " bytes)");
        }
        return entries.get(0).change();
    }

    /**
     * The sequence {@code changes} (in the order they were written) leave, by the stores' one rule: the last
     * {@link SequenceChange.Opened} starts it, {@link SequenceChange.Ended} forgets it.
     */
    public static Optional<StoredSequence> fold(List<SequenceChange> changes) {
        return Optional.ofNullable(state(changes)).map(SequenceState::snapshot);
    }

    /**
     * The fewest changes that rebuild what {@code changes} leave (a compaction: the pending messages, the numbers, the
     * replies not acknowledged, the close, the send window), empty when they leave no sequence.
     */
    public static List<SequenceChange> compacted(List<SequenceChange> changes) {
        SequenceState state = state(changes);
        return state == null ? List.of() : state.changes();
    }

    private static SequenceState state(List<SequenceChange> changes) {
        SequenceState state = null;
        for (SequenceChange c : changes) {
            if (c instanceof SequenceChange.Opened o) {
                state = new SequenceState(o);
            } else if (c instanceof SequenceChange.Ended) {
                state = null;
            } else if (state != null) {
                state.apply(c);
            }
        }
        return state;
    }
}

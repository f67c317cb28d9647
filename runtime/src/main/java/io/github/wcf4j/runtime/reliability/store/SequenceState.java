package io.github.wcf4j.runtime.reliability.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sequence's changes folded (the stores' shared rule of what a change does); {@link #snapshot()} is what
 * {@link SequenceStore#load} returns, {@link #changes()} the fewest changes that rebuild it (a log's compaction).
 *
 * <p>Not thread-safe: a store guards it.
 */
final class SequenceState {
    private final SequenceChange.Opened opened;
    /** Accepted input numbers as disjoint ranges, lower to upper. */
    private final TreeMap<Long, Long> received = new TreeMap<>();
    private final TreeMap<Long, SequenceChange.Received> pending = new TreeMap<>();
    private final TreeMap<Long, SequenceChange.Replied> replies = new TreeMap<>();
    private final TreeMap<Long, byte[]> unacknowledged = new TreeMap<>();
    private long lastReplyNumber;
    private long inputLast;
    private boolean inputClosed;
    private long lastSent;

    SequenceState(SequenceChange.Opened opened) {
        this.opened = opened;
    }

    SequenceChange.Opened opened() {
        return opened;
    }

    void apply(SequenceChange change) {
        // Opened and Ended are the store's (they make and drop the state)
        if (change instanceof SequenceChange.Received r) {
            if (!contains(r.number())) {
                add(r.number());
                pending.put(r.number(), r);
            } else if (pending.containsKey(r.number()) && !pending.get(r.number()).host().equals(r.host())) {
                // a farm: a live host took over a message accepted by a host that died before delivering it
                pending.put(r.number(), r);
            }
            if (r.last()) {
                inputLast = r.number();
            }
        } else if (change instanceof SequenceChange.Delivered d) {
            pending.remove(d.number());
        } else if (change instanceof SequenceChange.Replied r) {
            pending.remove(r.number());
            replies.put(r.number(), r);
            lastReplyNumber = Math.max(lastReplyNumber, r.replyNumber());
        } else if (change instanceof SequenceChange.Acknowledged a) {
            for (SequenceChange.Range range : a.ranges()) {
                replies.values().removeIf(r -> range.contains(r.replyNumber()));
                unacknowledged.subMap(range.lower(), true, range.upper(), true).clear();
            }
        } else if (change instanceof SequenceChange.InputClosed c) {
            inputLast = c.lastNumber();
            inputClosed = true;
        } else if (change instanceof SequenceChange.Sent s) {
            unacknowledged.put(s.number(), s.message());
            lastSent = Math.max(lastSent, s.number());
        } else if (change instanceof SequenceChange.Numbers n) {
            for (SequenceChange.Range r : n.received()) {
                long upper = r.upper();
                for (Map.Entry<Long, Long> e : new ArrayList<>(received.subMap(r.lower(), true, r.upper(), true)
                        .entrySet())) {
                    upper = Math.max(upper, e.getValue());
                    received.remove(e.getKey());
                }
                add(r.lower(), upper);
            }
            inputLast = Math.max(inputLast, n.inputLast());
            lastReplyNumber = Math.max(lastReplyNumber, n.lastReplyNumber());
            lastSent = Math.max(lastSent, n.lastSent());
        }
    }

    private boolean contains(long n) {
        Map.Entry<Long, Long> e = received.floorEntry(n);
        return e != null && e.getValue() >= n;
    }

    private void add(long n) {
        add(n, n);
    }

    /** Adds {@code [from, to]}, which overlaps no range (ranges starting inside it were removed). */
    private void add(long from, long to) {
        long lower = from;
        long upper = to;
        Map.Entry<Long, Long> below = received.floorEntry(from - 1);
        if (below != null && below.getValue() >= from - 1) {
            lower = below.getKey();
            upper = Math.max(upper, below.getValue());
            received.remove(below.getKey());
        }
        Long next = received.get(to + 1);
        if (next != null) {
            upper = Math.max(upper, next);
            received.remove(to + 1);
        }
        received.put(lower, upper);
    }

    private List<SequenceChange.Range> ranges() {
        List<SequenceChange.Range> r = new ArrayList<>(received.size());
        received.forEach((l, u) -> r.add(new SequenceChange.Range(l, u)));
        return r;
    }

    StoredSequence snapshot() {
        return new StoredSequence(opened, List.copyOf(ranges()), Collections.unmodifiableSortedMap(new TreeMap<>(pending)),
                Collections.unmodifiableSortedMap(new TreeMap<>(replies)), lastReplyNumber, inputLast, inputClosed,
                Collections.unmodifiableSortedMap(new TreeMap<>(unacknowledged)), lastSent);
    }

    /**
     * The fewest changes that rebuild this state: Opened, the pending input messages, the numbers, the unacknowledged
     * replies, the close, the send window.
     */
    List<SequenceChange> changes() {
        List<SequenceChange> c = new ArrayList<>();
        c.add(opened);
        // the pending messages before the numbers: a Received of a number already accepted changes nothing
        c.addAll(pending.values());
        c.add(new SequenceChange.Numbers(ranges(), inputClosed ? 0 : inputLast, lastReplyNumber, lastSent));
        c.addAll(replies.values());
        if (inputClosed) {
            c.add(new SequenceChange.InputClosed(inputLast));
        }
        unacknowledged.forEach((n, m) -> c.add(new SequenceChange.Sent(n, m)));
        return c;
    }
}

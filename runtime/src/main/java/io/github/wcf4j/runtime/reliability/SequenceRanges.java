package io.github.wcf4j.runtime.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The message numbers of a sequence received (or acknowledged) so far, as sorted, merged, disjoint ranges (WCF
 * {@code SequenceRangeCollection}). Immutable: {@link #with} returns a new value.
 */
public final class SequenceRanges {
    public static final SequenceRanges EMPTY = new SequenceRanges(List.of());

    private final List<SequenceRange> ranges;

    private SequenceRanges(List<SequenceRange> ranges) {
        this.ranges = ranges;
    }

    /** Ranges as read from an acknowledgement: merged and sorted whatever their order on the wire. */
    public static SequenceRanges of(List<SequenceRange> ranges) {
        SequenceRanges r = EMPTY;
        for (SequenceRange x : ranges) {
            r = r.with(x);
        }
        return r;
    }

    public List<SequenceRange> ranges() {
        return ranges;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public int count() {
        return ranges.size();
    }

    public boolean contains(long n) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            SequenceRange r = ranges.get(mid);
            if (n < r.lower()) {
                hi = mid - 1;
            } else if (n > r.upper()) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Whether every number in {@code other} is also here. */
    public boolean containsAll(SequenceRanges other) {
        for (SequenceRange r : other.ranges) {
            if (!containsRange(r)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsRange(SequenceRange r) {
        for (SequenceRange x : ranges) {
            if (x.lower() <= r.lower() && r.upper() <= x.upper()) {
                return true;
            }
        }
        return false;
    }

    /** The highest number present, or 0. */
    public long last() {
        return ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).upper();
    }

    /** Whether the numbers are exactly 1..{@code last} ({@code last == 0}: none). */
    public boolean isComplete(long last) {
        if (last == 0) {
            return ranges.isEmpty();
        }
        return ranges.size() == 1 && ranges.get(0).lower() == 1 && ranges.get(0).upper() == last;
    }

    public SequenceRanges with(long n) {
        return with(new SequenceRange(n, n));
    }

    public SequenceRanges with(SequenceRange add) {
        List<SequenceRange> out = new ArrayList<>(ranges.size() + 1);
        long lower = add.lower();
        long upper = add.upper();
        boolean placed = false;
        for (SequenceRange r : ranges) {
            if (r.upper() < lower - 1 && lower > 0) {
                out.add(r);
            } else if (r.lower() > upper + 1 && upper < Long.MAX_VALUE) {
                if (!placed) {
                    out.add(new SequenceRange(lower, upper));
                    placed = true;
                }
                out.add(r);
            } else {
                lower = Math.min(lower, r.lower());
                upper = Math.max(upper, r.upper());
            }
        }
        if (!placed) {
            out.add(new SequenceRange(lower, upper));
        }
        return new SequenceRanges(Collections.unmodifiableList(out));
    }

    /** These ranges without number {@code n}. */
    public SequenceRanges without(long n) {
        if (!contains(n)) {
            return this;
        }
        List<SequenceRange> out = new ArrayList<>(ranges.size() + 1);
        for (SequenceRange r : ranges) {
            if (!r.contains(n)) {
                out.add(r);
                continue;
            }
            if (r.lower() < n) {
                out.add(new SequenceRange(r.lower(), n - 1));
            }
            if (n < r.upper()) {
                out.add(new SequenceRange(n + 1, r.upper()));
            }
        }
        return new SequenceRanges(Collections.unmodifiableList(out));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceRanges && ((SequenceRanges) o).ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}

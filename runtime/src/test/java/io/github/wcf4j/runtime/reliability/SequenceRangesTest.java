package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SequenceRangesTest {
    @Test
    void mergesAdjacentAndOverlappingNumbers() {
        SequenceRanges r = SequenceRanges.EMPTY.with(1).with(3).with(2).with(7).with(5);
        assertEquals(List.of(new SequenceRange(1, 3), new SequenceRange(5, 5), new SequenceRange(7, 7)), r.ranges());
        r = r.with(6);
        assertEquals(List.of(new SequenceRange(1, 3), new SequenceRange(5, 7)), r.ranges());
        assertTrue(r.contains(6));
        assertFalse(r.contains(4));
        assertEquals(7, r.last());
        assertFalse(r.isComplete(7));
        assertTrue(r.with(4).isComplete(7));
    }

    @Test
    void agreesWithASetOfNumbersUnderRandomInsertion() {
        Random random = new Random(42);
        SequenceRanges r = SequenceRanges.EMPTY;
        TreeSet<Long> set = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            long n = 1 + random.nextInt(300);
            r = r.with(n);
            set.add(n);
        }
        for (long n = 0; n <= 301; n++) {
            assertEquals(set.contains(n), r.contains(n), "number " + n);
        }
        for (int i = 1; i < r.count(); i++) {
            assertTrue(r.ranges().get(i - 1).upper() + 1 < r.ranges().get(i).lower(), "disjoint, non-adjacent");
        }
    }

    @Test
    void rangesReadInAnyOrderAreNormalized() {
        SequenceRanges r = SequenceRanges.of(List.of(new SequenceRange(5, 6), new SequenceRange(1, 2),
                new SequenceRange(3, 4)));
        assertEquals(List.of(new SequenceRange(1, 6)), r.ranges());
        assertTrue(r.containsAll(SequenceRanges.of(List.of(new SequenceRange(2, 3)))));
        assertFalse(r.containsAll(SequenceRanges.of(List.of(new SequenceRange(6, 7)))));
    }
}

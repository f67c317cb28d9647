package io.github.wcf4j.runtime.reliability;

/**
 * An inclusive range of message numbers ({@code AcknowledgementRange Lower=.. Upper=..}).
 *
 * @param lower the first number
 * @param upper the last number, {@code >= lower}
 */
public record SequenceRange(long lower, long upper) {
    public SequenceRange {
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        }
    }

    public boolean contains(long n) {
        return n >= lower && n <= upper;
    }

    @Override
    public String toString() {
        return lower == upper ? Long.toString(lower) : lower + "-" + upper;
    }
}

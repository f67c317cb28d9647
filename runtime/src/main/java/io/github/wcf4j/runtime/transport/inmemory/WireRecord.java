package io.github.wcf4j.runtime.transport.inmemory;

/**
 * One envelope that crossed the in-memory wire, as text, with what the wire did to it.
 *
 * @param direction which way
 * @param envelope  the encoded message, as the receiver would see it
 * @param fate      {@code delivered}, or the fault applied ({@code DROP}, {@code DUPLICATE}, ...)
 * @param atNanos   when it was sent, on the network's scheduler clock
 */
public record WireRecord(Direction direction, String envelope, String fate, long atNanos) {

    /** Whether the envelope contains {@code text}. */
    public boolean contains(String text) {
        return envelope.contains(text);
    }

    @Override
    public String toString() {
        return direction + " [" + fate + "] " + envelope;
    }
}

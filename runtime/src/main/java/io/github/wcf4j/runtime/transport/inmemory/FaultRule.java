package io.github.wcf4j.runtime.transport.inmemory;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which messages a fault applies to: a direction, a predicate on the envelope text (e.g. its action or message number),
 * and which matching occurrences (1-based, inclusive range) it fires on.
 *
 * <pre>{@code
 * network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE)
 *     .where(envelope -> envelope.contains("<r:MessageNumber>2</r:MessageNumber>"))
 *     .occurrences(1, 1)
 *     .then(FaultAction.drop()));
 * }</pre>
 */
public final class FaultRule {
    private final Direction direction;
    private final Predicate<String> matches;
    private final int fromOccurrence;
    private final int toOccurrence;
    private final FaultAction action;
    private int seen;

    private FaultRule(Direction direction, Predicate<String> matches, int from, int to, FaultAction action) {
        this.direction = direction;
        this.matches = matches;
        this.fromOccurrence = from;
        this.toOccurrence = to;
        this.action = action;
    }

    public static Builder on(Direction direction) {
        return new Builder(direction);
    }

    /**
     * The action for this envelope, counting it if it matches; {@code null} when the rule does not fire. Public so
     * that other fault-injecting wires (e.g. an HTTP proxy in tests) share the rule vocabulary.
     */
    public synchronized FaultAction apply(Direction d, String envelope) {
        if (d != direction || !matches.test(envelope)) {
            return null;
        }
        seen++;
        return seen >= fromOccurrence && seen <= toOccurrence ? action : null;
    }

    /** Builds a {@link FaultRule}. */
    public static final class Builder {
        private final Direction direction;
        private Predicate<String> matches = e -> true;
        private int from = 1;
        private int to = Integer.MAX_VALUE;

        private Builder(Direction direction) {
            this.direction = Objects.requireNonNull(direction);
        }

        /** Only envelopes whose text satisfies {@code p}. */
        public Builder where(Predicate<String> p) {
            this.matches = p;
            return this;
        }

        /** Only envelopes containing {@code text} (an action, a header, a message number). */
        public Builder containing(String text) {
            return where(e -> e.contains(text));
        }

        /** Only the {@code from}..{@code to} (1-based, inclusive) matching occurrences. */
        public Builder occurrences(int from, int to) {
            this.from = from;
            this.to = to;
            return this;
        }

        /** Only the {@code n}th matching occurrence. */
        public Builder occurrence(int n) {
            return occurrences(n, n);
        }

        public FaultRule then(FaultAction action) {
            return new FaultRule(direction, matches, from, to, action);
        }
    }
}

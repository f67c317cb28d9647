package io.github.wcf4j.runtime.transport.inmemory;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * What the in-memory wire does to a message a {@link FaultRule} matches.
 *
 * <ul>
 *   <li>{@link #drop()}: the message is lost; on request/reply the exchange fails at once, as a reset connection
 *       would;</li>
 *   <li>{@link #blackhole()}: lost without trace; the sender waits for its timeout;</li>
 *   <li>{@link #duplicate()}: delivered twice;</li>
 *   <li>{@link #delay(Duration)}: delivered after {@code d} (virtual time under {@code ManualScheduler});</li>
 *   <li>{@link #reorder()}: held back and delivered right after the next message in the same direction;</li>
 *   <li>{@link #disconnect()}: the exchange (or duplex session) fails with a communication error;</li>
 *   <li>{@link #rewrite(UnaryOperator)}: delivered with its envelope text rewritten (a forged number or
 *       identifier, a stripped header), as a hostile or broken peer would send it.</li>
 * </ul>
 */
public record FaultAction(Kind kind, Duration delay, UnaryOperator<String> rewriter) {
    public enum Kind { DROP, BLACKHOLE, DUPLICATE, DELAY, REORDER, DISCONNECT, REWRITE }

    private FaultAction(Kind kind, Duration delay) {
        this(kind, delay, UnaryOperator.identity());
    }

    public static FaultAction drop() {
        return new FaultAction(Kind.DROP, Duration.ZERO);
    }

    public static FaultAction blackhole() {
        return new FaultAction(Kind.BLACKHOLE, Duration.ZERO);
    }

    public static FaultAction duplicate() {
        return new FaultAction(Kind.DUPLICATE, Duration.ZERO);
    }

    public static FaultAction delay(Duration d) {
        return new FaultAction(Kind.DELAY, d);
    }

    public static FaultAction reorder() {
        return new FaultAction(Kind.REORDER, Duration.ZERO);
    }

    public static FaultAction disconnect() {
        return new FaultAction(Kind.DISCONNECT, Duration.ZERO);
    }

    public static FaultAction rewrite(UnaryOperator<String> rewriter) {
        return new FaultAction(Kind.REWRITE, Duration.ZERO, rewriter);
    }
}

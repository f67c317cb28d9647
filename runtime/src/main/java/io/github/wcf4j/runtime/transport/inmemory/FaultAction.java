package io.github.wcf4j.runtime.transport.inmemory;

import java.time.Duration;

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
 *   <li>{@link #disconnect()}: the exchange (or duplex session) fails with a communication error.</li>
 * </ul>
 */
public record FaultAction(Kind kind, Duration delay) {
    public enum Kind { DROP, BLACKHOLE, DUPLICATE, DELAY, REORDER, DISCONNECT }

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
}

package io.github.wcf4j.runtime.metrics;

/**
 * The meters of one endpoint ({@link RuntimeMetrics#endpoint}); the runtime passes it down the endpoint's stack as a
 * binding parameter, so layers (reliable sessions, security) report into the endpoint they serve. Every method has a
 * do-nothing default; none may allocate or block.
 *
 * <p>Thread-safety: called from the event loops and the invocation threads, concurrently.
 */
public interface EndpointMetrics {
    /** Records nothing. */
    EndpointMetrics NONE = new EndpointMetrics() { };

    /** The meters of the operation {@code name} (the contract's operation name), asked once per operation. */
    default OperationMetrics operation(String name) {
        return OperationMetrics.NONE;
    }

    /** A session channel was accepted (service) or opened (client). */
    default void sessionOpened() {
    }

    /** A session channel ended (closed, faulted or aborted); once per {@link #sessionOpened()}. */
    default void sessionClosed() {
    }

    /** A session was refused: a reliable session's CreateSequenceRefused. */
    default void sessionRefused() {
    }

    /** A reliable session resent a message (a retransmission timer fired, or an acknowledgement showed a gap). */
    default void retransmission() {
    }

    /** A reliable session applied an acknowledgement of what it sent. */
    default void acknowledgementReceived() {
    }

    /** A reliable session sent an acknowledgement of what it received. */
    default void acknowledgementSent() {
    }

    /** A reliable session put a new message into its transfer window, which now holds {@code messages}. */
    default void windowOccupancy(int messages) {
    }

    /** A security negotiation (a security context token's issuance) ended, {@code succeeded} or not. */
    default void securityNegotiation(boolean succeeded) {
    }
}

package io.github.wcf4j.runtime.metrics;

/**
 * The meters of one operation of one endpoint: each call's outcome and duration, and, when tracing is on, a span per
 * call.
 *
 * <p>Thread-safety: called concurrently; {@link #record} must not allocate.
 */
public interface OperationMetrics {
    /** Records nothing. */
    OperationMetrics NONE = new OperationMetrics() {
        @Override
        public void record(CallOutcome outcome, long nanos) {
        }
    };

    /** One call ended with {@code outcome} after {@code nanos} (as the service dispatched it, or the client waited). */
    void record(CallOutcome outcome, long nanos);

    /**
     * A span for one call that starts now, carrying the request's WS-Addressing {@code MessageID} ({@code null} when it
     * has none); {@link CallSpan#NONE} unless tracing is on.
     */
    default CallSpan span(String messageId) {
        return CallSpan.NONE;
    }
}

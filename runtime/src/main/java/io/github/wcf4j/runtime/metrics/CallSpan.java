package io.github.wcf4j.runtime.metrics;

/** One call's span (tracing): started by {@link OperationMetrics#span}, ended once. */
public interface CallSpan {
    /** No span. */
    CallSpan NONE = (outcome, error) -> { };

    /** The call ended with {@code outcome}; {@code error}: what failed it, or {@code null}. */
    void end(CallOutcome outcome, Throwable error);
}

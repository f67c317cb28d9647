package io.github.wcf4j.runtime.channel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Anything with WCF's communication lifecycle: Created → Opening → Opened → Closing → Closed, or Faulted (WCF
 * {@code ICommunicationObject}). Opening and closing are asynchronous and bounded by a timeout; {@link #abort()} ends
 * the object at once and never fails.
 *
 * <p>Implementations are thread-safe.
 */
public interface CommunicationObject {
    CommunicationState state();

    CompletableFuture<Void> open(Duration timeout);

    /** Graceful close: completes pending work (for a reliable session, the close handshake) within the timeout. */
    CompletableFuture<Void> close(Duration timeout);

    /** Immediate, ungraceful close; idempotent. */
    void abort();

    /** Why the object faulted, or {@code null} while it has not (what its pending and later calls fail with). */
    Throwable faultCause();

    /** Runs {@code listener} once when the object faults (immediately if it already has). */
    void onFaulted(Runnable listener);

    /** Runs {@code listener} once when the object is closed or aborted (immediately if it already is). */
    void onClosed(Runnable listener);
}

package io.github.wcf4j.runtime.channel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A channel built over an inner channel (WCF {@code LayeredChannel<TInnerChannel>}): opening and closing cascade to
 * the inner channel, abort propagates, the inner channel's fault faults this one, and properties fall through. A layer
 * overrides only its behaviour.
 *
 * @param <I> the inner channel's shape
 */
public abstract class LayeredChannel<I extends Channel> extends AbstractCommunicationObject implements Channel {
    protected final I inner;

    protected LayeredChannel(I inner) {
        this.inner = inner;
        inner.onFaulted(() -> fault(innerFault()));
    }

    private Throwable innerFault() {
        return inner instanceof AbstractCommunicationObject
                ? ((AbstractCommunicationObject) inner).faultCause() : new CommunicationException("inner channel faulted");
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return inner.open(timeout);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return inner.close(timeout);
    }

    @Override
    protected void onAbort() {
        inner.abort();
    }

    @Override
    public <T> Optional<T> property(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : inner.property(type);
    }
}

package io.github.wcf4j.runtime.channel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A channel factory built over an inner factory (WCF {@code LayeredChannelFactory<TChannel>}): open, close and abort
 * cascade to the inner factory.
 *
 * @param <C> the shape this factory creates
 */
public abstract class LayeredChannelFactory<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelFactory<C> {
    protected final ChannelFactory<?> innerFactory;

    protected LayeredChannelFactory(ChannelType<C> channelType, ChannelFactory<?> innerFactory) {
        super(channelType);
        this.innerFactory = innerFactory;
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return innerFactory.open(timeout);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return innerFactory.close(timeout);
    }

    @Override
    protected void onAbort() {
        innerFactory.abort();
    }
}

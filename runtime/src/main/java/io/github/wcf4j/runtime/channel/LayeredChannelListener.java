package io.github.wcf4j.runtime.channel;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A channel listener built over an inner listener (WCF {@code LayeredChannelListener<TChannel>}): open, close and
 * abort cascade, the URI is the inner listener's.
 *
 * @param <C> the shape this listener accepts
 */
public abstract class LayeredChannelListener<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelListener<C> {
    protected final ChannelListener<?> innerListener;

    protected LayeredChannelListener(ChannelType<C> channelType, ChannelListener<?> innerListener) {
        super(channelType);
        this.innerListener = innerListener;
    }

    @Override
    public URI uri() {
        return innerListener.uri();
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return innerListener.open(timeout);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return innerListener.close(timeout);
    }

    @Override
    protected void onAbort() {
        innerListener.abort();
    }
}

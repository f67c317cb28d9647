package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Client channels over TCP (WCF {@code TcpChannelFactory}): buffered transfer builds duplex sessions, whose connection
 * is taken from the factory's {@link TcpConnectionPool} or connected when the channel opens and goes back to the pool
 * after End both ways; streamed transfer builds request channels ({@link TcpRequestChannel}), a pooled connection
 * per request.
 */
final class TcpChannelFactory<C extends Channel> extends ChannelManagerBase<C> implements ChannelFactory<C> {
    private final TcpSettings settings;
    private final TcpConnectionPool pool;

    TcpChannelFactory(ChannelType<C> type, TcpSettings settings) {
        super(type);
        this.settings = settings;
        this.pool = new TcpConnectionPool(settings.element().connectionPoolSettings(), settings.scheduler());
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        if (settings.streamed()) {
            return typed(new TcpRequestChannel(settings, to, via, pool));
        }
        return typed(TcpDuplexSessionChannel.client(settings, to, via, pool));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        settings.upgrade().ifPresent(u -> u.open(false));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        pool.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
        pool.close();
    }
}

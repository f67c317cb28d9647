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
 * Client duplex sessions over TCP (WCF {@code TcpChannelFactory<IDuplexSessionChannel>}): each channel its own
 * connection, opened with the channel. Connections are not pooled: a closed session's connection is closed rather than
 * reused (WCF would return it to its pool after End/End), which costs a connect per session and changes nothing on the
 * wire of a session.
 */
final class TcpChannelFactory<C extends Channel> extends ChannelManagerBase<C> implements ChannelFactory<C> {
    private final TcpSettings settings;

    TcpChannelFactory(ChannelType<C> type, TcpSettings settings) {
        super(type);
        this.settings = settings;
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        return typed(TcpDuplexSessionChannel.client(settings, to, via));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
    }
}

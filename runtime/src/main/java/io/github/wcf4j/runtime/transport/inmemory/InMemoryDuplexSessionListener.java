package io.github.wcf4j.runtime.transport.inmemory;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Accepts in-memory duplex sessions at a URI: one service channel per connecting client channel. */
final class InMemoryDuplexSessionListener<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelListener<C> {
    private final InMemoryNetwork network;
    private final TextMessageEncoder encoder;
    private final URI uri;
    private final long maxReceivedMessageSize;
    private final InboundQueue<C> pending;

    InMemoryDuplexSessionListener(ChannelType<C> type, InMemoryNetwork network, TextMessageEncoder encoder, URI uri,
            long maxReceived) {
        super(type);
        this.network = network;
        this.encoder = encoder;
        this.uri = uri;
        this.maxReceivedMessageSize = maxReceived;
        this.pending = new InboundQueue<>(network.scheduler());
    }

    @Override
    public URI uri() {
        return uri;
    }

    void connect(InMemoryDuplexSessionChannel client) {
        pending.offer(typed(InMemoryDuplexSessionChannel.serviceEnd(client, encoder, maxReceivedMessageSize)));
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        return pending.take(timeout, () -> WcfText.ReceiveTimedOut.format(WcfTimeSpan.format(timeout)));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        network.register(uri, this);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        network.unregister(uri, this);
        pending.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
        network.unregister(uri, this);
        pending.close();
    }
}

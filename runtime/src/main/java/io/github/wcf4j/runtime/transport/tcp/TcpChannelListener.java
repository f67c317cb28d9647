package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.stack.ListenAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts channels at a {@code net.tcp} URI (WCF {@code TcpChannelListener}): duplex sessions (buffered transfer), or
 * the one reply channel of streamed transfer that every singleton connection's request goes to. Listeners on one port
 * share its server socket ({@link TcpPortServer}), which routes each connection by the Via of its preamble.
 */
final class TcpChannelListener<C extends Channel> extends ChannelManagerBase<C> implements ChannelListener<C> {
    private final TcpSettings settings;
    private final ListenAddress listenAddress;
    private final InboundQueue<C> pending;
    private volatile URI uri;
    private volatile TcpPortServer server;
    /** Streamed transfer: the one reply channel every singleton connection's request goes to. */
    private volatile TcpReplyChannel replyChannel;

    TcpChannelListener(ChannelType<C> type, TcpSettings settings, ListenAddress at) {
        super(type);
        this.settings = settings;
        this.listenAddress = at;
        this.uri = at.uri();
        this.pending = new InboundQueue<>(settings.scheduler());
    }

    @Override
    public URI uri() {
        return uri;
    }

    TcpSettings settings() {
        return settings;
    }

    /** The path this listener answers, lower case, without a trailing slash. */
    String path() {
        String p = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The reply channel of a streamed listener ({@code null} before it opened or when buffered). */
    TcpReplyChannel replyChannel() {
        return replyChannel;
    }

    /** Queues a session whose preamble was accepted; {@code false} when this listener no longer accepts. */
    boolean offer(TcpDuplexSessionChannel channel) {
        return pending.offer(typed(channel));
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        return pending.take(timeout, () -> WcfText.ReceiveTimedOut.format(WcfTimeSpan.format(timeout)));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        settings.upgrade().ifPresent(u -> u.open(true));
        boolean ephemeral = listenAddress.unique() || uri.getPort() == 0;
        if (listenAddress.unique()) {
            String base = uri.toString();
            uri = URI.create((base.endsWith("/") ? base : base + "/") + UUID.randomUUID());
        }
        return TcpPortRegistry.of(settings.resources()).register(this, ephemeral).thenAccept(s -> {
            server = s;
            if (ephemeral) {
                uri = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + s.port() + uri.getRawPath());
            }
            if (settings.streamed()) {
                // a datagram listener: one channel, accepted once; later accepts end when the listener closes
                TcpReplyChannel reply = new TcpReplyChannel(settings, uri);
                replyChannel = reply;
                pending.offer(typed(reply));
            }
        });
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        leave();
        pending.close();
        TcpReplyChannel reply = replyChannel;
        if (reply != null) {
            return reply.close(timeout);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
        leave();
        pending.close();
        TcpReplyChannel reply = replyChannel;
        if (reply != null) {
            reply.abort();
        }
    }

    private void leave() {
        TcpPortServer s = server;
        if (s != null) {
            s.remove(this);
        }
    }
}

package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.AddressAlreadyInUseException;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.transport.http.NettyResources;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One server socket on one port: every accepted connection reads a preamble ({@link ServerPreambleHandler}) and is
 * routed by its Via to the listener with the longest matching path. {@code listenBacklog} (0: WCF's default of
 * 12 × processors) sizes the accept queue; at most {@code maxPendingConnections} (0: 12 × processors) connections read
 * their preamble at a time; a preamble must complete within {@code channelInitializationTimeout}.
 */
final class TcpPortServer {
    private final NettyResources resources;
    private final TcpPortRegistry registry;
    private final TcpSettings settings;
    private final CopyOnWriteArrayList<TcpChannelListener<?>> routes = new CopyOnWriteArrayList<>();
    private final int maxPending;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int pending;
    private volatile Channel channel;
    private volatile int port;

    TcpPortServer(NettyResources resources, TcpPortRegistry registry, TcpSettings settings) {
        this.resources = resources;
        this.registry = registry;
        this.settings = settings;
        int configured = settings.element().maxPendingConnections();
        this.maxPending = configured > 0 ? configured : 12 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * A new connection asks to read its preamble: admitted while fewer than {@code maxPendingConnections} do (the
     * server then stops accepting at the limit, leaving the next in the listen backlog, as WCF's connection acceptor
     * does); else it waits unread, and {@code whenAdmitted} runs when a slot is handed to it.
     */
    synchronized boolean admit(Runnable whenAdmitted) {
        if (pending < maxPending) {
            pending++;
            if (pending >= maxPending) {
                accepting(false);
            }
            return true;
        }
        waiting.addLast(whenAdmitted);
        return false;
    }

    /** A waiting connection closed before it was admitted. */
    synchronized void abandon(Runnable whenAdmitted) {
        waiting.remove(whenAdmitted);
    }

    /** A preamble was accepted or its connection ended: the slot goes to the next waiting connection, or is freed. */
    void settled() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                pending--;
                if (pending < maxPending) {
                    accepting(true);
                }
            }
        }
        if (next != null) {
            next.run();
        }
    }

    private void accepting(boolean on) {
        Channel ch = channel;
        if (ch != null && ch.config().isAutoRead() != on) {
            ch.config().setAutoRead(on);
        }
    }

    CompletableFuture<TcpPortServer> start(int requestedPort) {
        int backlog = settings.element().listenBacklog() > 0 ? settings.element().listenBacklog()
                : 12 * Runtime.getRuntime().availableProcessors();
        ServerBootstrap b = new ServerBootstrap().group(resources.group()).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, backlog)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        FramingDecoder decoder = new FramingDecoder(1);
                        ch.pipeline().addLast("framing", decoder);
                        ch.pipeline().addLast("session", new ServerPreambleHandler(TcpPortServer.this, decoder,
                                settings.scheduler(), settings.element().channelInitializationTimeout()));
                    }
                });
        CompletableFuture<TcpPortServer> started = new CompletableFuture<>();
        b.bind(new InetSocketAddress(requestedPort)).addListener(f -> {
            if (f.isSuccess()) {
                channel = ((ChannelFuture) f).channel();
                port = ((InetSocketAddress) channel.localAddress()).getPort();
                started.complete(this);
            } else {
                started.completeExceptionally(f.cause() instanceof BindException
                        ? new AddressAlreadyInUseException(WcfText.TcpAddressInUse.format("0.0.0.0:" + requestedPort),
                                f.cause())
                        : new CommunicationException(f.cause().getMessage(), f.cause()));
            }
        });
        return started;
    }

    int port() {
        return port;
    }

    void add(TcpChannelListener<?> listener) {
        routes.add(listener);
    }

    boolean owns(String path) {
        return routes.stream().anyMatch(l -> l.path().equals(path));
    }

    /** The listener for {@code via}: the longest path that is {@code via}'s path or a segment prefix of it. */
    TcpChannelListener<?> route(URI via) {
        String p = via.getPath() == null ? "" : via.getPath().toLowerCase(Locale.ROOT);
        TcpChannelListener<?> best = null;
        for (TcpChannelListener<?> l : routes) {
            String lp = l.path();
            boolean matches = p.equals(lp) || p.startsWith(lp + "/") || p.equals(lp + "/");
            if (matches && (best == null || lp.length() > best.path().length())) {
                best = l;
            }
        }
        return best;
    }

    void remove(TcpChannelListener<?> listener) {
        routes.remove(listener);
        if (routes.isEmpty()) {
            registry.stopped(this);
            Channel ch = channel;
            if (ch != null) {
                ch.close();
            }
        }
    }
}

package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.runtime.channel.AddressAlreadyInUseException;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One Netty HTTP/1.1 server on one port, routing each request to the listener with the longest matching path prefix.
 *
 * <p>Pipeline: [TLS] → request read timeout (the listeners' {@code receiveTimeout} from a request's first byte to its
 * last: trickled headers or bodies are cut off) → HTTP codec (bounded request line and headers) → keep-alive → idle
 * timeout → requests of listeners that stream them ({@link StreamedRequestHandler}) → aggregation bounded
 * by the largest {@code maxReceivedMessageSize} of its listeners (a request beyond it is answered 413 without its body
 * being buffered) → {@link HttpServerHandler}. TCP_NODELAY is set on every connection. HTTP/2 upgrades are ignored.
 */
final class HttpEndpointServer {
    /** Largest request line and header block accepted. */
    static final int MAX_INITIAL_LINE = 8192;
    static final int MAX_HEADER_SIZE = 16384;
    /** Keep-alive connections idle this long are closed. */
    static final int IDLE_SECONDS = 120;

    private final NettyResources resources;
    private final HttpServerRegistry registry;
    private final URI uri;
    private final SslContext ssl;
    private final CopyOnWriteArrayList<HttpReplyChannelListener<?>> routes = new CopyOnWriteArrayList<>();
    private volatile Channel channel;
    private volatile int boundPort;

    HttpEndpointServer(NettyResources resources, HttpServerRegistry registry, URI uri, SslContext ssl) {
        this.resources = resources;
        this.registry = registry;
        this.uri = uri;
        this.ssl = ssl;
    }

    CompletableFuture<HttpEndpointServer> start(int port) {
        ServerBootstrap b = new ServerBootstrap()
                .group(resources.group())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        RequestReadTimeout readTimeout = new RequestReadTimeout(requestReadTimeout());
                        ch.pipeline().addLast(readTimeout.bytes());
                        ch.pipeline().addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, 65536));
                        ch.pipeline().addLast(readTimeout.requests());
                        ch.pipeline().addLast(new HttpServerKeepAliveHandler());
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS));
                        ch.pipeline().addLast(new StreamedRequestHandler(HttpEndpointServer.this));
                        ch.pipeline().addLast(new HttpObjectAggregator(maxContentLength(), true));
                        ch.pipeline().addLast(new HttpServerHandler(HttpEndpointServer.this));
                    }
                });
        CompletableFuture<HttpEndpointServer> started = new CompletableFuture<>();
        InetSocketAddress bind = bindAddress(port);
        b.bind(bind).addListener(f -> {
            if (f.isSuccess()) {
                Channel ch = ((ChannelFuture) f).channel();
                channel = ch;
                boundPort = ((InetSocketAddress) ch.localAddress()).getPort();
                started.complete(this);
            } else {
                started.completeExceptionally(f.cause() instanceof BindException
                        ? new AddressAlreadyInUseException(
                                WcfText.HttpRegistrationAlreadyExists.format(uri), f.cause())
                        : new CommunicationException(
                                "Cannot listen at " + uri + ": " + f.cause().getMessage(), f.cause()));
            }
        });
        return started;
    }

    /** Wildcard host matching listens on every interface; exact matching on the host's own address. */
    private InetSocketAddress bindAddress(int port) {
        boolean exact = routes.stream().anyMatch(HttpReplyChannelListener::exactHostMatch);
        return exact ? new InetSocketAddress(uri.getHost(), port) : new InetSocketAddress(port);
    }

    int port() {
        return boundPort;
    }

    private int maxContentLength() {
        long max = 0;
        for (HttpReplyChannelListener<?> l : routes) {
            max = Math.max(max, l.maxReceivedMessageSize());
        }
        return (int) Math.min(Math.max(max, 1), Integer.MAX_VALUE);
    }

    /** The longest {@code receiveTimeout} of its listeners: a request is not cut short for any of them. */
    private Duration requestReadTimeout() {
        Duration max = Duration.ZERO;
        for (HttpReplyChannelListener<?> l : routes) {
            if (l.requestReadTimeout().compareTo(max) > 0) {
                max = l.requestReadTimeout();
            }
        }
        return max;
    }

    /** Whether a listener of this server already listens at {@code listener}'s path with the same host matching. */
    boolean owns(HttpReplyChannelListener<?> listener) {
        return routes.stream().anyMatch(l -> l.path().equals(listener.path())
                && l.hostNameComparisonMode() == listener.hostNameComparisonMode()
                && (!l.exactHostMatch() || l.uri().getHost().equalsIgnoreCase(listener.uri().getHost())));
    }

    void add(HttpReplyChannelListener<?> listener) {
        routes.add(listener);
    }

    /** Whether any of its listeners streams requests (else no request needs to be routed before aggregation). */
    boolean streamsRequests() {
        return routes.stream().anyMatch(l -> l.transferMode().streamsRequests());
    }

    void remove(HttpReplyChannelListener<?> listener) {
        routes.remove(listener);
        if (routes.isEmpty()) {
            registry.stopped(this);
            Channel ch = channel;
            if (ch != null) {
                ch.close();
            }
        }
    }

    /**
     * The listener for a request path and host (as http.sys matches URL prefixes): the longest matching path,
     * case-insensitive; at equal length an {@code Exact} host match beats {@code StrongWildcard}, which beats
     * {@code WeakWildcard}.
     */
    Optional<HttpReplyChannelListener<?>> route(String path, String host) {
        String p = path.toLowerCase(Locale.ROOT);
        return routes.stream()
                .filter(l -> l.matches(p, host))
                .max(Comparator.<HttpReplyChannelListener<?>>comparingInt(l -> l.path().length())
                        .thenComparingInt(l -> precedence(l.hostNameComparisonMode())));
    }

    private static int precedence(HostNameComparisonMode mode) {
        switch (mode) {
            case Exact:
                return 2;
            case StrongWildcard:
                return 1;
            default:
                return 0;
        }
    }
}

package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Keep-alive connections of one channel factory, pooled per origin (scheme, host, port) and bounded per origin, as
 * .NET's {@code ServicePoint} pools them. Connections have TCP_NODELAY; HTTPS verifies the server's host name.
 *
 * <p>Whether an origin is reached through an HTTP proxy ({@link HttpProxyChoice}) is decided when its pool is made: its
 * connections then go to the proxy, plain requests with the absolute URI as their target (RFC 9112 §3.2.2), HTTPS
 * through a {@code CONNECT} tunnel ({@link HttpConnectTunnel}). Thread-safe.
 *
 * <p>An origin's connections are split into one pool per event loop, each pool's connections registered on its loop,
 * so acquiring and releasing a connection run on the thread its I/O runs on: a request from an event loop (a reliable
 * session's acknowledgement or retransmission, a reply sent from a pipeline) never leaves it, and a request from an
 * application thread hops once, to the connection's loop, not to a pool's loop and then a connection's. An application
 * thread keeps to one loop (chosen by its thread id), so its keep-alive connections are reused.
 */
final class HttpConnectionPool implements AutoCloseable {
    /** Connections per origin, beyond which requests wait for a free connection. */
    static final int MAX_CONNECTIONS_PER_ORIGIN = 256;

    private final NettyResources resources;
    private final HttpClientSettings settings;
    private final TextMessageEncoder encoder;
    private final Map<String, OriginPool> pools = new ConcurrentHashMap<>();
    private volatile SslContext ssl;

    /** {@code encoder}: how streamed responses are read. */
    HttpConnectionPool(NettyResources resources, HttpClientSettings settings, TextMessageEncoder encoder) {
        this.resources = resources;
        this.settings = settings;
        this.encoder = encoder;
    }

    /**
     * Sends {@code request} to {@code via} on a pooled connection; the exchange's future completes with the response.
     * A request that is not a {@code FullHttpRequest} is only its head: the caller writes its body once the exchange
     * is {@linkplain HttpExchange#sent() sent}. {@code idleRead}: how long a streamed response may be silent
     * ({@code null}: unbounded).
     */
    HttpExchange send(URI via, HttpRequest request, IdleReadTimeout idleRead) {
        OriginPool origin;
        try {
            origin = pools.computeIfAbsent(origin(via), o -> newPool(via));
        } catch (RuntimeException e) {
            ReferenceCountUtil.release(request);
            HttpExchange failed = new HttpExchange(via, null, settings.keepAliveEnabled());
            failed.failed(e);
            return failed;
        }
        if (origin.forwardsRequests()) {
            request.setUri(via.getScheme() + "://" + via.getRawAuthority() + request.uri());
            if (settings.proxyAuthorization() != null) {
                try {
                    String authorization = settings.proxyAuthorization().authorization(
                            origin.proxy().orElseThrow().getHostString(), request.method().name(), request.uri());
                    if (authorization == null) {
                        request.headers().remove(HttpHeaderNames.PROXY_AUTHORIZATION);
                    } else {
                        request.headers().set(HttpHeaderNames.PROXY_AUTHORIZATION, authorization);
                    }
                } catch (RuntimeException e) {
                    ReferenceCountUtil.release(request);
                    HttpExchange failed = new HttpExchange(via, null, settings.keepAliveEnabled());
                    failed.failed(e);
                    return failed;
                }
            }
        }
        FixedChannelPool pool = origin.connectionsForThisThread();
        HttpExchange exchange = new HttpExchange(via, pool, settings.keepAliveEnabled());
        exchange.idleRead(idleRead);
        if (!(request instanceof FullHttpRequest)) {
            exchange.requestBodyStarted();
        }
        pool.acquire().addListener(acquired -> {
            if (!acquired.isSuccess()) {
                ReferenceCountUtil.release(request);
                origin.proxy().ifPresent(proxy -> connectFailed(via, proxy, acquired.cause()));
                exchange.failed(connectFailure(via, acquired.cause()));
                return;
            }
            exchange.send((Channel) acquired.getNow(), request, settings.maxReceivedMessageSize());
        });
        return exchange;
    }

    private static Throwable connectFailure(URI via, Throwable cause) {
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof UnresolvedAddressException
                || cause instanceof ConnectTimeoutException) {
            return new EndpointNotFoundException(WcfText.EndpointNotFound.format(via), cause);
        }
        return new CommunicationException(WcfText.HttpSendFailure.format(via), cause);
    }

    private void connectFailed(URI via, InetSocketAddress proxy, Throwable cause) {
        settings.proxy().connectFailed(via, proxy,
                cause instanceof IOException ? (IOException) cause : new IOException(cause));
    }

    private OriginPool newPool(URI via) {
        boolean https = via.getScheme().equalsIgnoreCase("https");
        String host = via.getHost();
        int port = via.getPort() >= 0 ? via.getPort() : https ? 443 : 80;
        Optional<InetSocketAddress> proxy = settings.proxy().proxyFor(via);
        // resolved here, on the caller's thread; through a proxy the server's name is the proxy's to resolve
        InetSocketAddress remote = proxy.map(p -> new InetSocketAddress(p.getHostString(), p.getPort()))
                .orElseGet(() -> new InetSocketAddress(host, port));
        Bootstrap b = new Bootstrap()
                .group(resources.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMillis())
                .remoteAddress(remote);
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor e : resources.group()) {
            loops.add((EventLoop) e);
        }
        int perLoop = Math.max(1, (MAX_CONNECTIONS_PER_ORIGIN + loops.size() - 1) / loops.size());
        FixedChannelPool[] connections = new FixedChannelPool[loops.size()];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = newLoopPool(b.clone(loops.get(i)), https, host, port, proxy, perLoop);
        }
        return new OriginPool(List.copyOf(loops), List.of(connections), proxy, proxy.isPresent() && !https);
    }

    private FixedChannelPool newLoopPool(Bootstrap b, boolean https, String host, int port,
            Optional<InetSocketAddress> proxy, int maxConnections) {
        return new FixedChannelPool(b, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                if (https && proxy.isPresent()) {
                    HttpProxyCredentials credentials = settings.proxyAuthorization();
                    String proxyHost = proxy.get().getHostString();
                    ch.pipeline().addLast(new HttpConnectTunnel(host, port, credentials == null ? null
                            : credentials.authorization(proxyHost, "CONNECT", HttpConnectTunnel.authority(host, port)),
                            credentials, proxyHost));
                }
                if (https) {
                    SSLEngine engine = clientSsl().newEngine(ch.alloc(), host, port);
                    SSLParameters params = engine.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    engine.setSSLParameters(params);
                    ch.pipeline().addLast(new SslHandler(engine));
                }
                ch.pipeline().addLast(new HttpClientCodec(HttpEndpointServer.MAX_INITIAL_LINE,
                        HttpEndpointServer.MAX_HEADER_SIZE, 65536));
                if (settings.transferMode().streamsResponses()) {
                    ch.pipeline().addLast(new StreamedResponseHandler(encoder, settings));
                }
                ch.pipeline().addLast(new HttpObjectAggregator(
                        (int) Math.min(settings.maxReceivedMessageSize(), Integer.MAX_VALUE)));
                ch.pipeline().addLast(new HttpClientHandler(settings.maxReceivedMessageSize()));
            }
        }, ChannelHealthChecker.ACTIVE, null, -1, maxConnections, Integer.MAX_VALUE, true, true);
    }

    /**
     * The connections to one origin, a pool per event loop.
     *
     * @param loops            the event loops, in the order of {@code connections}
     * @param connections      the pool of each loop's connections
     * @param proxy            the HTTP proxy they go to, if any
     * @param forwardsRequests whether requests are sent to the proxy with their absolute URI (plain HTTP through a
     *                         proxy; HTTPS tunnels)
     */
    private record OriginPool(List<EventLoop> loops, List<FixedChannelPool> connections,
            Optional<InetSocketAddress> proxy, boolean forwardsRequests) {

        /** The calling event loop's pool; an application thread's, by its id, so it keeps to one loop. */
        FixedChannelPool connectionsForThisThread() {
            for (int i = 0; i < loops.size(); i++) {
                if (loops.get(i).inEventLoop()) {
                    return connections.get(i);
                }
            }
            return connections.get((int) Math.floorMod(Thread.currentThread().getId(), (long) connections.size()));
        }

        void close() {
            connections.forEach(FixedChannelPool::close);
        }
    }

    private SslContext clientSsl() {
        SslContext s = ssl;
        if (s == null) {
            synchronized (this) {
                if (ssl == null) {
                    ssl = (settings.tls() != null ? settings.tls() : TlsSettings.jdkDefaults())
                            .clientContext(settings.serverCheck());
                }
                s = ssl;
            }
        }
        return s;
    }

    private static String origin(URI via) {
        return via.getScheme().toLowerCase(Locale.ROOT) + "://" + via.getHost() + ":" + via.getPort();
    }

    @Override
    public void close() {
        pools.values().forEach(OriginPool::close);
        pools.clear();
    }
}

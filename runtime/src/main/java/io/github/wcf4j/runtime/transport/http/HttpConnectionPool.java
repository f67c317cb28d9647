package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
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
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
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
                    request.headers().set(HttpHeaderNames.PROXY_AUTHORIZATION,
                            settings.proxyAuthorization().apply(origin.proxy().orElseThrow().getHostString()));
                } catch (RuntimeException e) {
                    ReferenceCountUtil.release(request);
                    HttpExchange failed = new HttpExchange(via, null, settings.keepAliveEnabled());
                    failed.failed(e);
                    return failed;
                }
            }
        }
        FixedChannelPool pool = origin.connections();
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
        FixedChannelPool connections = new FixedChannelPool(b, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                if (https && proxy.isPresent()) {
                    ch.pipeline().addLast(new HttpConnectTunnel(host, port, settings.proxyAuthorization() == null
                            ? null : settings.proxyAuthorization().apply(proxy.get().getHostString())));
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
        }, ChannelHealthChecker.ACTIVE, null, -1, MAX_CONNECTIONS_PER_ORIGIN, Integer.MAX_VALUE, true, true);
        return new OriginPool(connections, proxy, proxy.isPresent() && !https);
    }

    /**
     * The connections to one origin.
     *
     * @param proxy            the HTTP proxy they go to, if any
     * @param forwardsRequests whether requests are sent to the proxy with their absolute URI (plain HTTP through a
     *                         proxy; HTTPS tunnels)
     */
    private record OriginPool(FixedChannelPool connections, Optional<InetSocketAddress> proxy,
            boolean forwardsRequests) {
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
        pools.values().forEach(p -> p.connections().close());
        pools.clear();
    }
}

package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Keep-alive connections of one channel factory, pooled per origin (scheme, host, port) and bounded per origin, as
 * .NET's {@code ServicePoint} pools them. Connections have TCP_NODELAY; HTTPS verifies the server's host name.
 * Thread-safe.
 */
final class HttpConnectionPool implements AutoCloseable {
    /** Connections per origin, beyond which requests wait for a free connection. */
    static final int MAX_CONNECTIONS_PER_ORIGIN = 256;

    private final NettyResources resources;
    private final HttpClientSettings settings;
    private final Map<String, FixedChannelPool> pools = new ConcurrentHashMap<>();
    private volatile SslContext ssl;

    HttpConnectionPool(NettyResources resources, HttpClientSettings settings) {
        this.resources = resources;
        this.settings = settings;
    }

    /** Sends {@code request} to {@code via} on a pooled connection; the exchange's future completes with the response. */
    HttpExchange send(URI via, FullHttpRequest request) {
        FixedChannelPool pool = pools.computeIfAbsent(origin(via), o -> newPool(via));
        HttpExchange exchange = new HttpExchange(via, pool, settings.keepAliveEnabled());
        pool.acquire().addListener(acquired -> {
            if (!acquired.isSuccess()) {
                request.release();
                exchange.failed(connectFailure(via, acquired.cause()));
                return;
            }
            Channel c = (Channel) acquired.getNow();
            if (!exchange.attach(c)) {
                request.release();
                return;
            }
            c.writeAndFlush(request).addListener(written -> {
                if (!written.isSuccess()) {
                    exchange.failed(HttpClientHandler.isTlsHandshakeFailure(written.cause())
                            ? new SecurityNegotiationException(
                                    WcfText.TrustFailure.format(via.getAuthority()), written.cause())
                            : new CommunicationException(WcfText.HttpSendFailure.format(via), written.cause()));
                }
            });
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

    private FixedChannelPool newPool(URI via) {
        boolean https = via.getScheme().equalsIgnoreCase("https");
        String host = via.getHost();
        int port = via.getPort() >= 0 ? via.getPort() : https ? 443 : 80;
        Bootstrap b = new Bootstrap()
                .group(resources.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMillis())
                .remoteAddress(new InetSocketAddress(host, port)); // resolved here, on the caller's thread
        return new FixedChannelPool(b, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                if (https) {
                    SSLEngine engine = clientSsl().newEngine(ch.alloc(), host, port);
                    SSLParameters params = engine.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    engine.setSSLParameters(params);
                    ch.pipeline().addLast(new SslHandler(engine));
                }
                ch.pipeline().addLast(new HttpClientCodec(HttpEndpointServer.MAX_INITIAL_LINE,
                        HttpEndpointServer.MAX_HEADER_SIZE, 65536));
                ch.pipeline().addLast(new HttpObjectAggregator(
                        (int) Math.min(settings.maxReceivedMessageSize(), Integer.MAX_VALUE)));
                ch.pipeline().addLast(new HttpClientHandler(settings.maxReceivedMessageSize()));
            }
        }, ChannelHealthChecker.ACTIVE, null, -1, MAX_CONNECTIONS_PER_ORIGIN, Integer.MAX_VALUE, true, true);
    }

    private SslContext clientSsl() {
        SslContext s = ssl;
        if (s == null) {
            synchronized (this) {
                if (ssl == null) {
                    ssl = (settings.tls() != null ? settings.tls() : TlsSettings.jdkDefaults()).clientContext();
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
        pools.values().forEach(FixedChannelPool::close);
        pools.clear();
    }
}

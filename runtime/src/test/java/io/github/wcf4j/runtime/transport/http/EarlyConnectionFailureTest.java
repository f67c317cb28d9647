package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.channel.CommunicationException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A pooled connection that ends before an exchange holds it: the pool hands a new connection over on another event
 * loop than the connection's own, and a proxy that refuses the {@code CONNECT} may have answered by then. The exchange
 * that gets the connection afterwards must end with the proxy's status, as it does when it held the connection first
 * ({@code HttpProxyTest}, where the order depends on thread scheduling; here it is fixed).
 */
class EarlyConnectionFailureTest {
    private static final long MAX = 65536;
    private static final URI VIA = URI.create("https://wcf4j-service.test:1/svc/");

    /** The pipeline {@link HttpConnectionPool} builds for HTTPS through a proxy, without TLS (never reached here). */
    private static EmbeddedChannel tunnelledConnection() {
        return new EmbeddedChannel(new HttpConnectTunnel(VIA.getHost(), VIA.getPort()), new HttpClientCodec(),
                new HttpObjectAggregator((int) MAX), new HttpClientHandler(MAX));
    }

    private static String written(EmbeddedChannel c) {
        ByteBuf out = c.readOutbound();
        try {
            return out.toString(StandardCharsets.US_ASCII);
        } finally {
            out.release();
        }
    }

    private static void proxyAnswers(EmbeddedChannel c, String head) {
        c.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII));
    }

    private static DefaultFullHttpRequest request() {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, VIA.getRawPath());
    }

    @Test
    void anExchangeThatGetsTheConnectionAfterTheProxyRefusedTheTunnelEndsWithTheProxysStatus() {
        EmbeddedChannel c = tunnelledConnection();
        assertEquals("CONNECT wcf4j-service.test:1 HTTP/1.1\r\nHost: wcf4j-service.test:1\r\n\r\n", written(c));
        proxyAnswers(c, "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n");
        assertFalse(c.isOpen(), "the refused connection is closed before any exchange holds it");

        HttpExchange exchange = new HttpExchange(VIA, new GivenBack(), true);
        exchange.send(c, request(), MAX);
        c.runPendingTasks();

        HttpResponseData response = exchange.result().getNow(null);
        assertEquals(407, response.status());
        assertEquals("Proxy Authentication Required", response.reason());
    }

    @Test
    void anExchangeThatHeldTheConnectionWhenTheProxyRefusedEndsTheSameWay() {
        EmbeddedChannel c = tunnelledConnection();
        written(c);
        HttpExchange exchange = new HttpExchange(VIA, new GivenBack(), true);
        exchange.send(c, request(), MAX);
        proxyAnswers(c, "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n");

        HttpResponseData response = exchange.result().getNow(null);
        assertEquals(407, response.status());
        assertEquals("Proxy Authentication Required", response.reason());
    }

    @Test
    void aConnectionThatClosedBeforeItsExchangeGotItFailsTheSendAsBefore() {
        EmbeddedChannel c = tunnelledConnection();
        written(c);
        c.close();
        HttpExchange exchange = new HttpExchange(VIA, new GivenBack(), true);
        exchange.send(c, request(), MAX);
        c.runPendingTasks();

        Throwable e = assertThrows(CompletionException.class, () -> exchange.result().join()).getCause();
        assertEquals(CommunicationException.class, e.getClass());
        assertTrue(e.getMessage().startsWith("An error occurred while making the HTTP request to " + VIA),
                e.getMessage());
    }

    /** The pool side of an exchange: a connection given back is simply released. */
    private static final class GivenBack implements ChannelPool {
        @Override
        public Future<Channel> acquire() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Channel> acquire(Promise<Channel> promise) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> release(Channel channel) {
            return channel.eventLoop().newSucceededFuture(null);
        }

        @Override
        public Future<Void> release(Channel channel, Promise<Void> promise) {
            return promise.setSuccess(null);
        }

        @Override
        public void close() {
        }
    }
}

package io.github.wcf4j.runtime.transport.http;

import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One request/response exchange on a pooled connection. It ends exactly once: with the response (the connection goes
 * back to the pool, or is closed when either side asked for {@code Connection: close}), or with a failure or timeout
 * (the connection is closed, since a late response would otherwise be read by the next exchange).
 */
final class HttpExchange {
    private final URI via;
    private final ChannelPool pool;
    private final boolean keepAliveEnabled;
    private final CompletableFuture<HttpResponseData> result = new CompletableFuture<>();
    private boolean ended;
    private Channel connection;

    HttpExchange(URI via, ChannelPool pool, boolean keepAliveEnabled) {
        this.via = via;
        this.pool = pool;
        this.keepAliveEnabled = keepAliveEnabled;
    }

    URI via() {
        return via;
    }

    CompletableFuture<HttpResponseData> result() {
        return result;
    }

    /** The exchange now owns {@code c}; returns {@code false} (and gives the connection back) if it already ended. */
    private boolean attach(Channel c) {
        synchronized (this) {
            if (!ended) {
                connection = c;
                c.attr(HttpClientHandler.EXCHANGE).set(this);
                return true;
            }
        }
        pool.release(c);
        return false;
    }

    /**
     * Sends {@code request} on {@code c}, which this exchange then owns (unless it already ended). The connection may
     * have ended before it got here: where the peer speaks first (a proxy answering {@code CONNECT}, a server in the
     * TLS handshake), its answer can be read on the connection's event loop before the pool hands the connection over
     * on another; the exchange then ends with what ended the connection ({@link HttpClientHandler#sendFailed}).
     */
    void send(Channel c, FullHttpRequest request, long maxReceivedMessageSize) {
        if (!attach(c)) {
            request.release();
            return;
        }
        c.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                HttpClientHandler.sendFailed(this, c, written.cause(), maxReceivedMessageSize);
            }
        });
    }

    void completed(HttpResponseData response, boolean responseKeepAlive) {
        Channel c;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            c = connection;
        }
        if (c != null) {
            if (!(keepAliveEnabled && responseKeepAlive)) {
                c.close();
            }
            pool.release(c);
        }
        result.complete(response);
    }

    void failed(Throwable cause) {
        Channel c;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            c = connection;
        }
        if (c != null) {
            c.attr(HttpClientHandler.EXCHANGE).set(null);
            c.close();
            pool.release(c);
        }
        result.completeExceptionally(cause);
    }
}

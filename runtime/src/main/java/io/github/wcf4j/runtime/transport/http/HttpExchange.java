package io.github.wcf4j.runtime.transport.http;

import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One request/response exchange on a pooled connection. It ends exactly once: with the response (the connection goes
 * back to the pool, or is closed when either side asked for {@code Connection: close}), or with a failure or timeout
 * (the connection is closed, since a late response would otherwise be read by the next exchange).
 *
 * <p>Streamed transfer: a request whose body is written as it is sent keeps its connection until the body is out
 * ({@link #requestBodyStarted}, {@link #requestBodyEnded}; a response that comes first closes the connection, which
 * stops the writer); a streamed response completes the exchange at its head ({@link #headArrived}) and keeps the
 * connection until its body has been read ({@link #bodyEnded}).
 */
final class HttpExchange {
    private final URI via;
    private final ChannelPool pool;
    private final boolean keepAliveEnabled;
    private final CompletableFuture<HttpResponseData> result = new CompletableFuture<>();
    private final CompletableFuture<Channel> sent = new CompletableFuture<>();
    private boolean ended;
    private boolean requestBodyPending;
    private Channel connection;
    private volatile IdleReadTimeout idleRead;

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

    /** How long a streamed response may be silent once its head has arrived ({@code null}: unbounded). */
    IdleReadTimeout idleRead() {
        return idleRead;
    }

    void idleRead(IdleReadTimeout bound) {
        idleRead = bound;
    }

    /** Completes with the connection once the request (or, streamed, its head) has been written. */
    CompletableFuture<Channel> sent() {
        return sent;
    }

    void requestWritten(Channel c) {
        sent.complete(c);
    }

    /** The request's body is being written on the connection: it is not reused before {@link #requestBodyEnded}. */
    synchronized void requestBodyStarted() {
        requestBodyPending = true;
    }

    synchronized void requestBodyEnded() {
        requestBodyPending = false;
    }

    /** A streamed response's head: the exchange completes, the connection stays until {@link #bodyEnded}. */
    void headArrived(HttpResponseData response) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        result.complete(response);
    }

    /** A streamed response's body ended ({@code reusable}: completely, on a connection both sides keep alive). */
    void bodyEnded(boolean reusable) {
        giveBack(reusable);
    }

    /** The connection goes back to the pool (closed unless it may be reused), once. */
    private void giveBack(boolean reusable) {
        Channel c;
        boolean keep;
        synchronized (this) {
            c = connection;
            connection = null;
            keep = keepAliveEnabled && reusable && !requestBodyPending;
        }
        if (c != null) {
            if (!keep) {
                c.close();
            }
            pool.release(c);
        }
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
    void send(Channel c, HttpRequest request, long maxReceivedMessageSize) {
        if (!attach(c)) {
            ReferenceCountUtil.release(request);
            return;
        }
        c.writeAndFlush(request).addListener(written -> {
            if (written.isSuccess()) {
                requestWritten(c);
            } else {
                HttpClientHandler.sendFailed(this, c, written.cause(), maxReceivedMessageSize);
            }
        });
    }

    void completed(HttpResponseData response, boolean responseKeepAlive) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        giveBack(responseKeepAlive);
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
        }
        giveBack(false);
        sent.completeExceptionally(cause);
        result.completeExceptionally(cause);
    }
}

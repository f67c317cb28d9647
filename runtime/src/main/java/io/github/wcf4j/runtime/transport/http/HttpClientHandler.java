package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AttributeKey;
import javax.net.ssl.SSLHandshakeException;

/**
 * The last handler of a pooled client connection: completes the exchange waiting on the connection with the response,
 * or fails it when the connection breaks or the response exceeds {@code maxReceivedMessageSize}. At most one exchange
 * is outstanding per connection (no pipelining), held in a channel attribute.
 *
 * <p>A connection can fail before any exchange holds it: the pool hands a new connection over on another event loop
 * than the connection's own, and meanwhile the peer may already have spoken (a proxy refusing the {@code CONNECT}, a
 * server failing the TLS handshake). That failure is kept on the connection ({@link #FAILURE}), and the exchange that
 * then gets the connection ends with it, exactly as if it had held the connection all along.
 */
final class HttpClientHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    static final AttributeKey<HttpExchange> EXCHANGE = AttributeKey.valueOf("wcf4j.http.exchange");
    /** What ended the connection while no exchange held it. */
    static final AttributeKey<Throwable> FAILURE = AttributeKey.valueOf("wcf4j.http.failure");

    private final long maxReceivedMessageSize;

    HttpClientHandler(long maxReceivedMessageSize) {
        this.maxReceivedMessageSize = maxReceivedMessageSize;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        HttpExchange exchange = ctx.channel().attr(EXCHANGE).getAndSet(null);
        if (exchange == null) {
            ctx.close();
            return;
        }
        byte[] body = ByteBufUtil.getBytes(response.content());
        boolean keepAlive = HttpUtil.isKeepAlive(response);
        exchange.completed(new HttpResponseData(response.status().code(), response.status().reasonPhrase(),
                response.headers().get(HttpHeaderNames.CONTENT_TYPE),
                response.headers().getAll(HttpHeaderNames.SET_COOKIE), body, null,
                HttpResponseData.challenge(response)), keepAlive);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        HttpExchange exchange = ctx.channel().attr(EXCHANGE).getAndSet(null);
        if (exchange != null) {
            Throwable failure = ctx.channel().attr(FAILURE).get();
            if (failure != null) {
                end(exchange, failure, maxReceivedMessageSize);
            } else {
                exchange.failed(new CommunicationException(WcfText.HttpReceiveFailure.format(exchange.via())));
            }
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        HttpExchange exchange = ctx.channel().attr(EXCHANGE).getAndSet(null);
        if (exchange != null) {
            end(exchange, cause, maxReceivedMessageSize);
        } else {
            ctx.channel().attr(FAILURE).setIfAbsent(cause);
        }
        ctx.close();
    }

    /** Ends {@code exchange} for a connection that failed with {@code cause}, as WCF reports that failure. */
    private static void end(HttpExchange exchange, Throwable cause, long maxReceivedMessageSize) {
        if (cause instanceof HttpConnectTunnel.Refused) {
            exchange.completed(((HttpConnectTunnel.Refused) cause).asResponse(), false);
        } else if (cause instanceof TooLongFrameException) {
            exchange.failed(new QuotaExceededException(
                    WcfText.MaxReceivedMessageSizeExceeded.format(maxReceivedMessageSize)));
        } else if (isTlsHandshakeFailure(cause)) {
            exchange.failed(trustFailure(exchange, cause));
        } else {
            exchange.failed(new CommunicationException(WcfText.HttpReceiveFailure.format(exchange.via()), cause));
        }
    }

    /**
     * Ends {@code exchange}, whose request could not be written on {@code c}: with what ended the connection before
     * the exchange held it, if something did, else as a failed send.
     */
    static void sendFailed(HttpExchange exchange, Channel c, Throwable cause, long maxReceivedMessageSize) {
        Throwable failure = c.attr(FAILURE).get();
        if (failure != null) {
            end(exchange, failure, maxReceivedMessageSize);
        } else if (isTlsHandshakeFailure(cause)) {
            exchange.failed(trustFailure(exchange, cause));
        } else {
            exchange.failed(new CommunicationException(WcfText.HttpSendFailure.format(exchange.via()), cause));
        }
    }

    private static SecurityNegotiationException trustFailure(HttpExchange exchange, Throwable cause) {
        return new SecurityNegotiationException(WcfText.TrustFailure.format(exchange.via().getAuthority()), cause);
    }

    static boolean isTlsHandshakeFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }
}

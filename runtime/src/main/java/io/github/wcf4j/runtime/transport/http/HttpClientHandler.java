package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.netty.buffer.ByteBufUtil;
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
 */
final class HttpClientHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    static final AttributeKey<HttpExchange> EXCHANGE = AttributeKey.valueOf("wcf4j.http.exchange");

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
                response.headers().getAll(HttpHeaderNames.SET_COOKIE), body), keepAlive);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        HttpExchange exchange = ctx.channel().attr(EXCHANGE).getAndSet(null);
        if (exchange != null) {
            exchange.failed(new CommunicationException(WcfText.HttpReceiveFailure.format(exchange.via())));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        HttpExchange exchange = ctx.channel().attr(EXCHANGE).getAndSet(null);
        if (exchange != null) {
            if (cause instanceof HttpConnectTunnel.Refused) {
                exchange.completed(((HttpConnectTunnel.Refused) cause).asResponse(), false);
            } else if (cause instanceof TooLongFrameException) {
                exchange.failed(new QuotaExceededException(
                        WcfText.MaxReceivedMessageSizeExceeded.format(maxReceivedMessageSize)));
            } else if (isTlsHandshakeFailure(cause)) {
                exchange.failed(new SecurityNegotiationException(WcfText.TrustFailure.format(
                        exchange.via().getAuthority()), cause));
            } else {
                exchange.failed(new CommunicationException(WcfText.HttpReceiveFailure.format(exchange.via()), cause));
            }
        }
        ctx.close();
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

package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Reads the responses of a client that streams them (transfer mode {@code Streamed}, {@code StreamedResponse}) before
 * they are aggregated: a 200 or 500 with a content type the encoder reads completes its exchange as soon as the
 * envelope's headers have arrived, the body following as the service sends it ({@link StreamedReceive}); the
 * connection goes back to the pool when the body has ended. Other responses (202, errors, other content types) go on
 * to the aggregator and {@link HttpClientHandler} as in buffered mode. Past {@code maxReceivedMessageSize} the reader
 * fails with WCF's quota text and the connection is closed. Runs on the connection's event loop.
 */
final class StreamedResponseHandler extends ChannelInboundHandlerAdapter {
    private final TextMessageEncoder encoder;
    private final HttpClientSettings settings;
    private StreamedReceive current;
    private HttpExchange exchange;
    private boolean keepAlive;

    StreamedResponseHandler(TextMessageEncoder encoder, HttpClientSettings settings) {
        this.encoder = encoder;
        this.settings = settings;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (current != null && msg instanceof HttpContent content) {
            boolean last = msg instanceof LastHttpContent;
            if (current.content(content)) {
                boolean complete = last && !current.body().map(InboundBody::failed).orElse(false);
                current = null;
                exchange.bodyEnded(complete && keepAlive);
                exchange = null;
            }
            return;
        }
        if (msg instanceof HttpResponse response && !(msg instanceof FullHttpResponse) && streams(response)) {
            HttpExchange claimed = ctx.channel().attr(HttpClientHandler.EXCHANGE).getAndSet(null);
            if (claimed != null) {
                start(ctx, response, claimed);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private boolean streams(HttpResponse response) {
        int status = response.status().code();
        String contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return (status == 200 || status == 500) && contentType != null && encoder.accepts(contentType)
                && HttpUtil.getContentLength(response, -1L) != 0;
    }

    private void start(ChannelHandlerContext ctx, HttpResponse response, HttpExchange claimed) {
        exchange = claimed;
        keepAlive = HttpUtil.isKeepAlive(response);
        String contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        current = new StreamedReceive(ctx.channel(), encoder, contentType, settings.maxBufferSize(),
                settings.maxReceivedMessageSize(), settings.tap(), claimed.idleRead(),
                message -> claimed.headArrived(new HttpResponseData(response.status().code(),
                        response.status().reasonPhrase(), contentType,
                        response.headers().getAll(HttpHeaderNames.SET_COOKIE), new byte[0], message,
                        HttpResponseData.challenge(response))),
                claimed::failed);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {
            current.connectionLost(new CommunicationException(WcfText.HttpReceiveFailure.format(exchange.via())));
            current = null;
            exchange.bodyEnded(false);
        }
        super.channelInactive(ctx);
    }
}

package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the SOAP requests of listeners that stream requests (transfer mode {@code Streamed}, {@code StreamedRequest})
 * before they are aggregated: a POST to such a listener with a content type its encoder reads is delivered as soon as
 * its envelope's headers have arrived, its body following as the client sends it ({@link StreamedReceive}). Everything
 * else (other listeners, other methods, requests the listener refuses: 415, 413 on a declared length past the limit)
 * goes on to the aggregator and {@link HttpServerHandler}, which answer as for a buffered listener.
 *
 * <p>While a request streams the connection reads on (paced by the reader: {@link InboundBody}); after its end it
 * reads the next request only once this one is answered, as for buffered requests. Runs on the connection's event
 * loop; one per connection.
 */
final class StreamedRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedRequestHandler.class);

    /** What reading a request whose connection closed before its end fails with. */
    static final String CONNECTION_LOST = "The connection was closed before the whole request had been received.";

    private final HttpEndpointServer server;
    private StreamedReceive current;
    private HttpReplyContext context;
    /** The caller the request being started authenticated as (the listener authenticates), else {@code null}. */
    private HttpAuthentication.Caller caller;

    StreamedRequestHandler(HttpEndpointServer server) {
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (current != null && msg instanceof HttpContent content) {
            boolean last = msg instanceof LastHttpContent;
            current.content(content);
            if (last) {
                current = null;
                HttpReplyContext answered = context;
                context = null;
                if (answered != null && !answered.written()) {
                    ctx.channel().config().setAutoRead(false);
                }
            }
            return;
        }
        if (msg instanceof HttpRequest request && streams(request)) {
            start(ctx, request);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private boolean streams(HttpRequest request) {
        if (!HttpMethod.POST.equals(request.method()) || !request.decoderResult().isSuccess()
                || !server.streamsRequests()) {
            return false;
        }
        Optional<HttpReplyChannelListener<?>> route = route(request);
        if (route.isEmpty() || !route.get().transferMode().streamsRequests()) {
            return false;
        }
        HttpReplyChannelListener<?> listener = route.get();
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (!((listener.getHandler() == null || listener.getHandler().acceptsPost())
                && contentType != null && !contentType.isBlank() && listener.encoder().accepts(contentType)
                && HttpUtil.getContentLength(request, -1L) <= listener.maxReceivedMessageSize())) {
            return false;
        }
        caller = null;
        if (listener.authentication() != null) {
            // last, and once: a Negotiate token is accepted once (the replay cache refuses it a second time)
            caller = listener.authentication().authenticate(request.headers().get(HttpHeaderNames.AUTHORIZATION),
                    request.method().name(), request.uri()).orElse(null);
            return caller != null; // else aggregated, and answered 401 there
        }
        return true;
    }

    private Optional<HttpReplyChannelListener<?>> route(HttpRequest request) {
        return server.route(new QueryStringDecoder(request.uri()).path(), HttpServerHandler.hostOf(request));
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request) {
        HttpReplyChannelListener<?> listener = route(request).orElseThrow();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && listener.keepAliveEnabled();
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (HttpUtil.is100ContinueExpected(request)) {
            // .NET's HttpWebRequest asks by default; the aggregator answers it for buffered requests
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        current = new StreamedReceive(ctx.channel(), listener.encoder(), contentType, listener.maxBufferSize(),
                listener.maxReceivedMessageSize(), listener.tap(), null,
                message -> deliver(ctx, request, listener, message, keepAlive),
                failure -> refuse(ctx, failure));
    }

    private void deliver(ChannelHandlerContext ctx, HttpRequest request, HttpReplyChannelListener<?> listener,
            Message message, boolean keepAlive) {
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        HttpServerHandler.applyHttpAction(message, request, contentType, listener);
        HttpAuthentication.Caller authenticated = caller;
        caller = null;
        if (authenticated != null) {
            message.properties().put(ServiceSecurityContext.class, authenticated.context());
        }
        InboundBody inbound = current.body().orElse(null);
        HttpReplyContext reply = new HttpReplyContext(ctx.channel(), message, listener.encoder(), keepAlive,
                listener.tap(), listener.transferMode().streamsResponses(), inbound,
                authenticated == null ? null : authenticated.authenticate());
        context = reply;
        if (inbound == null) {
            // read whole (a fault, or a message that ended before its headers could be read): as a buffered request
            ctx.channel().config().setAutoRead(false);
        }
        if (!listener.deliver(reply)) {
            if (inbound != null) {
                inbound.close();
            }
            ctx.channel().config().setAutoRead(true);
            HttpServerHandler.send(ctx, false, HttpServerHandler.emptyResponse(HttpResponseStatus.SERVICE_UNAVAILABLE));
        }
    }

    /** WCF answers a request it cannot read 400; the rest of it is not read (the connection closes). */
    private void refuse(ChannelHandlerContext ctx, RuntimeException failure) {
        LOG.debug("400 for a streamed request: {}", failure.getMessage());
        HttpServerHandler.send(ctx, false, HttpServerHandler.emptyResponse(HttpResponseStatus.BAD_REQUEST));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {
            current.connectionLost(new CommunicationException(CONNECTION_LOST));
        }
        super.channelInactive(ctx);
    }
}

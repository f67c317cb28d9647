package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.encoding.ContentType;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.transport.WireTap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one complete HTTP request into a SOAP message for the listener that owns its path, answering HTTP-level
 * problems itself as WCF's HTTP transport does: 405 for anything but POST, 404 for no listener, 415 (status description
 * {@code Cannot process the message because the content type …}) for a content type the encoder does not read, 413
 * past the listener's {@code maxReceivedMessageSize}, 400 for XML that is not a SOAP envelope. Runs on the connection's
 * event loop and never blocks: the decoded request is queued and the reply is written when the service gives it.
 */
final class HttpServerHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerHandler.class);

    private final HttpEndpointServer server;

    HttpServerHandler(HttpEndpointServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, false);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        Optional<HttpReplyChannelListener<?>> route = server.route(path, hostOf(request));
        // WCF sets every response's KeepAlive to its listener's keepAliveEnabled (HttpRequestContext.GetHttpOutput)
        boolean keepAlive = HttpUtil.isKeepAlive(request)
                && route.map(HttpReplyChannelListener::keepAliveEnabled).orElse(true);
        if (route.isPresent() && route.get().authentication() != null) {
            authenticateThenHandle(ctx, request, route.get(), keepAlive);
            return;
        }
        handle(ctx, request, route, keepAlive, Optional.empty());
    }

    /**
     * Authenticates the request on the listener's executor, off this event loop (a Kerberos ticket's decryption and
     * the replay cache, a user-name validator), the connection reading nothing meanwhile; then handles it here, or
     * answers 401 with the scheme's challenge.
     */
    private void authenticateThenHandle(ChannelHandlerContext ctx, FullHttpRequest request,
            HttpReplyChannelListener<?> listener, boolean keepAlive) {
        HttpAuthentication authentication = listener.authentication();
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        request.retain();
        ctx.channel().config().setAutoRead(false);
        try {
            listener.executor().execute(() -> {
                Optional<HttpAuthentication.Caller> caller;
                try {
                    caller = authentication.authenticate(authorization, request.method().name(), request.uri());
                } catch (RuntimeException e) {
                    LOG.debug("401: {}", e.getMessage());
                    caller = Optional.empty();
                }
                Optional<HttpAuthentication.Caller> authenticated = caller;
                ctx.executor().execute(() -> {
                    try {
                        ctx.channel().config().setAutoRead(true);
                        if (authenticated.isEmpty()) {
                            send(ctx, keepAlive, unauthorized(authentication, authorization));
                        } else {
                            handle(ctx, request, Optional.of(listener), keepAlive, authenticated);
                        }
                    } finally {
                        request.release();
                    }
                });
            });
        } catch (RejectedExecutionException closing) {
            request.release();
            ctx.close();
        }
    }

    /** The rest of a request, once it is authenticated ({@code caller}) or needs no authentication. */
    private void handle(ChannelHandlerContext ctx, FullHttpRequest request,
            Optional<HttpReplyChannelListener<?>> route, boolean keepAlive, Optional<HttpAuthentication.Caller> caller) {
        String path = new QueryStringDecoder(request.uri()).path();
        if (HttpMethod.GET.equals(request.method())) {
            get(ctx, request, route, keepAlive);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse r = emptyResponse(HttpResponseStatus.METHOD_NOT_ALLOWED);
            r.headers().set(HttpHeaderNames.ALLOW, "POST");
            send(ctx, keepAlive, r);
            return;
        }
        if (route.isEmpty()) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, keepAlive);
            return;
        }
        HttpReplyChannelListener<?> listener = route.get();
        if (listener.getHandler() != null && !listener.getHandler().acceptsPost()) {
            FullHttpResponse r = emptyResponse(HttpResponseStatus.METHOD_NOT_ALLOWED);
            r.headers().set(HttpHeaderNames.ALLOW, "GET");
            send(ctx, keepAlive, r);
            return;
        }
        ByteBuf body = request.content();
        if (body.readableBytes() > listener.maxReceivedMessageSize()) {
            LOG.debug("413 for {}: {}", path, WcfText.MaxReceivedMessageSizeExceeded.format(
                    listener.maxReceivedMessageSize()));
            respond(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, false);
            return;
        }
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            send(ctx, keepAlive, emptyResponse(new HttpResponseStatus(415, "Missing Content Type")));
            return;
        }
        if (!listener.encoder().accepts(contentType)) {
            String description = listener.encoder().unexpectedContentType(contentType);
            LOG.debug("415 for {}: {}", path, WcfText.ContentTypeMismatch.format(contentType,
                    listener.encoder().contentType()));
            send(ctx, keepAlive, emptyResponse(new HttpResponseStatus(415, reasonPhrase(description))));
            return;
        }
        Message message;
        byte[] bytes = ByteBufUtil.getBytes(body, body.readerIndex(), body.readableBytes(), false);
        try {
            if (listener.tap() != null) {
                listener.tap().record(WireTap.Direction.RECEIVED, bytes, contentType);
            }
            message = listener.encoder().read(bytes, contentType);
        } catch (QuotaExceededException e) {
            LOG.debug("400 for {}: {}", path, e.getMessage());
            malformed(listener, bytes, contentType);
            respond(ctx, HttpResponseStatus.BAD_REQUEST, false);
            return;
        } catch (RuntimeException e) {
            LOG.debug("400 for {}: {}", path, e.getMessage());
            malformed(listener, bytes, contentType);
            respond(ctx, HttpResponseStatus.BAD_REQUEST, keepAlive);
            return;
        }
        applyHttpAction(message, request, contentType, listener);
        caller.ifPresent(c -> message.properties().put(ServiceSecurityContext.class, c.context()));
        HttpReplyContext context = new HttpReplyContext(ctx.channel(), message, listener.encoder(), keepAlive,
                listener.tap(), listener.transferMode().streamsResponses(), null,
                caller.map(HttpAuthentication.Caller::authenticate).orElse(null));
        ctx.channel().config().setAutoRead(false);
        if (!listener.deliver(context)) {
            ctx.channel().config().setAutoRead(true);
            respond(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, keepAlive);
        }
    }

    /** A request that could not be read as a message, shown to the wire tap (message logging's malformed ones). */
    private static void malformed(HttpReplyChannelListener<?> listener, byte[] bytes, String contentType) {
        if (listener.tap() != null) {
            listener.tap().malformed(bytes, contentType);
        }
    }

    /** GET: the listener's {@link HttpGetHandler} (metadata) answers, else 405 as for any method but POST. */
    private void get(ChannelHandlerContext ctx, FullHttpRequest request, Optional<HttpReplyChannelListener<?>> route,
            boolean keepAlive) {
        HttpGetHandler handler = route.map(HttpReplyChannelListener::getHandler).orElse(null);
        if (handler == null) {
            FullHttpResponse r = emptyResponse(HttpResponseStatus.METHOD_NOT_ALLOWED);
            r.headers().set(HttpHeaderNames.ALLOW, "POST");
            send(ctx, keepAlive, r);
            return;
        }
        HttpGetHandler.HttpGetResponse answer;
        try {
            String host = request.headers().get(HttpHeaderNames.HOST);
            URI listening = route.get().uri();
            String authority = host != null && !host.isBlank() ? host : listening.getRawAuthority();
            String target = request.uri();
            answer = handler.get(target.startsWith("/") ? URI.create(listening.getScheme() + "://" + authority + target)
                    : URI.create(target));
        } catch (RuntimeException e) {
            LOG.debug("GET {} failed: {}", request.uri(), e.toString());
            respond(ctx, HttpResponseStatus.BAD_REQUEST, keepAlive);
            return;
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        HttpUtil.setContentLength(r, answer.body().length);
        if (answer.contentType() != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        send(ctx, keepAlive, r);
    }

    /**
     * Without WS-Addressing the action travels in HTTP: the {@code SOAPAction} header (SOAP 1.1) or the content type's
     * {@code action} parameter (SOAP 1.2).
     */
    static void applyHttpAction(Message message, HttpRequest request, String contentType,
            HttpReplyChannelListener<?> listener) {
        if (message.headers().action() != null) {
            return;
        }
        String action = null;
        if (listener.encoder().messageVersion().envelope() == EnvelopeVersion.SOAP11) {
            String soapAction = request.headers().get("SOAPAction");
            if (soapAction != null) {
                action = soapAction.length() >= 2 && soapAction.startsWith("\"") && soapAction.endsWith("\"")
                        ? soapAction.substring(1, soapAction.length() - 1) : soapAction;
            }
        } else {
            action = ContentType.parse(contentType).action().orElse(null);
        }
        if (action != null && !action.isEmpty()) {
            message.headers().action(action);
        }
    }

    static String hostOf(HttpRequest request) {
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host == null) {
            return null;
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(1, end) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    /** HTTP reason phrases are one line of visible ASCII. */
    private static String reasonPhrase(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString();
    }

    /** HTTP authentication failed or was not attempted: 401 with the scheme's challenge, as HTTP.sys answers. */
    static FullHttpResponse unauthorized(HttpAuthentication authentication, String authorization) {
        FullHttpResponse r = emptyResponse(HttpResponseStatus.UNAUTHORIZED);
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, authentication.challenge(authorization));
        return r;
    }

    static FullHttpResponse emptyResponse(HttpResponseStatus status) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        HttpUtil.setContentLength(r, 0);
        return r;
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, boolean keepAlive) {
        send(ctx, keepAlive, emptyResponse(status));
    }

    /** Writes {@code r}; unless the connection is kept alive, with {@code Connection: close}, and closes it then. */
    static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse r) {
        if (!keepAlive) {
            HttpUtil.setKeepAlive(r, false);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(r);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}

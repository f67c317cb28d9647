package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.runtime.channel.AddressedRequestChannel;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationObjectAbortedException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.WireTap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Client request channels over HTTP/1.1 (WCF {@code HttpChannelFactory}): each request is one POST on a pooled
 * keep-alive connection, and its response (200 or 500 with a message, 202 without) is the reply. SOAP 1.1 requests
 * carry the action in {@code SOAPAction}, SOAP 1.2 requests without WS-Addressing in the content type (as WCF's
 * {@code HttpOutput} does). Unless {@code manualAddressing} is on, the
 * channel's address is written as the message's {@code To}. With {@code allowCookies} the factory keeps the cookies its
 * responses set and sends them back ({@link HttpCookieContainer}).
 */
final class HttpRequestChannelFactory<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelFactory<C> {
    /** The initial size of an envelope's buffer (a reliable calculator request is about 1.3 KB). */
    static final int ENCODE_BUFFER_BYTES = 2048;

    private final HttpConnectionPool pool;
    private final TextMessageEncoder encoder;
    private final Scheduler scheduler;
    private final boolean manualAddressing;
    private final boolean keepAliveEnabled;
    private final String scheme;
    private final WireTap tap;
    /** {@code allowCookies}: the factory's cookies; {@code null} when off (cookies neither stored nor sent). */
    private final HttpCookieContainer cookies;

    HttpRequestChannelFactory(ChannelType<C> type, String scheme, NettyResources resources,
            HttpClientSettings settings, TextMessageEncoder encoder, Scheduler scheduler, boolean manualAddressing) {
        super(type);
        this.scheme = scheme;
        this.pool = new HttpConnectionPool(resources, settings);
        this.encoder = encoder;
        this.scheduler = scheduler;
        this.manualAddressing = manualAddressing;
        this.keepAliveEnabled = settings.keepAliveEnabled();
        this.tap = settings.tap();
        this.cookies = settings.allowCookies() ? new HttpCookieContainer() : null;
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.HttpChannelFactory`1[System.ServiceModel.Channels.IRequestChannel]";
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        String given = via.getScheme() == null ? "" : via.getScheme().toLowerCase(Locale.ROOT);
        if (!given.equals(scheme)) {
            throw new IllegalArgumentException(WcfText.InvalidUriScheme.format(given, scheme) + "\nParameter name: via");
        }
        return typed(new HttpRequestChannel(to, via));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        pool.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
        pool.close();
    }

    private final class HttpRequestChannel extends AddressedRequestChannel {
        HttpRequestChannel(EndpointAddress to, URI via) {
            super(to, via);
        }

        @Override
        protected String wcfTypeName() {
            return "System.ServiceModel.Channels.HttpChannelFactory`1+HttpRequestChannel[System.ServiceModel.Channels.IRequestChannel]";
        }

        @Override
        public CompletableFuture<Message> request(Message request, Duration timeout) {
            throwIfNotOpened();
            if (!manualAddressing) {
                request.headers().to(remoteAddress());
            }
            FullHttpRequest http;
            try {
                http = toHttp(request);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (tap != null) {
                tap.record(WireTap.Direction.SENT,
                        ByteBufUtil.getBytes(http.content()), http.headers().get(HttpHeaderNames.CONTENT_TYPE));
            }
            HttpExchange exchange = pool.send(via(), http);
            if (!WcfTimeSpan.isInfinite(timeout) && timeout.compareTo(WcfTimeSpan.MAX_WAIT) <= 0) {
                Scheduler.Cancellable timer = scheduler.schedule(timeout, () -> exchange.failed(
                        new CommunicationTimeoutException(WcfText.RequestTimedOut.format(WcfTimeSpan.format(timeout)))));
                exchange.result().whenComplete((r, e) -> timer.cancel());
            }
            return inFlight(exchange.result().thenApply(r -> {
                if (cookies != null) {
                    cookies.store(via(), r.setCookies());
                }
                if (tap != null && r.body().length > 0) {
                    tap.record(WireTap.Direction.RECEIVED, r.body(), r.contentType());
                }
                return HttpResponseInterpreter.reply(r, via(), http, encoder);
            }));
        }

        /** WCF's {@code HttpChannelRequest} text for a request whose channel was aborted. */
        @Override
        protected CommunicationObjectAbortedException abortedRequest() {
            return new CommunicationObjectAbortedException(WcfText.HttpRequestAborted.format(remoteAddress().uri()));
        }

        private FullHttpRequest toHttp(Message request) {
            // encoded on the caller's thread: a heap buffer (a TLAB bump); a pooled one from a thread that is not an
            // event loop took the arena's lock and was freed across threads (benchmarks/RESULTS.md)
            ByteBuf body = Unpooled.buffer(ENCODE_BUFFER_BYTES);
            try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
                encoder.write(request, out);
            } catch (IOException | RuntimeException e) {
                body.release();
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            URI via = via();
            String target = via.getRawPath() == null || via.getRawPath().isEmpty() ? "/" : via.getRawPath();
            if (via.getRawQuery() != null) {
                target += "?" + via.getRawQuery();
            }
            FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target, body);
            http.headers().set(HttpHeaderNames.HOST, via.getPort() >= 0 ? via.getHost() + ":" + via.getPort()
                    : via.getHost());
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, encoder.requestContentType(request));
            String action = request.headers().action();
            if (encoder.messageVersion().envelope() == EnvelopeVersion.SOAP11 && action != null) {
                http.headers().set("SOAPAction", TextMessageEncoder.quotedAction(action));
            }
            HttpUtil.setContentLength(http, body.readableBytes());
            if (cookies != null) {
                cookies.addTo(via, http.headers());
            }
            if (!keepAliveEnabled) {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            return http;
        }
    }
}

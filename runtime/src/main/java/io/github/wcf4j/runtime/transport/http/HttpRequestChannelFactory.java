package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.runtime.channel.AddressedRequestChannel;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
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
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
    /** Transfer mode {@code Streamed} or {@code StreamedRequest}: requests are sent chunked. */
    private final boolean streamsRequests;
    private final String scheme;
    private final WireTap tap;
    /** {@code allowCookies}: the factory's cookies; {@code null} when off (cookies neither stored nor sent). */
    private final HttpCookieContainer cookies;
    /** How every request is authenticated (HTTP Basic, Negotiate); {@code null} when anonymous. */
    private final HttpClientAuthentication authentication;
    /** The proxy's credentials when they answer its {@code 407} (Digest); else {@code null}. */
    private final HttpProxyCredentials proxyChallenges;

    HttpRequestChannelFactory(ChannelType<C> type, String scheme, NettyResources resources,
            HttpClientSettings settings, TextMessageEncoder encoder, Scheduler scheduler, boolean manualAddressing) {
        super(type);
        this.scheme = scheme;
        this.pool = new HttpConnectionPool(resources, settings, encoder);
        this.streamsRequests = settings.transferMode().streamsRequests();
        this.encoder = encoder;
        this.scheduler = scheduler;
        this.manualAddressing = manualAddressing;
        this.keepAliveEnabled = settings.keepAliveEnabled();
        this.tap = settings.tap();
        this.cookies = settings.allowCookies() ? new HttpCookieContainer() : null;
        this.authentication = settings.authentication();
        this.proxyChallenges = settings.proxyAuthorization() != null && settings.proxyAuthorization().answersChallenges()
                ? settings.proxyAuthorization() : null;
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
        if (authentication != null) {
            try {
                authentication.open(); // Negotiate: the client's Kerberos login, or it does not open
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
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
            HttpClientAuthentication.Attempt attempt;
            try {
                attempt = authentication == null ? null : authentication.start(remoteAddress().uri());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (request.bodyWriter().isPresent() && streamsRequests) {
                return streamed(request, attempt, timeout);
            }
            FullHttpRequest http;
            try {
                http = toHttp(request, attempt);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (tap != null) {
                tap.record(WireTap.Direction.SENT,
                        ByteBufUtil.getBytes(http.content()), http.headers().get(HttpHeaderNames.CONTENT_TYPE));
            }
            // a scheme that answers a challenge (Digest) sends the body again after the service's 401 or proxy's 407
            byte[] again = attempt != null && attempt.answersChallenges() || proxyChallenges != null
                    ? ByteBufUtil.getBytes(http.content()) : null;
            return exchange(pool.send(via(), http, idleRead(timeout)), http, attempt, timeout, again, false);
        }

        /**
         * A request whose body is written as it is sent: its head goes out on a pooled connection, then its body in
         * chunks from this thread, which waits for the connection and for the service to take each chunk (WCF's
         * streamed {@code HttpOutput} writes from the calling thread too).
         */
        private CompletableFuture<Message> streamed(Message request, HttpClientAuthentication.Attempt challenged,
                Duration timeout) {
            HttpClientAuthentication.Attempt attempt = challenged;
            if (attempt != null && attempt.answersChallenges() || proxyChallenges != null) {
                attempt = challengeFirst(attempt, timeout);
            }
            HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target());
            headers(head, request, attempt);
            HttpUtil.setTransferEncodingChunked(head, true);
            connectionHeaders(head);
            HttpExchange exchange = pool.send(via(), head, idleRead(timeout));
            CompletableFuture<Message> reply = exchange(exchange, head, attempt, timeout, null, true);
            ChunkedBodyOutput out;
            try {
                out = new ChunkedBodyOutput(exchange.sent().join());
            } catch (CompletionException | CancellationException e) {
                return reply;
            }
            try {
                encoder.write(request, out);
                out.finish();
                exchange.requestBodyEnded();
            } catch (IOException | RuntimeException e) {
                out.discard();
                exchange.failed(new CommunicationException(WcfText.HttpSendFailure.format(via()), e));
            }
            return reply;
        }

        /**
         * A streamed body is written once and cannot be sent again after a 401, so under a scheme that answers
         * challenges (Digest) the challenge is obtained first: a {@code HEAD} to the same URI without credentials,
         * whose 401 is answered in the streamed request's {@code Authorization} (as WCF's client precedes a request
         * by a pre-authenticating {@code HEAD}: dotnet/wcf {@code HttpChannelFactory.SendPreauthenticationHeadRequestIfNeeded},
         * there for every non-anonymous request). A fresh nonce each time: a nonce gone stale can never cost a body.
         * Blocks the calling thread, which writes the body anyway. A {@code HEAD} that fails or is not challenged
         * leaves {@code attempt} as it was (WCF ignores its outcome too): the request then goes as it would have.
         * A proxy's Digest {@code 407} to the {@code HEAD} is answered the same way: the {@code HEAD} goes once more
         * with the answer (which may bring the service's 401), and the streamed request answers it again.
         */
        private HttpClientAuthentication.Attempt challengeFirst(HttpClientAuthentication.Attempt attempt,
                Duration timeout) {
            return challengeFirst(attempt, timeout, false);
        }

        private HttpClientAuthentication.Attempt challengeFirst(HttpClientAuthentication.Attempt attempt,
                Duration timeout, boolean proxyAnswered) {
            FullHttpRequest probe = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, target(),
                    Unpooled.EMPTY_BUFFER);
            URI via = via();
            probe.headers().set(HttpHeaderNames.HOST, via.getPort() >= 0 ? via.getHost() + ":" + via.getPort()
                    : via.getHost());
            connectionHeaders(probe);
            HttpExchange exchange = pool.send(via, probe, idleRead(timeout));
            Scheduler.Cancellable timer = null;
            if (!WcfTimeSpan.isInfinite(timeout) && timeout.compareTo(WcfTimeSpan.MAX_WAIT) <= 0) {
                timer = scheduler.schedule(timeout, () -> exchange.failed(new CommunicationTimeoutException(
                        WcfText.RequestTimedOut.format(WcfTimeSpan.format(timeout)))));
            }
            try {
                HttpResponseData r = exchange.result().join();
                if (cookies != null) {
                    cookies.store(via, r.setCookies());
                }
                if (r.status() == 407 && proxyChallenges != null && !proxyAnswered && proxyChallenges.answer(
                        r.wwwAuthenticate(), probe.headers().get(HttpHeaderNames.PROXY_AUTHORIZATION))) {
                    return challengeFirst(attempt, timeout, true);
                }
                return r.status() == 401 && attempt != null && attempt.answersChallenges()
                        ? attempt.answer(r).orElse(attempt) : attempt;
            } catch (CompletionException | CancellationException e) {
                return attempt;
            } finally {
                if (timer != null) {
                    timer.cancel();
                }
            }
        }

        /** Each read of a streamed response is bounded by the call's timeout too (WCF's {@code ReadWriteTimeout}). */
        private IdleReadTimeout idleRead(Duration timeout) {
            if (WcfTimeSpan.isInfinite(timeout) || timeout.compareTo(WcfTimeSpan.MAX_WAIT) > 0) {
                return null;
            }
            return new IdleReadTimeout(scheduler, timeout, () -> new CommunicationTimeoutException(
                    WcfText.HttpRequestTimedOut.format(via(), WcfTimeSpan.format(timeout))));
        }

        /**
         * The reply to {@code http}; with {@code again} (its body, for a scheme that answers challenges), a 401 whose
         * challenge the attempt answers sends the request once more with the answer (HTTP Digest's round trip, as
         * WCF's {@code HttpWebRequest} makes it); likewise a proxy's 407 that the proxy credentials answer, unless
         * {@code proxyAnswered} already (the proxy's Digest, which may be followed by the service's 401).
         */
        private CompletableFuture<Message> exchange(HttpExchange exchange, HttpRequest http,
                HttpClientAuthentication.Attempt attempt, Duration timeout, byte[] again, boolean proxyAnswered) {
            if (!WcfTimeSpan.isInfinite(timeout) && timeout.compareTo(WcfTimeSpan.MAX_WAIT) <= 0) {
                Scheduler.Cancellable timer = scheduler.schedule(timeout, () -> exchange.failed(
                        new CommunicationTimeoutException(WcfText.RequestTimedOut.format(WcfTimeSpan.format(timeout)))));
                exchange.result().whenComplete((r, e) -> timer.cancel());
            }
            return inFlight(exchange.result().thenCompose(r -> {
                if (cookies != null) {
                    cookies.store(via(), r.setCookies());
                }
                if (tap != null && r.body().length > 0) {
                    tap.record(WireTap.Direction.RECEIVED, r.body(), r.contentType());
                }
                if (r.status() == 407 && again != null && proxyChallenges != null && !proxyAnswered
                        && proxyChallenges.answer(r.wwwAuthenticate(),
                                http.headers().get(HttpHeaderNames.PROXY_AUTHORIZATION))) {
                    // the proxy's Digest challenge: the same request once more, its Proxy-Authorization answering it
                    FullHttpRequest retry = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                            target(), Unpooled.wrappedBuffer(again));
                    retry.headers().set(http.headers());
                    if (tap != null) {
                        tap.record(WireTap.Direction.SENT, again, http.headers().get(HttpHeaderNames.CONTENT_TYPE));
                    }
                    return exchange(pool.send(via(), retry, idleRead(timeout)), retry, attempt, timeout, again,
                            true);
                }
                if (r.status() == 401 && again != null && attempt != null && attempt.answersChallenges()) {
                    var answer = attempt.answer(r);
                    if (answer.isPresent()) {
                        FullHttpRequest retry = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                                target(), Unpooled.wrappedBuffer(again));
                        retry.headers().set(http.headers());
                        retry.headers().set(HttpHeaderNames.AUTHORIZATION, answer.get().authorization());
                        if (tap != null) {
                            tap.record(WireTap.Direction.SENT, again, http.headers().get(HttpHeaderNames.CONTENT_TYPE));
                        }
                        return exchange(pool.send(via(), retry, idleRead(timeout)), retry, answer.get(), timeout,
                                null, true);
                    }
                }
                if (attempt != null && r.status() != 401 && r.status() != 403) {
                    attempt.verify(r); // Negotiate: the service's mutual authentication, before its reply is read
                }
                return CompletableFuture.completedFuture(HttpResponseInterpreter.reply(r, via(), http, encoder));
            }));
        }

        /** WCF's {@code HttpChannelRequest} text for a request whose channel was aborted. */
        @Override
        protected CommunicationObjectAbortedException abortedRequest() {
            return new CommunicationObjectAbortedException(WcfText.HttpRequestAborted.format(remoteAddress().uri()));
        }

        private FullHttpRequest toHttp(Message request, HttpClientAuthentication.Attempt attempt) {
            // encoded on the caller's thread: a heap buffer (a TLAB bump); a pooled one from a thread that is not an
            // event loop took the arena's lock and was freed across threads (benchmarks/RESULTS.md)
            ByteBuf body = Unpooled.buffer(ENCODE_BUFFER_BYTES);
            try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
                encoder.write(request, out);
            } catch (IOException | RuntimeException e) {
                body.release();
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target(), body);
            headers(http, request, attempt);
            if (streamsRequests) {
                HttpUtil.setTransferEncodingChunked(http, true);
            } else {
                HttpUtil.setContentLength(http, body.readableBytes());
            }
            connectionHeaders(http);
            return http;
        }

        private String target() {
            URI via = via();
            String target = via.getRawPath() == null || via.getRawPath().isEmpty() ? "/" : via.getRawPath();
            if (via.getRawQuery() != null) {
                target += "?" + via.getRawQuery();
            }
            return target;
        }

        /**
         * Host, content type and SOAPAction, as WCF's {@code HttpOutput} sets them, and the credentials (HTTP Basic,
         * Negotiate), sent with the first request (WCF's client sends Negotiate's after the service's 401; a service
         * accepts them either way, and the body is not sent twice).
         */
        private void headers(HttpRequest http, Message request, HttpClientAuthentication.Attempt attempt) {
            URI via = via();
            http.headers().set(HttpHeaderNames.HOST, via.getPort() >= 0 ? via.getHost() + ":" + via.getPort()
                    : via.getHost());
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, encoder.requestContentType(request));
            String action = request.headers().action();
            if (encoder.messageVersion().envelope() == EnvelopeVersion.SOAP11 && action != null) {
                http.headers().set("SOAPAction", TextMessageEncoder.quotedAction(action));
            }
            if (attempt != null && attempt.authorization() != null) {
                http.headers().set(HttpHeaderNames.AUTHORIZATION, attempt.authorization());
            }
        }

        /** Cookies and keep-alive, after the body's length or chunking. */
        private void connectionHeaders(HttpRequest http) {
            URI via = via();
            if (cookies != null) {
                cookies.addTo(via, http.headers());
            }
            if (!keepAliveEnabled) {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
        }
    }
}

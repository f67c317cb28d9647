package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.transport.WireTap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request awaiting its answer: a reply message goes back as 200 (500 when it is a fault), no reply as an empty
 * 202 Accepted, as WCF answers one-way messages. Answered at most once; the reply is encoded on the caller's thread and
 * written by the connection's event loop. The connection reads no further request until this one is answered, so
 * responses keep the order of requests and a slow service pushes back on its clients.
 *
 * <p>Streamed transfer: with streamed responses every reply with a body is sent chunked, and one whose body is written
 * as it is sent ({@code BodyWriter}) is written chunk by chunk from the replying thread, which must be allowed to block.
 * A streamed request ({@code inbound}) that is still arriving when the reply is given is discarded from then on (the
 * operation is done with it); the 202 of a one-way request waits for the request's end, so the client's upload is not
 * cut short by its acknowledgement.
 */
final class HttpReplyContext implements RequestContext {
    private final Channel connection;
    private final Message request;
    private final TextMessageEncoder encoder;
    private final boolean keepAlive;
    private final WireTap tap;
    private final boolean streamedResponses;
    private final InboundBody inbound;
    private final String authenticate;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile boolean written;

    /**
     * @param streamedResponses whether replies are sent chunked (transfer mode {@code Streamed}, {@code
     *                          StreamedResponse})
     * @param inbound           the rest of a streamed request's body, or {@code null}
     * @param authenticate      the {@code WWW-Authenticate} value every response carries (Negotiate's
     *                          mutual-authentication token), or {@code null}
     */
    HttpReplyContext(Channel connection, Message request, TextMessageEncoder encoder, boolean keepAlive,
            WireTap tap, boolean streamedResponses, InboundBody inbound, String authenticate) {
        this.connection = connection;
        this.request = request;
        this.encoder = encoder;
        this.keepAlive = keepAlive;
        this.tap = tap;
        this.streamedResponses = streamedResponses;
        this.inbound = inbound;
        this.authenticate = authenticate;
    }

    @Override
    public Message requestMessage() {
        return request;
    }

    /** Whether the reply has been written (event loop). */
    boolean written() {
        return written;
    }

    @Override
    public CompletableFuture<Void> reply(Message reply, Duration timeout) {
        if (!answered.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException("this request has already been answered"));
        }
        if (reply == null) {
            FullHttpResponse accepted = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED,
                    Unpooled.EMPTY_BUFFER);
            HttpUtil.setContentLength(accepted, 0);
            if (inbound != null && !inbound.finished().isDone()) {
                inbound.finished().thenRun(() -> connection.eventLoop().execute(() -> send(accepted)));
                return CompletableFuture.completedFuture(null);
            }
            return send(accepted);
        }
        if (inbound != null) {
            inbound.close();
        }
        if (reply.bodyWriter().isPresent() && streamedResponses) {
            return sendStreamed(reply);
        }
        ByteBuf body = Unpooled.buffer(HttpRequestChannelFactory.ENCODE_BUFFER_BYTES); // see toHttp
        try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
            encoder.write(reply, out);
        } catch (IOException | RuntimeException e) {
            body.release();
            connection.close();
            return CompletableFuture.failedFuture(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status(reply), body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, encoder.contentType());
        if (tap != null) {
            tap.record(WireTap.Direction.SENT, ByteBufUtil.getBytes(body), encoder.contentType());
        }
        if (streamedResponses) {
            HttpUtil.setTransferEncodingChunked(response, true);
        } else {
            HttpUtil.setContentLength(response, body.readableBytes());
        }
        return send(response);
    }

    private CompletableFuture<Void> send(FullHttpResponse response) {
        if (authenticate != null) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, authenticate);
        }
        if (!keepAlive) {
            HttpUtil.setKeepAlive(response, false);
        }
        return whenWritten(connection.writeAndFlush(response));
    }

    /** A reply whose body is written as it is sent: chunk by chunk, from this thread. */
    private CompletableFuture<Void> sendStreamed(Message reply) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status(reply));
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, encoder.contentType());
        HttpUtil.setTransferEncodingChunked(head, true);
        if (authenticate != null) {
            head.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, authenticate);
        }
        if (!keepAlive) {
            HttpUtil.setKeepAlive(head, false);
        }
        connection.writeAndFlush(head);
        ChunkedBodyOutput out = new ChunkedBodyOutput(connection);
        try {
            encoder.write(reply, out);
            return whenWritten(out.finish());
        } catch (IOException | RuntimeException e) {
            out.discard();
            connection.close();
            return CompletableFuture.failedFuture(e);
        }
    }

    private static HttpResponseStatus status(Message reply) {
        return reply.isFault() ? HttpResponseStatus.INTERNAL_SERVER_ERROR : HttpResponseStatus.OK;
    }

    private CompletableFuture<Void> whenWritten(ChannelFuture f) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
        f.addListener(w -> {
            written = true;
            connection.config().setAutoRead(true);
            if (w.isSuccess()) {
                done.complete(null);
            } else {
                done.completeExceptionally(new CommunicationException(
                        "The reply could not be written: " + w.cause().getMessage(), w.cause()));
            }
        });
        return done;
    }

    @Override
    public void abort() {
        if (answered.compareAndSet(false, true)) {
            connection.close();
        }
    }
}

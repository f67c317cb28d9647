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
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
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
 */
final class HttpReplyContext implements RequestContext {
    private final Channel connection;
    private final Message request;
    private final TextMessageEncoder encoder;
    private final boolean keepAlive;
    private final WireTap tap;
    private final AtomicBoolean answered = new AtomicBoolean();

    HttpReplyContext(Channel connection, Message request, TextMessageEncoder encoder, boolean keepAlive,
            WireTap tap) {
        this.connection = connection;
        this.request = request;
        this.encoder = encoder;
        this.keepAlive = keepAlive;
        this.tap = tap;
    }

    @Override
    public Message requestMessage() {
        return request;
    }

    @Override
    public CompletableFuture<Void> reply(Message reply, Duration timeout) {
        if (!answered.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException("this request has already been answered"));
        }
        FullHttpResponse response;
        if (reply == null) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED,
                    Unpooled.EMPTY_BUFFER);
            HttpUtil.setContentLength(response, 0);
        } else {
            ByteBuf body = Unpooled.buffer(HttpRequestChannelFactory.ENCODE_BUFFER_BYTES); // see toHttp
            try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
                encoder.write(reply, out);
            } catch (IOException | RuntimeException e) {
                body.release();
                connection.close();
                return CompletableFuture.failedFuture(e);
            }
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    reply.isFault() ? HttpResponseStatus.INTERNAL_SERVER_ERROR : HttpResponseStatus.OK, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, encoder.contentType());
            if (tap != null) {
                tap.record(WireTap.Direction.SENT,
                        ByteBufUtil.getBytes(body), encoder.contentType());
            }
            HttpUtil.setContentLength(response, body.readableBytes());
        }
        if (!keepAlive) {
            HttpUtil.setKeepAlive(response, false);
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        ChannelFuture f = connection.writeAndFlush(response);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
        f.addListener(done -> {
            connection.config().setAutoRead(true);
            if (done.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(new CommunicationException(
                        "The reply could not be written: " + done.cause().getMessage(), done.cause()));
            }
        });
        return written;
    }

    @Override
    public void abort() {
        if (answered.compareAndSet(false, true)) {
            connection.close();
        }
    }
}

package io.github.wcf4j.runtime.transport.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how long one request may take to arrive on a connection, from its first byte to its last, by the listeners'
 * {@code receiveTimeout}: a client that trickles its request line, headers or body (slow-loris) is disconnected then,
 * however steadily it trickles (the idle timeout alone never fires for it). Waiting between requests is the idle
 * timeout's business, and the time a service takes to answer is not counted: nothing is read meanwhile.
 *
 * <p>Two handlers share one timer per connection: {@link #bytes()} before the HTTP codec starts it on the first bytes
 * of a request, {@link #requests()} after the codec stops it at the request's end. Confined to the connection's event
 * loop.
 */
final class RequestReadTimeout {
    private static final Logger LOG = LoggerFactory.getLogger(RequestReadTimeout.class);
    /** Longer timeouts ({@code Infinite}, days) are not timed at all. */
    private static final Duration UNTIMED = Duration.ofDays(1);

    private final Duration timeout;
    private ScheduledFuture<?> timer;

    RequestReadTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** Before the codec: the first bytes of a request start the timer. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (timer == null && msg instanceof ByteBuf && ((ByteBuf) msg).isReadable() && timed()) {
                    timer = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        };
    }

    /** After the codec: the end of a request (its last content, or a request refused whole) stops the timer. */
    ChannelHandler requests() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    stop();
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private boolean timed() {
        return timeout.compareTo(UNTIMED) < 0 && !timeout.isZero() && !timeout.isNegative();
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        LOG.debug("request from {} not received within the receiveTimeout {}: connection closed",
                ctx.channel().remoteAddress(), timeout);
        ctx.channel().close();
    }
}

package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.runtime.time.Scheduler;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;

/**
 * A framing fault the service sends while the client may still be writing (a streamed request past
 * {@code maxReceivedMessageSize}): the fault is written, the service's side of the connection is shut down, and what the
 * client still sends is read and discarded until it closes, at most for {@code drainFor}. As WCF's server reads after
 * its fault so the client gets to read it: closing a socket with unread bytes in it resets the connection, and a
 * reset can throw away the fault before the client read it, leaving the caller a reset where WCF gives the fault's text.
 */
final class FaultThenDrain {
    private FaultThenDrain() {
    }

    /** Sends {@code fault} (a whole framing record) on {@code ch}, then drains and closes as above. */
    static void send(Channel ch, byte[] fault, Scheduler scheduler, Duration drainFor) {
        ch.pipeline().addFirst(new Discard());
        ch.writeAndFlush(Unpooled.wrappedBuffer(fault)).addListener(written -> {
            if (!written.isSuccess() || !(ch instanceof DuplexChannel duplex)) {
                ch.close();
                return;
            }
            Scheduler.Cancellable deadline = scheduler.schedule(drainFor, ch::close);
            ch.closeFuture().addListener(closed -> deadline.cancel());
            duplex.shutdownOutput();
        });
    }

    /** Discards everything the client still sends; closes when it closed its side. */
    private static final class Discard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}

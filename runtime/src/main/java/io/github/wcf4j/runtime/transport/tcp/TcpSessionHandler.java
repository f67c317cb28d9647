package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Hands the records of an established session to its channel: envelopes, End, a fault, the connection's loss. */
final class TcpSessionHandler extends SimpleChannelInboundHandler<FramingFrame> {
    private final TcpDuplexSessionChannel channel;

    TcpSessionHandler(TcpDuplexSessionChannel channel) {
        this.channel = channel;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FramingFrame frame) {
        switch (frame.type()) {
            case FramingRecord.SIZED_ENVELOPE:
                if (frame.payload() == null) {
                    channel.oversized();
                } else {
                    channel.received(frame.payload());
                }
                return;
            case FramingRecord.END:
                channel.peerEnded();
                return;
            case FramingRecord.FAULT:
                channel.peerFaulted(frame.text());
                ctx.close();
                return;
            default:
                channel.connectionLost(new ProtocolException(WcfText.FramingRecordTypeMismatch.format(
                        FramingRecord.name(FramingRecord.SIZED_ENVELOPE), FramingRecord.name(frame.type()))));
                ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        channel.connectionLost(null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable thrown) {
        Throwable cause = FramingException.unwrap(thrown);
        channel.connectionLost(cause instanceof FramingException ? cause : null);
        ctx.close();
    }
}

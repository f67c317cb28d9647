package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.time.Scheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a client session as WCF's {@code ClientFramingDuplexSessionChannel.OnOpen} does: connect, write the preamble in
 * one write (Version, Mode, Via, encoding, PreambleEnd), then read the one-byte answer: PreambleAck opens the channel,
 * a framing fault fails it with the fault's exception, {@code h}/{@code H} means HTTP, the connection closing means the
 * server rejected the preamble. The whole of it is bounded by {@code openTimeout} on the scheduler.
 */
final class TcpConnector {
    /** Default net.tcp port (RS {@code TcpUri.DefaultPort}). */
    static final int DEFAULT_PORT = 808;

    private TcpConnector() {
    }

    static CompletableFuture<Void> connect(TcpDuplexSessionChannel channel, Duration timeout) {
        TcpSettings s = channel.settings();
        URI via = channel.via();
        CompletableFuture<Void> opened = new CompletableFuture<>();
        Channel pooled = channel.pool().take(via);
        if (pooled != null) {
            Scheduler.Cancellable timer = s.scheduler().schedule(timeout, () -> {
                if (opened.completeExceptionally(new CommunicationTimeoutException(WcfText.TimeoutOnOpen.format(
                        WcfTimeSpan.format(timeout))))) {
                    pooled.close();
                }
            });
            opened.whenComplete((v, e) -> timer.cancel());
            pooled.pipeline().get(FramingDecoder.class).maxEnvelopeSize(s.maxEnvelopeSize());
            pooled.pipeline().addLast("session", new PreambleAckHandler(channel, opened));
            channel.attach(pooled);
            pooled.writeAndFlush(Unpooled.wrappedBuffer(FramingWriter.preamble(via, s.encoding())));
            return opened;
        }
        long started = s.scheduler().nanoTime();
        FramingDecoder decoder = new FramingDecoder(s.maxEnvelopeSize());
        Bootstrap b = new Bootstrap().group(s.resources().group()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_RCVBUF, Math.max(8192, s.element().connectionBufferSize()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("framing", decoder);
                        ch.pipeline().addLast("session", new PreambleAckHandler(channel, opened));
                    }
                });
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(via.getHost()),
                    via.getPort() < 0 ? DEFAULT_PORT : via.getPort());
        } catch (UnknownHostException e) {
            return CompletableFuture.failedFuture(new EndpointNotFoundException(
                    "Cannot resolve the host name of URI \"" + via + "\" using DNS.", e));
        }
        ChannelFuture connecting = b.connect(address);
        Scheduler.Cancellable timer = s.scheduler().schedule(timeout, () -> {
            if (opened.completeExceptionally(new CommunicationTimeoutException(WcfText.TimeoutOnOpen.format(
                    WcfTimeSpan.format(timeout))))) {
                connecting.channel().close();
            }
        });
        opened.whenComplete((v, e) -> timer.cancel());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                opened.completeExceptionally(connectFailure(via, address, f.cause(),
                        Duration.ofNanos(s.scheduler().nanoTime() - started)));
                return;
            }
            Channel ch = connecting.channel();
            ch.attr(TcpConnectionPool.OPENED).set(s.scheduler().nanoTime());
            channel.attach(ch);
            ch.writeAndFlush(Unpooled.wrappedBuffer(FramingWriter.preamble(via, s.encoding())));
        });
        return opened;
    }

    /** WCF's {@code SocketConnection.ConvertConnectException}: refused or unreachable is EndpointNotFound. */
    private static CommunicationException connectFailure(URI via, InetSocketAddress address, Throwable cause,
            Duration lasted) {
        boolean refused = cause instanceof ConnectException;
        String text = WcfText.TcpConnectErrorWithTimeSpan.format(via, refused ? 10061 : 10060,
                refused ? "No connection could be made because the target machine actively refused it "
                        + address.getAddress().getHostAddress() + ":" + address.getPort() : String.valueOf(cause
                                .getMessage()), WcfTimeSpan.format(lasted));
        return refused ? new EndpointNotFoundException(text, cause) : new CommunicationException(text, cause);
    }

    /** Waits for the server's answer to the preamble, then gives the connection to the session. */
    private static final class PreambleAckHandler extends SimpleChannelInboundHandler<FramingFrame> {
        private final TcpDuplexSessionChannel channel;
        private final CompletableFuture<Void> opened;

        PreambleAckHandler(TcpDuplexSessionChannel channel, CompletableFuture<Void> opened) {
            this.channel = channel;
            this.opened = opened;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FramingFrame frame) {
            if (frame.type() == FramingRecord.PREAMBLE_ACK) {
                ctx.pipeline().replace(this, "session", new TcpSessionHandler(channel));
                if (!opened.complete(null)) {
                    ctx.close();
                }
                return;
            }
            if (frame.type() == FramingRecord.FAULT) {
                opened.completeExceptionally(FramingFault.toException(frame.text(), channel.via(),
                        channel.settings().encoding().contentType()));
            } else {
                opened.completeExceptionally(new ProtocolException(WcfText.FramingRecordTypeMismatch.format(
                        FramingRecord.name(FramingRecord.PREAMBLE_ACK), FramingRecord.name(frame.type()))));
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            opened.completeExceptionally(new ProtocolException(WcfText.ServerRejectedSessionPreamble.format(
                    channel.via())));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable thrown) {
        Throwable cause = FramingException.unwrap(thrown);
            int type = cause instanceof FramingException f ? f.recordType() : -1;
            opened.completeExceptionally(type == 'h' || type == 'H'
                    ? new ProtocolException(WcfText.PreambleAckIncorrectMaybeHttp.format())
                    : new ProtocolException(cause.getMessage(), cause));
            ctx.close();
        }
    }
}

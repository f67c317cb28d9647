package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.time.Scheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens a client session as WCF's {@code ClientFramingDuplexSessionChannel.OnOpen} does: connect, write the preamble in
 * one write (Version, Mode, Via, encoding, PreambleEnd; with a stream upgrade, UpgradeRequest instead of PreambleEnd,
 * then the upgrade, then PreambleEnd through it), then read the one-byte answer: PreambleAck opens the channel,
 * a framing fault fails it with the fault's exception, {@code h}/{@code H} means HTTP, the connection closing means the
 * server rejected the preamble. The whole of it is bounded by {@code openTimeout} on the scheduler.
 */
final class TcpConnector {
    /** Default net.tcp port (RS {@code TcpUri.DefaultPort}). */
    static final int DEFAULT_PORT = 808;

    private TcpConnector() {
    }

    static CompletableFuture<Void> connect(TcpDuplexSessionChannel channel, Duration timeout) {
        return connect(channel.settings(), channel.remoteAddress(), channel.via(), channel.pool(), timeout,
                channel::attach, ch -> new TcpSessionHandler(channel)).thenApply(ch -> null);
    }

    /**
     * Connects to {@code via} (or takes a pooled connection to it) and runs the preamble of {@code s}'s framing mode;
     * {@code attach} sees the connection before the preamble goes out, and {@code next}'s handler replaces the
     * preamble's on the event loop as PreambleAck arrives, so nothing the peer sends after it is lost.
     */
    static CompletableFuture<Channel> connect(TcpSettings s, EndpointAddress remote, URI via, TcpConnectionPool pool,
            Duration timeout, Consumer<Channel> attach, Function<Channel, ChannelHandler> next) {
        CompletableFuture<Channel> opened = new CompletableFuture<>();
        Channel pooled = pool.take(via);
        if (pooled != null) {
            Scheduler.Cancellable timer = s.scheduler().schedule(timeout, () -> {
                if (opened.completeExceptionally(new CommunicationTimeoutException(WcfText.TimeoutOnOpen.format(
                        WcfTimeSpan.format(timeout))))) {
                    pooled.close();
                }
            });
            opened.whenComplete((v, e) -> timer.cancel());
            pooled.pipeline().get(FramingDecoder.class).maxEnvelopeSize(s.maxEnvelopeSize());
            pooled.pipeline().addLast("session", new PreambleAckHandler(s, remote, via, opened, next));
            attach.accept(pooled);
            writePreamble(pooled, s, via);
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
                        ch.pipeline().addLast("session", new PreambleAckHandler(s, remote, via, opened, next));
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
            attach.accept(ch);
            writePreamble(ch, s, via);
        });
        return opened;
    }

    /**
     * The preamble; with a stream upgrade, without PreambleEnd and followed by the UpgradeRequest in a write of its
     * own, as WCF's client writes them (PreambleEnd follows inside the upgraded stream).
     */
    private static void writePreamble(Channel ch, TcpSettings s, URI via) {
        ch.write(Unpooled.wrappedBuffer(FramingWriter.preamble(via, s.encoding(), s.upgrade().isEmpty(), s.mode())));
        s.upgrade().ifPresent(u -> ch.write(Unpooled.wrappedBuffer(FramingWriter.upgradeRequest(u.contentType()))));
        ch.flush();
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

    /**
     * Waits for the server's answer to the preamble, then gives the connection to the session. With a stream upgrade
     * the first answer must be UpgradeResponse: the upgrade's handlers go before the framing decoder, with the bytes
     * read past that record ([MC-NMF] §5.1), and once their handshake completed PreambleEnd goes out through them.
     */
    private static final class PreambleAckHandler extends SimpleChannelInboundHandler<FramingFrame> {
        private final TcpSettings settings;
        private final EndpointAddress remote;
        private final URI via;
        private final CompletableFuture<Channel> opened;
        private final Function<Channel, ChannelHandler> next;
        private final StreamUpgrade upgrade;
        private boolean upgrading;
        private boolean upgraded;

        PreambleAckHandler(TcpSettings settings, EndpointAddress remote, URI via, CompletableFuture<Channel> opened,
                Function<Channel, ChannelHandler> next) {
            this.settings = settings;
            this.remote = remote;
            this.via = via;
            this.opened = opened;
            this.next = next;
            this.upgrade = settings.upgrade().orElse(null);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof StreamUpgradeCompleted) {
                upgraded = true;
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {FramingRecord.PREAMBLE_END}));
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FramingFrame frame) {
            if (frame.type() == FramingRecord.UPGRADE_RESPONSE && upgrade != null && !upgrading) {
                upgrading = true;
                ByteBuf leftover = ctx.pipeline().get(FramingDecoder.class).takeLeftover();
                upgrade.initiate(ctx.pipeline(), remote, via, settings.scheduler().executor());
                if (leftover.isReadable()) {
                    ctx.pipeline().fireChannelRead(leftover);
                } else {
                    leftover.release();
                }
                return;
            }
            if (frame.type() == FramingRecord.PREAMBLE_ACK && (upgrade == null || upgraded)) {
                ctx.pipeline().replace(this, "session", next.apply(ctx.channel()));
                if (!opened.complete(ctx.channel())) {
                    ctx.close();
                }
                return;
            }
            if (frame.type() == FramingRecord.FAULT) {
                opened.completeExceptionally(FramingFault.toException(frame.text(), via,
                        settings.encoding().contentType()));
            } else {
                int wanted = upgrade != null && !upgrading ? FramingRecord.UPGRADE_RESPONSE : FramingRecord.PREAMBLE_ACK;
                opened.completeExceptionally(new ProtocolException(WcfText.FramingRecordTypeMismatch.format(
                        FramingRecord.name(wanted), FramingRecord.name(frame.type()))));
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            opened.completeExceptionally(new ProtocolException(WcfText.ServerRejectedSessionPreamble.format(via)));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable thrown) {
            if (thrown instanceof SecurityNegotiationException refused) {
                opened.completeExceptionally(refused);
                ctx.close();
                return;
            }
            Throwable cause = FramingException.unwrap(thrown);
            int type = cause instanceof FramingException f ? f.recordType() : -1;
            opened.completeExceptionally(type == 'h' || type == 'H'
                    ? new ProtocolException(WcfText.PreambleAckIncorrectMaybeHttp.format())
                    : new ProtocolException(cause.getMessage(), cause));
            ctx.close();
        }
    }
}

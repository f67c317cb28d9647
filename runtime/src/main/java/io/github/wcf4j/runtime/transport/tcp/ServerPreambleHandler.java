package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a connection's preamble as WCF's server does ({@code ServerSessionDecoder}, {@code ConnectionDemuxer}):
 * Version 1.x, Mode duplex or singleton-unsized, a Via some listener answers in that mode (buffered: duplex; streamed:
 * singleton), an encoding it reads, then PreambleEnd, which it acknowledges with PreambleAck and turns the connection
 * into a service channel for that listener (duplex) or one request to its reply channel ({@link TcpReplyExchange}).
 * Between the encoding and PreambleEnd the listener's {@link StreamUpgrade} runs when the client asks for it
 * (UpgradeRequest, UpgradeResponse, the handshake), and PreambleEnd then comes inside the upgraded stream; a listener
 * with an upgrade closes a connection that skipped it, without a fault, as WCF does. What it cannot accept gets WCF's
 * framing fault and the connection is closed: UnsupportedVersion, UnsupportedMode (simplex, singleton-sized, or a mode
 * the listener's transfer mode does not take), EndpointNotFound, ContentTypeInvalid, UpgradeInvalid (no upgrade,
 * another one, a second one), ViaTooLong, ContentTypeTooLong. A preamble not complete within
 * {@code channelInitializationTimeout} is cut off without a fault, as WCF does (the upgrade's handshake included);
 * other decode errors and a failed upgrade close the connection. A connection whose session or exchange ended with End
 * both ways comes back here for the next preamble (a client's pooled connection), for at most the pool's
 * {@code idleTimeout}.
 */
final class ServerPreambleHandler extends SimpleChannelInboundHandler<FramingFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPreambleHandler.class);
    private final TcpPortServer server;
    private final FramingDecoder decoder;
    private Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;
    private final Scheduler scheduler;
    private final Duration initializationTimeout;
    private final boolean reused;
    private int expected = FramingRecord.VERSION;
    /** Whether this connection holds one of the {@code maxPendingConnections} slots (until its preamble ends). */
    private boolean counted;
    /** While this connection waits for a slot: what admits it. */
    private Runnable ticket;
    private URI via;
    private int mode;
    private String contentType;
    private TcpChannelListener<?> listener;
    /** Whether an UpgradeRequest was accepted. */
    private boolean upgrading;
    /** Once the upgrade completed: whom the client proved to be. */
    private ServiceSecurityContext caller;

    /** A new connection's handler: counted against {@code maxPendingConnections}, timed from its admission. */
    ServerPreambleHandler(TcpPortServer server, FramingDecoder decoder, Scheduler scheduler,
            Duration initializationTimeout) {
        this(server, decoder, scheduler, initializationTimeout, false);
    }

    private ServerPreambleHandler(TcpPortServer server, FramingDecoder decoder, Scheduler scheduler,
            Duration initializationTimeout, boolean reused) {
        this.reused = reused;
        this.server = server;
        this.decoder = decoder;
        this.scheduler = scheduler;
        this.initializationTimeout = initializationTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (reused) {
            armTimer(ctx); // a connection back from a session, awaiting the next preamble
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Runnable admitted = () -> ctx.channel().eventLoop().execute(() -> {
            ticket = null;
            if (!ctx.channel().isActive()) {
                server.settled(); // closed while the slot was on its way: pass it on
                return;
            }
            counted = true;
            armTimer(ctx);
            ctx.channel().config().setAutoRead(true);
        });
        if (server.admit(admitted)) {
            counted = true;
            armTimer(ctx);
        } else {
            ticket = admitted;
            ctx.channel().config().setAutoRead(false); // unread until admitted; no timer runs meanwhile
        }
        ctx.fireChannelActive();
    }

    private void settle() {
        if (counted) {
            counted = false;
            server.settled();
        }
    }

    private void armTimer(ChannelHandlerContext ctx) {
        timer.cancel();
        timer = scheduler.schedule(initializationTimeout, () -> ctx.channel().close());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timer.cancel();
        if (ticket != null) {
            server.abandon(ticket);
        }
        settle();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FramingFrame frame) {
        int type = frame.type();
        if (expected == FramingRecord.VERSION && type == FramingRecord.VERSION) {
            if (frame.value() >> 8 != FramingRecord.MAJOR_VERSION) {
                fault(ctx, FramingFault.UNSUPPORTED_VERSION);
                return;
            }
            expected = FramingRecord.MODE;
        } else if (expected == FramingRecord.MODE && type == FramingRecord.MODE) {
            mode = frame.value();
            if (mode != FramingRecord.MODE_DUPLEX && mode != FramingRecord.MODE_SINGLETON_UNSIZED) {
                fault(ctx, FramingFault.UNSUPPORTED_MODE); // simplex, singleton-sized: MSMQ's, never over TCP
                return;
            }
            expected = FramingRecord.VIA;
        } else if (expected == FramingRecord.VIA && type == FramingRecord.VIA) {
            try {
                via = URI.create(frame.text());
            } catch (IllegalArgumentException e) {
                ctx.close();
                return;
            }
            listener = server.route(via);
            if (listener == null) {
                fault(ctx, FramingFault.ENDPOINT_NOT_FOUND);
                return;
            }
            if (listener.settings().mode() != mode) {
                fault(ctx, FramingFault.UNSUPPORTED_MODE); // a buffered client at a streamed listener, or back
                return;
            }
            expected = FramingRecord.KNOWN_ENCODING;
        } else if (expected == FramingRecord.KNOWN_ENCODING
                && (type == FramingRecord.KNOWN_ENCODING || type == FramingRecord.EXTENSIBLE_ENCODING)) {
            String announced = type == FramingRecord.KNOWN_ENCODING ? FramingEncoding.knownContentType(frame.value())
                    : frame.text();
            if (!listener.settings().encoding().accepts(announced)) {
                fault(ctx, FramingFault.CONTENT_TYPE_INVALID);
                return;
            }
            contentType = announced;
            expected = FramingRecord.PREAMBLE_END;
        } else if (expected == FramingRecord.PREAMBLE_END && type == FramingRecord.UPGRADE_REQUEST) {
            upgrade(ctx, frame.text());
        } else if (expected == FramingRecord.PREAMBLE_END && type == FramingRecord.PREAMBLE_END) {
            if (listener.settings().upgrade().isPresent() && caller == null) {
                // WCF's SetupSecurityIfNecessary: abort without a fault
                LOG.warn(WcfText.RemoteSecurityNotNegotiatedOnStreamUpgrade.format(via));
                timer.cancel();
                ctx.close();
                return;
            }
            accept(ctx);
        } else {
            ctx.close(); // FramingRecordTypeMismatch: WCF aborts without a fault
        }
    }

    /**
     * An UpgradeRequest: the listener's upgrade, once, answered with UpgradeResponse; the bytes already read past the
     * request go to the upgrade's handlers, installed before the framing decoder ([MC-NMF] §5.1's pitfall), and
     * PreambleEnd is expected inside the upgraded stream once it completes ({@link StreamUpgradeCompleted}). Any other
     * upgrade gets WCF's UpgradeInvalid fault.
     */
    private void upgrade(ChannelHandlerContext ctx, String requested) {
        StreamUpgrade upgrade = listener.settings().upgrade().orElse(null);
        if (upgrade == null || upgrading || !upgrade.contentType().equals(requested)) {
            LOG.debug(upgrade == null ? WcfText.UpgradeRequestToNonupgradableService.format(via)
                    : WcfText.UpgradeProtocolNotSupported.format(requested));
            fault(ctx, FramingFault.UPGRADE_INVALID);
            return;
        }
        upgrading = true;
        ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {FramingRecord.UPGRADE_RESPONSE}));
        ByteBuf leftover = decoder.takeLeftover();
        upgrade.accept(ctx.pipeline(), via, scheduler.executor());
        if (leftover.isReadable()) {
            ctx.pipeline().fireChannelRead(leftover);
        } else {
            leftover.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof StreamUpgradeCompleted done) {
            caller = done.caller();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    private void accept(ChannelHandlerContext ctx) {
        timer.cancel();
        if (mode == FramingRecord.MODE_SINGLETON_UNSIZED) {
            acceptSingleton(ctx);
            return;
        }
        TcpDuplexSessionChannel channel = TcpDuplexSessionChannel.service(listener.settings(), ctx.channel(), via,
                contentType, caller);
        decoder.maxEnvelopeSize(listener.settings().maxEnvelopeSize());
        if (caller == null) {
            // after End both ways the connection awaits another preamble, for the pool's idle timeout (WCF's
            // demuxer); an upgraded connection is closed instead (its next preamble would be inside the upgrade)
            Duration idle = listener.settings().element().connectionPoolSettings().idleTimeout();
            channel.afterGracefulEnd(ch -> {
                decoder.maxEnvelopeSize(1);
                ch.pipeline().replace("session", "session", new ServerPreambleHandler(server, decoder, scheduler,
                        idle, true));
            });
        }
        ctx.pipeline().replace(this, "session", new TcpSessionHandler(channel));
        ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {FramingRecord.PREAMBLE_ACK}));
        if (!listener.offer(channel)) {
            channel.abort();
        }
        settle(); // after the offer: sessions are accepted in the order their preambles ended
    }

    /**
     * A singleton preamble (streamed transfer): the connection carries one request to the listener's reply channel,
     * and after its reply and End both ways awaits the next preamble as a duplex one does.
     */
    private void acceptSingleton(ChannelHandlerContext ctx) {
        decoder.maxEnvelopeSize(listener.settings().maxEnvelopeSize());
        Duration idle = listener.settings().element().connectionPoolSettings().idleTimeout();
        boolean reusable = caller == null;
        TcpReplyExchange exchange = new TcpReplyExchange(listener, ctx.channel(), contentType, caller, ch -> {
            if (!reusable) {
                ch.close();
                return;
            }
            decoder.maxEnvelopeSize(1);
            ch.pipeline().replace("session", "session", new ServerPreambleHandler(server, decoder, scheduler, idle,
                    true));
        });
        ctx.pipeline().replace(this, "session", exchange);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {FramingRecord.PREAMBLE_ACK}));
        settle();
    }

    private void fault(ChannelHandlerContext ctx, FramingFault fault) {
        timer.cancel();
        expected = -1;
        ctx.writeAndFlush(Unpooled.wrappedBuffer(FramingWriter.fault(fault))).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable thrown) {
        Throwable cause = FramingException.unwrap(thrown);
        if (cause instanceof FramingException f && f.fault() != null) {
            fault(ctx, f.fault());
        } else {
            if (cause instanceof SecurityNegotiationException refused) {
                LOG.warn("A net.tcp connection to {} was refused in its stream upgrade: {}", via, refused.getMessage());
            }
            timer.cancel();
            ctx.close();
        }
    }
}

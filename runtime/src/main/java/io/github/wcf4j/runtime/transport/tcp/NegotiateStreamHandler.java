package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A NegotiateStream ([MS-NNS]; .NET's {@code NegotiateStream}, WCF's {@code WindowsStreamSecurityUpgradeProvider})
 * over a connection: first the handshake, then the data messages.
 *
 * <p><b>Handshake</b> ([MS-NNS] §2.2.1): {@code MessageId Major(01) Minor(00) PayloadSize(2, big-endian) AuthPayload}
 * with MessageId {@code 16} InProgress, {@code 14} Done, {@code 15} Error (payload: an 8-byte big-endian error code).
 * The client sends its first SPNEGO token; each side sends its next token as InProgress, or Done when that step
 * completed its context; the service, once complete, always sends Done (with an empty token if it has none); a Done
 * token is still fed to the context. A side is through when its context is complete and the peer's Done was seen
 * (the service: when it sent Done). The GSS steps run on {@code work} (a client's may ask the KDC for a ticket), the
 * rest on the connection's event loop. A failure at the service sends the Error message, and at either side fires a
 * {@link SecurityNegotiationException}; success fires {@link StreamUpgradeCompleted}.
 *
 * <p><b>Data</b> ([MS-NNS] §2.2.2): {@code PayloadSize(4, little-endian) Payload}, the payload one GSS wrap token of at
 * most {@value #MAX_WRITTEN} bytes (the plaintext per message sized from the wrapped length, never from a fixed
 * overhead); a message larger than {@value #MAX_READ} is refused. {@code EncryptAndSign}: wrap with confidentiality;
 * {@code Sign}: wrap without (integrity only; .NET's {@code MakeSignature} layout is not verified against a Windows
 * peer); {@code None}: the bytes go unframed after the handshake.
 */
final class NegotiateStreamHandler extends ByteToMessageCodec<ByteBuf> {
    static final int IN_PROGRESS = 0x16;
    static final int DONE = 0x14;
    static final int ERROR = 0x15;
    /** The largest data message payload written ([MS-NNS] 2019 errata: {@code 0xFC30}). */
    static final int MAX_WRITTEN = 0xFC30;
    /** The largest data message payload read (64 KiB, as .NET's framer). */
    static final int MAX_READ = 0x10000;
    /** {@code SEC_E_LOGON_DENIED}, the code a service's Error message carries when it refuses the client. */
    static final long LOGON_DENIED = 0x8009030CL;
    /** {@code ERROR_TRUST_FAILURE}: the negotiated protection is below what the service requires. */
    static final long TRUST_FAILURE = 1790;

    private final boolean initiator;
    private final ProtectionLevel level;
    private final Executor work;
    private final Supplier<NegotiateContext> start;
    private final Function<NegotiateContext, ServiceSecurityContext> established;
    private NegotiateContext context;
    private boolean busy;
    private boolean peerDone;
    private boolean done;
    private boolean failed;
    private int maxPlain;

    /**
     * @param start       makes this side's context (on {@code work})
     * @param established checks a completed context and names the caller (anonymous at the client)
     * @throws SecurityNegotiationException from {@code established} when the context does not do
     */
    NegotiateStreamHandler(boolean initiator, ProtectionLevel level, Executor work, Supplier<NegotiateContext> start,
            Function<NegotiateContext, ServiceSecurityContext> established) {
        this.initiator = initiator;
        this.level = level;
        this.work = work;
        this.start = start;
        this.established = established;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        busy = true;
        work.execute(() -> {
            NegotiateContext made;
            byte[] first;
            try {
                made = start.get();
                first = initiator ? made.step(new byte[0]) : null;
            } catch (RuntimeException e) {
                ctx.executor().execute(() -> fail(ctx, e, 0));
                return;
            }
            ctx.executor().execute(() -> {
                context = made;
                if (failed || !ctx.channel().isActive()) {
                    made.dispose();
                    return;
                }
                if (first != null) {
                    send(ctx, made.established() ? DONE : IN_PROGRESS, first);
                }
                busy = false;
                resume(ctx);
            });
        });
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        NegotiateContext c = context;
        if (c != null) {
            c.dispose();
        }
        super.handlerRemoved(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
        } else if (done) {
            data(in, out);
        } else if (!busy) {
            handshake(ctx, in);
        }
    }

    private void handshake(ChannelHandlerContext ctx, ByteBuf in) {
        if (in.readableBytes() < 5) {
            return;
        }
        int at = in.readerIndex();
        int id = in.getUnsignedByte(at);
        int size = in.getUnsignedShort(at + 3);
        if (in.readableBytes() < 5 + size) {
            return;
        }
        in.skipBytes(5);
        byte[] payload = new byte[size];
        in.readBytes(payload);
        if (id == ERROR) {
            long code = 0;
            for (int i = 0; i < Math.min(8, size); i++) {
                code = code << 8 | (payload[i] & 0xff);
            }
            fail(ctx, new SecurityNegotiationException(code == LOGON_DENIED
                    ? WcfText.net_auth_bad_client_creds.format()
                    : WcfText.net_auth_bad_client_creds_or_target_mismatch.format(), null), 0);
            return;
        }
        if (id != IN_PROGRESS && id != DONE) {
            fail(ctx, new SecurityNegotiationException(WcfText.NegotiationFailedIO.format(
                    "a NegotiateStream handshake message of type 0x" + Integer.toHexString(id)), null),
                    TRUST_FAILURE);
            return;
        }
        peerDone |= id == DONE;
        NegotiateContext c = context;
        if (c.established()) {
            // a complete client awaiting the service's Done (nothing more to feed), or a message too many
            if (initiator && id == DONE) {
                finish(ctx);
            } else {
                fail(ctx, new SecurityNegotiationException(WcfText.NegotiationFailedIO.format(
                        "a NegotiateStream handshake message after the context was complete"), null), TRUST_FAILURE);
            }
            return;
        }
        busy = true;
        work.execute(() -> {
            byte[] next;
            try {
                next = c.step(payload);
            } catch (RuntimeException e) {
                ctx.executor().execute(() -> fail(ctx, e, LOGON_DENIED));
                return;
            }
            ctx.executor().execute(() -> stepped(ctx, c, next));
        });
    }

    /** After a step, on the event loop: answer, and finish when both sides are through. */
    private void stepped(ChannelHandlerContext ctx, NegotiateContext c, byte[] next) {
        if (failed) {
            return;
        }
        boolean complete = c.established();
        if (initiator) {
            if (next.length > 0) {
                send(ctx, complete ? DONE : IN_PROGRESS, next);
            }
            if (complete && peerDone) {
                finish(ctx);
                return;
            }
        } else if (complete) {
            try {
                checked(c); // before Done: a client whose protection is too low gets the Error message instead
            } catch (RuntimeException e) {
                fail(ctx, e, TRUST_FAILURE);
                return;
            }
            send(ctx, DONE, next);
            finish(ctx);
            return;
        } else {
            send(ctx, IN_PROGRESS, next);
        }
        busy = false;
        resume(ctx);
    }

    private ServiceSecurityContext checked(NegotiateContext c) {
        if (!c.protects(level)) {
            throw new SecurityNegotiationException("The negotiated Windows security context does not provide"
                    + " the protection level " + level + ".", null);
        }
        return established.apply(c);
    }

    private void finish(ChannelHandlerContext ctx) {
        ServiceSecurityContext caller;
        try {
            caller = checked(context);
            if (level != ProtectionLevel.None) {
                maxPlain = context.maxPlain(level == ProtectionLevel.EncryptAndSign, MAX_WRITTEN);
            }
        } catch (RuntimeException e) {
            fail(ctx, e, 0);
            return;
        }
        done = true;
        busy = false;
        ctx.fireUserEventTriggered(new StreamUpgradeCompleted(caller));
        resume(ctx);
    }

    /** Decodes what arrived while a step ran. */
    private void resume(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            try {
                channelRead(ctx, Unpooled.EMPTY_BUFFER);
            } catch (Exception e) {
                ctx.fireExceptionCaught(e);
            }
        }
    }

    private void send(ChannelHandlerContext ctx, int id, byte[] token) {
        ByteBuf b = ctx.alloc().buffer(5 + token.length);
        b.writeByte(id).writeByte(1).writeByte(0).writeShort(token.length).writeBytes(token);
        ctx.writeAndFlush(b);
    }

    /** Fails the handshake; a service sends the Error message with {@code code} first (0: none). */
    private void fail(ChannelHandlerContext ctx, RuntimeException cause, long code) {
        if (failed) {
            return;
        }
        failed = true;
        SecurityNegotiationException refused = cause instanceof SecurityNegotiationException s ? s
                : new SecurityNegotiationException(cause.getMessage(), cause);
        if (!initiator && code != 0 && ctx.channel().isActive()) {
            ByteBuf b = ctx.alloc().buffer(13);
            b.writeByte(ERROR).writeByte(1).writeByte(0).writeShort(8).writeLong(code);
            // the connection is closed once the Error message is out
            ctx.writeAndFlush(b).addListener(f -> ctx.fireExceptionCaught(refused));
            return;
        }
        ctx.fireExceptionCaught(refused);
    }

    private void data(ByteBuf in, List<Object> out) {
        if (level == ProtectionLevel.None) {
            out.add(in.readRetainedSlice(in.readableBytes()));
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        int size = in.getIntLE(in.readerIndex());
        if (size <= 0 || size > MAX_READ) {
            failed = true;
            throw new CommunicationException(WcfText.NegotiationFailedIO.format("a NegotiateStream data message of "
                    + Integer.toUnsignedString(size) + " bytes"));
        }
        if (in.readableBytes() < 4 + size) {
            return;
        }
        in.skipBytes(4);
        byte[] token = new byte[size];
        in.readBytes(token);
        out.add(Unpooled.wrappedBuffer(context.unwrap(token, level == ProtectionLevel.EncryptAndSign)));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
        if (!done) {
            throw new IllegalStateException("a framing record was written before the NegotiateStream handshake ended");
        }
        if (level == ProtectionLevel.None) {
            out.writeBytes(msg);
            return;
        }
        byte[] plain = new byte[msg.readableBytes()];
        msg.readBytes(plain);
        boolean conf = level == ProtectionLevel.EncryptAndSign;
        for (int at = 0; at < plain.length; at += maxPlain) {
            byte[] token = context.wrap(plain, at, Math.min(maxPlain, plain.length - at), conf);
            out.writeIntLE(token.length);
            out.writeBytes(token);
        }
    }
}

package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.http.InboundBody;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The service end of one singleton connection (streamed transfer; WCF {@code SingletonConnectionReader},
 * {@code StreamedFramingRequestContext}): the client's UnsizedEnvelope, read piece by piece as it arrives
 * ({@link TcpStreamedReceive}), becomes one request on the listener's {@link TcpReplyChannel} once its headers are in,
 * its body still arriving; the reply goes back as an UnsizedEnvelope followed by End (End alone for no reply), a
 * reply written by a {@code BodyWriter} chunk by chunk as it is written. An envelope past
 * {@code maxReceivedMessageSize} gets WCF's {@code MaxMessageSizeExceededFault} and the connection is closed (a body
 * being read fails with WCF's quota text); an unreadable one closes it. After the client's End and this reply's End
 * the connection goes to {@code afterEnd} (the next preamble, as WCF's demuxer does). A request not whole within the
 * binding's {@code receiveTimeout} of the PreambleAck (a client trickling chunks or stalled mid-envelope) is cut off:
 * the connection is closed (nothing dispatched when its headers had not arrived).
 */
final class TcpReplyExchange extends SimpleChannelInboundHandler<FramingFrame> implements RequestContext {
    private static final byte[] END = {FramingRecord.END};
    private final TcpChannelListener<?> listener;
    private final Channel connection;
    private final FramingEncoding.Codec codec;
    private final ServiceSecurityContext caller;
    private final Consumer<Channel> afterEnd;
    private final AtomicBoolean replied = new AtomicBoolean();
    private volatile Message request;
    private TcpStreamedReceive receive;
    private boolean envelopeEnded;
    private boolean clientEnded;
    private boolean sentEnd;
    private Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;

    TcpReplyExchange(TcpChannelListener<?> listener, Channel connection, String contentType,
            ServiceSecurityContext caller, Consumer<Channel> afterEnd) {
        this.listener = listener;
        this.connection = connection;
        this.codec = listener.settings().encoding().newCodec(contentType,
                listener.settings().element().maxReceivedMessageSize());
        this.caller = caller;
        this.afterEnd = afterEnd;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = listener.settings().scheduler().schedule(listener.settings().timeouts().receiveTimeout(),
                () -> ctx.channel().close());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FramingFrame frame) {
        if (frame.type() == FramingRecord.UNSIZED_ENVELOPE && !envelopeEnded) {
            if (frame.isOversized()) {
                timer.cancel();
                if (receive != null) {
                    receive.connectionLost(InboundBody.quotaExceeded(
                            listener.settings().element().maxReceivedMessageSize()));
                }
                // the client may still be writing its body: drained, so the fault reaches it (not a reset)
                FaultThenDrain.send(ctx.channel(), FramingWriter.fault(FramingFault.MAX_MESSAGE_SIZE_EXCEEDED),
                        listener.settings().scheduler(), listener.settings().timeouts().closeTimeout());
                return;
            }
            if (receive == null) {
                receive = new TcpStreamedReceive(ctx.channel(), codec, listener.settings().element().maxBufferSize(),
                        listener.settings().element().maxReceivedMessageSize(), null, listener.settings().held(),
                        this::dispatch, e -> ctx.close());
            }
            if (frame.isEnvelopeEnd()) {
                timer.cancel(); // the request is whole within receiveTimeout of the PreambleAck
                envelopeEnded = true;
                receive.end();
            } else {
                receive.piece(frame.payload());
            }
        } else if (frame.type() == FramingRecord.END && envelopeEnded && request != null) {
            boolean both;
            synchronized (this) {
                clientEnded = true;
                both = sentEnd;
            }
            if (both) {
                afterEnd.accept(connection);
            }
        } else {
            ctx.close(); // WCF's FramingRecordTypeMismatch: aborted without a fault
        }
    }

    /** The request's headers are in (its body may still be arriving): it is queued on the listener's channel. */
    private void dispatch(Message m) {
        if (caller != null && !caller.isAnonymous()) {
            m.properties().put(ServiceSecurityContext.class, caller);
        }
        request = m;
        TcpReplyChannel channel = listener.replyChannel();
        if (channel == null || !channel.offer(this)) {
            connection.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timer.cancel();
        if (receive != null) {
            receive.connectionLost(new CommunicationException(WcfText.TcpConnectionResetError.format(
                    WcfTimeSpan.format(listener.settings().timeouts().receiveTimeout()))));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = FramingException.unwrap(cause);
        if (c instanceof FramingException f && f.fault() != null) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(FramingWriter.fault(f.fault()))).addListener(x -> ctx.close());
        } else {
            ctx.close();
        }
    }

    @Override
    public Message requestMessage() {
        return request;
    }

    @Override
    public CompletableFuture<Void> reply(Message reply, Duration timeout) {
        if (!replied.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException("A reply was already sent."));
        }
        if (reply != null && reply.bodyWriter().isPresent()) {
            return sendStreamed(reply);
        }
        ByteBuf out;
        try {
            out = reply == null ? Unpooled.wrappedBuffer(END)
                    : FramingWriter.unsizedEnvelope(connection.alloc(), codec.write(reply),
                            listener.settings().chunkSize(), true);
        } catch (RuntimeException e) {
            connection.close();
            return CompletableFuture.failedFuture(e);
        }
        return whenSent(connection.writeAndFlush(out));
    }

    /**
     * A reply whose body is written as it is sent (a stream operation's result): chunk by chunk from this thread (the
     * invocation thread, which may block), never held whole.
     */
    private CompletableFuture<Void> sendStreamed(Message reply) {
        UnsizedEnvelopeOutput out = new UnsizedEnvelopeOutput(connection, listener.settings().chunkSize(),
                listener.settings().held());
        try {
            codec.write(reply, out, listener.settings().chunkSize());
            return whenSent(out.finish(true));
        } catch (IOException | RuntimeException e) {
            out.discard();
            connection.close();
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> whenSent(ChannelFuture written) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        written.addListener(f -> {
            if (!f.isSuccess()) {
                sent.completeExceptionally(new CommunicationException(
                        String.valueOf(f.cause().getMessage()), f.cause()));
                return;
            }
            boolean both;
            synchronized (this) {
                sentEnd = true;
                both = clientEnded;
            }
            if (both) {
                afterEnd.accept(connection);
            }
            sent.complete(null);
        });
        return sent;
    }

    @Override
    public void abort() {
        replied.set(true);
        connection.close();
    }
}

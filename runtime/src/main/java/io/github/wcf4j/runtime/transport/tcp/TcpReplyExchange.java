package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The service end of one singleton connection (streamed transfer; WCF {@code SingletonConnectionReader},
 * {@code StreamedFramingRequestContext}): the client's UnsizedEnvelope, read chunk by chunk as it arrives, becomes one
 * request on the listener's {@link TcpReplyChannel}; the reply goes back as an UnsizedEnvelope followed by End (End
 * alone for no reply). An envelope past {@code maxReceivedMessageSize} gets WCF's {@code MaxMessageSizeExceededFault}
 * and the connection is closed, nothing dispatched; an unreadable one closes it. After the client's End and this
 * reply's End the connection goes to {@code afterEnd} (the next preamble, as WCF's demuxer does). A request not whole
 * within the binding's {@code receiveTimeout} of the PreambleAck (a client trickling chunks or stalled mid-envelope)
 * is cut off: the connection is closed, nothing dispatched.
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
    public void channelInactive(ChannelHandlerContext ctx) {
        timer.cancel();
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FramingFrame frame) {
        if (frame.type() == FramingRecord.UNSIZED_ENVELOPE) {
            timer.cancel();
        }
        if (frame.type() == FramingRecord.UNSIZED_ENVELOPE && request == null) {
            if (frame.payload() == null) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(FramingWriter.fault(
                        FramingFault.MAX_MESSAGE_SIZE_EXCEEDED))).addListener(f -> ctx.close());
                return;
            }
            Message m;
            try {
                m = codec.read(frame.payload());
            } catch (RuntimeException e) {
                ctx.close();
                return;
            }
            if (caller != null && !caller.isAnonymous()) {
                m.properties().put(ServiceSecurityContext.class, caller);
            }
            request = m;
            TcpReplyChannel channel = listener.replyChannel();
            if (channel == null || !channel.offer(this)) {
                ctx.close();
            }
        } else if (frame.type() == FramingRecord.END && request != null) {
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
        ByteBuf out = reply == null ? Unpooled.wrappedBuffer(END)
                : FramingWriter.unsizedEnvelope(connection.alloc(), codec.write(reply),
                        listener.settings().chunkSize(), true);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        connection.writeAndFlush(out).addListener(f -> {
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

package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationObjectAbortedException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.Scheduler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client of streamed transfer over TCP (WCF {@code StreamedFramingRequestChannel}, [MC-NMF] singleton-unsized
 * mode {@code 01}): each request takes a pooled connection or connects, sends the singleton preamble (the sessionless
 * encoding: binary {@code 07}), then the request as an UnsizedEnvelope in data chunks followed by End, and reads the
 * reply's UnsizedEnvelope and the service's End (End alone: no reply). The connection then goes back to the pool;
 * on a timeout, a fault or a reset it is closed. Requests run concurrently, each on a connection of its own; closing
 * the channel lets those in flight finish, aborting it fails them at once. Thread-safe.
 */
final class TcpRequestChannel extends AbstractCommunicationObject implements RequestChannel {
    private final TcpSettings settings;
    private final EndpointAddress remote;
    private final URI via;
    private final TcpConnectionPool pool;
    private final FramingEncoding.Codec codec;
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();

    TcpRequestChannel(TcpSettings settings, EndpointAddress remote, URI via, TcpConnectionPool pool) {
        this.settings = settings;
        this.remote = remote;
        this.via = via;
        this.pool = pool;
        this.codec = settings.encoding().newCodec(settings.encoding().contentType(),
                settings.element().maxReceivedMessageSize());
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.StreamedFramingRequestChannel";
    }

    @Override
    public EndpointAddress remoteAddress() {
        return remote;
    }

    @Override
    public URI via() {
        return via;
    }

    @Override
    public CompletableFuture<Message> request(Message request, Duration timeout) {
        throwIfNotOpened();
        if (request.headers().to() == null && !settings.element().manualAddressing()) {
            request.headers().to(remote);
        }
        byte[] payload = codec.write(request);
        Exchange x = new Exchange();
        inFlight.add(x);
        Scheduler.Cancellable timer = settings.scheduler().schedule(timeout, () -> x.reply.completeExceptionally(
                new CommunicationTimeoutException(WcfText.RequestTimedOut.format(WcfTimeSpan.format(timeout)))));
        x.reply.whenComplete((m, e) -> {
            timer.cancel();
            inFlight.remove(x);
            if (e != null) {
                x.closeConnection();
            }
        });
        TcpConnector.connect(settings, remote, via, pool, timeout, ch -> x.connection = ch, ch -> x)
                .whenComplete((ch, e) -> {
                    if (e != null) {
                        x.reply.completeExceptionally(Futures.unwrap(e));
                        return;
                    }
                    ch.writeAndFlush(FramingWriter.unsizedEnvelope(ch.alloc(), payload, settings.chunkSize(), true))
                            .addListener(f -> {
                                if (!f.isSuccess()) {
                                    x.reply.completeExceptionally(reset(f.cause()));
                                }
                            });
                });
        return x.reply;
    }

    private CommunicationException reset(Throwable cause) {
        return new CommunicationException(WcfText.TcpConnectionResetError.format(
                WcfTimeSpan.format(settings.timeouts().receiveTimeout())), cause);
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return CompletableFuture.completedFuture(null); // each request connects
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return CompletableFuture.completedFuture(null); // requests in flight finish
    }

    @Override
    protected void onAbort() {
        CommunicationObjectAbortedException aborted = new CommunicationObjectAbortedException(
                WcfText.CommunicationObjectAborted1.format(wcfTypeName()));
        inFlight.forEach(x -> x.reply.completeExceptionally(aborted));
    }

    /** One request's connection, from the PreambleAck to the service's End. */
    private final class Exchange extends SimpleChannelInboundHandler<FramingFrame> {
        final CompletableFuture<Message> reply = new CompletableFuture<>();
        volatile Channel connection;
        private Message answer;
        private boolean answered;

        void closeConnection() {
            Channel ch = connection;
            if (ch != null) {
                ch.close();
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FramingFrame frame) {
            if (frame.type() == FramingRecord.UNSIZED_ENVELOPE && !answered) {
                if (frame.payload() == null) {
                    reply.completeExceptionally(new QuotaExceededException(WcfText.MaxReceivedMessageSizeExceeded
                            .format(settings.element().maxReceivedMessageSize())));
                    return;
                }
                try {
                    answer = codec.read(frame.payload());
                    answered = true;
                } catch (RuntimeException e) {
                    reply.completeExceptionally(e);
                }
            } else if (frame.type() == FramingRecord.END) {
                // End both ways: the connection may carry the next request's preamble (not after a stream upgrade);
                // pooled before the reply completes, so a request its caller sends next finds it
                if (reply.isDone()) {
                    ctx.close();
                    return;
                }
                if (settings.upgrade().isEmpty()) {
                    pool.give(via, ctx.channel());
                } else {
                    ctx.close();
                }
                reply.complete(answer);
            } else if (frame.type() == FramingRecord.FAULT) {
                reply.completeExceptionally(FramingFault.toException(frame.text(), via,
                        settings.encoding().contentType()));
            } else {
                reply.completeExceptionally(new ProtocolException(WcfText.FramingRecordTypeMismatch.format(
                        FramingRecord.name(FramingRecord.UNSIZED_ENVELOPE), FramingRecord.name(frame.type()))));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            reply.completeExceptionally(reset(null));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable thrown) {
            Throwable cause = FramingException.unwrap(thrown);
            reply.completeExceptionally(cause instanceof FramingException ? new ProtocolException(cause.getMessage(),
                    cause) : reset(cause));
            ctx.close();
        }
    }
}

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
import io.github.wcf4j.runtime.transport.http.IdleReadTimeout;
import io.github.wcf4j.runtime.transport.http.InboundBody;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
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
        boolean writesAsItGoes = request.bodyWriter().isPresent();
        byte[] payload;
        try {
            payload = writesAsItGoes ? null : codec.write(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Exchange x = new Exchange(timeout);
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
        CompletableFuture<Channel> connected = TcpConnector.connect(settings, remote, via, pool, timeout,
                ch -> x.connection = ch, ch -> x);
        if (writesAsItGoes) {
            return streamed(request, x, connected);
        }
        connected.whenComplete((ch, e) -> {
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

    /**
     * A request whose body is written as it is sent (a stream operation's): written from this thread, which waits
     * for the connection and then for each chunk to be written (WCF's {@code StreamedFramingRequestChannel} writes
     * from the calling thread too), so it is never held whole.
     */
    private CompletableFuture<Message> streamed(Message request, Exchange x, CompletableFuture<Channel> connected) {
        Channel ch;
        try {
            ch = connected.join();
        } catch (CompletionException | CancellationException e) {
            x.reply.completeExceptionally(Futures.unwrap(e));
            return x.reply;
        }
        UnsizedEnvelopeOutput out = new UnsizedEnvelopeOutput(ch, settings.chunkSize(), settings.held());
        try {
            codec.write(request, out, settings.chunkSize());
            out.finish(true).addListener(f -> {
                if (!f.isSuccess()) {
                    x.reply.completeExceptionally(reset(f.cause()));
                }
            });
        } catch (IOException | RuntimeException e) {
            out.discard();
            x.reply.completeExceptionally(e instanceof IOException ? reset(e) : e);
        }
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

    /**
     * One request's connection, from the PreambleAck to the service's End. The reply is delivered once its headers
     * are in, its body still arriving ({@link TcpStreamedReceive}); the connection goes back to the pool at the
     * service's End, when the reply's bytes have all been read off it.
     */
    private final class Exchange extends SimpleChannelInboundHandler<FramingFrame> {
        final CompletableFuture<Message> reply = new CompletableFuture<>();
        volatile Channel connection;
        private final Duration timeout;
        private TcpStreamedReceive answer;
        private boolean envelopeEnded;

        Exchange(Duration timeout) {
            this.timeout = timeout;
        }

        void closeConnection() {
            Channel ch = connection;
            if (ch != null) {
                ch.close();
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FramingFrame frame) {
            if (frame.type() == FramingRecord.UNSIZED_ENVELOPE && !envelopeEnded) {
                if (frame.isOversized()) {
                    reply.completeExceptionally(new QuotaExceededException(WcfText.MaxReceivedMessageSizeExceeded
                            .format(settings.element().maxReceivedMessageSize())));
                    if (answer != null) {
                        answer.connectionLost(InboundBody.quotaExceeded(settings.element().maxReceivedMessageSize()));
                    }
                    ctx.close();
                    return;
                }
                if (answer == null) {
                    answer = new TcpStreamedReceive(ctx.channel(), codec, settings.element().maxBufferSize(),
                            settings.element().maxReceivedMessageSize(), idleRead(), settings.held(),
                            reply::complete, reply::completeExceptionally);
                }
                if (frame.isEnvelopeEnd()) {
                    envelopeEnded = true; // its end is told at End, once the connection is pooled
                } else {
                    answer.piece(frame.payload());
                }
            } else if (frame.type() == FramingRecord.END) {
                // End both ways: the connection may carry the next request's preamble (not after a stream upgrade);
                // pooled before the reply (or its body) ends, so a request its caller sends next finds it
                if (reply.isCompletedExceptionally() || answer != null && !envelopeEnded) {
                    ctx.close();
                    return;
                }
                ctx.channel().config().setAutoRead(true); // a reply body's reader that fell behind paused it
                if (settings.upgrade().isEmpty()) {
                    pool.give(via, ctx.channel());
                } else {
                    ctx.close();
                }
                if (answer != null) {
                    answer.end();
                } else {
                    reply.complete(null); // End alone: no reply
                }
            } else if (frame.type() == FramingRecord.FAULT) {
                reply.completeExceptionally(FramingFault.toException(frame.text(), via,
                        settings.encoding().contentType()));
            } else {
                reply.completeExceptionally(new ProtocolException(WcfText.FramingRecordTypeMismatch.format(
                        FramingRecord.name(FramingRecord.UNSIZED_ENVELOPE), FramingRecord.name(frame.type()))));
            }
        }

        /** Each wait for the reply's body is bounded by the call's timeout (WCF's read timeout of the stream). */
        private IdleReadTimeout idleRead() {
            if (WcfTimeSpan.isInfinite(timeout) || timeout.compareTo(WcfTimeSpan.MAX_WAIT) > 0) {
                return null;
            }
            return new IdleReadTimeout(settings.scheduler(), timeout, () -> new CommunicationTimeoutException(
                    WcfText.RequestTimedOut.format(WcfTimeSpan.format(timeout))));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            CommunicationException lost = reset(null);
            reply.completeExceptionally(lost);
            if (answer != null) {
                answer.connectionLost(lost);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable thrown) {
            Throwable cause = FramingException.unwrap(thrown);
            RuntimeException e = cause instanceof FramingException ? new ProtocolException(cause.getMessage(),
                    cause) : reset(cause);
            reply.completeExceptionally(e);
            if (answer != null) {
                answer.connectionLost(e);
            }
            ctx.close();
        }
    }
}

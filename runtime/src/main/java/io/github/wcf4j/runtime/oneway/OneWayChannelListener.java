package io.github.wcf4j.runtime.oneway;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelListener;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one-way service side (WCF {@code ReplyOneWayChannelListener}, {@code DuplexOneWayChannelListener}): a single
 * datagram input channel that acknowledges each request at once (an empty answer) and hands its message up; over
 * duplex sessions, every session's messages are merged into that one channel.
 */
final class OneWayChannelListener<C extends Channel> extends LayeredChannelListener<C> {
    private final ChannelShape over;
    private final Scheduler scheduler;
    private final CompletableFuture<Optional<C>> closedAccept = new CompletableFuture<>();
    private C channel;

    OneWayChannelListener(ChannelType<C> type, ChannelListener<?> inner, ChannelShape over, BindingParameters p) {
        super(type, inner);
        this.over = over;
        this.scheduler = p.require(Scheduler.class);
    }

    @Override
    public synchronized CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        if (channel != null) {
            return closedAccept;
        }
        if (over == ChannelShape.DUPLEX_SESSION) {
            MergedSessions merged = new MergedSessions();
            channel = typed(merged);
            merged.acceptLoop();
            return CompletableFuture.completedFuture(Optional.of(channel));
        }
        CompletableFuture<Optional<C>> accepted = innerListener.acceptChannel(timeout)
                .thenApply(inner -> inner.map(c -> typed(over == ChannelShape.REPLY
                        ? new OverReply((ReplyChannel) c) : new OverDuplex((DuplexChannel) c))));
        accepted.thenAccept(c -> c.ifPresent(x -> {
            synchronized (this) {
                channel = x;
            }
        }));
        return accepted;
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        closedAccept.complete(Optional.empty());
        return super.onClose(timeout);
    }

    @Override
    protected void onAbort() {
        closedAccept.complete(Optional.empty());
        super.onAbort();
    }

    /** Acknowledges each request with an empty answer, then hands the message up. */
    private static final class OverReply extends LayeredChannel<ReplyChannel> implements InputChannel {
        OverReply(ReplyChannel inner) {
            super(inner);
        }

        @Override
        public EndpointAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            if (doneReceiving()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return inner.receiveRequest(timeout).thenCompose(ctx -> {
                if (ctx.isEmpty()) {
                    return CompletableFuture.completedFuture(Optional.<Message>empty());
                }
                return ctx.get().reply(null, timeout).thenApply(v -> Optional.of(ctx.get().requestMessage()));
            });
        }
    }

    /** Receives from the duplex channel as is. */
    private static final class OverDuplex extends LayeredChannel<DuplexChannel> implements InputChannel {
        OverDuplex(DuplexChannel inner) {
            super(inner);
        }

        @Override
        public EndpointAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            if (doneReceiving()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return inner.receive(timeout);
        }
    }

    /** Every accepted duplex session's messages, in one input channel. */
    private final class MergedSessions extends AbstractCommunicationObject implements InputChannel {
        private final InboundQueue<Message> queue = new InboundQueue<>(scheduler);

        void acceptLoop() {
            innerListener.acceptChannel(WcfTimeSpan.INFINITE).whenComplete((c, e) -> {
                if (e != null || c.isEmpty()) {
                    return;
                }
                DuplexChannel session = (DuplexChannel) c.get();
                session.open(WcfTimeSpan.INFINITE).thenRun(() -> pump(session));
                acceptLoop();
            });
        }

        /** Moves a session's messages into the merged queue until the session ends. */
        private void pump(DuplexChannel session) {
            ReceivePump.run(() -> session.receive(WcfTimeSpan.INFINITE), queue::offer, e -> session.abort());
        }

        @Override
        public EndpointAddress localAddress() {
            return EndpointAddress.of(uri());
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            return receiveFrom(queue, timeout);
        }

        @Override
        protected CompletableFuture<Void> onOpen(Duration timeout) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            queue.close();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        protected void onAbort() {
            queue.close();
        }
    }
}

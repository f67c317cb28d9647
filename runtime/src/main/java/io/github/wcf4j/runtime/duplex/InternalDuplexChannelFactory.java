package io.github.wcf4j.runtime.duplex;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ResumableLocalAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.time.Scheduler;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WCF's hidden {@code InternalDuplexChannelFactory}: a client {@link DuplexChannel} made of an outbound one-way channel
 * to the service and a back-channel listener where the service's messages arrive. One listener serves every channel of
 * the factory; each channel has its own local address under the listener's, which it sends as {@code wsa:ReplyTo}, and
 * incoming messages are routed to the channel whose address they are sent {@code To}.
 */
public final class InternalDuplexChannelFactory<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelFactory<C> {
    private static final Logger LOG = LoggerFactory.getLogger(InternalDuplexChannelFactory.class);

    private final ChannelFactory<OutputChannel> output;
    private final ChannelListener<InputChannel> backChannel;
    private final Scheduler scheduler;
    private final Map<String, ClientDuplexChannel> channels = new ConcurrentHashMap<>();
    private volatile InputChannel input;

    public InternalDuplexChannelFactory(ChannelType<C> type, ChannelFactory<OutputChannel> output,
            ChannelListener<InputChannel> backChannel, BindingParameters p) {
        super(type);
        this.output = output;
        this.backChannel = backChannel;
        this.scheduler = p.require(Scheduler.class);
    }

    /** Where the back channel listens (valid once open). */
    public URI listenUri() {
        return backChannel.uri();
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        OutputChannel out = output.createChannel(to, via);
        String base = backChannel.uri().toString();
        EndpointAddress local = EndpointAddress.of((base.endsWith("/") ? base : base + "/") + UUID.randomUUID());
        return typed(new ClientDuplexChannel(out, local));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return output.open(timeout)
                .thenCompose(v -> backChannel.open(timeout))
                .thenCompose(v -> backChannel.acceptChannel(timeout))
                .thenCompose(c -> {
                    input = c.orElseThrow();
                    return input.open(timeout);
                })
                .thenRun(this::pump);
    }

    /** Routes every message arriving on the back channel to its duplex channel. */
    private void pump() {
        ReceivePump.run(() -> input.receive(WcfTimeSpan.INFINITE), this::route, e -> {
            if (e != null && state() == CommunicationState.Opened) {
                LOG.warn("the composite duplex back channel failed: {}", e.toString());
            }
            channels.values().forEach(c -> c.inbox.close());
        });
    }

    private void route(Message m) {
        EndpointAddress to = m.headers().to();
        ClientDuplexChannel target = to == null ? null : channels.get(to.uri().toString());
        if (target == null) {
            List<ClientDuplexChannel> all = List.copyOf(channels.values());
            if (all.size() == 1) {
                target = all.get(0);
            } else {
                LOG.warn("dropped a message on the composite duplex back channel addressed to {}: no channel there", to);
                return;
            }
        }
        target.inbox.offer(m);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        channels.values().forEach(ClientDuplexChannel::abort);
        InputChannel in = input;
        return (in == null ? CompletableFuture.<Void>completedFuture(null) : in.close(timeout))
                .thenCompose(v -> backChannel.close(timeout))
                .thenCompose(v -> output.close(timeout));
    }

    @Override
    protected void onAbort() {
        channels.values().forEach(ClientDuplexChannel::abort);
        InputChannel in = input;
        if (in != null) {
            in.abort();
        }
        backChannel.abort();
        output.abort();
    }

    /** One client duplex channel: out through its own outbound channel, in through the shared back channel. */
    private final class ClientDuplexChannel extends LayeredChannel<OutputChannel>
            implements DuplexChannel, ResumableLocalAddress {
        final InboundQueue<Message> inbox = new InboundQueue<>(scheduler);
        private volatile EndpointAddress local;

        ClientDuplexChannel(OutputChannel out, EndpointAddress local) {
            super(out);
            this.local = local;
        }

        @Override
        public EndpointAddress localAddress() {
            return local;
        }

        @Override
        public void resumeAt(EndpointAddress stored) {
            if (state() != CommunicationState.Created) {
                throw new IllegalStateException("a channel's local address is set before it is opened");
            }
            local = stored;
        }

        @Override
        public EndpointAddress remoteAddress() {
            return inner.remoteAddress();
        }

        @Override
        public URI via() {
            return inner.via();
        }

        @Override
        public CompletableFuture<Void> send(Message message, Duration timeout) {
            throwIfNotOpened();
            if (message.headers().replyTo() == null) {
                message.headers().replyTo(local);
            }
            return inner.send(message, timeout);
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            return receiveFrom(inbox, timeout);
        }

        @Override
        protected CompletableFuture<Void> onOpen(Duration timeout) {
            channels.put(local.uri().toString(), this);
            return super.onOpen(timeout);
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            channels.remove(local.uri().toString(), this);
            inbox.close();
            return super.onClose(timeout);
        }

        @Override
        protected void onAbort() {
            channels.remove(local.uri().toString(), this);
            inbox.close();
            super.onAbort();
        }
    }
}

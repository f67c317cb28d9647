package io.github.wcf4j.runtime.duplex;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.stack.BindingParameters;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WCF's hidden {@code InternalDuplexChannelListener}: one datagram service {@link DuplexChannel} whose input is the
 * composite duplex's input channel and whose output sends each message to its {@code wsa:To} (the client's back
 * channel, as the layer above addresses it) over an outbound channel per address.
 */
public final class InternalDuplexChannelListener<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelListener<C> {
    private final ChannelListener<InputChannel> input;
    private final ChannelFactory<OutputChannel> output;
    private final CompletableFuture<Optional<C>> closedAccept = new CompletableFuture<>();
    private boolean accepted;

    public InternalDuplexChannelListener(ChannelType<C> type, ChannelListener<InputChannel> input,
            ChannelFactory<OutputChannel> output, BindingParameters p) {
        super(type);
        this.input = input;
        this.output = output;
    }

    @Override
    public URI uri() {
        return input.uri();
    }

    @Override
    public synchronized CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        if (accepted) {
            return closedAccept;
        }
        accepted = true;
        return input.acceptChannel(timeout).thenApply(c -> c.map(in -> typed(new ServiceDuplexChannel(in))));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return output.open(timeout).thenCompose(v -> input.open(timeout));
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        closedAccept.complete(Optional.empty());
        return input.close(timeout).thenCompose(v -> output.close(timeout));
    }

    @Override
    protected void onAbort() {
        closedAccept.complete(Optional.empty());
        input.abort();
        output.abort();
    }

    /** Receives through the input channel; sends each message to its {@code To} through a cached outbound channel. */
    private final class ServiceDuplexChannel extends LayeredChannel<InputChannel> implements DuplexChannel {
        private final Map<URI, OutputChannel> outbound = new ConcurrentHashMap<>();

        ServiceDuplexChannel(InputChannel in) {
            super(in);
        }

        @Override
        public EndpointAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public EndpointAddress remoteAddress() {
            return EndpointAddress.ANONYMOUS;
        }

        @Override
        public URI via() {
            return null;
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            if (doneReceiving()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return inner.receive(timeout);
        }

        @Override
        public CompletableFuture<Void> send(Message message, Duration timeout) {
            throwIfNotOpened();
            EndpointAddress to = message.headers().to();
            if (to == null || to.isAnonymous() || to.isNone()) {
                return CompletableFuture.failedFuture(new CommunicationException("A message on a composite duplex"
                        + " channel must be addressed to the client's back channel, but its To is " + to + "."));
            }
            OutputChannel out = outbound.computeIfAbsent(to.uri(), uri -> {
                OutputChannel c = output.createChannel(to, uri);
                c.open(WcfTimeSpan.INFINITE);
                return c;
            });
            return out.send(message, timeout);
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            outbound.values().forEach(OutputChannel::abort);
            return super.onClose(timeout);
        }

        @Override
        protected void onAbort() {
            outbound.values().forEach(OutputChannel::abort);
            super.onAbort();
        }
    }
}

package io.github.wcf4j.runtime.transport.inmemory;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.QueuedReplyChannel;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Listens on the in-memory wire for requests at a URI; like HTTP, it yields one datagram {@link ReplyChannel} that
 * receives every request.
 */
final class InMemoryReplyChannelListener<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelListener<C> {
    private final InMemoryNetwork network;
    private final TextMessageEncoder encoder;
    private final URI uri;
    private final long maxReceivedMessageSize;
    private final InMemoryReplyChannel channel;
    private final AtomicBoolean accepted = new AtomicBoolean();
    private final CompletableFuture<Optional<C>> closedAccept = new CompletableFuture<>();

    InMemoryReplyChannelListener(ChannelType<C> type, InMemoryNetwork network, TextMessageEncoder encoder, URI uri,
            long maxReceived) {
        super(type);
        this.network = network;
        this.encoder = encoder;
        this.uri = uri;
        this.maxReceivedMessageSize = maxReceived;
        this.channel = new InMemoryReplyChannel();
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        if (accepted.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(Optional.of(typed(channel)));
        }
        return closedAccept;
    }

    /**
     * A request arrived: decode it (or fail the exchange) and queue it. {@code action} travels beside the envelope, as
     * HTTP's {@code SOAPAction} does, for messages without WS-Addressing.
     */
    void receive(byte[] bytes, String contentType, String action, Consumer<byte[]> replySender,
            CompletableFuture<?> exchange) {
        if (bytes.length > maxReceivedMessageSize) {
            exchange.completeExceptionally(new QuotaExceededException(
                    WcfText.MaxReceivedMessageSizeExceeded.format(maxReceivedMessageSize)));
            return;
        }
        Message request;
        try {
            request = encoder.read(bytes, contentType);
        } catch (RuntimeException e) {
            exchange.completeExceptionally(e);
            return;
        }
        if (request.headers().action() == null && action != null && !action.isEmpty()) {
            request.headers().action(action);
        }
        if (!channel.offer(new Context(request, replySender, exchange))) {
            exchange.completeExceptionally(new EndpointNotFoundException(
                    WcfText.EndpointNotFound.format(uri)));
        }
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        network.register(uri, this);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        network.unregister(uri, this);
        closedAccept.complete(Optional.empty());
        return channel.close(timeout);
    }

    @Override
    protected void onAbort() {
        network.unregister(uri, this);
        closedAccept.complete(Optional.empty());
        channel.abort();
    }

    private final class Context implements RequestContext {
        private final Message request;
        private final Consumer<byte[]> replySender;
        private final CompletableFuture<?> exchange;
        private final AtomicBoolean answered = new AtomicBoolean();

        Context(Message request, Consumer<byte[]> replySender, CompletableFuture<?> exchange) {
            this.request = request;
            this.replySender = replySender;
            this.exchange = exchange;
        }

        @Override
        public Message requestMessage() {
            return request;
        }

        @Override
        public CompletableFuture<Void> reply(Message reply, Duration timeout) {
            if (answered.compareAndSet(false, true)) {
                replySender.accept(reply == null ? null : encoder.write(reply));
            }
            return CompletableFuture.completedFuture(null);
        }

        /** The exchange fails at once, as an HTTP client's does when the service closes the connection. */
        @Override
        public void abort() {
            if (answered.compareAndSet(false, true)) {
                network.scheduler().executor().execute(() -> exchange.completeExceptionally(new CommunicationException(
                        "The in-memory request to " + uri + " was aborted by the service before it was answered.")));
            }
        }
    }

    private final class InMemoryReplyChannel extends QueuedReplyChannel {
        InMemoryReplyChannel() {
            super(network.scheduler(), () -> uri);
        }

        /** Nobody will receive it any more: its exchange fails at once instead of waiting for its timeout. */
        @Override
        protected void unreceived(RequestContext request) {
            request.abort();
        }
    }
}

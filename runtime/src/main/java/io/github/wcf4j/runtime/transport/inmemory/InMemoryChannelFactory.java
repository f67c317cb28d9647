package io.github.wcf4j.runtime.transport.inmemory;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.AddressedRequestChannel;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Client channels over the in-memory wire: request channels, each request one exchange as an HTTP POST is, or the
 * client ends of duplex sessions, connected to their listener when opened, as TCP connections are.
 */
final class InMemoryChannelFactory<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelFactory<C> {
    private final InMemoryNetwork network;
    private final TextMessageEncoder encoder;
    private final long maxReceivedMessageSize;

    InMemoryChannelFactory(ChannelType<C> type, InMemoryNetwork network, TextMessageEncoder encoder,
            long maxReceivedMessageSize) {
        super(type);
        this.network = network;
        this.encoder = encoder;
        this.maxReceivedMessageSize = maxReceivedMessageSize;
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        if (channelType() == ChannelType.REQUEST) {
            return typed(new InMemoryRequestChannel(to, via));
        }
        return typed(new InMemoryDuplexSessionChannel(network, encoder, to, via, maxReceivedMessageSize));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
    }

    private final class InMemoryRequestChannel extends AddressedRequestChannel {
        InMemoryRequestChannel(EndpointAddress to, URI via) {
            super(to, via);
        }

        @Override
        public CompletableFuture<Message> request(Message request, Duration timeout) {
            throwIfNotOpened();
            request.headers().to(remoteAddress());
            byte[] bytes = encoder.write(request);
            CompletableFuture<Message> reply = new CompletableFuture<>();
            InMemoryReplyChannelListener<?> target;
            try {
                target = network.lookup(via(), InMemoryReplyChannelListener.class);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            String contentType = encoder.requestContentType(request);
            String action = request.headers().action();
            network.transmit(Direction.CLIENT_TO_SERVICE, bytes, encoder.bindingElement().writeEncoding(),
                    b -> target.receive(b, contentType, action, replyBytes -> answer(replyBytes, reply), reply),
                    reply::completeExceptionally);
            return inFlight(Timeouts.within(reply, timeout, network.scheduler(),
                    () -> WcfText.RequestTimedOut.format(WcfTimeSpan.format(timeout))));
        }

        private void answer(byte[] replyBytes, CompletableFuture<Message> reply) {
            if (replyBytes == null) {
                network.transmit(Direction.SERVICE_TO_CLIENT, new byte[0], encoder.bindingElement().writeEncoding(),
                        b -> reply.complete(null), reply::completeExceptionally);
                return;
            }
            network.transmit(Direction.SERVICE_TO_CLIENT, replyBytes, encoder.bindingElement().writeEncoding(), b -> {
                if (b.length > maxReceivedMessageSize) {
                    reply.completeExceptionally(new QuotaExceededException(
                            WcfText.MaxReceivedMessageSizeExceeded.format(maxReceivedMessageSize)));
                    return;
                }
                try {
                    reply.complete(encoder.read(b, encoder.contentType()));
                } catch (RuntimeException e) {
                    reply.completeExceptionally(e);
                }
            }, reply::completeExceptionally);
        }
    }
}

package io.github.wcf4j.runtime.transport.inmemory;

import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.PlannedLayer;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.ListenAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the in-memory transport: request/reply channels (like HTTP) or duplex sessions (like TCP) over the
 * {@link InMemoryNetwork} found in the binding parameters.
 */
public final class InMemoryTransportLayerProvider implements LayerProvider<InMemoryTransportBindingElement> {

    @Override
    public Class<InMemoryTransportBindingElement> elementType() {
        return InMemoryTransportBindingElement.class;
    }

    @Override
    public ChannelFactory<?> factory(InMemoryTransportBindingElement e, PlannedLayer layer, ChannelFactory<?> inner,
            BindingParameters p) {
        InMemoryNetwork network = p.require(InMemoryNetwork.class);
        TextMessageEncoder encoder = p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder);
        if (layer.builds() == ChannelShape.REQUEST) {
            return new InMemoryRequestChannelFactory(network, encoder, e.maxReceivedMessageSize());
        }
        return new DuplexFactory(network, encoder, e.maxReceivedMessageSize());
    }

    @Override
    public ChannelListener<?> listener(InMemoryTransportBindingElement e, PlannedLayer layer, ChannelListener<?> inner,
            BindingParameters p) {
        InMemoryNetwork network = p.require(InMemoryNetwork.class);
        TextMessageEncoder encoder = p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder);
        ListenAddress at = p.require(ListenAddress.class);
        URI uri = at.unique() ? URI.create(at.uri().toString().replaceAll("/?$", "/") + UUID.randomUUID()) : at.uri();
        if (layer.builds() == ChannelShape.REPLY) {
            return new InMemoryReplyChannelListener(network, encoder, uri, e.maxReceivedMessageSize());
        }
        return new InMemoryDuplexSessionListener(network, encoder, uri, e.maxReceivedMessageSize());
    }

    /** Creates client ends of in-memory duplex sessions. */
    private static final class DuplexFactory extends AbstractCommunicationObject
            implements ChannelFactory<DuplexSessionChannel> {
        private final InMemoryNetwork network;
        private final TextMessageEncoder encoder;
        private final long maxReceived;

        DuplexFactory(InMemoryNetwork network, TextMessageEncoder encoder, long maxReceived) {
            this.network = network;
            this.encoder = encoder;
            this.maxReceived = maxReceived;
        }

        @Override
        public DuplexSessionChannel createChannel(EndpointAddress to, URI via) {
            return new InMemoryDuplexSessionChannel(network, encoder, to, via, maxReceived,
                    network.lookup(via, InMemoryDuplexSessionListener.class));
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
    }
}

package io.github.wcf4j.runtime.transport.inmemory;

import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.InnerStack;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.ListenAddress;
import java.net.URI;
import java.util.UUID;

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
    public <C extends Channel> ChannelFactory<C> factory(InMemoryTransportBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        InMemoryNetwork network = p.require(InMemoryNetwork.class);
        TextMessageEncoder encoder = p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder);
        return new InMemoryChannelFactory<>(type, network, encoder, e.maxReceivedMessageSize());
    }

    @Override
    public <C extends Channel> ChannelListener<C> listener(InMemoryTransportBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        InMemoryNetwork network = p.require(InMemoryNetwork.class);
        TextMessageEncoder encoder = p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder);
        ListenAddress at = p.require(ListenAddress.class);
        URI uri = at.unique() ? URI.create(at.uri().toString().replaceAll("/?$", "/") + UUID.randomUUID()) : at.uri();
        if (type == ChannelType.REPLY) {
            return new InMemoryReplyChannelListener<>(type, network, encoder, uri, e.maxReceivedMessageSize());
        }
        return new InMemoryDuplexSessionListener<>(type, network, encoder, uri, e.maxReceivedMessageSize());
    }
}

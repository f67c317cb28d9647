package io.github.wcf4j.runtime.oneway;

import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.PlannedLayer;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;

/**
 * {@code oneWay} (WCF {@code OneWayBindingElement}): datagram output/input channels over request/reply (each message
 * is one exchange whose answer is an empty acknowledgement, HTTP 202) or over duplex channels.
 *
 * <pre>
 * client  IOutputChannel ← IRequestChannel | IDuplexChannel | IDuplexSessionChannel
 * service IInputChannel  ← IReplyChannel   | IDuplexChannel | IDuplexSessionChannel
 * </pre>
 */
public final class OneWayLayerProvider implements LayerProvider<OneWayBindingElement> {

    @Override
    public Class<OneWayBindingElement> elementType() {
        return OneWayBindingElement.class;
    }

    @Override
    public ChannelFactory<?> factory(OneWayBindingElement e, PlannedLayer layer, ChannelFactory<?> inner,
            BindingParameters p) {
        return new OneWayChannelFactory(inner, layer.over().orElseThrow() == ChannelShape.REQUEST);
    }

    @Override
    public ChannelListener<?> listener(OneWayBindingElement e, PlannedLayer layer, ChannelListener<?> inner,
            BindingParameters p) {
        return new OneWayChannelListener(inner, layer.over().orElseThrow(), p);
    }
}

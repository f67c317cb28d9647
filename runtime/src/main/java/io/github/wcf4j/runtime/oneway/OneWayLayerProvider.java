package io.github.wcf4j.runtime.oneway;

import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.InnerStack;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.RefusalRule;
import java.util.List;

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

    /** {@code packetRoutable="true"} (WCF's PacketRoutable header for routers) is not run yet. */
    @Override
    public List<RefusalRule<OneWayBindingElement>> refusals() {
        return List.of(RefusalRule.when("packetRoutable", OneWayBindingElement::packetRoutable,
                e -> "packetRoutable=\"true\": the PacketRoutable header WCF adds for message routers is not"
                        + " implemented by wcf4j yet, so this endpoint is refused."));
    }

    @Override
    public <C extends Channel> ChannelFactory<C> factory(OneWayBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        return new OneWayChannelFactory<>(type, inner.factory(), inner.type() == ChannelType.REQUEST);
    }

    @Override
    public <C extends Channel> ChannelListener<C> listener(OneWayBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        return new OneWayChannelListener<>(type, inner.listener(), inner.type().shape(), p);
    }
}

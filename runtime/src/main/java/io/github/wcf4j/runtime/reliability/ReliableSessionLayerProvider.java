package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.stack.PlannedLayer;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.time.Scheduler;

/**
 * {@code reliableSession} (WCF {@code ReliableSessionBindingElement}): WS-ReliableMessaging February 2005 or 1.1
 * sessions over the shapes the plan chose (output, request and duplex sessions on the client; input, reply and duplex
 * sessions on the service).
 */
public final class ReliableSessionLayerProvider implements LayerProvider<ReliableSessionBindingElement> {

    @Override
    public Class<ReliableSessionBindingElement> elementType() {
        return ReliableSessionBindingElement.class;
    }

    private static SessionSettings settings(ReliableSessionBindingElement e, BindingParameters p) {
        Binding binding = p.require(Binding.class);
        return new SessionSettings(e, Wsrm.of(e.reliableMessagingVersion()),
                binding.messageVersion().orElse(MessageVersion.SOAP12_WS_ADDRESSING10),
                binding.timeouts() != null ? binding.timeouts() : BindingTimeouts.defaults(),
                p.require(Scheduler.class));
    }

    @Override
    public ChannelFactory<?> factory(ReliableSessionBindingElement e, PlannedLayer layer, ChannelFactory<?> inner,
            BindingParameters p) {
        return new ReliableChannelFactory<Channel>(inner, settings(e, p), layer.builds());
    }

    @Override
    public ChannelListener<?> listener(ReliableSessionBindingElement e, PlannedLayer layer, ChannelListener<?> inner,
            BindingParameters p) {
        return new ReliableChannelListener<Channel>(inner, settings(e, p), layer.builds());
    }
}

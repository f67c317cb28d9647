package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.duplex.StableBackChannel;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceStoreSetting;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.InnerStack;
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

    private static SessionSettings settings(ReliableSessionBindingElement e, BindingParameters p,
            SequenceStore store) {
        Binding binding = p.require(Binding.class);
        return new SessionSettings(e, Wsrm.of(e.reliableMessagingVersion()),
                binding.messageVersion().orElse(MessageVersion.SOAP12_WS_ADDRESSING10),
                binding.timeouts() != null ? binding.timeouts() : BindingTimeouts.defaults(),
                p.require(Scheduler.class), p.find(EndpointMetrics.class).orElse(EndpointMetrics.NONE), store);
    }

    /** The store: a {@link SequenceStore} binding parameter, else the one the wcf4j setting names, else none. */
    private static SequenceStore store(BindingParameters p) {
        return p.find(SequenceStore.class).orElseGet(SequenceStoreSetting::fromEnvironment);
    }

    @Override
    public <C extends Channel> ChannelFactory<C> factory(ReliableSessionBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        SequenceStore store = store(p);
        if (store.durable() && type.shape() == ChannelShape.DUPLEX_SESSION) {
            // a resumed session receives where its peer still sends: the back channel listens at the same address
            p.put(StableBackChannel.class, new StableBackChannel());
        }
        ChannelFactory<?> innerFactory = inner.factory();
        DurableSessionRefusal.check(store, p.require(Binding.class), type.shape(),
                innerFactory.channelType().shape(), false);
        return new ReliableChannelFactory<>(innerFactory, settings(e, p, store), type);
    }

    @Override
    public <C extends Channel> ChannelListener<C> listener(ReliableSessionBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        SequenceStore store = store(p);
        ChannelListener<?> innerListener = inner.listener();
        DurableSessionRefusal.check(store, p.require(Binding.class), type.shape(),
                innerListener.channelType().shape(), true);
        return new ReliableChannelListener<>(innerListener, settings(e, p, store), type);
    }
}

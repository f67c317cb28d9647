package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.stack.PlannedLayer;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import java.util.List;

/**
 * The layers below the one a {@link LayerProvider} builds (WCF's {@code BindingContext.BuildInnerChannelFactory
 * <TChannel>}): built when the provider asks, in the channel type the plan chose for them. A layer that passes its
 * shape through asks for its own type; a transport has nothing below it.
 */
public final class InnerStack {
    private final ChannelStackBuilder builder;
    private final List<PlannedLayer> layers;
    private final int index;
    private final BindingParameters parameters;

    InnerStack(ChannelStackBuilder builder, List<PlannedLayer> layers, int index, BindingParameters parameters) {
        this.builder = builder;
        this.layers = layers;
        this.index = index;
        this.parameters = parameters;
    }

    /** The type the plan builds the layers below in. */
    public ChannelType<?> type() {
        if (index >= layers.size()) {
            throw new IllegalStateException("a transport has no layer below it");
        }
        return ChannelType.of(layers.get(index).builds());
    }

    /** The factory below, of the plan's type. */
    public ChannelFactory<?> factory() {
        return factory(type());
    }

    /** The factory below, of {@code type}, which must be the plan's. */
    public <C extends Channel> ChannelFactory<C> factory(ChannelType<C> type) {
        return builder.factory(layers, index, type, parameters);
    }

    /** The listener below, of the plan's type. */
    public ChannelListener<?> listener() {
        return listener(type());
    }

    /** The listener below, of {@code type}, which must be the plan's. */
    public <C extends Channel> ChannelListener<C> listener(ChannelType<C> type) {
        return builder.listener(layers, index, type, parameters);
    }
}

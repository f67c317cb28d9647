package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import java.util.List;

/**
 * Builds the one layer a binding element stands for, on each side (WCF's {@code BindingElement.BuildChannelFactory
 * <TChannel>}/{@code BuildChannelListener<TChannel>}, one class per element). The shapes are already negotiated: the
 * provider builds {@code type} (the plan's shape for this layer) over {@code inner}, which builds the layers below in
 * the shape the plan chose for them (a transport has none below it). An element that builds no channel of its own
 * (an encoder, transaction flow without flow) keeps the defaults, which pass the layer below through, as WCF's
 * {@code BindingElement} does.
 *
 * @param <E> the binding element
 */
public interface LayerProvider<E extends BindingElement> {

    Class<E> elementType();

    /**
     * What this provider cannot run of its element, as data (none by default). Checked before anything is built, on
     * the side being built, and by {@code validate}: an element a rule applies to is refused by name, never run without
     * what it asks for.
     */
    default List<RefusalRule<E>> refusals() {
        return List.of();
    }

    /** Called for every element, top to bottom, before any layer is built (e.g. an encoder publishes itself). */
    default void contribute(E element, BindingParameters parameters) {
    }

    /** The client layer: a factory of {@code type}; by default none of its own, the factory below passes through. */
    default <C extends Channel> ChannelFactory<C> factory(E element, ChannelType<C> type, InnerStack inner,
            BindingParameters parameters) {
        return inner.factory(type);
    }

    /** The service layer: a listener of {@code type}; by default none of its own, the listener below passes through. */
    default <C extends Channel> ChannelListener<C> listener(E element, ChannelType<C> type, InnerStack inner,
            BindingParameters parameters) {
        return inner.listener(type);
    }
}

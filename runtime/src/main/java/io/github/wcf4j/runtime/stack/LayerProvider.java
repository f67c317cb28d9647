package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.PlannedLayer;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;

/**
 * Builds the one layer a binding element stands for, on each side (WCF's {@code BindingElement.BuildChannelFactory}/
 * {@code BuildChannelListener}, one class per element). The shapes are already negotiated: the provider builds
 * {@code layer.builds()} over {@code inner}, which builds {@code layer.over()} ({@code inner} is {@code null} for a
 * transport).
 *
 * @param <E> the binding element
 */
public interface LayerProvider<E extends BindingElement> {

    Class<E> elementType();

    /** Called for every element, top to bottom, before any layer is built (e.g. an encoder publishes itself). */
    default void contribute(E element, BindingParameters parameters) {
    }

    ChannelFactory<?> factory(E element, PlannedLayer layer, ChannelFactory<?> inner, BindingParameters parameters);

    ChannelListener<?> listener(E element, PlannedLayer layer, ChannelListener<?> inner, BindingParameters parameters);
}

package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.BuildChecks;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.PlannedLayer;
import io.github.wcf4j.binding.stack.ShapeNegotiator;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.stack.StackPlan;
import io.github.wcf4j.binding.stack.StackRules;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.duplex.CompositeDuplexLayerProvider;
import io.github.wcf4j.runtime.duplex.InternalDuplexChannelFactory;
import io.github.wcf4j.runtime.duplex.InternalDuplexChannelListener;
import java.util.List;

/**
 * Assembles a channel factory or listener from a binding, in one place: validate as WCF does, negotiate the plan,
 * let every element contribute its parameters top to bottom, then build the layers bottom up, one per element, with
 * WCF's internal duplex layer where the plan has it.
 *
 * <pre>{@code
 * ChannelFactory<DuplexSessionChannel> f = ChannelStackBuilder.standard()
 *     .buildFactory(binding, ChannelShape.DUPLEX_SESSION, parameters);
 * }</pre>
 *
 * <p>Thread-safe; the built factories and listeners are independent of the builder.
 */
public final class ChannelStackBuilder {
    private final LayerProviders providers;

    public ChannelStackBuilder(LayerProviders providers) {
        this.providers = providers;
    }

    /** The builder with a provider for every binding element. */
    public static ChannelStackBuilder standard() {
        return new ChannelStackBuilder(LayerProviders.standard());
    }

    public <C extends Channel> ChannelFactory<C> buildFactory(Binding binding, ChannelShape shape,
            BindingParameters parameters) {
        StackPlan plan = prepare(binding, Side.CLIENT, shape, parameters);
        @SuppressWarnings("unchecked")
        ChannelFactory<C> factory = (ChannelFactory<C>) factory(plan.layers(), 0, parameters);
        return factory;
    }

    public <C extends Channel> ChannelListener<C> buildListener(Binding binding, ChannelShape shape,
            BindingParameters parameters) {
        StackPlan plan = prepare(binding, Side.SERVICE, shape, parameters);
        @SuppressWarnings("unchecked")
        ChannelListener<C> listener = (ChannelListener<C>) listener(plan.layers(), 0, parameters);
        return listener;
    }

    private StackPlan prepare(Binding binding, Side side, ChannelShape shape, BindingParameters parameters) {
        List<BindingElement> elements = binding.createBindingElements();
        for (BindingValidationException e : StackRules.violations(binding)) {
            throw e;
        }
        for (BindingValidationException e : BuildChecks.violations(binding, side)) {
            throw e;
        }
        StackPlan plan = ShapeNegotiator.of(elements).plan(side, shape).orElseThrow(() ->
                new BindingValidationException(WcfText.CouldnTCreateChannelForChannelType2, null, binding.wcfName(),
                        shape.wcfName()));
        parameters.put(Binding.class, binding);
        for (BindingElement e : elements) {
            providers.forElement(e).contribute(e, parameters);
        }
        return plan;
    }

    private ChannelFactory<?> factory(List<PlannedLayer> layers, int i, BindingParameters p) {
        PlannedLayer layer = layers.get(i);
        if (layer.isInternalDuplex()) {
            ChannelFactory<?> output = factory(layers, i + 1, p);
            StackPlan back = layer.backChannel().orElseThrow();
            BindingParameters backParameters = p.copy().put(ListenAddress.class,
                    CompositeDuplexLayerProvider.clientListenAddress(p));
            ChannelListener<?> input = listener(back.layers(), 0, backParameters);
            return new InternalDuplexChannelFactory(output, input, p);
        }
        BindingElement element = layer.element().orElseThrow();
        ChannelFactory<?> inner = layer.over().isPresent() ? factory(layers, i + 1, p) : null;
        return providers.forElement(element).factory(element, layer, inner, p);
    }

    private ChannelListener<?> listener(List<PlannedLayer> layers, int i, BindingParameters p) {
        PlannedLayer layer = layers.get(i);
        if (layer.isInternalDuplex()) {
            ChannelListener<?> input = listener(layers, i + 1, p);
            StackPlan back = layer.backChannel().orElseThrow();
            ChannelFactory<?> output = factory(back.layers(), 0, p.copy());
            return new InternalDuplexChannelListener(input, output, p);
        }
        BindingElement element = layer.element().orElseThrow();
        ChannelListener<?> inner = layer.over().isPresent() ? listener(layers, i + 1, p) : null;
        return providers.forElement(element).listener(element, layer, inner, p);
    }
}

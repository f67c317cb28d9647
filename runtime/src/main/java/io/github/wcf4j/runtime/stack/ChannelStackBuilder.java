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
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.duplex.CompositeDuplexLayerProvider;
import io.github.wcf4j.runtime.duplex.InternalDuplexChannelFactory;
import io.github.wcf4j.runtime.duplex.InternalDuplexChannelListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Assembles a channel factory or listener from a binding, in one place: validate as WCF does, negotiate the plan,
 * let every element contribute its parameters top to bottom, then build the layers bottom up, one per element, with
 * WCF's internal duplex layer where the plan has it.
 *
 * <pre>{@code
 * ChannelFactory<DuplexSessionChannel> f = ChannelStackBuilder.standard()
 *     .buildFactory(binding, ChannelType.DUPLEX_SESSION, parameters);
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

    /** A client factory of {@code type} for {@code binding}: validated, negotiated and built as WCF does. */
    public <C extends Channel> ChannelFactory<C> buildFactory(Binding binding, ChannelType<C> type,
            BindingParameters parameters) {
        StackPlan plan = prepare(binding, Side.CLIENT, type.shape(), parameters);
        return factory(plan.layers(), 0, type, parameters);
    }

    /** A service listener of {@code type} for {@code binding}: validated, negotiated and built as WCF does. */
    public <C extends Channel> ChannelListener<C> buildListener(Binding binding, ChannelType<C> type,
            BindingParameters parameters) {
        StackPlan plan = prepare(binding, Side.SERVICE, type.shape(), parameters);
        return listener(plan.layers(), 0, type, parameters);
    }

    /**
     * What {@code binding} asks for on {@code side} that this runtime cannot run, in element order, found without
     * building anything: a binding wcf4j does not model, and every {@link RefusalRule} of the elements' providers that
     * applies. {@link #buildFactory}/{@link #buildListener} refuse the first; {@code validate} reports them all.
     */
    public List<Refusal> refusals(Binding binding, Side side) {
        return refusals(binding, side, null);
    }

    /**
     * As {@link #refusals(Binding, Side)}, for the stack built in {@code shape} (the one its contract selects;
     * {@code null} when not known): the rules that concern only some shapes of a layer apply as the negotiated plan
     * builds it. When the shape is not known, the binding runs if it runs in any shape it builds on that side: the
     * refusals are those of its first buildable shape when every one of them is refused.
     */
    public List<Refusal> refusals(Binding binding, Side side, ChannelShape shape) {
        if (binding instanceof UnsupportedBinding b) {
            return List.of(new Refusal(binding, b.sectionName(), "The binding '" + b.sectionName() + "' is not"
                    + " supported by the wcf4j runtime, so this endpoint cannot be hosted or called."));
        }
        if (shape == null) {
            Set<ChannelShape> buildable;
            try {
                buildable = ShapeNegotiator.of(binding.createBindingElements()).buildableShapes(side);
            } catch (RuntimeException invalid) {
                buildable = Set.of(); // the binding's own validation reports it
            }
            List<Refusal> first = null;
            for (ChannelShape s : buildable) {
                List<Refusal> in = refusals(binding, side, s);
                if (in.isEmpty()) {
                    return in;
                }
                first = first == null ? in : first;
            }
            if (first != null) {
                return first;
            }
        }
        List<BindingElement> elements = binding.createBindingElements();
        List<PlannedLayer> planned = shape == null ? List.of()
                : ShapeNegotiator.of(elements).plan(side, shape).map(StackPlan::layers).orElse(List.of());
        List<Refusal> found = new ArrayList<>();
        for (BindingElement e : elements) {
            ChannelShape built = planned.stream().filter(l -> l.element().filter(p -> p == e).isPresent())
                    .map(PlannedLayer::builds).findFirst().orElse(null);
            found.addAll(providers.forElement(e).refusals(side, built));
        }
        EncoderPairing.refusal(elements).ifPresent(found::add);
        return found;
    }

    private StackPlan prepare(Binding binding, Side side, ChannelShape shape, BindingParameters parameters) {
        if (binding instanceof UnsupportedBinding) {
            throw refusals(binding, side).get(0).toException();
        }
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
        List<Refusal> refused = refusals(binding, side, shape);
        if (!refused.isEmpty()) {
            throw refused.get(0).toException();
        }
        parameters.put(Binding.class, binding);
        for (BindingElement e : elements) {
            providers.forElement(e).contribute(parameters);
        }
        return plan;
    }

    /** The factory of layer {@code i} and those below it, as {@code type}, the shape the plan builds there. */
    <C extends Channel> ChannelFactory<C> factory(List<PlannedLayer> layers, int i, ChannelType<C> type,
            BindingParameters p) {
        PlannedLayer layer = planned(layers, i, type);
        if (layer.isInternalDuplex()) {
            ChannelFactory<OutputChannel> output = factory(layers, i + 1, ChannelType.OUTPUT, p);
            StackPlan back = layer.backChannel().orElseThrow();
            BindingParameters backParameters = p.copy().put(ListenAddress.class,
                    CompositeDuplexLayerProvider.clientListenAddress(p));
            ChannelListener<InputChannel> input = listener(back.layers(), 0, ChannelType.INPUT, backParameters);
            return new InternalDuplexChannelFactory<>(type, output, input, p);
        }
        BindingElement element = layer.element().orElseThrow();
        return providers.forElement(element).factory(type, new InnerStack(this, layers, i + 1, p), p);
    }

    /** The listener of layer {@code i} and those below it, as {@code type}, the shape the plan builds there. */
    <C extends Channel> ChannelListener<C> listener(List<PlannedLayer> layers, int i, ChannelType<C> type,
            BindingParameters p) {
        PlannedLayer layer = planned(layers, i, type);
        if (layer.isInternalDuplex()) {
            ChannelListener<InputChannel> input = listener(layers, i + 1, ChannelType.INPUT, p);
            StackPlan back = layer.backChannel().orElseThrow();
            ChannelFactory<OutputChannel> output = factory(back.layers(), 0, ChannelType.OUTPUT, p.copy());
            return new InternalDuplexChannelListener<>(type, input, output, p);
        }
        BindingElement element = layer.element().orElseThrow();
        return providers.forElement(element).listener(type, new InnerStack(this, layers, i + 1, p), p);
    }

    /** Layer {@code i} of the plan, which must build {@code type}. */
    private static PlannedLayer planned(List<PlannedLayer> layers, int i, ChannelType<?> type) {
        PlannedLayer layer = layers.get(i);
        if (layer.builds() != type.shape()) {
            throw new IllegalStateException("the plan builds " + layer.builds() + " at " + layer.name() + ", not "
                    + type);
        }
        return layer;
    }
}

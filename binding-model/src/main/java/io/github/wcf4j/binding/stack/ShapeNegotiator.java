package io.github.wcf4j.binding.stack;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which channel shapes a stack can build, and how, from the elements' {@link ShapeRule}s: WCF's
 * {@code BindingContext.CanBuildInnerChannelFactory}/{@code CanBuildInnerChannelListener} recursion, written once.
 *
 * <p>WCF's hidden internal duplex layer is inserted exactly where WCF inserts it ({@code
 * InternalDuplexBindingElement.AddDuplexFactorySupport}/{@code AddDuplexListenerSupport}): below an element whose rule
 * {@linkplain ShapeRule#insertsInternalDuplex() allows it} (reliable session, security) and at the top, by the service
 * model, when (a) the rest cannot build {@code IDuplexChannel}, (b) a {@code compositeDuplex} lies below, (c) the rest
 * can build an {@code IOutputChannel} factory and an {@code IInputChannel} listener, and (d) the rest cannot build a
 * request, output-session or duplex-session factory (client) resp. a reply, input-session or duplex-session listener
 * (service). The inserted layer then offers only {@code IDuplexChannel}.
 *
 * <pre>{@code
 * ShapeNegotiator n = ShapeNegotiator.of(binding);
 * n.buildableShapes(Side.CLIENT);                 // e.g. [IOutputSessionChannel, IDuplexSessionChannel]
 * n.plan(Side.CLIENT, ChannelShape.DUPLEX_SESSION) // the layers the runtime builds
 * }</pre>
 *
 * <p>Instances are immutable after construction apart from a private memo; not thread-safe.
 */
public final class ShapeNegotiator {
    private static final Set<ChannelShape> CLIENT_BLOCKERS = EnumSet.of(ChannelShape.REQUEST,
            ChannelShape.REQUEST_SESSION, ChannelShape.OUTPUT_SESSION, ChannelShape.DUPLEX_SESSION);
    private static final Set<ChannelShape> SERVICE_BLOCKERS = EnumSet.of(ChannelShape.REPLY,
            ChannelShape.REPLY_SESSION, ChannelShape.INPUT_SESSION, ChannelShape.DUPLEX_SESSION);

    private final List<BindingElement> elements;
    private final Map<String, Boolean> memo = new HashMap<>();

    private ShapeNegotiator(List<BindingElement> elements) {
        this.elements = List.copyOf(elements);
    }

    public static ShapeNegotiator of(Binding binding) {
        return new ShapeNegotiator(binding.createBindingElements());
    }

    public static ShapeNegotiator of(List<BindingElement> elements) {
        return new ShapeNegotiator(elements);
    }

    /**
     * The shapes the service model can obtain on {@code side}, in {@link ChannelShape} order: what the stack builds, or
     * only {@code IDuplexChannel} where the service model inserts the internal duplex layer at the top.
     */
    public Set<ChannelShape> buildableShapes(Side side) {
        Set<ChannelShape> shapes = EnumSet.noneOf(ChannelShape.class);
        if (internalDuplexApplies(side, 0)) {
            shapes.add(ChannelShape.DUPLEX);
            return shapes;
        }
        for (ChannelShape s : ChannelShape.values()) {
            if (s.belongsTo(side) && canBuild(side, 0, s)) {
                shapes.add(s);
            }
        }
        return shapes;
    }

    /** Whether the service model can obtain {@code shape} on {@code side}. */
    public boolean canBuild(Side side, ChannelShape shape) {
        return buildableShapes(side).contains(shape);
    }

    /** The layers that build {@code shape} on {@code side}, or empty when the stack cannot build it. */
    public Optional<StackPlan> plan(Side side, ChannelShape shape) {
        if (!canBuild(side, shape)) {
            return Optional.empty();
        }
        List<PlannedLayer> layers = new ArrayList<>();
        if (internalDuplexApplies(side, 0)) {
            addInternalDuplex(side, 0, layers);
        } else {
            addLayers(side, 0, shape, layers);
        }
        return Optional.of(new StackPlan(side, shape, layers));
    }

    // ---- the recursion: elements[index..] building shape on side

    private boolean canBuild(Side side, int index, ChannelShape shape) {
        if (index >= elements.size() || !shape.belongsTo(side)) {
            return false;
        }
        String key = side.ordinal() + ":" + index + ":" + shape.ordinal();
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        boolean result = computeCanBuild(side, index, shape);
        memo.put(key, result);
        return result;
    }

    private boolean computeCanBuild(Side side, int index, ChannelShape shape) {
        ShapeRule rule = elements.get(index).shapeRule();
        switch (rule.kind()) {
            case PASS_THROUGH:
                return canBuild(side, index + 1, shape);
            case TRANSPORT:
                return rule.builds(side, shape);
            default:
                return innerShape(side, index, shape).isPresent();
        }
    }

    /** For a layer at {@code index}: the first inner shape, in preference order, that the stack below can build. */
    private Optional<ChannelShape> innerShape(Side side, int index, ChannelShape shape) {
        ShapeRule rule = elements.get(index).shapeRule();
        if (!rule.builds(side, shape)) {
            return Optional.empty();
        }
        boolean internalDuplex = rule.insertsInternalDuplex() && internalDuplexApplies(side, index + 1);
        for (ChannelShape inner : rule.innerShapes(side, shape)) {
            boolean buildable = internalDuplex ? inner == ChannelShape.DUPLEX : canBuild(side, index + 1, inner);
            if (buildable) {
                return Optional.of(inner);
            }
        }
        return Optional.empty();
    }

    /** Conditions (a)–(d) of {@code AddDuplexFactorySupport} / {@code AddDuplexListenerSupport} at {@code index}. */
    private boolean internalDuplexApplies(Side side, int index) {
        String key = "d" + side.ordinal() + ":" + index;
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        boolean result = !canBuild(side, index, ChannelShape.DUPLEX)
                && hasCompositeDuplexFrom(index)
                && canBuild(Side.CLIENT, index, ChannelShape.OUTPUT)
                && canBuild(Side.SERVICE, index, ChannelShape.INPUT)
                && (side == Side.CLIENT ? CLIENT_BLOCKERS : SERVICE_BLOCKERS).stream()
                        .noneMatch(s -> canBuild(side, index, s));
        memo.put(key, result);
        return result;
    }

    private boolean hasCompositeDuplexFrom(int index) {
        for (int i = index; i < elements.size(); i++) {
            if (elements.get(i).shapeRule().isCompositeDuplex()) {
                return true;
            }
        }
        return false;
    }

    // ---- plans

    private void addLayers(Side side, int index, ChannelShape shape, List<PlannedLayer> layers) {
        BindingElement element = elements.get(index);
        ShapeRule rule = element.shapeRule();
        switch (rule.kind()) {
            case PASS_THROUGH:
                layers.add(new PlannedLayer(Optional.of(element), shape, Optional.of(shape), Optional.empty()));
                addLayers(side, index + 1, shape, layers);
                return;
            case TRANSPORT:
                layers.add(new PlannedLayer(Optional.of(element), shape, Optional.empty(), Optional.empty()));
                return;
            default:
                ChannelShape inner = innerShape(side, index, shape).orElseThrow();
                layers.add(new PlannedLayer(Optional.of(element), shape, Optional.of(inner), Optional.empty()));
                if (rule.insertsInternalDuplex() && internalDuplexApplies(side, index + 1)) {
                    addInternalDuplex(side, index + 1, layers);
                } else {
                    addLayers(side, index + 1, inner, layers);
                }
        }
    }

    /** The internal duplex at {@code index}: IDuplex over this side's one-way stack, plus the opposite one-way stack. */
    private void addInternalDuplex(Side side, int index, List<PlannedLayer> layers) {
        Side other = side == Side.CLIENT ? Side.SERVICE : Side.CLIENT;
        ChannelShape mine = side == Side.CLIENT ? ChannelShape.OUTPUT : ChannelShape.INPUT;
        ChannelShape theirs = mine.counterpart();
        List<PlannedLayer> back = new ArrayList<>();
        addLayers(other, index, theirs, back);
        layers.add(new PlannedLayer(Optional.empty(), ChannelShape.DUPLEX, Optional.of(mine),
                Optional.of(new StackPlan(other, theirs, back))));
        addLayers(side, index, mine, layers);
    }
}

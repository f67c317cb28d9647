package io.github.wcf4j.binding.stack;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which channel shapes one binding element builds, and over which inner shapes, on each side: the data that WCF spreads
 * over {@code CanBuildChannelFactory}/{@code BuildChannelFactory} if-ladders.
 *
 * <p>Three kinds of rule exist:
 * <ul>
 *   <li>{@linkplain #passThrough() pass-through} (encoders, transaction flow): builds exactly what the layer below
 *       builds;</li>
 *   <li>{@linkplain #transport(Set, Set) transport}: builds a fixed set of shapes from nothing;</li>
 *   <li>{@linkplain #layer() layer}: builds a shape over the first inner shape, in WCF's preference order, that the
 *       rest of the stack can build, e.g. one-way: {@code IOutputChannel ← [IDuplexChannel, IDuplexSessionChannel,
 *       IRequestChannel]}.</li>
 * </ul>
 * A layer that {@linkplain #insertsInternalDuplex() inserts WCF's internal duplex} (reliable session, security) may
 * obtain {@code IDuplexChannel} from an output factory plus an input listener below a {@code compositeDuplex}.
 *
 * <pre>{@code
 * ShapeRule oneWay = ShapeRule.layer()
 *     .factory(OUTPUT, DUPLEX, DUPLEX_SESSION, REQUEST)
 *     .listener(INPUT, DUPLEX, DUPLEX_SESSION, REPLY)
 *     .build();
 * }</pre>
 */
public final class ShapeRule {
    /** How the rule relates the element's shapes to the inner stack's. */
    public enum Kind { PASS_THROUGH, TRANSPORT, LAYER }

    private static final ShapeRule PASS_THROUGH = new ShapeRule(Kind.PASS_THROUGH, Map.of(), Map.of(), false, false);

    private final Kind kind;
    private final Map<ChannelShape, List<ChannelShape>> factory;
    private final Map<ChannelShape, List<ChannelShape>> listener;
    private final boolean insertsInternalDuplex;
    private final boolean compositeDuplex;

    private ShapeRule(Kind kind, Map<ChannelShape, List<ChannelShape>> factory,
            Map<ChannelShape, List<ChannelShape>> listener, boolean insertsInternalDuplex, boolean compositeDuplex) {
        this.kind = kind;
        this.factory = factory;
        this.listener = listener;
        this.insertsInternalDuplex = insertsInternalDuplex;
        this.compositeDuplex = compositeDuplex;
    }

    /** Builds whatever the inner stack builds. */
    public static ShapeRule passThrough() {
        return PASS_THROUGH;
    }

    /** A transport: builds {@code factoryShapes} and {@code listenerShapes} from nothing. */
    public static ShapeRule transport(Set<ChannelShape> factoryShapes, Set<ChannelShape> listenerShapes) {
        Map<ChannelShape, List<ChannelShape>> f = new EnumMap<>(ChannelShape.class);
        factoryShapes.forEach(s -> f.put(s, List.of()));
        Map<ChannelShape, List<ChannelShape>> l = new EnumMap<>(ChannelShape.class);
        listenerShapes.forEach(s -> l.put(s, List.of()));
        return new ShapeRule(Kind.TRANSPORT, Collections.unmodifiableMap(f), Collections.unmodifiableMap(l), false,
                false);
    }

    /** A layer whose shapes are given shape by shape. */
    public static Builder layer() {
        return new Builder();
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The inner shapes, in preference order, over which this element builds {@code shape} on {@code side}; empty when
     * the element cannot build it (for a transport: an empty list also when it builds it from nothing, see
     * {@link #builds(Side, ChannelShape)}).
     */
    public List<ChannelShape> innerShapes(Side side, ChannelShape shape) {
        return table(side).getOrDefault(shape, List.of());
    }

    /** For transports and layers: whether {@code shape} appears in this element's table at all. */
    public boolean builds(Side side, ChannelShape shape) {
        return table(side).containsKey(shape);
    }

    /** The shapes this element declares on {@code side} (empty for pass-through). */
    public Set<ChannelShape> declaredShapes(Side side) {
        return table(side).keySet();
    }

    /** Whether this element may insert WCF's internal duplex layer below itself (reliable session, security). */
    public boolean insertsInternalDuplex() {
        return insertsInternalDuplex;
    }

    /** Whether this element is a {@code compositeDuplex}, the precondition for the internal duplex layer. */
    public boolean isCompositeDuplex() {
        return compositeDuplex;
    }

    private Map<ChannelShape, List<ChannelShape>> table(Side side) {
        return side == Side.CLIENT ? factory : listener;
    }

    /** Collects a layer's shapes. */
    public static final class Builder {
        private final Map<ChannelShape, List<ChannelShape>> factory = new EnumMap<>(ChannelShape.class);
        private final Map<ChannelShape, List<ChannelShape>> listener = new EnumMap<>(ChannelShape.class);
        private boolean insertsInternalDuplex;
        private boolean compositeDuplex;

        private Builder() {
        }

        /** The factory builds {@code shape} over the first buildable of {@code over}. */
        public Builder factory(ChannelShape shape, ChannelShape... over) {
            factory.put(shape, List.of(over));
            return this;
        }

        /** The listener builds {@code shape} over the first buildable of {@code over}. */
        public Builder listener(ChannelShape shape, ChannelShape... over) {
            listener.put(shape, List.of(over));
            return this;
        }

        /** The element may insert WCF's internal duplex below itself. */
        public Builder insertsInternalDuplex() {
            this.insertsInternalDuplex = true;
            return this;
        }

        /** The element is a composite duplex. */
        public Builder compositeDuplex() {
            this.compositeDuplex = true;
            return this;
        }

        public ShapeRule build() {
            return new ShapeRule(Kind.LAYER, Collections.unmodifiableMap(new EnumMap<>(factory)),
                    Collections.unmodifiableMap(new EnumMap<>(listener)), insertsInternalDuplex, compositeDuplex);
        }
    }
}

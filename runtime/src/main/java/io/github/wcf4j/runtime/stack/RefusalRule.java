package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.Side;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One thing a layer provider cannot run of its element, as data: the attribute it concerns (or the whole element), the
 * sides it applies to,
 * when it applies, and the text that names it. A provider lists its rules ({@link LayerProvider#refusals()}); the stack
 * builder checks them before it builds anything, and {@code validate} checks the same rules per endpoint, so what
 * {@code validate} calls runnable is exactly what builds. Anything a configuration asks for that the runtime cannot
 * enforce (authentication above all) is a rule here, never silently ignored.
 *
 * <p>A rule may concern only some of the shapes the element's layer is built in ({@link #onlyFor}): it applies when the
 * negotiated plan builds the layer in one of them, and is not reported when the shape is not known (no contract).
 *
 * @param attribute the attribute refused, as the configuration names it (e.g. {@code authenticationScheme}), or empty
 *                  for the whole element
 * @param sides   where the rule applies
 * @param shapes  the shapes of the element's layer it applies to; empty for every shape
 * @param applies whether the element asks for what is refused
 * @param reason  the text: what is refused, why, and what to do instead
 * @param <E>     the element type
 */
public record RefusalRule<E extends BindingElement>(String attribute, Set<Side> sides, Set<ChannelShape> shapes,
        Predicate<E> applies, Function<E, String> reason) {

    public RefusalRule {
        sides = Set.copyOf(sides);
        shapes = Set.copyOf(shapes);
    }

    /** A rule on both sides. */
    public static <E extends BindingElement> RefusalRule<E> when(String attribute, Predicate<E> applies,
            Function<E, String> reason) {
        return new RefusalRule<>(attribute, EnumSet.allOf(Side.class), Set.of(), applies, reason);
    }

    /** The whole element, always, on both sides. */
    public static <E extends BindingElement> RefusalRule<E> always(Function<E, String> reason) {
        return when("", e -> true, reason);
    }

    /** The same rule, on {@code side} only. */
    public RefusalRule<E> onlyOn(Side side) {
        return new RefusalRule<>(attribute, EnumSet.of(side), shapes, applies, reason);
    }

    /** The same rule, only where the element's layer is built in one of {@code layerShapes}. */
    public RefusalRule<E> onlyFor(ChannelShape... layerShapes) {
        return new RefusalRule<>(attribute, sides, Set.of(layerShapes), applies, reason);
    }

    /** The same rule for an element that holds an {@code E} (e.g. {@code httpsTransport}'s HTTP settings). */
    public <F extends BindingElement> RefusalRule<F> of(Function<F, E> part) {
        return new RefusalRule<>(attribute, sides, shapes, f -> applies.test(part.apply(f)),
                f -> reason.apply(part.apply(f)));
    }

    /**
     * The refusal of {@code element} on {@code side}, its layer built in {@code shape} ({@code null}: not known), if this
     * rule applies to it.
     */
    Optional<Refusal> check(E element, Side side, ChannelShape shape) {
        boolean shapeApplies = shapes.isEmpty() || shape != null && shapes.contains(shape);
        if (!sides.contains(side) || !shapeApplies || !applies.test(element)) {
            return Optional.empty();
        }
        String setting = attribute.isEmpty() ? element.configName() : element.configName() + "/@" + attribute;
        return Optional.of(new Refusal(element, setting, reason.apply(element)));
    }
}

package io.github.wcf4j.binding;

import io.github.wcf4j.binding.stack.ElementKind;
import io.github.wcf4j.binding.stack.ShapeRule;
import java.util.Objects;

/**
 * A binding element that WCF knows (or that a configuration registers as an extension) but that wcf4j does not
 * implement, such as {@code namedPipeTransport}, {@code msmqTransport} or a custom extension.
 *
 * <p>It keeps its place in the stack so that WCF's stack rules (one transport, last; one encoder) still apply, but its
 * channel shapes are unknown: a stack containing it cannot be negotiated or built, and wcf4j says so by name instead of
 * ignoring it.
 *
 * @param configName the element name as written in the configuration
 * @param kind       its role for the stack rules, as far as known
 * @param extension  whether it is a custom extension registered in {@code <extensions>} rather than a WCF element
 */
public record UnsupportedBindingElement(String configName, ElementKind kind, boolean extension)
        implements BindingElement {

    public UnsupportedBindingElement {
        Objects.requireNonNull(configName, "configName");
        Objects.requireNonNull(kind, "kind");
    }

    /** No shapes are known for an unsupported element. */
    @Override
    public ShapeRule shapeRule() {
        return ShapeRule.layer().build();
    }

    @Override
    public String wcfTypeName() {
        return configName;
    }
}

package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingTimeouts;
import java.util.List;

/**
 * A standard binding WCF knows that wcf4j does not model (such as {@code netMsmqBinding}, {@code webHttpBinding} or
 * {@code wsFederationHttpBinding}), or a custom binding extension: it keeps its name so that endpoints referring to it
 * resolve, and it has no elements, so no stack is negotiated or built for it.
 *
 * @param sectionName       the {@code <bindings>} child, e.g. {@code netMsmqBinding}
 * @param configurationName the {@code <binding name>}
 */
public record UnsupportedBinding(String sectionName, String configurationName) implements Binding {

    public UnsupportedBinding {
        ArgumentChecks.notNull(sectionName, "sectionName");
        ArgumentChecks.notNull(configurationName, "configurationName");
    }

    @Override
    public String wcfName() {
        return Character.toUpperCase(sectionName.charAt(0)) + sectionName.substring(1);
    }

    @Override
    public BindingTimeouts timeouts() {
        return BindingTimeouts.defaults();
    }

    @Override
    public List<BindingElement> createBindingElements() {
        return List.of();
    }
}

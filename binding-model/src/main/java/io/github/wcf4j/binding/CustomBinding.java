package io.github.wcf4j.binding;

import io.github.wcf4j.binding.stack.StackRules;
import java.util.List;
import java.util.Objects;

/**
 * A binding whose elements are given one by one, in order ({@code <customBinding><binding>}; WCF
 * {@code CustomBinding}).
 *
 * <p>Construction does not check the stack rules: configuration can hold a stack WCF would refuse to build (transport not
 * last, no transport), and {@link StackRules} reports those with WCF's texts.
 *
 * <pre>{@code
 * CustomBinding b = CustomBinding.of("Binding1",
 *     ReliableSessionBindingElement.defaults(),
 *     TextMessageEncodingBindingElement.defaults(),
 *     HttpTransportBindingElement.defaults());
 * }</pre>
 */
public record CustomBinding(String configurationName, BindingTimeouts timeouts, List<BindingElement> elements)
        implements Binding {

    public CustomBinding {
        Objects.requireNonNull(configurationName, "configurationName");
        Objects.requireNonNull(timeouts, "timeouts");
        elements = List.copyOf(elements);
    }

    /** A custom binding with default timeouts. */
    public static CustomBinding of(String configurationName, BindingElement... elements) {
        return new CustomBinding(configurationName, BindingTimeouts.defaults(), List.of(elements));
    }

    @Override
    public String wcfName() {
        return "CustomBinding";
    }

    @Override
    public String sectionName() {
        return "customBinding";
    }

    @Override
    public List<BindingElement> createBindingElements() {
        return elements;
    }
}

package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.config.read.ConfigContext;

/**
 * A {@code <binding>} of a binding section wcf4j does not model (e.g. {@code netMsmqBinding}, or a custom binding
 * extension): its name is kept so that endpoint references resolve; its content is not interpreted.
 */
public class NamedOpaqueXml extends StandardBindingXml {
    @JsonAnySetter
    void ignore(String key, Object value) {
        // the binding's settings are not interpreted
    }

    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        return new UnsupportedBinding(section, configurationName());
    }
}

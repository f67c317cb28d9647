package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.NetHttpBinding;
import io.github.wcf4j.binding.standard.MetadataExchangeBindings;
import io.github.wcf4j.binding.standard.NetTcpBinding;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.binding.standard.WsDualHttpBinding;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every binding configuration, by section and name, as WCF's {@code ConfigLoader.LookupBinding} resolves them: a named
 * configuration, else (for an empty {@code bindingConfiguration}) the section's unnamed configuration, else the binding's
 * defaults.
 */
final class BindingTable {
    private final Map<String, Map<String, Binding>> sections = new LinkedHashMap<>();

    void put(String section, Binding binding) {
        sections.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(binding.configurationName(), binding);
    }

    void remove(String section, String name) {
        sections.getOrDefault(section, new LinkedHashMap<>()).remove(name);
    }

    void clear(String section) {
        sections.getOrDefault(section, new LinkedHashMap<>()).clear();
    }

    boolean contains(String section, String name) {
        return sections.getOrDefault(section, Map.of()).containsKey(name);
    }

    void declareSection(String section) {
        sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
    }

    /** The binding an endpoint's {@code binding}/{@code bindingConfiguration} pair names, if it exists. */
    Optional<Binding> lookup(String section, String configurationName) {
        Binding configured = sections.getOrDefault(section, Map.of()).get(configurationName);
        if (configured != null) {
            return Optional.of(configured);
        }
        if (!configurationName.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(defaultsFor(section));
    }

    /** WCF's default binding for a section ({@code new WSHttpBinding()} and so on). */
    static Binding defaultsFor(String section) {
        switch (section) {
            case ConfigStrings.CUSTOM_BINDING: return CustomBinding.of("");
            case ConfigStrings.BASIC_HTTP_BINDING: return BasicHttpBinding.defaults("");
            case ConfigStrings.BASIC_HTTPS_BINDING: return BasicHttpsBinding.defaults("");
            case ConfigStrings.NET_HTTP_BINDING: return NetHttpBinding.defaults(NetHttpBinding.Flavor.NET_HTTP, "");
            case ConfigStrings.NET_HTTPS_BINDING: return NetHttpBinding.defaults(NetHttpBinding.Flavor.NET_HTTPS, "");
            case ConfigStrings.WS_HTTP_BINDING: return WsHttpBinding.defaults(WsHttpBinding.Flavor.WS_HTTP, "");
            case ConfigStrings.WS_2007_HTTP_BINDING:
                return WsHttpBinding.defaults(WsHttpBinding.Flavor.WS_2007_HTTP, "");
            case ConfigStrings.WS_DUAL_HTTP_BINDING: return WsDualHttpBinding.defaults("");
            case ConfigStrings.NET_TCP_BINDING: return NetTcpBinding.defaults("");
            default:
                return MetadataExchangeBindings.forName(section).orElse(new UnsupportedBinding(section, ""));
        }
    }

    List<Binding> all() {
        List<Binding> out = new ArrayList<>();
        sections.values().forEach(m -> out.addAll(m.values()));
        return out;
    }
}

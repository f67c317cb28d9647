package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ProtocolMapping;
import io.github.wcf4j.binding.description.ProtocolMappingItem;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <protocolMapping>} → {@link ProtocolMapping}: WCF's defaults, then the configuration's {@code add},
 * {@code remove} and {@code clear} in order ({@code ServiceModelEnhancedConfigurationElementCollection}: an
 * {@code add} replaces a default for its scheme, a second {@code add} for a scheme in the file is an error). Each
 * mapping's binding is resolved as {@code ConfigLoader.LookupBinding} would resolve it, so the unnamed configuration of
 * its section applies; a mapping to a binding that does not exist is a warning, as WCF fails only when a default
 * endpoint needs it.
 */
final class ProtocolMappings {
    private ProtocolMappings() {
    }

    static ProtocolMapping read(List<ProtocolMappingXml> sections, Extensions extensions, BindingTable bindings,
            ConfigContext ctx) {
        Map<String, ProtocolMappingItem> items = new LinkedHashMap<>();
        for (ProtocolMappingItem d : ProtocolMapping.WCF_DEFAULTS) {
            items.put(d.scheme(), resolved(d.scheme(), d.bindingSection(), "", extensions, bindings, null, ctx));
        }
        Set<String> addedHere = new HashSet<>();
        for (ProtocolMappingXml section : sections) {
            for (ChildXml c : section.children()) {
                LocatedXml item = c.value().orElse(null);
                if (item == null) {
                    ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
                } else if (item instanceof CollectionItemXml.Clear) {
                    items.clear();
                    addedHere.clear();
                } else if (item instanceof ProtocolMappingXml.RemoveXml remove) {
                    String scheme = ctx.required(remove, ConfigStrings.SCHEME, remove.scheme, 1);
                    if (scheme != null) {
                        items.remove(scheme);
                        addedHere.remove(scheme);
                    }
                } else {
                    add((ProtocolMappingXml.AddXml) item, items, addedHere, extensions, bindings, ctx);
                }
            }
        }
        return new ProtocolMapping(List.copyOf(items.values()));
    }

    private static void add(ProtocolMappingXml.AddXml add, Map<String, ProtocolMappingItem> items,
            Set<String> addedHere, Extensions extensions, BindingTable bindings, ConfigContext ctx) {
        String scheme = ctx.required(add, ConfigStrings.SCHEME, add.scheme, 1);
        String binding = ctx.required(add, ConfigStrings.BINDING, add.binding, 1);
        String configuration = ctx.string(add, ConfigStrings.BINDING_CONFIGURATION, add.bindingConfiguration, 0, "");
        if (scheme == null || binding == null) {
            return;
        }
        if (!addedHere.add(scheme)) {
            ctx.error(add, WcfText.ConfigDuplicateKeyAtSameScope, ConfigStrings.ADD, scheme);
            return;
        }
        items.put(scheme, resolved(scheme, binding, configuration, extensions, bindings, add, ctx));
    }

    /** The mapping with its binding, or without one (warned at {@code at}, when written) if it names none. */
    private static ProtocolMappingItem resolved(String scheme, String section, String configuration,
            Extensions extensions, BindingTable bindings, LocatedXml at, ConfigContext ctx) {
        Optional<Binding> binding = Optional.empty();
        String why;
        if (!extensions.isBindingSection(section)) {
            why = WcfText.ConfigBindingExtensionNotFound.format("system.serviceModel/bindings/" + section);
        } else {
            binding = bindings.lookup(section, configuration);
            why = WcfText.ConfigInvalidBindingName.format(configuration, "system.serviceModel/bindings/" + section,
                    ConfigStrings.BINDING_CONFIGURATION);
        }
        if (binding.isEmpty() && at != null) {
            ctx.warning(at, "A service that gets default endpoints at a '" + scheme + "' base address cannot be"
                    + " opened: " + why);
        }
        return new ProtocolMappingItem(scheme, section, configuration, binding);
    }
}

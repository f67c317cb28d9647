package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom extensions a configuration registers in {@code <extensions>}: name → registered .NET type, per collection.
 * wcf4j cannot load .NET types; a registered extension is accepted by name and reported as unsupported where used.
 */
final class Extensions {
    private final Map<String, Map<String, String>> byCollection = new HashMap<>();

    /** Reads every {@code <extensions>} section (duplicate names: WCF's {@code ConfigDuplicateExtensionName}). */
    static Extensions read(List<ExtensionsXml> sections, ConfigContext ctx) {
        Extensions ext = new Extensions();
        for (ExtensionsXml section : sections) {
            for (ChildXml collection : section.children()) {
                if (collection.value().isEmpty()) {
                    ctx.error(collection.location(), WcfText.Config_base_unrecognized_element_name, collection.name());
                    continue;
                }
                Map<String, String> names = ext.byCollection.computeIfAbsent(collection.name(), k -> new HashMap<>());
                for (ChildXml item : collection.as(ExtensionsXml.CollectionXml.class).children()) {
                    if (item.value().isEmpty()) {
                        ctx.error(item.location(), WcfText.Config_base_unrecognized_element_name, item.name());
                        continue;
                    }
                    ExtensionsXml.AddXml add = item.as(ExtensionsXml.AddXml.class);
                    String name = ctx.required(add, "name", add.name, 1);
                    String type = ctx.required(add, "type", add.type, 1);
                    if (name == null || type == null) {
                        continue;
                    }
                    if (names.containsKey(name)) {
                        ctx.error(add, WcfText.ConfigDuplicateExtensionName, name);
                    } else {
                        names.put(name, type);
                    }
                }
            }
        }
        return ext;
    }

    /** Whether {@code name} is a binding section: one wcf4j models, one WCF registers, or a registered extension. */
    boolean isBindingSection(String name) {
        return BindingsXml.isModelled(name) || WcfExtensionCatalog.UNSUPPORTED_BINDING_SECTIONS.contains(name)
                || registered(ConfigStrings.BINDING_EXTENSIONS, name).isPresent();
    }

    /** Whether {@code name} is a standard endpoint kind: one WCF knows, or a registered extension. */
    boolean isEndpointKind(String name) {
        return WcfExtensionCatalog.STANDARD_ENDPOINT_KINDS.contains(name)
                || registered(ConfigStrings.ENDPOINT_EXTENSIONS, name).isPresent();
    }

    /** The .NET type registered under {@code name} in {@code collection} ({@code bindingElementExtensions}, ...). */
    Optional<String> registered(String collection, String name) {
        return Optional.ofNullable(byCollection.getOrDefault(collection, Map.of()).get(name));
    }
}

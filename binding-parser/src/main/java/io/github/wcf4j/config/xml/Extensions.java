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
                    String name = required(add, "name", add.name, ctx);
                    String type = required(add, "type", add.type, ctx);
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

    private static String required(ExtensionsXml.AddXml add, String attribute, String value, ConfigContext ctx) {
        if (value == null) {
            ctx.error(add, WcfText.Config_base_required_attribute_missing, attribute);
            return null;
        }
        return ctx.string(add, attribute, value, 1, null);
    }

    /** The .NET type registered under {@code name} in {@code collection} ({@code bindingElementExtensions}, ...). */
    Optional<String> registered(String collection, String name) {
        return Optional.ofNullable(byCollection.getOrDefault(collection, Map.of()).get(name));
    }
}

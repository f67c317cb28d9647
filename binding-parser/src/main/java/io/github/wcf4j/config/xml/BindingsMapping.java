package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.UnsupportedBindingElement;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ElementKind;
import io.github.wcf4j.config.SourceLocation;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <bindings>} → {@link BindingTable}, with WCF's collection and custom-binding rules: unique binding names per
 * section, each extension once per custom binding, one encoder, one stream upgrade and one transport per binding.
 */
final class BindingsMapping {
    private static final String BINDINGS_PATH = "system.serviceModel/bindings/";

    private final ConfigContext ctx;
    private final Extensions extensions;
    private final BindingTable table = new BindingTable();

    private BindingsMapping(ConfigContext ctx, Extensions extensions) {
        this.ctx = ctx;
        this.extensions = extensions;
    }

    static BindingTable read(List<BindingsXml> sections, Extensions extensions, ConfigContext ctx) {
        BindingsMapping m = new BindingsMapping(ctx, extensions);
        Set<String> seen = new HashSet<>();
        for (BindingsXml bindings : sections) {
            for (ChildXml section : bindings.children()) {
                if (!seen.add(section.name())) {
                    ctx.error(section.location(), WcfText.Config_base_element_cannot_have_multiple_child_elements,
                            section.name());
                    continue;
                }
                m.section(section);
            }
        }
        return m.table;
    }

    private void section(ChildXml section) {
        String name = section.name();
        if (!extensions.isBindingSection(name)) {
            ctx.error(section.location(), WcfText.ConfigBindingExtensionNotFound, BINDINGS_PATH + name);
            return;
        }
        table.declareSection(name);
        Set<String> names = new HashSet<>();
        for (ChildXml item : section.as(BindingSectionXml.class).children()) {
            if (item.value().isEmpty()) {
                ctx.error(item.location(), WcfText.Config_base_unrecognized_element_name, item.name());
            } else if (item.value().get() instanceof CollectionItemXml.Clear) {
                table.clear(name);
                names.clear();
            } else if (item.value().get() instanceof CollectionItemXml.Remove) {
                String removed = ((CollectionItemXml.Remove) item.value().get()).name;
                table.remove(name, removed == null ? "" : removed);
                names.remove(removed == null ? "" : removed);
            } else {
                Binding binding = binding(name, item.value().get());
                if (!names.add(binding.configurationName())) {
                    ctx.error(item.location(), WcfText.ConfigDuplicateKeyAtSameScope, ConfigStrings.BINDING,
                            binding.configurationName());
                    continue;
                }
                table.put(name, ctx.located(binding, item.value().get()));
            }
        }
    }

    private Binding binding(String section, LocatedXml xml) {
        if (xml instanceof CustomBindingXml) {
            return custom((CustomBindingXml) xml);
        }
        return ((StandardBindingXml) xml).toModel(section, ctx);
    }

    /** A custom binding: its elements in document order, with WCF's {@code CustomBindingElement.Add} rules. */
    private CustomBinding custom(CustomBindingXml xml) {
        BindingTimeouts timeouts = StandardBindingXml.timeouts(xml, ctx, xml.attribute(ConfigStrings.OPEN_TIMEOUT),
                xml.attribute(ConfigStrings.CLOSE_TIMEOUT), xml.attribute(ConfigStrings.SEND_TIMEOUT),
                xml.attribute(ConfigStrings.RECEIVE_TIMEOUT));
        Map<String, Slot> stack = new LinkedHashMap<>();
        for (ChildXml child : xml.children()) {
            if (child.value().isPresent() && child.value().get() instanceof CollectionItemXml.Clear) {
                stack.clear();
                continue;
            }
            if (child.value().isPresent() && child.value().get() instanceof CollectionItemXml.Remove) {
                String removed = ((CollectionItemXml.Remove) child.value().get()).name;
                stack.remove(removed == null ? "" : removed);
                continue;
            }
            if (stack.containsKey(child.name())) {
                ctx.error(child.location(), WcfText.ConfigDuplicateItem, child.name(), "CustomBindingElement");
                continue;
            }
            Optional<Slot> slot = slot(child);
            if (slot.isPresent() && canAdd(slot.get(), stack.values(), child.location())) {
                stack.put(child.name(), slot.get());
            }
        }
        List<BindingElement> elements = new ArrayList<>(stack.size());
        stack.values().forEach(s -> elements.add(s.element));
        return new CustomBinding(xml.configurationName(), timeouts, elements);
    }

    /** One binding element with the config class WCF would name in a duplicate-kind error. */
    private static final class Slot {
        final BindingElement element;
        final String configType;

        Slot(BindingElement element, String configType) {
            this.element = element;
            this.configType = configType;
        }
    }

    private Optional<Slot> slot(ChildXml child) {
        String name = child.name();
        Optional<WcfExtensionCatalog.BindingElementExtension> builtIn = WcfExtensionCatalog.bindingElement(name);
        if (child.value().isPresent()) {
            BindingElement e = ((BindingElementXml) child.value().get()).toModel(ctx);
            return Optional.of(new Slot(ctx.located(e, child.value().get()), builtIn.orElseThrow().configType()));
        }
        if (builtIn.isPresent()) {
            ctx.warning(child.location(), "The binding element '" + name + "' is not supported by wcf4j: bindings that"
                    + " use it are validated but cannot be opened.");
            UnsupportedBindingElement e = new UnsupportedBindingElement(name, builtIn.get().kind(), false);
            ctx.sourceMap().put(e, child.location());
            return Optional.of(new Slot(e, builtIn.get().configType()));
        }
        Optional<String> registered = extensions.registered(ConfigStrings.BINDING_ELEMENT_EXTENSIONS, name);
        if (registered.isPresent()) {
            ctx.warning(child.location(), "The custom binding element extension '" + name + "' (" + registered.get()
                    + ") is not supported by wcf4j, which cannot run .NET extensions: bindings that use it are"
                    + " validated but cannot be opened.");
            UnsupportedBindingElement e = new UnsupportedBindingElement(name,
                    WcfExtensionCatalog.guessKind(registered.get()), true);
            ctx.sourceMap().put(e, child.location());
            return Optional.of(new Slot(e, registered.get()));
        }
        ctx.error(child.location(), WcfText.ConfigInvalidExtensionElementName, name,
                ConfigStrings.BINDING_ELEMENT_EXTENSIONS);
        return Optional.empty();
    }

    /** {@code CustomBindingElement.Add}: encoder, then stream upgrade, then transport, each at most once. */
    private boolean canAdd(Slot candidate, Iterable<Slot> existing, SourceLocation at) {
        for (ElementKind kind : List.of(ElementKind.MESSAGE_ENCODING, ElementKind.STREAM_UPGRADE,
                ElementKind.TRANSPORT)) {
            if (candidate.element.kind() != kind) {
                continue;
            }
            for (Slot s : existing) {
                if (s.element.kind() == kind) {
                    WcfText text = kind == ElementKind.MESSAGE_ENCODING ? WcfText.ConfigMessageEncodingAlreadyInBinding
                            : kind == ElementKind.STREAM_UPGRADE ? WcfText.ConfigStreamUpgradeElementAlreadyInBinding
                            : WcfText.ConfigTransportAlreadyInBinding;
                    ctx.error(at, text, s.element.configName(), s.configType);
                    return false;
                }
            }
        }
        return true;
    }
}

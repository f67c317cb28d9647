package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.StandardEndpoint;
import io.github.wcf4j.binding.description.StandardEndpointConfiguration;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <standardEndpoints>} and the {@code kind}/{@code endpointConfiguration} of endpoints, with WCF's rules and
 * texts ({@code StandardEndpointsSection}, {@code ValidateEndpointReference}): a kind must be known to WCF or registered
 * in {@code <endpointExtensions>}; an {@code endpointConfiguration} must name a {@code <standardEndpoint>} of that kind.
 * Kinds other than {@code mexEndpoint} are kept by name and reported as not supported.
 */
final class StandardEndpointsMapping {
    private static final String SECTION_PATH = "standardEndpoints/";

    private final ConfigContext ctx;
    private final Extensions extensions;
    /** kind → configuration names in order. */
    private final Map<String, Set<String>> configurations = new LinkedHashMap<>();

    private StandardEndpointsMapping(ConfigContext ctx, Extensions extensions) {
        this.ctx = ctx;
        this.extensions = extensions;
    }

    static StandardEndpointsMapping read(List<StandardEndpointsXml> sections, Extensions extensions,
            ConfigContext ctx) {
        StandardEndpointsMapping m = new StandardEndpointsMapping(ctx, extensions);
        Set<String> seen = new HashSet<>();
        for (StandardEndpointsXml section : sections) {
            for (ChildXml kind : section.children()) {
                if (!extensions.isEndpointKind(kind.name())) {
                    ctx.error(kind.location(), WcfText.ConfigEndpointExtensionNotFound, SECTION_PATH + kind.name());
                } else if (!seen.add(kind.name())) {
                    ctx.error(kind.location(), WcfText.Config_base_element_cannot_have_multiple_child_elements,
                            kind.name());
                } else {
                    m.collection(kind.name(), kind.as(StandardEndpointsXml.CollectionXml.class));
                }
            }
        }
        return m;
    }

    private void collection(String kind, StandardEndpointsXml.CollectionXml xml) {
        Set<String> names = configurations.computeIfAbsent(kind, k -> new LinkedHashSet<>());
        for (ChildXml item : xml.children()) {
            LocatedXml value = item.value().orElse(null);
            if (value == null) {
                ctx.error(item.location(), WcfText.Config_base_unrecognized_element_name, item.name());
            } else if (value instanceof CollectionItemXml.Clear) {
                names.clear();
            } else if (value instanceof CollectionItemXml.Remove remove) {
                names.remove(remove.name == null ? "" : remove.name);
            } else {
                String name = ctx.string(value, ConfigStrings.NAME, nameOf(value), 0, "");
                if (!names.add(name)) {
                    ctx.error(value, WcfText.ConfigDuplicateKeyAtSameScope, ConfigStrings.STANDARD_ENDPOINT, name);
                } else if (!StandardEndpoint.MEX_ENDPOINT.equals(kind)) {
                    ctx.warning(value, "The settings of the " + kind + " configuration '" + name + "' are not read:"
                            + " wcf4j does not support the standard endpoint kind '" + kind + "'.");
                }
            }
        }
    }

    private static String nameOf(LocatedXml value) {
        return value instanceof StandardEndpointsXml.MexEndpointXml mex ? mex.name
                : ((StandardEndpointsXml.OpaqueEndpointXml) value).name;
    }

    /** Every configuration, kind by kind. */
    List<StandardEndpointConfiguration> all() {
        List<StandardEndpointConfiguration> out = new ArrayList<>();
        configurations.forEach((kind, names) -> names.forEach(n -> out.add(new StandardEndpointConfiguration(kind, n))));
        return out;
    }

    /**
     * The standard endpoint an endpoint's {@code kind} and {@code endpointConfiguration} name, or empty (with WCF's
     * error) when they name none.
     */
    Optional<StandardEndpoint> resolve(EndpointXml x) {
        if (!extensions.isEndpointKind(x.kind)) {
            ctx.error(x, WcfText.ConfigEndpointExtensionNotFound, SECTION_PATH + x.kind);
            return Optional.empty();
        }
        String configuration = x.endpointConfiguration == null ? "" : x.endpointConfiguration;
        if (!configuration.isEmpty() && !configurations.getOrDefault(x.kind, Set.of()).contains(configuration)) {
            ctx.error(x, WcfText.ConfigInvalidEndpointName, configuration, SECTION_PATH + x.kind,
                    ConfigStrings.ENDPOINT_CONFIGURATION);
            return Optional.empty();
        }
        StandardEndpoint kind = new StandardEndpoint(x.kind, configuration);
        if (!kind.isModelled()) {
            ctx.warning(x, "The standard endpoint kind '" + x.kind + "' is not supported by wcf4j: this endpoint is"
                    + " validated but cannot be hosted or called.");
        }
        return Optional.of(kind);
    }
}

package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole mapping of a configuration document to the model, in the order WCF needs it: sections, then extensions
 * (which decide what the other sections may contain), bindings, behaviors, and finally services and client endpoints
 * that refer to them.
 */
public final class ServiceModelMapping {
    private ServiceModelMapping() {
    }

    /** Maps {@code document}; every problem goes to {@code ctx}. */
    public static ServiceModelConfiguration map(ConfigurationXml document, ConfigContext ctx) {
        List<ServicesXml> services = new ArrayList<>();
        List<ClientXml> clients = new ArrayList<>();
        List<BindingsXml> bindings = new ArrayList<>();
        List<BehaviorsXml> behaviors = new ArrayList<>();
        List<ExtensionsXml> extensions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ServiceModelXml group : document.children(ConfigStrings.SYSTEM_SERVICE_MODEL, ServiceModelXml.class)) {
            for (ChildXml section : group.children()) {
                String path = ConfigStrings.SYSTEM_SERVICE_MODEL + "/" + section.name();
                if (!seen.add(section.name())) {
                    ctx.error(section.location(), WcfText.Config_sections_must_be_unique);
                    continue;
                }
                switch (section.kind()) {
                    case UNKNOWN:
                        ctx.error(section.location(), WcfText.Config_unrecognized_configuration_section, path);
                        break;
                    case KNOWN_UNSUPPORTED:
                        ctx.warning(section.location(), "The section " + path + " is not supported by wcf4j and is"
                                + " ignored.");
                        break;
                    default:
                        sectionContent(section.value().orElseThrow(), ctx).ifPresent(value ->
                                collect(value, services, clients, bindings, behaviors, extensions));
                }
            }
        }
        Extensions registered = Extensions.read(extensions, ctx);
        BindingTable bindingTable = BindingsMapping.read(bindings, registered, ctx);
        BehaviorTable behaviorTable = BehaviorsMapping.read(behaviors, registered, ctx);
        EndpointsMapping endpoints = new EndpointsMapping(ctx, registered, bindingTable, behaviorTable);
        return new ServiceModelConfiguration(endpoints.services(services), endpoints.clientEndpoints(clients),
                bindingTable.all());
    }

    /** The section as written, or read from its {@code configSource} file. */
    private static Optional<LocatedXml> sectionContent(LocatedXml written, ConfigContext ctx) {
        if (written instanceof SectionXml section && section.configSource() != null) {
            return ctx.sectionSources().load(section, section.configSource(), ctx).map(LocatedXml.class::cast);
        }
        return Optional.of(written);
    }

    private static void collect(LocatedXml value, List<ServicesXml> services, List<ClientXml> clients,
            List<BindingsXml> bindings, List<BehaviorsXml> behaviors, List<ExtensionsXml> extensions) {
        if (value instanceof ServicesXml) {
            services.add((ServicesXml) value);
        } else if (value instanceof ClientXml) {
            clients.add((ClientXml) value);
        } else if (value instanceof BindingsXml) {
            bindings.add((BindingsXml) value);
        } else if (value instanceof BehaviorsXml) {
            behaviors.add((BehaviorsXml) value);
        } else if (value instanceof ExtensionsXml) {
            extensions.add((ExtensionsXml) value);
        }
    }
}

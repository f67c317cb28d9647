package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ProtocolMapping;
import io.github.wcf4j.binding.description.ServiceHostingEnvironment;
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
 * The whole mapping of a configuration document to the model, in the order WCF needs it: sections (read from their
 * {@code configSource} file where they name one), then extensions (which decide what the other sections may contain),
 * bindings, behaviors, the protocol mapping (which refers to bindings), standard endpoints and the hosting environment,
 * and finally services and client endpoints that refer to them.
 */
public final class ServiceModelMapping {
    private ServiceModelMapping() {
    }

    /** Maps {@code document}; every problem goes to {@code ctx}. */
    public static ServiceModelConfiguration map(ConfigurationXml document, ConfigContext ctx) {
        Sections sections = new Sections();
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
                        sectionContent(section.value().orElseThrow(), ctx).ifPresent(sections::add);
                }
            }
        }
        Extensions registered = Extensions.read(sections.of(ExtensionsXml.class), ctx);
        BindingTable bindingTable = BindingsMapping.read(sections.of(BindingsXml.class), registered, ctx);
        BehaviorTable behaviorTable = BehaviorsMapping.read(sections.of(BehaviorsXml.class), registered, ctx);
        ProtocolMapping protocolMapping = ProtocolMappings.read(sections.of(ProtocolMappingXml.class), registered,
                bindingTable, ctx);
        StandardEndpointsMapping standardEndpoints = StandardEndpointsMapping.read(
                sections.of(StandardEndpointsXml.class), registered, ctx);
        ServiceHostingEnvironment hosting = HostingEnvironmentMapping.read(
                sections.of(ServiceHostingEnvironmentXml.class), ctx)
                .withAspNetDenyRules(AspNetDenyRules.read(document, ctx));
        EndpointsMapping endpoints = new EndpointsMapping(ctx, registered, bindingTable, behaviorTable,
                standardEndpoints);
        return new ServiceModelConfiguration(endpoints.services(sections.of(ServicesXml.class)),
                endpoints.clientEndpoints(sections.of(ClientXml.class)), bindingTable.all(),
                List.copyOf(behaviorTable.serviceBehaviors.values()),
                List.copyOf(behaviorTable.endpointBehaviors.values()),
                protocolMapping, standardEndpoints.all(), hosting,
                DiagnosticsMapping.read(sections.of(DiagnosticsXml.class), ctx));
    }

    /** The sections read, by type, in document order. */
    private static final class Sections {
        private final List<LocatedXml> all = new ArrayList<>();

        void add(LocatedXml section) {
            all.add(section);
        }

        <T extends LocatedXml> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** The section as written, or read from its {@code configSource} file. */
    private static Optional<LocatedXml> sectionContent(LocatedXml written, ConfigContext ctx) {
        if (written instanceof SectionXml section && section.configSource() != null) {
            return ctx.sectionSources().load(section, section.configSource(), ctx).map(LocatedXml.class::cast);
        }
        return Optional.of(written);
    }
}

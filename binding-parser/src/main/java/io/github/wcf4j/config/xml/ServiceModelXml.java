package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Map;
import java.util.Set;

/**
 * {@code <system.serviceModel>}: the sections wcf4j reads (services, client, bindings, behaviors, extensions,
 * protocolMapping, standardEndpoints, serviceHostingEnvironment, diagnostics), the WCF
 * sections it does not (kept as known), and nothing else ("Unrecognized configuration section").
 */
public class ServiceModelXml extends OrderedElementXml {
    private static final Map<String, Class<? extends LocatedXml>> SECTIONS = Map.of(
            ConfigStrings.SERVICES, ServicesXml.class,
            ConfigStrings.CLIENT, ClientXml.class,
            ConfigStrings.BINDINGS, BindingsXml.class,
            ConfigStrings.BEHAVIORS, BehaviorsXml.class,
            ConfigStrings.EXTENSIONS, ExtensionsXml.class,
            ConfigStrings.PROTOCOL_MAPPING, ProtocolMappingXml.class,
            ConfigStrings.STANDARD_ENDPOINTS, StandardEndpointsXml.class,
            ConfigStrings.SERVICE_HOSTING_ENVIRONMENT, ServiceHostingEnvironmentXml.class,
            ConfigStrings.DIAGNOSTICS, DiagnosticsXml.class);

    @Override
    protected Set<String> attributeNames() {
        return Set.of();
    }

    /** A section group accepts any attribute (System.Configuration); wcf4j does not report them. */
    @Override
    protected boolean ignoresUnknownAttributes() {
        return true;
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return SECTIONS.get(name);
    }

    @Override
    protected boolean isKnownUnsupported(String name) {
        return WcfExtensionCatalog.UNSUPPORTED_SECTIONS.contains(name);
    }
}

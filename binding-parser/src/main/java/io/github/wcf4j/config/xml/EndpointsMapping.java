package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.EndpointBehaviorElement;
import io.github.wcf4j.binding.description.ServiceBehaviorElement;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.StandardEndpoint;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.standard.MetadataExchangeBindings;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <services>} and {@code <client>} → service descriptions and client endpoints, with every reference resolved as
 * WCF's {@code ServicesSection}/{@code ClientSection} validation and {@code ConfigLoader} do, in WCF's order: service
 * behavior; then per endpoint the required {@code binding}, {@code bindingConfiguration} without {@code binding}, the
 * endpoint behavior and the binding reference.
 */
final class EndpointsMapping {
    private final ConfigContext ctx;
    private final Extensions extensions;
    private final BindingTable bindings;
    private final BehaviorTable behaviors;
    private final StandardEndpointsMapping standardEndpoints;

    EndpointsMapping(ConfigContext ctx, Extensions extensions, BindingTable bindings, BehaviorTable behaviors,
            StandardEndpointsMapping standardEndpoints) {
        this.ctx = ctx;
        this.extensions = extensions;
        this.bindings = bindings;
        this.behaviors = behaviors;
        this.standardEndpoints = standardEndpoints;
    }

    List<ServiceDescription> services(List<ServicesXml> sections) {
        Map<String, ServiceDescription> services = new LinkedHashMap<>();
        for (ServicesXml section : sections) {
            for (ChildXml item : section.children()) {
                if (item.value().isEmpty()) {
                    ctx.error(item.location(), WcfText.Config_base_unrecognized_element_name, item.name());
                } else if (item.value().get() instanceof CollectionItemXml.Clear) {
                    services.clear();
                } else if (item.value().get() instanceof CollectionItemXml.Remove) {
                    services.remove(((CollectionItemXml.Remove) item.value().get()).name);
                } else {
                    service(item.as(ServiceXml.class)).ifPresent(s -> {
                        if (services.containsKey(s.name())) {
                            ctx.error(item.location(), WcfText.ConfigDuplicateKeyAtSameScope, ConfigStrings.SERVICE,
                                    s.name());
                        } else {
                            services.put(s.name(), s);
                        }
                    });
                }
            }
        }
        return new ArrayList<>(services.values());
    }

    private Optional<ServiceDescription> service(ServiceXml xml) {
        String name = xml.attribute(ConfigStrings.NAME);
        if (name == null) {
            ctx.error(xml, WcfText.Config_base_required_attribute_missing, ConfigStrings.NAME);
            return Optional.empty();
        }
        name = ctx.string(xml, ConfigStrings.NAME, name, 1, null);
        if (name == null) {
            return Optional.empty();
        }
        String behaviorName = orEmpty(xml.attribute(ConfigStrings.BEHAVIOR_CONFIGURATION));
        Optional<ServiceBehaviorElement> behavior = behaviors.service(behaviorName);
        if (behavior.isEmpty() && !behaviorName.isEmpty()) {
            ctx.error(xml, WcfText.ConfigInvalidServiceBehavior, behaviorName);
        }
        List<URI> baseAddresses = new ArrayList<>();
        List<ServiceEndpoint> endpoints = new ArrayList<>();
        for (ChildXml c : xml.children()) {
            if (c.value().isEmpty()) {
                ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
            } else if (c.value().get() instanceof HostXml) {
                host(c.as(HostXml.class), baseAddresses);
            } else if (c.value().get() instanceof CollectionItemXml.Clear) {
                endpoints.clear();
            } else if (c.value().get() instanceof ServiceEndpointXml) {
                serviceEndpoint(c.as(ServiceEndpointXml.class)).ifPresent(endpoints::add);
            }
        }
        return Optional.of(ctx.located(new ServiceDescription(name, behavior, baseAddresses, endpoints), xml));
    }

    private void host(HostXml host, List<URI> baseAddresses) {
        if (host.timeouts != null) {
            ctx.timeout(host.timeouts, "openTimeout", host.timeouts.openTimeout, null);
            ctx.timeout(host.timeouts, "closeTimeout", host.timeouts.closeTimeout, null);
        }
        if (host.baseAddresses == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (ChildXml c : host.baseAddresses.children()) {
            if (c.value().isEmpty()) {
                ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
                continue;
            }
            HostXml.BaseAddressXml add = c.as(HostXml.BaseAddressXml.class);
            if (add.baseAddress == null) {
                ctx.error(add, WcfText.Config_base_required_attribute_missing, ConfigStrings.BASE_ADDRESS);
                continue;
            }
            if (!seen.add(add.baseAddress)) {
                ctx.error(add, WcfText.Config_base_collection_entry_already_exists, add.baseAddress);
                continue;
            }
            Optional<URI> uri = absolute(add.baseAddress.replace("://*", "://localhost"));
            if (uri.isEmpty()) {
                ctx.error(add, WcfText.BaseAddressMustBeAbsolute);
            } else {
                baseAddresses.add(uri.get());
            }
        }
    }

    private Optional<ServiceEndpoint> serviceEndpoint(ServiceEndpointXml x) {
        ctx.bool(x, "isSystemEndpoint", x.isSystemEndpoint, false);
        ctx.enumName(x, "listenUriMode", x.listenUriMode, List.of("Explicit", "Unique"), "Explicit");
        Optional<URI> listenUri = ctx.uri(x, "listenUri", x.listenUri);
        Optional<Target> target = target(x);
        Optional<EndpointBehaviorElement> behavior = endpointBehavior(x);
        Optional<EndpointIdentity> identity = IdentityMapping.read(x.identity, ctx);
        List<AddressHeader> headers = AddressHeadersMapping.read(x.headers, ctx);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Target t = target.get();
        ServiceEndpoint e = new ServiceEndpoint(EndpointXml.orEmpty(x.name), EndpointXml.orEmpty(x.address),
                t.bindingSection(), EndpointXml.orEmpty(x.bindingConfiguration), t.binding(), t.contract(), listenUri,
                behavior, identity, headers, t.kind());
        return Optional.of(ctx.located(e, x));
    }

    List<ClientEndpoint> clientEndpoints(List<ClientXml> sections) {
        Map<String, ClientEndpoint> endpoints = new LinkedHashMap<>();
        for (ClientXml section : sections) {
            for (ChildXml item : section.children()) {
                if (item.value().isEmpty()) {
                    if (item.kind() != ChildXml.ChildKind.KNOWN_UNSUPPORTED) {
                        ctx.error(item.location(), WcfText.Config_base_unrecognized_element_name, item.name());
                    }
                } else if (item.value().get() instanceof CollectionItemXml.Clear) {
                    endpoints.clear();
                } else if (item.value().get() instanceof ClientEndpointXml) {
                    ClientEndpointXml x = item.as(ClientEndpointXml.class);
                    String key = "contractType:" + EndpointXml.orEmpty(x.contract) + ";name:"
                            + EndpointXml.orEmpty(x.name);
                    if (endpoints.containsKey(key)) {
                        ctx.error(x, WcfText.ConfigDuplicateKeyAtSameScope, ConfigStrings.ENDPOINT, key);
                        continue;
                    }
                    clientEndpoint(x).ifPresent(e -> endpoints.put(key, e));
                }
            }
        }
        return new ArrayList<>(endpoints.values());
    }

    private Optional<ClientEndpoint> clientEndpoint(ClientEndpointXml x) {
        if (x.kind == null && x.contract == null) {
            ctx.error(x, WcfText.RequiredAttributeMissing, ConfigStrings.CONTRACT, ConfigStrings.ENDPOINT);
            return Optional.empty();
        }
        Optional<Target> target = target(x);
        Optional<EndpointBehaviorElement> behavior = endpointBehavior(x);
        Optional<URI> address = ctx.uri(x, ConfigStrings.ADDRESS, x.address);
        Optional<EndpointIdentity> identity = IdentityMapping.read(x.identity, ctx);
        List<AddressHeader> headers = AddressHeadersMapping.read(x.headers, ctx);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Target t = target.get();
        if (address.isEmpty() || !address.get().isAbsolute()) {
            ctx.warning(x, "The client endpoint" + (x.name == null || x.name.isEmpty() ? "" : " '" + x.name + "'")
                    + " has no absolute address; a proxy created from it needs the address supplied in code.");
        }
        ClientEndpoint e = new ClientEndpoint(EndpointXml.orEmpty(x.name),
                address.filter(URI::isAbsolute).orElse(URI.create("about:blank")), t.bindingSection(),
                EndpointXml.orEmpty(x.bindingConfiguration), t.binding(), t.contract(), behavior, identity, headers,
                t.kind());
        return Optional.of(ctx.located(e, x));
    }

    // ---------------------------------------------------------------- references

    /** What an endpoint's references resolve to: its binding, its standard endpoint kind, its contract. */
    private record Target(String bindingSection, Binding binding, Optional<StandardEndpoint> kind, String contract) {
    }

    /**
     * {@code kind}, {@code binding} and {@code bindingConfiguration} → binding, with WCF's texts for each broken
     * reference in {@code ServicesSection}/{@code ClientSection.ValidateSection}'s order. A standard endpoint without a
     * {@code binding} gets its kind's: {@code mexHttpBinding} for {@code mexEndpoint}; for a kind wcf4j does not model,
     * an unsupported binding named after the kind, so that the endpoint is kept and refused by name.
     */
    private Optional<Target> target(EndpointXml x) {
        String contract = EndpointXml.orEmpty(x.contract);
        if (x.kind == null || x.kind.isEmpty()) {
            if (x.endpointConfiguration != null) {
                ctx.error(x, WcfText.ConfigInvalidAttribute, ConfigStrings.ENDPOINT_CONFIGURATION,
                        ConfigStrings.ENDPOINT, ConfigStrings.KIND);
            }
            if (x.binding == null || x.binding.isEmpty()) {
                if (x.bindingConfiguration != null) {
                    bindingConfigurationWithoutBinding(x);
                } else {
                    ctx.error(x, WcfText.RequiredAttributeMissing, ConfigStrings.BINDING, ConfigStrings.ENDPOINT);
                }
                return Optional.empty();
            }
            return configuredBinding(x).map(b -> new Target(x.binding, b, Optional.empty(), contract));
        }
        if ((x.binding == null || x.binding.isEmpty()) && !EndpointXml.orEmpty(x.bindingConfiguration).isEmpty()) {
            bindingConfigurationWithoutBinding(x);
            return Optional.empty();
        }
        Optional<StandardEndpoint> kind = standardEndpoints.resolve(x);
        Optional<Binding> binding = x.binding == null || x.binding.isEmpty()
                ? kind.map(EndpointsMapping::bindingOfKind) : configuredBinding(x);
        if (kind.isEmpty() || binding.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Target(binding.get().sectionName(), binding.get(), kind,
                kind.get().isModelled() ? ContractCatalog.METADATA_EXCHANGE.name() : contract));
    }

    private void bindingConfigurationWithoutBinding(EndpointXml x) {
        ctx.error(x, WcfText.ConfigInvalidAttribute, ConfigStrings.BINDING_CONFIGURATION, ConfigStrings.ENDPOINT,
                ConfigStrings.BINDING);
    }

    private static Binding bindingOfKind(StandardEndpoint kind) {
        return kind.isModelled() ? MetadataExchangeBindings.forName(ConfigStrings.MEX_HTTP_BINDING).orElseThrow()
                : new UnsupportedBinding(kind.kind(), kind.endpointConfiguration());
    }

    /** {@code binding} + {@code bindingConfiguration} → their binding ({@code BindingsSection.ValidateBindingReference}). */
    private Optional<Binding> configuredBinding(EndpointXml x) {
        String section = x.binding;
        String configuration = EndpointXml.orEmpty(x.bindingConfiguration);
        if (!extensions.isBindingSection(section)) {
            ctx.error(x, WcfText.ConfigBindingExtensionNotFound, "system.serviceModel/bindings/" + section);
            return Optional.empty();
        }
        Optional<Binding> binding = bindings.lookup(section, configuration);
        if (binding.isEmpty()) {
            ctx.error(x, WcfText.ConfigInvalidBindingName, configuration, "system.serviceModel/bindings/" + section,
                    ConfigStrings.BINDING_CONFIGURATION);
            return Optional.empty();
        }
        if (binding.get() instanceof UnsupportedBinding) {
            ctx.warning(x, "The binding '" + section + "' is not supported by wcf4j: this endpoint is validated but"
                    + " cannot be hosted or called.");
        }
        return binding;
    }

    private Optional<EndpointBehaviorElement> endpointBehavior(EndpointXml x) {
        String name = EndpointXml.orEmpty(x.behaviorConfiguration);
        Optional<EndpointBehaviorElement> behavior = behaviors.endpoint(name);
        if (behavior.isEmpty() && !name.isEmpty()) {
            ctx.error(x, WcfText.ConfigInvalidEndpointBehavior, name);
        }
        return behavior;
    }

    private static Optional<URI> absolute(String s) {
        try {
            URI u = new URI(s.replace(" ", "%20"));
            return u.isAbsolute() && u.getScheme() != null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceActivation;
import io.github.wcf4j.binding.description.ServiceHostingEnvironment;
import io.github.wcf4j.binding.description.TransportConfigurationType;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <serviceHostingEnvironment>} → {@link ServiceHostingEnvironment}, with System.Configuration's collection
 * rules (a key added twice: "The entry 'x' has already been added.") and {@code ServiceActivationElement}'s validator
 * for relative addresses.
 */
final class HostingEnvironmentMapping {
    private final ConfigContext ctx;
    private final Map<String, ServiceActivation> activations = new LinkedHashMap<>();
    private final Map<String, URI> prefixFilters = new LinkedHashMap<>();
    private final Map<String, TransportConfigurationType> transports = new LinkedHashMap<>();

    private HostingEnvironmentMapping(ConfigContext ctx) {
        this.ctx = ctx;
    }

    static ServiceHostingEnvironment read(List<ServiceHostingEnvironmentXml> sections, ConfigContext ctx) {
        if (sections.isEmpty()) {
            return ServiceHostingEnvironment.defaults();
        }
        ServiceHostingEnvironmentXml x = sections.get(0);
        HostingEnvironmentMapping m = new HostingEnvironmentMapping(ctx);
        Set<String> collections = new HashSet<>();
        for (ChildXml c : x.children()) {
            LocatedXml value = c.value().orElse(null);
            if (value == null) {
                ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
            } else if (value instanceof OrderedElementXml && !collections.add(c.name())) {
                ctx.error(c.location(), WcfText.Config_base_element_cannot_have_multiple_child_elements, c.name());
            } else if (value instanceof ServiceHostingEnvironmentXml.ServiceActivationsXml activationsXml) {
                activationsXml.children().forEach(m::activation);
            } else if (value instanceof ServiceHostingEnvironmentXml.BaseAddressPrefixFiltersXml filters) {
                filters.children().forEach(m::prefixFilter);
            } else {
                m.transport(c);
            }
        }
        ServiceHostingEnvironment d = ServiceHostingEnvironment.defaults();
        ServiceHostingEnvironment read = new ServiceHostingEnvironment(
                ctx.bool(x, ServiceHostingEnvironmentXml.ASP_NET_COMPATIBILITY_ENABLED,
                        x.attribute(ServiceHostingEnvironmentXml.ASP_NET_COMPATIBILITY_ENABLED),
                        d.aspNetCompatibilityEnabled()),
                ctx.bool(x, ServiceHostingEnvironmentXml.CLOSE_IDLE_SERVICES_AT_LOW_MEMORY,
                        x.attribute(ServiceHostingEnvironmentXml.CLOSE_IDLE_SERVICES_AT_LOW_MEMORY),
                        d.closeIdleServicesAtLowMemory()),
                ctx.int32(x, ServiceHostingEnvironmentXml.MIN_FREE_MEMORY_PERCENTAGE,
                        x.attribute(ServiceHostingEnvironmentXml.MIN_FREE_MEMORY_PERCENTAGE), 0, 99,
                        d.minFreeMemoryPercentageToActivateService()),
                ctx.bool(x, ServiceHostingEnvironmentXml.MULTIPLE_SITE_BINDINGS_ENABLED,
                        x.attribute(ServiceHostingEnvironmentXml.MULTIPLE_SITE_BINDINGS_ENABLED),
                        d.multipleSiteBindingsEnabled()),
                new ArrayList<>(m.prefixFilters.values()), new ArrayList<>(m.activations.values()),
                new ArrayList<>(m.transports.values()));
        if (read.multipleSiteBindingsEnabled()) {
            ctx.warning(x, "multipleSiteBindingsEnabled=\"true\" lets an IIS site with several bindings of a scheme"
                    + " host its services (WCF listens at the first, and its address filter ignores the port a message"
                    + " is addressed to); wcf4j host listens at one base address per scheme, as given, and its address"
                    + " filter compares the port.");
        }
        return read;
    }

    private void activation(ChildXml c) {
        LocatedXml value = c.value().orElse(null);
        if (value == null) {
            ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
        } else if (value instanceof CollectionItemXml.Clear) {
            activations.clear();
        } else if (value instanceof ServiceHostingEnvironmentXml.RemoveRelativeAddressXml remove) {
            relativeAddress(remove, remove.relativeAddress).ifPresent(activations::remove);
        } else {
            ServiceHostingEnvironmentXml.ServiceActivationXml add =
                    (ServiceHostingEnvironmentXml.ServiceActivationXml) value;
            Optional<String> address = relativeAddress(add, add.relativeAddress);
            String service = ctx.string(add, "service", add.service, 0, "");
            String factory = ctx.string(add, "factory", add.factory, 0, "");
            if (address.isPresent() && unique(add, activations.keySet(), address.get())) {
                activations.put(address.get(), new ServiceActivation(address.get(), service, factory));
            }
        }
    }

    /** {@code relativeAddress}: required; {@code ServiceActivationElement.RelativeAddressValidator}. */
    private Optional<String> relativeAddress(LocatedXml at, String raw) {
        String address = ctx.required(at, "relativeAddress", raw, 0);
        if (address == null) {
            return Optional.empty();
        }
        WcfText invalid = address.isBlank() || address.length() < 3 ? WcfText.Hosting_RelativeAddressFormatError
                : address.startsWith("/") || address.startsWith("\\") ? WcfText.Hosting_NoAbsoluteRelativeAddress
                : null;
        if (invalid != null) {
            ctx.error(at, WcfText.Top_level_validation_error, "relativeAddress", invalid.format(address));
            return Optional.empty();
        }
        return Optional.of(address);
    }

    private void prefixFilter(ChildXml c) {
        LocatedXml value = c.value().orElse(null);
        if (value == null) {
            ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
        } else if (value instanceof CollectionItemXml.Clear) {
            prefixFilters.clear();
        } else {
            ServiceHostingEnvironmentXml.PrefixXml x = (ServiceHostingEnvironmentXml.PrefixXml) value;
            if (ctx.required(x, "prefix", x.prefix, 0) == null) {
                return;
            }
            Optional<URI> prefix = ctx.uri(x, "prefix", x.prefix);
            if (prefix.isEmpty()) {
                return;
            }
            if (ConfigStrings.REMOVE.equals(c.name())) {
                prefixFilters.remove(x.prefix);
            } else if (unique(x, prefixFilters.keySet(), x.prefix)) {
                prefixFilters.put(x.prefix, prefix.get());
            }
        }
    }

    private void transport(ChildXml c) {
        LocatedXml value = c.value().orElseThrow();
        if (value instanceof CollectionItemXml.Clear) {
            transports.clear();
        } else if (value instanceof CollectionItemXml.Remove remove) {
            String name = ctx.required(remove, ConfigStrings.NAME, remove.name, 1);
            if (name != null) {
                transports.remove(name);
            }
        } else {
            ServiceHostingEnvironmentXml.TransportConfigurationTypeXml add =
                    (ServiceHostingEnvironmentXml.TransportConfigurationTypeXml) value;
            String name = ctx.required(add, ConfigStrings.NAME, add.name, 1);
            String type = ctx.required(add, "transportConfigurationType", add.transportConfigurationType, 1);
            if (name != null && type != null && unique(add, transports.keySet(), name)) {
                transports.put(name, new TransportConfigurationType(name, type));
            }
        }
    }

    /** {@code ThrowOnDuplicate}: "The entry 'x' has already been added." */
    private boolean unique(LocatedXml at, Set<String> keys, String key) {
        if (keys.contains(key)) {
            ctx.error(at, WcfText.Config_base_collection_entry_already_exists, key);
            return false;
        }
        return true;
    }
}

package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.credentials.ClientCredentials;
import io.github.wcf4j.binding.credentials.ServiceCredentials;
import io.github.wcf4j.binding.description.EndpointBehaviorElement;
import io.github.wcf4j.binding.description.ServiceBehaviorElement;
import io.github.wcf4j.binding.description.ServiceDebugBehavior;
import io.github.wcf4j.binding.description.ServiceMetadataBehavior;
import io.github.wcf4j.binding.description.ServiceThrottlingBehavior;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <behaviors>} → {@link BehaviorTable}: unique behavior names, each extension once per behavior, service-only
 * extensions refused in endpoint behaviors (and vice versa) with WCF's texts, custom extensions accepted when registered.
 */
final class BehaviorsMapping {
    private final ConfigContext ctx;
    private final Extensions extensions;
    private final BehaviorTable table = new BehaviorTable();

    private BehaviorsMapping(ConfigContext ctx, Extensions extensions) {
        this.ctx = ctx;
        this.extensions = extensions;
    }

    static BehaviorTable read(List<BehaviorsXml> sections, Extensions extensions, ConfigContext ctx) {
        BehaviorsMapping m = new BehaviorsMapping(ctx, extensions);
        for (BehaviorsXml behaviors : sections) {
            for (ChildXml collection : behaviors.children()) {
                if (collection.value().isEmpty()) {
                    ctx.error(collection.location(), WcfText.Config_base_unrecognized_element_name, collection.name());
                    continue;
                }
                m.collection(collection.as(BehaviorCollectionXml.class),
                        collection.value().get() instanceof BehaviorCollectionXml.Service);
            }
        }
        return m.table;
    }

    private void collection(BehaviorCollectionXml xml, boolean service) {
        Set<String> names = new HashSet<>();
        for (ChildXml item : xml.children()) {
            if (item.value().isEmpty()) {
                ctx.error(item.location(), WcfText.Config_base_unrecognized_element_name, item.name());
            } else if (item.value().get() instanceof CollectionItemXml.Clear) {
                (service ? table.serviceBehaviors : table.endpointBehaviors).clear();
                names.clear();
            } else if (item.value().get() instanceof CollectionItemXml.Remove) {
                String removed = ((CollectionItemXml.Remove) item.value().get()).name;
                (service ? table.serviceBehaviors : table.endpointBehaviors).remove(removed);
                names.remove(removed);
            } else {
                BehaviorXml behavior = item.as(BehaviorXml.class);
                if (!names.add(behavior.name())) {
                    ctx.error(behavior, WcfText.ConfigDuplicateKeyAtSameScope, ConfigStrings.BEHAVIOR, behavior.name());
                } else if (service) {
                    table.serviceBehaviors.put(behavior.name(), ctx.located(serviceBehavior(behavior), behavior));
                } else {
                    table.endpointBehaviors.put(behavior.name(), ctx.located(endpointBehavior(behavior), behavior));
                }
            }
        }
    }

    private ServiceBehaviorElement serviceBehavior(BehaviorXml xml) {
        Optional<ServiceMetadataBehavior> metadata = Optional.empty();
        Optional<ServiceDebugBehavior> debug = Optional.empty();
        Optional<ServiceThrottlingBehavior> throttling = Optional.empty();
        Optional<ServiceCredentials> credentials = Optional.empty();
        List<String> unsupported = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ChildXml c : xml.children()) {
            if (!seen.add(c.name())) {
                ctx.error(c.location(), WcfText.ConfigDuplicateItem, c.name(), "ServiceBehaviorElement");
                continue;
            }
            if (c.value().isPresent() && c.value().get() instanceof BehaviorXml.ServiceMetadataXml) {
                metadata = Optional.of(metadata(c.as(BehaviorXml.ServiceMetadataXml.class)));
            } else if (c.value().isPresent() && c.value().get() instanceof BehaviorXml.ServiceDebugXml) {
                debug = Optional.of(debug(c.as(BehaviorXml.ServiceDebugXml.class)));
            } else if (c.value().isPresent() && c.value().get() instanceof BehaviorXml.ServiceThrottlingXml) {
                throttling = Optional.of(throttling(c.as(BehaviorXml.ServiceThrottlingXml.class)));
            } else if (c.value().isPresent() && c.value().get() instanceof ServiceCredentialsXml) {
                credentials = Optional.of(ServiceCredentialsMapping.read(c.as(ServiceCredentialsXml.class), ctx));
            } else if (c.value().isEmpty()) {
                unsupported(c, xml.name(), true).ifPresent(unsupported::add);
            }
        }
        return new ServiceBehaviorElement(xml.name(), metadata, debug, throttling, credentials, unsupported);
    }

    private EndpointBehaviorElement endpointBehavior(BehaviorXml xml) {
        Optional<ClientCredentials> credentials = Optional.empty();
        List<String> unsupported = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ChildXml c : xml.children()) {
            if (!seen.add(c.name())) {
                ctx.error(c.location(), WcfText.ConfigDuplicateItem, c.name(), "EndpointBehaviorElement");
            } else if (c.value().isPresent() && c.value().get() instanceof ClientCredentialsXml) {
                credentials = Optional.of(ClientCredentialsMapping.read(c.as(ClientCredentialsXml.class), ctx));
            } else if (c.value().isEmpty()) {
                unsupported(c, xml.name(), false).ifPresent(unsupported::add);
            }
        }
        return new EndpointBehaviorElement(xml.name(), credentials, unsupported);
    }

    /** A behavior extension wcf4j does not honour: placed correctly and known (or registered), or an error. */
    private Optional<String> unsupported(ChildXml c, String behaviorName, boolean service) {
        String name = c.name();
        if (service && (WcfExtensionCatalog.ENDPOINT_BEHAVIOR_EXTENSIONS.contains(name))) {
            ctx.error(c.location(), WcfText.ConfigInvalidServiceBehaviorType, name, behaviorName);
            return Optional.empty();
        }
        if (!service && (WcfExtensionCatalog.SERVICE_BEHAVIOR_EXTENSIONS.contains(name))) {
            ctx.error(c.location(), WcfText.ConfigInvalidEndpointBehaviorType, name, behaviorName);
            return Optional.empty();
        }
        String kind = service ? "service" : "endpoint";
        if (WcfExtensionCatalog.isBehaviorExtension(name)) {
            ctx.warning(c.location(), "The " + kind + " behavior '" + name + "' is not supported by wcf4j and is"
                    + " ignored.");
            return Optional.of(name);
        }
        Optional<String> registered = extensions.registered(ConfigStrings.BEHAVIOR_EXTENSIONS, name);
        if (registered.isPresent()) {
            ctx.warning(c.location(), "The custom " + kind + " behavior extension '" + name + "' (" + registered.get()
                    + ") is not supported by wcf4j, which cannot run .NET extensions; it is ignored.");
            return Optional.of(name);
        }
        ctx.error(c.location(), WcfText.ConfigInvalidExtensionElementName, name, ConfigStrings.BEHAVIOR_EXTENSIONS);
        return Optional.empty();
    }

    private ServiceMetadataBehavior metadata(BehaviorXml.ServiceMetadataXml x) {
        ctx.uri(x, "externalMetadataLocation", x.externalMetadataLocation);
        ctx.string(x, "httpGetBinding", x.httpGetBinding, 0, "");
        ctx.string(x, "httpGetBindingConfiguration", x.httpGetBindingConfiguration, 0, "");
        ctx.string(x, "httpsGetBinding", x.httpsGetBinding, 0, "");
        ctx.string(x, "httpsGetBindingConfiguration", x.httpsGetBindingConfiguration, 0, "");
        return new ServiceMetadataBehavior(ctx.bool(x, "httpGetEnabled", x.httpGetEnabled, false),
                ctx.uri(x, "httpGetUrl", x.httpGetUrl), ctx.bool(x, "httpsGetEnabled", x.httpsGetEnabled, false),
                ctx.uri(x, "httpsGetUrl", x.httpsGetUrl),
                ctx.converted(x, "policyVersion", x.policyVersion,
                        s -> List.of("Default", "Policy12", "Policy15").contains(s) ? Optional.of(s) : Optional.empty(),
                        s -> WcfText.ConfigInvalidClassFactoryValue.format(s,
                                "System.ServiceModel.Description.PolicyVersion"), "Default"));
    }

    private ServiceDebugBehavior debug(BehaviorXml.ServiceDebugXml x) {
        ctx.uri(x, "httpHelpPageUrl", x.httpHelpPageUrl);
        ctx.uri(x, "httpsHelpPageUrl", x.httpsHelpPageUrl);
        return new ServiceDebugBehavior(
                ctx.bool(x, "includeExceptionDetailInFaults", x.includeExceptionDetailInFaults, false),
                ctx.bool(x, "httpHelpPageEnabled", x.httpHelpPageEnabled, true),
                ctx.bool(x, "httpsHelpPageEnabled", x.httpsHelpPageEnabled, true));
    }

    /** Only the attributes written are applied; the others keep WCF 4's processor-scaled defaults. */
    private ServiceThrottlingBehavior throttling(BehaviorXml.ServiceThrottlingXml x) {
        ServiceThrottlingBehavior d = ServiceThrottlingBehavior.defaults();
        int calls = ctx.int32(x, "maxConcurrentCalls", x.maxConcurrentCalls, 1, Integer.MAX_VALUE,
                d.maxConcurrentCalls());
        int sessions = ctx.int32(x, "maxConcurrentSessions", x.maxConcurrentSessions, 1, Integer.MAX_VALUE,
                d.maxConcurrentSessions());
        long sum = (long) calls + sessions;
        int instances = ctx.int32(x, "maxConcurrentInstances", x.maxConcurrentInstances, 1, Integer.MAX_VALUE,
                (int) Math.min(sum, Integer.MAX_VALUE));
        return new ServiceThrottlingBehavior(calls, sessions, instances);
    }
}

package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@code <system.serviceModel>} section declares that wcf4j acts on: services, client endpoints, the named
 * bindings and behaviors, and WCF 4's simplified configuration (protocol mapping, standard endpoints, the hosting
 * environment), with every reference resolved. The configuration reader produces it; the runtime hosts and calls from
 * it, without knowing about XML.
 *
 * @param services          {@code <services>}
 * @param clientEndpoints   {@code <client>}
 * @param bindings          every {@code <bindings>} configuration
 * @param serviceBehaviors  {@code <serviceBehaviors>}, the unnamed one ({@code name=""}) included
 * @param endpointBehaviors {@code <endpointBehaviors>}, the unnamed one included
 * @param protocolMapping   {@code <protocolMapping>} in effect (WCF's defaults unless changed)
 * @param standardEndpoints {@code <standardEndpoints>}
 * @param hostingEnvironment {@code <serviceHostingEnvironment>} (WCF's defaults unless given)
 * @param messageLogging    {@code <diagnostics><messageLogging>} (WCF's defaults, nothing logged, unless given)
 */
public record ServiceModelConfiguration(List<ServiceDescription> services, List<ClientEndpoint> clientEndpoints,
        List<Binding> bindings, List<ServiceBehaviorElement> serviceBehaviors,
        List<EndpointBehaviorElement> endpointBehaviors, ProtocolMapping protocolMapping, List<StandardEndpointConfiguration> standardEndpoints,
        ServiceHostingEnvironment hostingEnvironment, MessageLoggingSettings messageLogging) {

    public ServiceModelConfiguration {
        services = List.copyOf(ArgumentChecks.notNull(services, "services"));
        clientEndpoints = List.copyOf(ArgumentChecks.notNull(clientEndpoints, "clientEndpoints"));
        bindings = List.copyOf(ArgumentChecks.notNull(bindings, "bindings"));
        serviceBehaviors = List.copyOf(ArgumentChecks.notNull(serviceBehaviors, "serviceBehaviors"));
        endpointBehaviors = List.copyOf(ArgumentChecks.notNull(endpointBehaviors, "endpointBehaviors"));
        ArgumentChecks.notNull(protocolMapping, "protocolMapping");
        standardEndpoints = List.copyOf(ArgumentChecks.notNull(standardEndpoints, "standardEndpoints"));
        ArgumentChecks.notNull(hostingEnvironment, "hostingEnvironment");
        ArgumentChecks.notNull(messageLogging, "messageLogging");
    }

    /** Without {@code <diagnostics>}: no message is logged. */
    public ServiceModelConfiguration(List<ServiceDescription> services, List<ClientEndpoint> clientEndpoints,
            List<Binding> bindings, List<ServiceBehaviorElement> serviceBehaviors,
            List<EndpointBehaviorElement> endpointBehaviors, ProtocolMapping protocolMapping,
            List<StandardEndpointConfiguration> standardEndpoints, ServiceHostingEnvironment hostingEnvironment) {
        this(services, clientEndpoints, bindings, serviceBehaviors, endpointBehaviors, protocolMapping,
                standardEndpoints, hostingEnvironment, MessageLoggingSettings.defaults());
    }

    /**
     * No configuration at all, as a service hosted without a configuration file sees it: no services, bindings or
     * behaviors, WCF's default protocol mapping and hosting environment.
     */
    public static ServiceModelConfiguration empty() {
        return new ServiceModelConfiguration(List.of(), List.of(), List.of(), List.of(), List.of(),
                ProtocolMapping.defaults(), List.of(), ServiceHostingEnvironment.defaults());
    }

    /** The service with this {@code name}. */
    public Optional<ServiceDescription> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The service with this {@code name}, or, as WCF describes a service that has no {@code <service>} element, one with
     * the unnamed service behavior (if any), no base addresses and no endpoints.
     */
    public ServiceDescription serviceOrDefault(String name) {
        return service(name).orElseGet(() -> new ServiceDescription(name, serviceBehavior(""), List.of(), List.of()));
    }

    /** The client endpoint with this {@code name} ({@code ""} for the unnamed one). */
    public Optional<ClientEndpoint> clientEndpoint(String name) {
        return clientEndpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The service behavior with this {@code name} ({@code ""}: the one every service without a name gets). */
    public Optional<ServiceBehaviorElement> serviceBehavior(String name) {
        return serviceBehaviors.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The endpoint behavior with this {@code name} ({@code ""}: the one every endpoint without a name gets). */
    public Optional<EndpointBehaviorElement> endpointBehavior(String name) {
        return endpointBehaviors.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}

package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One {@code <service>}: an implementation type, its behaviors, base addresses and endpoints.
 *
 * @param name          {@code name}: the .NET type of the implementation, e.g.
 *                      {@code Microsoft.ServiceModel.Samples.CalculatorService}
 * @param behavior      the resolved {@code behaviorConfiguration}, if any
 * @param baseAddresses {@code <host><baseAddresses>}; a host may supply more
 * @param endpoints     the endpoints in document order
 */
public record ServiceDescription(String name, Optional<ServiceBehaviorElement> behavior, List<URI> baseAddresses,
        List<ServiceEndpoint> endpoints) {

    public ServiceDescription {
        ArgumentChecks.notNull(name, "name");
        behavior = behavior == null ? Optional.empty() : behavior;
        baseAddresses = List.copyOf(baseAddresses);
        endpoints = List.copyOf(endpoints);
    }

    /** The service behavior in effect: the configured one, or WCF's defaults. */
    public ServiceBehaviorElement effectiveBehavior() {
        return behavior.orElse(ServiceBehaviorElement.defaults(""));
    }
}

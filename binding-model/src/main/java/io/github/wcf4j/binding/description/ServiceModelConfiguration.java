package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@code <system.serviceModel>} section declares that wcf4j acts on: services, client endpoints and the
 * named bindings, with every reference resolved. The configuration reader produces it; the runtime hosts and calls
 * from it, without knowing about XML.
 */
public record ServiceModelConfiguration(List<ServiceDescription> services, List<ClientEndpoint> clientEndpoints,
        List<Binding> bindings) {

    public ServiceModelConfiguration {
        services = List.copyOf(ArgumentChecks.notNull(services, "services"));
        clientEndpoints = List.copyOf(ArgumentChecks.notNull(clientEndpoints, "clientEndpoints"));
        bindings = List.copyOf(ArgumentChecks.notNull(bindings, "bindings"));
    }

    /** The service with this {@code name}. */
    public Optional<ServiceDescription> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The client endpoint with this {@code name} ({@code ""} for the unnamed one). */
    public Optional<ClientEndpoint> clientEndpoint(String name) {
        return clientEndpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}

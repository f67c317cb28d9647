package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ContractCatalog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WCF 4's default endpoints ({@code ServiceHostBase.AddDefaultEndpoints}): a service that lists no endpoint gets one per
 * base address per implemented contract, with the binding the {@link ProtocolMapping} gives the base address's scheme
 * (that binding's unnamed configuration, or its defaults, unless the mapping names a configuration), at the base address
 * itself, and the unnamed endpoint behavior. Base addresses whose scheme has no mapping get none.
 *
 * <p>Only the runtime knows which contracts a service type implements, so they are passed in: the configuration names
 * of the most specific ones (WCF skips a contract that another implemented contract extends).
 *
 * <pre>{@code
 * ServiceDescription service = DefaultEndpoints.apply(config, config.serviceOrDefault("Samples.Calculator"),
 *         List.of(URI.create("http://localhost:8000/calc")), List.of("Samples.ICalculator"));
 * // one endpoint: address "" (the base address), basicHttpBinding, contract Samples.ICalculator
 * }</pre>
 */
public final class DefaultEndpoints {
    private DefaultEndpoints() {
    }

    /**
     * The default endpoints for {@code baseAddresses} and {@code contracts}, base address by base address, contract by
     * contract.
     *
     * @throws BindingValidationException {@code BindingProtocolMappingNotDefined} when a base address's scheme maps to a
     *                                    binding configuration that does not exist
     */
    public static List<ServiceEndpoint> create(ServiceModelConfiguration config, List<URI> baseAddresses,
            List<String> contracts) {
        ArgumentChecks.notNull(config, "config");
        List<ServiceEndpoint> endpoints = new ArrayList<>();
        for (URI baseAddress : baseAddresses) {
            Optional<ProtocolMappingItem> mapping = config.protocolMapping().forScheme(baseAddress.getScheme());
            if (mapping.isEmpty()) {
                continue;
            }
            Binding binding = mapping.get().binding().orElseThrow(() -> new BindingValidationException(
                    WcfText.BindingProtocolMappingNotDefined, null, baseAddress.getScheme()));
            for (String contract : contracts) {
                endpoints.add(new ServiceEndpoint("", "", mapping.get().bindingSection(),
                        mapping.get().bindingConfiguration(), binding, contract, Optional.empty(),
                        config.endpointBehavior(""), Optional.empty(), List.of(), Optional.empty()));
            }
        }
        return endpoints;
    }

    /**
     * The default endpoints WCF adds to a configured {@code service} at its own {@code <host><baseAddresses>} (the first
     * of each scheme) when it lists no endpoint, if {@code contracts} knows which contracts its type implements; empty
     * when it does not. A service that lists endpoints, or has no base address, gets none.
     *
     * @throws BindingValidationException {@code BindingProtocolMappingNotDefined}, as {@link #create}
     */
    public static Optional<List<ServiceEndpoint>> ofConfigured(ServiceModelConfiguration config,
            ServiceDescription service, ContractCatalog contracts) {
        if (!service.endpoints().isEmpty() || service.baseAddresses().isEmpty()) {
            return Optional.of(List.of());
        }
        List<URI> firstOfEachScheme = new ArrayList<>();
        for (URI u : service.baseAddresses()) {
            if (firstOfEachScheme.stream().noneMatch(f -> f.getScheme().equalsIgnoreCase(u.getScheme()))) {
                firstOfEachScheme.add(u);
            }
        }
        return contracts.implementedContracts(service.name()).map(c -> create(config, firstOfEachScheme, c));
    }

    /**
     * {@code service} as WCF opens it: unchanged when it lists any endpoint, else with the default endpoints for its own
     * base addresses and {@code hostBaseAddresses} (those the host supplies, which come first, as in WCF).
     */
    public static ServiceDescription apply(ServiceModelConfiguration config, ServiceDescription service,
            List<URI> hostBaseAddresses, List<String> contracts) {
        if (!service.endpoints().isEmpty()) {
            return service;
        }
        List<URI> baseAddresses = new ArrayList<>(hostBaseAddresses);
        service.baseAddresses().stream().filter(u -> !baseAddresses.contains(u)).forEach(baseAddresses::add);
        return new ServiceDescription(service.name(), service.behavior(), service.baseAddresses(),
                create(config, baseAddresses, contracts));
    }
}

package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.description.DefaultEndpoints;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.ImplementedContracts;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints a host opens for a service (WCF's {@code ServiceHostBase.InitializeRuntime}): the configured ones, or,
 * when the service lists none, WCF 4's default endpoints, one per base address per contract the service class
 * implements ({@link ImplementedContracts}), each with the binding the configuration's protocol mapping gives its
 * scheme ({@link DefaultEndpoints}).
 */
final class ServiceEndpoints {
    private ServiceEndpoints() {
    }

    /**
     * The endpoints of {@code service} at {@code baseAddresses}; {@code implementation} may be {@code null} when no class
     * is known, and then a service without configured endpoints has none.
     */
    static List<ServiceEndpoint> of(ServiceModelConfiguration config, ServiceDescription service,
            BaseAddresses baseAddresses, Class<?> implementation) {
        if (!service.endpoints().isEmpty() || implementation == null) {
            return service.endpoints();
        }
        return DefaultEndpoints.create(config, baseAddresses.uris(),
                ImplementedContracts.configurationNames(implementation));
    }

    /**
     * The contract interface an endpoint of {@code service} names: as {@code types} resolve it, else the one
     * {@code implementation} (may be {@code null}) implements under that configuration name, as WCF resolves an
     * endpoint's contract among the implemented ones.
     *
     * @throws ServiceHostException WCF's {@code SfxReflectedContractKeyNotFound2} when neither knows it
     */
    static Class<?> contract(String name, ServiceTypes types, Class<?> implementation, String service) {
        return types.contract(name).or(() -> implementation == null ? Optional.empty()
                : ImplementedContracts.all(implementation).stream()
                        .filter(c -> ContractDescription.of(c).configurationName().equals(name)).findFirst())
                .orElseThrow(() -> new ServiceHostException(WcfText.SfxReflectedContractKeyNotFound2.format(name,
                        service)));
    }
}

package io.github.wcf4j.cli;

import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.runtime.contract.ImplementedContracts;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The contracts the command knows: every {@link ContractCatalog} on the class path ({@code META-INF/services}), such as
 * the registered service contracts of the samples, so that validation and description can negotiate channel shapes
 * against the contract an endpoint names; and, for the registered service types, the contracts each implements, so
 * that they can show a service's default endpoints.
 */
final class Contracts {
    private Contracts() {
    }

    static ContractCatalog discovered() {
        List<ContractCatalog> catalogs = ServiceLoader.load(ContractCatalog.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        ServiceTypes types = ServiceTypes.discovered();
        return new ContractCatalog() {
            @Override
            public Optional<ContractShape> find(String name) {
                for (ContractCatalog c : catalogs) {
                    Optional<ContractShape> found = c.find(name);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> implementedContracts(String serviceName) {
                return types.service(serviceName).map(ImplementedContracts::configurationNames);
            }
        };
    }
}

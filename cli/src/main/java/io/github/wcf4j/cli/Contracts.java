package io.github.wcf4j.cli;

import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The contracts the command knows: every {@link ContractCatalog} on the class path ({@code META-INF/services}), such as
 * the registered service contracts of the samples, so that validation and description can negotiate channel shapes
 * against the contract an endpoint names.
 */
final class Contracts {
    private Contracts() {
    }

    static ContractCatalog discovered() {
        List<ContractCatalog> catalogs = ServiceLoader.load(ContractCatalog.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        return name -> {
            for (ContractCatalog c : catalogs) {
                Optional<ContractShape> found = c.find(name);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        };
    }
}

package io.github.wcf4j.runtime.contract;

import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import java.util.Optional;

/**
 * The contracts of the registered service types, for validation and {@code describe}: found by configuration name,
 * their shape read from the interface. Provided to {@code ServiceLoader} as a {@link ContractCatalog}.
 */
public final class RegisteredContracts implements ContractCatalog {
    private final ServiceTypes types;

    /** For {@code ServiceLoader}: the discovered registrations. */
    public RegisteredContracts() {
        this(ServiceTypes.discovered());
    }

    public RegisteredContracts(ServiceTypes types) {
        this.types = types;
    }

    @Override
    public Optional<ContractShape> find(String contractName) {
        try {
            return types.contract(contractName).map(c -> ContractDescription.of(c).shape());
        } catch (IllegalArgumentException notAContract) {
            return Optional.empty();
        }
    }
}

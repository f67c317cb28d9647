package io.github.wcf4j.binding.stack;

import java.util.List;
import java.util.Optional;

/**
 * Looks up the channel requirements of a service contract by the name a configuration uses for it (its .NET
 * {@code ConfigurationName}, e.g. {@code Microsoft.ServiceModel.Samples.ICalculator}). The runtime supplies one built
 * from the registered contract types; validation without one checks only what a binding can build at all.
 */
@FunctionalInterface
public interface ContractCatalog {
    /** A catalog that knows no contract. */
    ContractCatalog EMPTY = name -> Optional.empty();

    /** The contract's shape, if known. */
    Optional<ContractShape> find(String contractName);

    /**
     * The configuration names of the contracts the service type {@code serviceName} implements, the most derived ones
     * (those WCF gives default endpoints), if the catalog knows the service; empty when it does not (default).
     */
    default Optional<List<String>> implementedContracts(String serviceName) {
        return Optional.empty();
    }

    /** WCF's {@code IMetadataExchange}: one request/reply operation, sessions allowed. */
    ContractShape METADATA_EXCHANGE = new ContractShape("IMetadataExchange", false, true, false, SessionMode.Allowed);
}

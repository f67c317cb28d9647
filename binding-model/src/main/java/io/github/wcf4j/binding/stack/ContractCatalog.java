package io.github.wcf4j.binding.stack;

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

    /** WCF's {@code IMetadataExchange}: one request/reply operation, sessions allowed. */
    ContractShape METADATA_EXCHANGE = new ContractShape("IMetadataExchange", false, true, false, SessionMode.Allowed);
}

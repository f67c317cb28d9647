package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.address.EndpointIdentity;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One {@code <service><endpoint>}: where a contract is exposed and over which binding.
 *
 * @param name           {@code name}, may be empty
 * @param address        {@code address} as written: absolute, or relative to the service's base address ("" = the base)
 * @param bindingSection {@code binding}, e.g. {@code customBinding} or {@code mexHttpBinding}
 * @param bindingConfiguration {@code bindingConfiguration}, may be empty
 * @param binding        the resolved binding
 * @param contract       {@code contract}, the .NET contract name ({@code IMetadataExchange} for metadata endpoints)
 * @param listenUri      {@code listenUri}, if given
 * @param behavior       the resolved {@code behaviorConfiguration}, if any
 * @param identity       {@code <identity>}: the identity the service proves to its clients, if configured
 * @param headers        {@code <headers>}: the address headers a message must carry, in document order
 * @param standardEndpoint {@code kind}/{@code endpointConfiguration}, for a standard endpoint
 */
public record ServiceEndpoint(String name, String address, String bindingSection, String bindingConfiguration,
        Binding binding, String contract, Optional<URI> listenUri, Optional<EndpointBehaviorElement> behavior,
        Optional<EndpointIdentity> identity, List<AddressHeader> headers, Optional<StandardEndpoint> standardEndpoint) {

    public ServiceEndpoint {
        ArgumentChecks.notNull(name, "name");
        ArgumentChecks.notNull(address, "address");
        ArgumentChecks.notNull(bindingSection, "bindingSection");
        ArgumentChecks.notNull(bindingConfiguration, "bindingConfiguration");
        ArgumentChecks.notNull(binding, "binding");
        ArgumentChecks.notNull(contract, "contract");
        listenUri = listenUri == null ? Optional.empty() : listenUri;
        behavior = behavior == null ? Optional.empty() : behavior;
        identity = identity == null ? Optional.empty() : identity;
        headers = List.copyOf(ArgumentChecks.notNull(headers, "headers"));
        standardEndpoint = standardEndpoint == null ? Optional.empty() : standardEndpoint;
    }

    /** Whether this is a WS-MetadataExchange endpoint ({@code contract="IMetadataExchange"}). */
    public boolean isMetadataExchange() {
        return "IMetadataExchange".equals(contract);
    }

    /** How {@code describe} and diagnostics name it: the name, else the address, else {@code (base address)}. */
    public String displayName() {
        if (!name.isEmpty()) {
            return name;
        }
        return address.isEmpty() ? "(base address)" : address;
    }
}

package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.address.EndpointIdentity;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One {@code <client><endpoint>}: a service a client calls.
 *
 * @param name     {@code name} (the key a proxy is created by; may be empty)
 * @param address  the service's absolute address
 * @param bindingSection {@code binding}
 * @param bindingConfiguration {@code bindingConfiguration}, may be empty
 * @param binding  the resolved binding
 * @param contract the .NET contract name
 * @param behavior the resolved {@code behaviorConfiguration}, if any
 * @param identity {@code <identity>}: the identity the service must prove, if configured
 * @param headers  {@code <headers>}: the address headers sent with every message, in document order
 * @param standardEndpoint {@code kind}/{@code endpointConfiguration}, for a standard endpoint
 */
public record ClientEndpoint(String name, URI address, String bindingSection, String bindingConfiguration,
        Binding binding, String contract, Optional<EndpointBehaviorElement> behavior, Optional<EndpointIdentity> identity,
        List<AddressHeader> headers, Optional<StandardEndpoint> standardEndpoint) {

    public ClientEndpoint {
        ArgumentChecks.notNull(name, "name");
        ArgumentChecks.notNull(address, "address");
        ArgumentChecks.notNull(bindingSection, "bindingSection");
        ArgumentChecks.notNull(bindingConfiguration, "bindingConfiguration");
        ArgumentChecks.notNull(binding, "binding");
        ArgumentChecks.notNull(contract, "contract");
        behavior = behavior == null ? Optional.empty() : behavior;
        identity = identity == null ? Optional.empty() : identity;
        headers = List.copyOf(ArgumentChecks.notNull(headers, "headers"));
        standardEndpoint = standardEndpoint == null ? Optional.empty() : standardEndpoint;
    }

    /**
     * The same endpoint at another address (as code sets {@code ChannelFactory.Endpoint.Address}, e.g. to the port a
     * host actually opened), everything else as configured.
     */
    public ClientEndpoint withAddress(URI other) {
        return new ClientEndpoint(name, other, bindingSection, bindingConfiguration, binding, contract, behavior,
                identity, headers, standardEndpoint);
    }

    /** How {@code describe} and diagnostics name it. */
    public String displayName() {
        return name.isEmpty() ? "(default)" : name;
    }
}

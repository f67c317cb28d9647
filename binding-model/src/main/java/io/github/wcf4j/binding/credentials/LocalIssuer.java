package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.address.EndpointIdentity;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code <clientCredentials><issuedToken><localIssuer>} (WCF {@code IssuedTokenParametersEndpointAddressElement}): the
 * security token service a client asks when a binding names none. The binding reference is kept as written.
 *
 * @param address              {@code address}, if written
 * @param binding              the binding section, {@code ""}
 * @param bindingConfiguration the binding's name in that section, {@code ""}
 * @param headers              {@code <headers>}, verbatim
 * @param identity             {@code <identity>}, if any
 */
public record LocalIssuer(Optional<URI> address, String binding, String bindingConfiguration,
        List<AddressHeader> headers, Optional<EndpointIdentity> identity) {

    public LocalIssuer {
        ArgumentChecks.notNull(address, "address");
        ArgumentChecks.notNull(binding, "binding");
        ArgumentChecks.notNull(bindingConfiguration, "bindingConfiguration");
        headers = List.copyOf(headers);
        ArgumentChecks.notNull(identity, "identity");
    }
}

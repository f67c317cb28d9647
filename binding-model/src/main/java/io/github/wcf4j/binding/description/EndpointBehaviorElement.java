package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.credentials.ClientCredentials;
import java.util.List;
import java.util.Optional;

/**
 * One {@code <endpointBehaviors><behavior>} (WCF's configuration type {@code EndpointBehaviorElement}): the client
 * credentials, and the names of the endpoint behaviors wcf4j does not honour, so that they are reported, not silently
 * dropped.
 *
 * @param name        {@code name} (empty: the default behavior applied to every endpoint)
 * @param credentials {@code <clientCredentials>}, if present (used only by endpoints whose binding has security)
 * @param unsupported other behavior elements, by name (e.g. {@code clientVia})
 */
public record EndpointBehaviorElement(String name, Optional<ClientCredentials> credentials, List<String> unsupported) {
    public EndpointBehaviorElement {
        ArgumentChecks.notNull(name, "name");
        credentials = credentials == null ? Optional.empty() : credentials;
        unsupported = List.copyOf(unsupported);
    }

    /** A behavior without {@code <clientCredentials>}. */
    public EndpointBehaviorElement(String name, List<String> unsupported) {
        this(name, Optional.empty(), unsupported);
    }

    /** The credentials in effect: the configured ones, or WCF's defaults ({@link ClientCredentials#defaults()}). */
    public ClientCredentials effectiveCredentials() {
        return credentials.orElse(ClientCredentials.defaults());
    }
}

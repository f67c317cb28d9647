package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * {@code <issuedToken><issuerChannelBehaviors><add issuerAddress behaviorConfiguration>}: the endpoint behavior a client
 * applies to its channel to the issuer at {@code issuerAddress}.
 *
 * @param issuerAddress         the issuer's address as written (required, the collection's key)
 * @param behaviorConfiguration an endpoint behavior's name, {@code ""}
 */
public record IssuerChannelBehavior(String issuerAddress, String behaviorConfiguration) {
    public IssuerChannelBehavior {
        ArgumentChecks.notNull(issuerAddress, "issuerAddress");
        ArgumentChecks.notNull(behaviorConfiguration, "behaviorConfiguration");
    }
}

package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.security.SecurityKeyEntropyMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code <clientCredentials><issuedToken>} (WCF {@code IssuedTokenClientCredential}): how a client obtains and caches
 * tokens from a security token service. Read in full; wcf4j does not run federation.
 *
 * @param localIssuer                           {@code <localIssuer>}, if written
 * @param localIssuerChannelBehaviors           an endpoint behavior's name for the channel to the local issuer, {@code ""}
 * @param issuerChannelBehaviors                {@code <issuerChannelBehaviors>}, in document order
 * @param cacheIssuedTokens                     {@code true}
 * @param maxIssuedTokenCachingTime             {@code TimeSpan.MaxValue} ({@link WcfTimeSpan#INFINITE}), at least zero
 * @param defaultKeyEntropyMode                 {@code CombinedEntropy}
 * @param issuedTokenRenewalThresholdPercentage {@code 60}; configuration allows 0 to 100 (WCF's setter checks nothing)
 */
public record IssuedTokenClientCredential(Optional<LocalIssuer> localIssuer, String localIssuerChannelBehaviors,
        List<IssuerChannelBehavior> issuerChannelBehaviors, boolean cacheIssuedTokens,
        Duration maxIssuedTokenCachingTime, SecurityKeyEntropyMode defaultKeyEntropyMode,
        int issuedTokenRenewalThresholdPercentage) {

    /** {@code 10675199.02:48:05.4775807}, TimeSpan.MaxValue. */
    public static final Duration DEFAULT_MAX_ISSUED_TOKEN_CACHING_TIME = WcfTimeSpan.INFINITE;
    /** {@code CombinedEntropy}. */
    public static final SecurityKeyEntropyMode DEFAULT_KEY_ENTROPY_MODE = SecurityKeyEntropyMode.CombinedEntropy;
    /** {@code 60}. */
    public static final int DEFAULT_RENEWAL_THRESHOLD_PERCENTAGE = 60;

    public IssuedTokenClientCredential {
        ArgumentChecks.notNull(localIssuer, "localIssuer");
        ArgumentChecks.notNull(localIssuerChannelBehaviors, "localIssuerChannelBehaviors");
        issuerChannelBehaviors = List.copyOf(issuerChannelBehaviors);
        ArgumentChecks.nonNegativeTimeout(maxIssuedTokenCachingTime, "maxIssuedTokenCachingTime");
        ArgumentChecks.notNull(defaultKeyEntropyMode, "defaultKeyEntropyMode");
    }

    public static IssuedTokenClientCredential defaults() {
        return new IssuedTokenClientCredential(Optional.empty(), "", List.of(), true,
                DEFAULT_MAX_ISSUED_TOKEN_CACHING_TIME, DEFAULT_KEY_ENTROPY_MODE, DEFAULT_RENEWAL_THRESHOLD_PERCENTAGE);
    }
}

package io.github.wcf4j.binding.security;

import io.github.wcf4j.binding.ArgumentChecks;
import java.time.Duration;

/**
 * Service-side message-security tuning ({@code <security><localServiceSettings>}, WCF
 * {@code LocalServiceSecuritySettings}).
 */
public record LocalServiceSecuritySettings(
        boolean detectReplays,
        Duration inactivityTimeout,
        Duration issuedCookieLifetime,
        int maxCachedCookies,
        Duration maxClockSkew,
        int maxPendingSessions,
        int maxStatefulNegotiations,
        Duration negotiationTimeout,
        boolean reconnectTransportOnFailure,
        int replayCacheSize,
        Duration replayWindow,
        Duration sessionKeyRenewalInterval,
        Duration sessionKeyRolloverInterval,
        Duration timestampValidityDuration) {

    public LocalServiceSecuritySettings {
        ArgumentChecks.positiveTimeout(inactivityTimeout, "inactivityTimeout");
        ArgumentChecks.nonNegativeTimeout(issuedCookieLifetime, "issuedCookieLifetime");
        ArgumentChecks.positive(maxCachedCookies, "maxCachedCookies");
        ArgumentChecks.nonNegativeTimeout(maxClockSkew, "maxClockSkew");
        ArgumentChecks.positive(maxPendingSessions, "maxPendingSessions");
        ArgumentChecks.positive(maxStatefulNegotiations, "maxStatefulNegotiations");
        ArgumentChecks.nonNegativeTimeout(negotiationTimeout, "negotiationTimeout");
        ArgumentChecks.positive(replayCacheSize, "replayCacheSize");
        ArgumentChecks.nonNegativeTimeout(replayWindow, "replayWindow");
        ArgumentChecks.nonNegativeTimeout(sessionKeyRenewalInterval, "sessionKeyRenewalInterval");
        ArgumentChecks.nonNegativeTimeout(sessionKeyRolloverInterval, "sessionKeyRolloverInterval");
        ArgumentChecks.nonNegativeTimeout(timestampValidityDuration, "timestampValidityDuration");
    }

    public static LocalServiceSecuritySettings defaults() {
        return new LocalServiceSecuritySettings(true, Duration.ofMinutes(2), Duration.ofHours(10), 1000,
                Duration.ofMinutes(5), 128, 128, Duration.ofMinutes(1), true, 900_000, Duration.ofMinutes(5),
                Duration.ofHours(15), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }
}

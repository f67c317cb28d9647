package io.github.wcf4j.binding.security;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.WcfTimeSpan;
import java.time.Duration;

/**
 * Client-side message-security tuning ({@code <security><localClientSettings>}, WCF
 * {@code LocalClientSecuritySettings}); defaults as WCF's {@code SecurityProtocolFactory}/{@code SspiSecurityTokenProvider}
 * defaults.
 */
public record LocalClientSecuritySettings(
        boolean cacheCookies,
        int cookieRenewalThresholdPercentage,
        boolean detectReplays,
        Duration maxClockSkew,
        Duration maxCookieCachingTime,
        boolean reconnectTransportOnFailure,
        int replayCacheSize,
        Duration replayWindow,
        Duration sessionKeyRenewalInterval,
        Duration sessionKeyRolloverInterval,
        Duration timestampValidityDuration) {

    public LocalClientSecuritySettings {
        ArgumentChecks.inRange(cookieRenewalThresholdPercentage, 0, 100, "cookieRenewalThresholdPercentage");
        ArgumentChecks.nonNegativeTimeout(maxClockSkew, "maxClockSkew");
        ArgumentChecks.nonNegativeTimeout(maxCookieCachingTime, "maxCookieCachingTime");
        ArgumentChecks.positive(replayCacheSize, "replayCacheSize");
        ArgumentChecks.nonNegativeTimeout(replayWindow, "replayWindow");
        ArgumentChecks.nonNegativeTimeout(sessionKeyRenewalInterval, "sessionKeyRenewalInterval");
        ArgumentChecks.nonNegativeTimeout(sessionKeyRolloverInterval, "sessionKeyRolloverInterval");
        ArgumentChecks.nonNegativeTimeout(timestampValidityDuration, "timestampValidityDuration");
    }

    public static LocalClientSecuritySettings defaults() {
        return new LocalClientSecuritySettings(true, 60, true, Duration.ofMinutes(5), WcfTimeSpan.INFINITE, true,
                900_000, Duration.ofMinutes(5), Duration.ofHours(10), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }
}

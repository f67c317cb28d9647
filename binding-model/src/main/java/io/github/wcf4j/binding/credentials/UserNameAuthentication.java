package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import java.time.Duration;

/**
 * {@code <serviceCredentials><userNameAuthentication>} (WCF {@code UserNamePasswordServiceCredential}): how a service
 * checks the user names and passwords clients send.
 *
 * @param userNamePasswordValidationMode      {@code Windows}
 * @param customUserNamePasswordValidatorType the validator for {@code Custom}, a .NET type name as written; {@code ""}
 * @param membershipProviderName              the ASP.NET membership provider for {@code MembershipProvider}; {@code ""}
 *                                            (the default provider)
 * @param includeWindowsGroups                {@code true}
 * @param cacheLogonTokens                    {@code false}: Windows logon tokens are not cached
 * @param maxCachedLogonTokens                {@code 128}, at least 1
 * @param cachedLogonTokenLifetime            {@code 00:15:00}, positive
 */
public record UserNameAuthentication(UserNamePasswordValidationMode userNamePasswordValidationMode,
        String customUserNamePasswordValidatorType, String membershipProviderName, boolean includeWindowsGroups,
        boolean cacheLogonTokens, int maxCachedLogonTokens, Duration cachedLogonTokenLifetime) {

    /** {@code Windows}. */
    public static final UserNamePasswordValidationMode DEFAULT_VALIDATION_MODE = UserNamePasswordValidationMode.Windows;
    /** {@code 128}. */
    public static final int DEFAULT_MAX_CACHED_LOGON_TOKENS = 128;
    /** {@code 00:15:00}. */
    public static final Duration DEFAULT_CACHED_LOGON_TOKEN_LIFETIME = Duration.ofMinutes(15);

    public UserNameAuthentication {
        ArgumentChecks.notNull(userNamePasswordValidationMode, "userNamePasswordValidationMode");
        ArgumentChecks.notNull(customUserNamePasswordValidatorType, "customUserNamePasswordValidatorType");
        ArgumentChecks.notNull(membershipProviderName, "membershipProviderName");
        ArgumentChecks.greaterThanZero(maxCachedLogonTokens, "maxCachedLogonTokens");
        ArgumentChecks.positiveTimeout(cachedLogonTokenLifetime, "cachedLogonTokenLifetime");
    }

    public static UserNameAuthentication defaults() {
        return new UserNameAuthentication(DEFAULT_VALIDATION_MODE, "", "",
                WindowsServiceCredential.DEFAULT_INCLUDE_WINDOWS_GROUPS, false, DEFAULT_MAX_CACHED_LOGON_TOKENS,
                DEFAULT_CACHED_LOGON_TOKEN_LIFETIME);
    }
}

package io.github.wcf4j.binding.credentials;

/**
 * {@code <serviceCredentials><windowsAuthentication>} (WCF {@code WindowsServiceCredential}): how a service treats
 * Windows (SSPI/Kerberos) callers.
 *
 * @param allowAnonymousLogons {@code false}
 * @param includeWindowsGroups {@code true}: the caller's groups become claims
 */
public record WindowsServiceCredential(boolean allowAnonymousLogons, boolean includeWindowsGroups) {
    /** {@code true}, WCF's {@code SspiSecurityTokenProvider.DefaultExtractWindowsGroupClaims}, wherever it appears. */
    public static final boolean DEFAULT_INCLUDE_WINDOWS_GROUPS = true;

    public static WindowsServiceCredential defaults() {
        return new WindowsServiceCredential(false, DEFAULT_INCLUDE_WINDOWS_GROUPS);
    }
}

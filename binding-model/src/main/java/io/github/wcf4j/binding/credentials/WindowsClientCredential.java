package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * {@code <clientCredentials><windows>} (WCF {@code WindowsClientCredential}).
 *
 * @param allowedImpersonationLevel {@code Identification}
 * @param allowNtlm                 {@code true} (the JDK has no NTLM mechanism: a JVM client can only use Kerberos)
 */
public record WindowsClientCredential(TokenImpersonationLevel allowedImpersonationLevel, boolean allowNtlm) {
    /** {@code Identification}, also {@code httpDigest}'s default. */
    public static final TokenImpersonationLevel DEFAULT_IMPERSONATION_LEVEL = TokenImpersonationLevel.Identification;

    public WindowsClientCredential {
        ArgumentChecks.notNull(allowedImpersonationLevel, "allowedImpersonationLevel");
    }

    public static WindowsClientCredential defaults() {
        return new WindowsClientCredential(DEFAULT_IMPERSONATION_LEVEL, true);
    }
}

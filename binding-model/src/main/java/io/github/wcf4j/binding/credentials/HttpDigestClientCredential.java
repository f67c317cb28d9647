package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * {@code <clientCredentials><httpDigest>} (WCF {@code HttpDigestClientCredential}).
 *
 * @param impersonationLevel {@code Identification}
 */
public record HttpDigestClientCredential(TokenImpersonationLevel impersonationLevel) {
    public HttpDigestClientCredential {
        ArgumentChecks.notNull(impersonationLevel, "impersonationLevel");
    }

    public static HttpDigestClientCredential defaults() {
        return new HttpDigestClientCredential(WindowsClientCredential.DEFAULT_IMPERSONATION_LEVEL);
    }
}

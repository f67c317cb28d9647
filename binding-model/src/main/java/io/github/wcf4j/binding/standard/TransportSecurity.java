package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.security.ProtectionLevel;

/**
 * {@code <security><transport>} of a standard binding.
 *
 * @param clientCredentialType HTTP: {@code None} (basicHttp) or {@code Windows} (wsHttp); TCP: {@code Windows}
 * @param proxyCredentialType  HTTP only, {@code None}
 * @param realm                HTTP only, {@code ""}
 * @param protectionLevel      TCP only, {@code EncryptAndSign}
 * @param sslProtocols         TCP only, as written ({@code "Tls, Tls11, Tls12"})
 */
public record TransportSecurity(TransportCredentialType clientCredentialType,
        TransportCredentialType proxyCredentialType, String realm, ProtectionLevel protectionLevel,
        String sslProtocols) {

    public TransportSecurity {
        ArgumentChecks.notNull(clientCredentialType, "clientCredentialType");
        ArgumentChecks.notNull(proxyCredentialType, "proxyCredentialType");
        ArgumentChecks.notNull(realm, "realm");
        ArgumentChecks.notNull(protectionLevel, "protectionLevel");
        ArgumentChecks.notNull(sslProtocols, "sslProtocols");
    }

    /** Defaults with the given client credential type. */
    public static TransportSecurity withClientCredential(TransportCredentialType type) {
        return new TransportSecurity(type, TransportCredentialType.None, "", ProtectionLevel.EncryptAndSign,
                "Tls, Tls11, Tls12");
    }
}

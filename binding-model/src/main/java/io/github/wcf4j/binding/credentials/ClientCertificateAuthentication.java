package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * {@code <serviceCredentials><clientCertificate><authentication>} (WCF {@code X509ClientCertificateAuthentication}):
 * how a service validates the certificates its clients present, plus the two Windows-only settings.
 *
 * @param validation                           {@link X509CertificateValidation#forClientCertificates()}
 * @param mapClientCertificateToWindowsAccount {@code false}; {@code true} needs a Windows account (Active Directory)
 * @param includeWindowsGroups                 {@code true}; meaningful only with the mapping above
 */
public record ClientCertificateAuthentication(X509CertificateValidation validation,
        boolean mapClientCertificateToWindowsAccount, boolean includeWindowsGroups) {

    public ClientCertificateAuthentication {
        ArgumentChecks.notNull(validation, "validation");
    }

    public static ClientCertificateAuthentication defaults() {
        return new ClientCertificateAuthentication(X509CertificateValidation.forClientCertificates(), false,
                WindowsServiceCredential.DEFAULT_INCLUDE_WINDOWS_GROUPS);
    }
}

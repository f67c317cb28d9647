package io.github.wcf4j.runtime.security.message;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/**
 * What a client proves itself with and whom it trusts (WCF {@code ClientCredentials} set in code): a user name and
 * password ({@code UserNameOverTransport}, {@code UserNameForCertificate}), a certificate ({@code
 * CertificateOverTransport}, {@code MutualCertificate}), and the service's certificate that the symmetric modes
 * encrypt to ({@code ServiceCertificate.DefaultCertificate} and {@code ScopedCertificates}, by target address). Given to
 * a client's stack as a binding parameter ({@code ClientFactory.Builder.credentials}).
 *
 * @param userName                   {@code UserName.UserName} and {@code .Password}
 * @param clientCertificate          {@code ClientCertificate.Certificate}
 * @param defaultServiceCertificate  {@code ServiceCertificate.DefaultCertificate}
 * @param scopedServiceCertificates  {@code ServiceCertificate.ScopedCertificates}: per target address, they win
 */
public record ClientCredentials(Optional<UserNameCredential> userName, Optional<X509Credential> clientCertificate,
        Optional<X509Certificate> defaultServiceCertificate, Map<URI, X509Certificate> scopedServiceCertificates) {

    public ClientCredentials {
        userName = userName == null ? Optional.empty() : userName;
        clientCertificate = clientCertificate == null ? Optional.empty() : clientCertificate;
        defaultServiceCertificate = defaultServiceCertificate == null ? Optional.empty() : defaultServiceCertificate;
        scopedServiceCertificates = scopedServiceCertificates == null ? Map.of() : Map.copyOf(scopedServiceCertificates);
    }

    public ClientCredentials(Optional<UserNameCredential> userName, Optional<X509Credential> clientCertificate) {
        this(userName, clientCertificate, Optional.empty(), Map.of());
    }

    public static ClientCredentials none() {
        return new ClientCredentials(Optional.empty(), Optional.empty());
    }

    /** {@code ClientCredentials.UserName.UserName} and {@code .Password}. */
    public static ClientCredentials userName(String userName, String password) {
        return new ClientCredentials(Optional.of(new UserNameCredential(userName, password)), Optional.empty());
    }

    /** {@code ClientCredentials.ClientCertificate.Certificate}. */
    public static ClientCredentials certificate(X509Credential certificate) {
        return new ClientCredentials(Optional.empty(), Optional.of(certificate));
    }

    /** These credentials with {@code ServiceCertificate.DefaultCertificate} set. */
    public ClientCredentials withDefaultServiceCertificate(X509Certificate certificate) {
        return new ClientCredentials(userName, clientCertificate, Optional.of(certificate), scopedServiceCertificates);
    }

    /** These credentials with {@code ServiceCertificate.ScopedCertificates} set. */
    public ClientCredentials withScopedServiceCertificates(Map<URI, X509Certificate> scoped) {
        return new ClientCredentials(userName, clientCertificate, defaultServiceCertificate, scoped);
    }

    /**
     * The service certificate for {@code target}, as WCF's {@code ClientCredentialsSecurityTokenManager} picks it: the
     * scoped certificate of the target's address, else the default one.
     */
    public Optional<X509Certificate> serviceCertificateFor(URI target) {
        X509Certificate scoped = scopedServiceCertificates.get(target);
        return scoped != null ? Optional.of(scoped) : defaultServiceCertificate;
    }
}

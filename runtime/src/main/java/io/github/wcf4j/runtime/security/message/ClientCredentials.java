package io.github.wcf4j.runtime.security.message;

import java.util.Optional;

/**
 * What a client proves itself with (WCF {@code ClientCredentials} set in code): a user name and password for
 * {@code UserNameOverTransport}, a certificate for {@code CertificateOverTransport}. Given to a client's stack as a
 * binding parameter ({@code ClientFactory.Builder.credentials}).
 */
public record ClientCredentials(Optional<UserNameCredential> userName, Optional<X509Credential> clientCertificate) {

    public ClientCredentials {
        userName = userName == null ? Optional.empty() : userName;
        clientCertificate = clientCertificate == null ? Optional.empty() : clientCertificate;
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
}

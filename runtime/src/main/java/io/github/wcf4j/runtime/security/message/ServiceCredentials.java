package io.github.wcf4j.runtime.security.message;

import java.util.Objects;
import java.util.Optional;

/**
 * How a service authenticates its callers (WCF {@code ServiceCredentials} set in code): the validator of user names
 * and passwords (WCF {@code UserNameAuthentication} with {@code userNamePasswordValidationMode="Custom"}) and the trust
 * in client certificates ({@code ClientCertificate.Authentication}). Given to a service's stacks as a binding parameter
 * ({@code ServiceHost.Builder.credentials}). Without a validator a {@code UserNameOverTransport} endpoint does not
 * open: WCF's default, Windows accounts, is not run by wcf4j, and no request is ever served unauthenticated.
 */
public record ServiceCredentials(Optional<UserNamePasswordValidator> userNameValidator,
        X509CertificateAuthentication clientCertificateAuthentication) {

    public ServiceCredentials {
        userNameValidator = userNameValidator == null ? Optional.empty() : userNameValidator;
        Objects.requireNonNull(clientCertificateAuthentication, "clientCertificateAuthentication");
    }

    /** No validator; client certificates chain-trusted to the JDK's roots. */
    public static ServiceCredentials defaults() {
        return new ServiceCredentials(Optional.empty(), X509CertificateAuthentication.defaults());
    }

    public ServiceCredentials withUserNameValidator(UserNamePasswordValidator v) {
        return new ServiceCredentials(Optional.of(v), clientCertificateAuthentication);
    }

    public ServiceCredentials withClientCertificateAuthentication(X509CertificateAuthentication a) {
        return new ServiceCredentials(userNameValidator, a);
    }
}

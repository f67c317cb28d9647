package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * How a service proves itself and authenticates its callers (WCF {@code ServiceCredentials} set in code): its
 * certificate ({@code ServiceCertificate.Certificate}, with its private key: the symmetric modes' requests are
 * encrypted to it), the validator of user names and passwords (WCF {@code UserNameAuthentication} with
 * {@code userNamePasswordValidationMode="Custom"}) and the trust in client certificates
 * ({@code ClientCertificate.Authentication}). Given to a service's stacks as a binding parameter
 * ({@code ServiceHost.Builder.credentials}). Without a validator a user-name endpoint does not open: WCF's default,
 * Windows accounts, is not run by wcf4j, and no request is ever served unauthenticated.
 */
public record ServiceCredentials(Optional<UserNamePasswordValidator> userNameValidator,
        X509CertificateAuthentication clientCertificateAuthentication, Optional<X509Credential> serviceCertificate,
        Optional<X509Certificate> clientCertificate) {

    public ServiceCredentials {
        userNameValidator = userNameValidator == null ? Optional.empty() : userNameValidator;
        Objects.requireNonNull(clientCertificateAuthentication, "clientCertificateAuthentication");
        serviceCertificate = serviceCertificate == null ? Optional.empty() : serviceCertificate;
        clientCertificate = clientCertificate == null ? Optional.empty() : clientCertificate;
    }

    public ServiceCredentials(Optional<UserNamePasswordValidator> userNameValidator,
            X509CertificateAuthentication clientCertificateAuthentication, Optional<X509Credential> serviceCertificate) {
        this(userNameValidator, clientCertificateAuthentication, serviceCertificate, Optional.empty());
    }

    public ServiceCredentials(Optional<UserNamePasswordValidator> userNameValidator,
            X509CertificateAuthentication clientCertificateAuthentication) {
        this(userNameValidator, clientCertificateAuthentication, Optional.empty());
    }

    /** No validator; client certificates chain-trusted to the JDK's roots; no service certificate. */
    public static ServiceCredentials defaults() {
        return new ServiceCredentials(Optional.empty(), X509CertificateAuthentication.defaults());
    }

    public ServiceCredentials withUserNameValidator(UserNamePasswordValidator v) {
        return new ServiceCredentials(Optional.of(v), clientCertificateAuthentication, serviceCertificate,
                clientCertificate);
    }

    public ServiceCredentials withClientCertificateAuthentication(X509CertificateAuthentication a) {
        return new ServiceCredentials(userNameValidator, a, serviceCertificate, clientCertificate);
    }

    /**
     * The caller a message's {@code UsernameToken} proves, checked by the validator (the user-name modes).
     *
     * @throws MessageSecurityException WCF's {@code NoUserNameTokenProvided} when there is none
     * @throws SecurityTokenValidationException for an empty user name, or when the validator refuses it
     */
    ServiceSecurityContext authenticate(Optional<UserNameCredential> token) {
        UserNameCredential user = token.orElseThrow(() -> new MessageSecurityException(
                WcfText.NoUserNameTokenProvided.format()));
        if (user.userName().isEmpty()) {
            throw new SecurityTokenValidationException(WcfText.UserNameCannotBeEmpty.format());
        }
        userNameValidator.orElseThrow().validate(user.userName(), user.password());
        return ServiceSecurityContext.userName(user.userName());
    }

    /** {@code ServiceCertificate.Certificate}. */
    public ServiceCredentials withServiceCertificate(X509Credential certificate) {
        return new ServiceCredentials(userNameValidator, clientCertificateAuthentication, Optional.of(certificate),
                clientCertificate);
    }

    /**
     * {@code ClientCertificate.Certificate}: the client's certificate a duplex service encrypts its messages to
     * (MutualCertificateDuplex over duplex channels, WCF's {@code DuplexSecurityProtocolFactory}).
     */
    public ServiceCredentials withClientCertificate(X509Certificate certificate) {
        return new ServiceCredentials(userNameValidator, clientCertificateAuthentication, serviceCertificate,
                Optional.of(certificate));
    }
}

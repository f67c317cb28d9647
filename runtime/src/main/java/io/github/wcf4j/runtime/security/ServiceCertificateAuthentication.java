package io.github.wcf4j.runtime.security;

import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import java.util.Objects;

/**
 * How a client trusts the certificate a service presents in a TLS stream upgrade (a client binding parameter; WCF's
 * {@code ClientCredentials.ServiceCertificate.SslCertificateAuthentication}, else {@code .Authentication}): made from
 * the configuration's {@code <clientCredentials><serviceCertificate>} by
 * {@link CredentialsFromConfiguration#serviceCertificateTrust}. The endpoint identity is checked after it.
 *
 * @param authentication the validation mode and the trusted people and roots
 */
public record ServiceCertificateAuthentication(X509CertificateAuthentication authentication) {
    public ServiceCertificateAuthentication {
        Objects.requireNonNull(authentication, "authentication");
    }
}

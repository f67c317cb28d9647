package io.github.wcf4j.runtime.security.message;

import java.security.cert.X509Certificate;

/**
 * Decides whether a client certificate is trusted (WCF {@code System.IdentityModel.Selectors.X509CertificateValidator},
 * the type a configuration's {@code customCertificateValidatorType} names with {@code certificateValidationMode=
 * "Custom"}):
 *
 * <pre>{@code
 * X509CertificateValidator v = certificate -> {
 *     if (!allowed.contains(certificate)) {
 *         throw new SecurityTokenValidationException("The certificate is not allowed");
 *     }
 * };
 * }</pre>
 *
 * <p>It runs for every request that presents a certificate, before the operation; a request whose certificate it
 * refuses is never dispatched.
 */
@FunctionalInterface
public interface X509CertificateValidator {
    /**
     * Returns normally when {@code certificate} is trusted.
     *
     * @throws SecurityTokenValidationException when it is not
     */
    void validate(X509Certificate certificate);
}

package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.List;
import java.util.Optional;

/**
 * {@code <clientCredentials><serviceCertificate>} (WCF {@code X509CertificateRecipientClientCredential}): the service
 * certificates a client knows in advance (needed by the {@code *ForCertificate} and {@code MutualCertificate} modes
 * when {@code negotiateServiceCredential} is off) and how the service's certificate is validated.
 *
 * @param defaultCertificate           {@code <defaultCertificate>}, present when any of its attributes is written;
 *                                     defaults {@code CurrentUser}, {@code My}, {@code FindBySubjectDistinguishedName}
 * @param scopedCertificates           {@code <scopedCertificates>}, per target address, in document order
 * @param authentication               {@code <authentication>}: {@link X509CertificateValidation#forServiceCertificates()}
 * @param sslCertificateAuthentication {@code <sslCertificateAuthentication>} (WCF 4.5): validation of the service's TLS
 *                                     certificate for HTTPS, present only when the element is written (WCF leaves it
 *                                     {@code null} otherwise and the platform's TLS validation applies)
 */
public record ServiceCertificateCredential(Optional<X509CertificateReference> defaultCertificate,
        List<ScopedCertificate> scopedCertificates, X509CertificateValidation authentication,
        Optional<X509CertificateValidation> sslCertificateAuthentication) {

    public ServiceCertificateCredential {
        ArgumentChecks.notNull(defaultCertificate, "defaultCertificate");
        scopedCertificates = List.copyOf(scopedCertificates);
        ArgumentChecks.notNull(authentication, "authentication");
        ArgumentChecks.notNull(sslCertificateAuthentication, "sslCertificateAuthentication");
    }

    public static ServiceCertificateCredential defaults() {
        return new ServiceCertificateCredential(Optional.empty(), List.of(),
                X509CertificateValidation.forServiceCertificates(), Optional.empty());
    }
}

package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.Optional;

/**
 * {@code <serviceCredentials><clientCertificate>} (WCF {@code X509CertificateInitiatorServiceCredential}): the client
 * certificate a service knows in advance (needed by {@code MutualCertificateDuplex}, where the service encrypts to the
 * client) and how client certificates are validated.
 *
 * @param certificate    {@code <certificate>}, present when any of its four attributes is written (WCF calls
 *                       {@code SetCertificate} only then); defaults {@code LocalMachine}, {@code My},
 *                       {@code FindBySubjectDistinguishedName}
 * @param authentication {@code <authentication>}
 */
public record ClientCertificateCredential(Optional<X509CertificateReference> certificate,
        ClientCertificateAuthentication authentication) {

    public ClientCertificateCredential {
        ArgumentChecks.notNull(certificate, "certificate");
        ArgumentChecks.notNull(authentication, "authentication");
    }

    public static ClientCertificateCredential defaults() {
        return new ClientCertificateCredential(Optional.empty(), ClientCertificateAuthentication.defaults());
    }
}

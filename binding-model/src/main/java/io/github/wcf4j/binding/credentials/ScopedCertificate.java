package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import java.net.URI;

/**
 * {@code <clientCredentials><serviceCertificate><scopedCertificates><add targetUri>}: the certificate of the service at
 * {@code targetUri}, used instead of the default certificate when the client talks to that address (WCF
 * {@code SetScopedCertificate}).
 *
 * @param targetUri   the service's address (required, the collection's key)
 * @param certificate where the certificate is; defaults {@code CurrentUser}, {@code My},
 *                    {@code FindBySubjectDistinguishedName}
 */
public record ScopedCertificate(URI targetUri, X509CertificateReference certificate) {
    public ScopedCertificate {
        ArgumentChecks.notNull(targetUri, "targetUri");
        ArgumentChecks.notNull(certificate, "certificate");
    }
}

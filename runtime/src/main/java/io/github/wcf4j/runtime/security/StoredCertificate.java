package io.github.wcf4j.runtime.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * One certificate of a certificate store: a keystore's trusted-certificate entry, or the certificate of a key entry
 * with its private key and chain (a service certificate, a client certificate).
 *
 * @param alias       the keystore alias it was read from
 * @param certificate the certificate
 * @param chain       the certificate and its issuers as the key entry stores them; only the certificate for a trusted
 *                    entry
 * @param privateKey  the key of a key entry (readable with the store's password)
 */
public record StoredCertificate(String alias, X509Certificate certificate, List<X509Certificate> chain,
        Optional<PrivateKey> privateKey) {

    public StoredCertificate {
        chain = List.copyOf(chain);
    }
}

package io.github.wcf4j.runtime.security.message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/**
 * A certificate with its private key (WCF {@code ClientCredentials.ClientCertificate.Certificate}), e.g. from a PKCS#12
 * file.
 */
public record X509Credential(X509Certificate certificate, PrivateKey privateKey) {
    public X509Credential {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * The key entry {@code alias} of a keystore (PKCS#12 or JKS), or its first key entry when {@code alias} is
     * {@code null}; the key's password is the store's.
     */
    public static X509Credential fromKeyStore(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(in, password);
            String name = alias;
            if (name == null) {
                name = Collections.list(ks.aliases()).stream().filter(a -> isKey(ks, a)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(file + " holds no private key"));
            }
            return new X509Credential((X509Certificate) ks.getCertificate(name),
                    (PrivateKey) ks.getKey(name, password));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificate and key from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

package io.github.wcf4j.runtime.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The certificates of one keystore file (PKCS#12, JKS): a trusted-certificate entry is a certificate alone, a key
 * entry its certificate with its chain and private key, the key read with the store's password (an entry whose key
 * that password does not open is its certificate alone, as a store a user cannot read the key of).
 */
final class KeyStoreFile {
    private KeyStoreFile() {
    }

    /**
     * The X.509 entries of {@code path}, in alias order, each named {@code alias.apply(keystore alias)}.
     *
     * @param password the store's password; {@code null}: the certificates can be read only when unprotected, the keys
     *                 never
     */
    static List<StoredCertificate> read(Path path, String type, char[] password, UnaryOperator<String> alias)
            throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, password);
        }
        List<StoredCertificate> out = new ArrayList<>();
        for (String a : Collections.list(ks.aliases())) {
            Certificate c = ks.getCertificate(a);
            if (c instanceof X509Certificate x) {
                out.add(new StoredCertificate(alias.apply(a), x, chain(ks, a, x), key(ks, a, password)));
            }
        }
        return out;
    }

    private static List<X509Certificate> chain(KeyStore ks, String alias, X509Certificate c)
            throws GeneralSecurityException {
        Certificate[] chain = ks.getCertificateChain(alias);
        if (chain == null) {
            return List.of(c);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate x : chain) {
            out.add((X509Certificate) x);
        }
        return out;
    }

    private static Optional<PrivateKey> key(KeyStore ks, String alias, char[] password)
            throws GeneralSecurityException {
        if (!ks.isKeyEntry(alias) || password == null) {
            return Optional.empty();
        }
        try {
            Key k = ks.getKey(alias, password);
            return k instanceof PrivateKey pk ? Optional.of(pk) : Optional.empty();
        } catch (UnrecoverableKeyException e) {
            return Optional.empty();
        }
    }
}

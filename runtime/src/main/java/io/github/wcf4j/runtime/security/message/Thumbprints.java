package io.github.wcf4j.runtime.security.message;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** A certificate's thumbprint: the SHA-1 of its DER encoding, as WCF's {@code X509Certificate2.Thumbprint}. */
final class Thumbprints {
    private Thumbprints() {
    }

    static byte[] sha1(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Upper-case hex, as .NET prints it. */
    static String of(X509Certificate certificate) {
        return HexFormat.of().withUpperCase().formatHex(sha1(certificate));
    }
}

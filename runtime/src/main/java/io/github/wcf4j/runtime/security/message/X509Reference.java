package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.THUMBPRINT_SHA1;

import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;

/**
 * How a message names an X.509 certificate it does not carry (WCF {@code X509KeyIdentifierClauseType} as
 * {@code X509SecurityTokenParameters.CreateKeyIdentifierClause} applies it to an external reference):
 * {@link #THUMBPRINT} ({@code ThumbprintSHA1}, WS-Security 1.1) or {@link #ANY} (WS-Security 1.0's choice: the
 * certificate's subject key identifier when it has that extension, else its issuer and serial number).
 */
enum X509Reference {
    /** {@code X509KeyIdentifierClauseType.Thumbprint}. */
    THUMBPRINT,
    /** {@code X509KeyIdentifierClauseType.Any}: {@code X509SubjectKeyIdentifierClause}, else issuer and serial. */
    ANY;

    /** {@code wsse:KeyIdentifier}'s value type for a subject key identifier (X.509 token profile 1.0). */
    static final String SUBJECT_KEY_IDENTIFIER = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-x509-token-profile-1.0#X509SubjectKeyIdentifier";

    /** The reference to {@code certificate}; with {@code bspAttributes}, key identifiers carry their encoding. */
    TokenReference to(X509Certificate certificate, boolean bspAttributes) {
        if (this == THUMBPRINT) {
            return new TokenReference.KeyIdentifier(THUMBPRINT_SHA1,
                    Base64.getEncoder().encodeToString(CertificateFind.thumbprint(certificate)), bspAttributes);
        }
        byte[] ski = CertificateFind.subjectKeyIdentifier(certificate);
        if (ski != null) {
            return new TokenReference.KeyIdentifier(SUBJECT_KEY_IDENTIFIER, Base64.getEncoder().encodeToString(ski),
                    bspAttributes);
        }
        return new TokenReference.IssuerSerial(certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber());
    }

    /**
     * Whether {@code reference} names {@code certificate} by any of the external forms WCF's token resolvers match
     * (thumbprint, subject key identifier, issuer and serial), whichever this side would write.
     */
    static boolean names(TokenReference reference, X509Certificate certificate) {
        if (reference instanceof TokenReference.KeyIdentifier ki) {
            byte[] value;
            try {
                value = Base64.getMimeDecoder().decode(ki.value());
            } catch (IllegalArgumentException e) {
                throw new MessageSecurityException("A KeyIdentifier's value is not base64.");
            }
            if (ki.valueType().equals(THUMBPRINT_SHA1)) {
                return Arrays.equals(value, CertificateFind.thumbprint(certificate));
            }
            if (ki.valueType().equals(SUBJECT_KEY_IDENTIFIER)) {
                byte[] ski = CertificateFind.subjectKeyIdentifier(certificate);
                return ski != null && Arrays.equals(value, ski);
            }
            return false;
        }
        if (reference instanceof TokenReference.IssuerSerial is) {
            try {
                return is.serialNumber().equals(certificate.getSerialNumber())
                        && new X500Principal(is.issuerName()).equals(certificate.getIssuerX500Principal());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }
}

package io.github.wcf4j.cli;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes test certificates as the WCF samples' {@code Setup.bat} has {@code makecert} make them: a root CA
 * ({@code makecert -n CN=RootCATest -r -sky signature}) and certificates it issues ({@code makecert -n CN=localhost
 * -ic RootCATest.cer -iv RootCATest.pvk -sky exchange -pe}), RSA 2048 signed with SHA-256, each with a subject key
 * identifier (WSS 1.0's key reference), an issued one with its subject's DNS names (the DNS claims an endpoint's
 * {@code <identity><dns>} is checked against), server and client authentication usages (the samples use one kind of
 * certificate for services and clients). Bouncy Castle builds the certificates, because the JDK has no public API for
 * it; keys, signatures and parsing stay with the JDK's providers. Thread-safe.
 */
final class CertificateIssuer {
    private static final String SIGNATURE = "SHA256withRSA";
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);

    /** A certificate and its private key, the certificate first in its chain. */
    record Credential(PrivateKey key, List<X509Certificate> chain) {
        Credential {
            chain = List.copyOf(chain);
        }

        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CertificateIssuer(Clock clock) {
        this.clock = clock;
    }

    /** A self-signed CA certificate for {@code subject}, valid {@code validity} from a day ago. */
    Credential rootAuthority(X500Principal subject, Duration validity) throws GeneralSecurityException {
        KeyPair pair = keyPair();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = builder(subject, subject, pair, validity);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                    | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
        } catch (CertIOException e) {
            throw new GeneralSecurityException(e);
        }
        return new Credential(pair.getPrivate(), List.of(sign(b, pair.getPrivate())));
    }

    /**
     * A certificate for {@code subject} with the DNS names {@code dnsNames}, issued by {@code issuer} (itself when
     * {@code null}: self-signed), valid {@code validity} from a day ago.
     */
    Credential issue(X500Principal subject, List<String> dnsNames, Credential issuer, Duration validity)
            throws GeneralSecurityException {
        KeyPair pair = keyPair();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X500Principal issuerName = issuer == null ? subject : issuer.certificate().getSubjectX500Principal();
        X509v3CertificateBuilder b = builder(subject, issuerName, pair, validity);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            if (issuer != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            if (!dnsNames.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                        .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            }
        } catch (CertIOException e) {
            throw new GeneralSecurityException(e);
        }
        PrivateKey signer = issuer == null ? pair.getPrivate() : issuer.key();
        List<X509Certificate> chain = new ArrayList<>(List.of(sign(b, signer)));
        if (issuer != null) {
            chain.addAll(issuer.chain());
        }
        return new Credential(pair.getPrivate(), chain);
    }

    private KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, random);
        return g.generateKeyPair();
    }

    private X509v3CertificateBuilder builder(X500Principal subject, X500Principal issuer, KeyPair pair,
            Duration validity) {
        Instant now = clock.instant();
        BigInteger serial = new BigInteger(64, random).setBit(63);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(CLOCK_SKEW)),
                Date.from(now.plus(validity)), subject, pair.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(SIGNATURE)
                    .build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}

package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.binding.WcfText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * How a service trusts client certificates (WCF {@code X509ClientCertificateAuthentication}): the validation mode, the
 * trusted people (WCF's {@code TrustedPeople} store) and the trusted roots for chain trust (empty: the JDK's default
 * certificate authorities, as WCF's chain trust uses the machine's roots), or a custom validator ({@code Custom}).
 * Chain trust checks revocation as {@code revocation} says ({@link RevocationCheck}; made in code without one:
 * {@code NoCheck}, the configuration's default being WCF's {@code Online}).
 */
public record X509CertificateAuthentication(CertificateValidationMode mode, List<X509Certificate> trustedPeople,
        List<X509Certificate> trustedRoots, Optional<X509CertificateValidator> customValidator,
        RevocationCheck revocation) {

    public X509CertificateAuthentication {
        Objects.requireNonNull(mode, "mode");
        trustedPeople = List.copyOf(trustedPeople);
        trustedRoots = List.copyOf(trustedRoots);
        customValidator = customValidator == null ? Optional.empty() : customValidator;
        revocation = revocation == null ? RevocationCheck.none() : revocation;
        if (mode == CertificateValidationMode.Custom && customValidator.isEmpty()) {
            throw new IllegalArgumentException("X509CertificateValidationMode.Custom requires"
                    + " CustomCertificateValidator. Specify the CustomCertificateValidator property.");
        }
    }

    /** Without a revocation check. */
    public X509CertificateAuthentication(CertificateValidationMode mode, List<X509Certificate> trustedPeople,
            List<X509Certificate> trustedRoots, Optional<X509CertificateValidator> customValidator) {
        this(mode, trustedPeople, trustedRoots, customValidator, RevocationCheck.none());
    }

    /** Without a custom validator. */
    public X509CertificateAuthentication(CertificateValidationMode mode, List<X509Certificate> trustedPeople,
            List<X509Certificate> trustedRoots) {
        this(mode, trustedPeople, trustedRoots, Optional.empty());
    }

    /** This trust with chain trust checking revocation as {@code check} says. */
    public X509CertificateAuthentication withRevocation(RevocationCheck check) {
        return new X509CertificateAuthentication(mode, trustedPeople, trustedRoots, customValidator, check);
    }

    /** WCF's {@code Custom}: {@code validator} decides. */
    public static X509CertificateAuthentication custom(X509CertificateValidator validator) {
        return new X509CertificateAuthentication(CertificateValidationMode.Custom, List.of(), List.of(),
                Optional.of(validator));
    }

    /** WCF's default: chain trust to the JDK's default roots. */
    public static X509CertificateAuthentication defaults() {
        return new X509CertificateAuthentication(CertificateValidationMode.ChainTrust, List.of(), List.of());
    }

    public static X509CertificateAuthentication chainTrust(List<X509Certificate> roots) {
        return new X509CertificateAuthentication(CertificateValidationMode.ChainTrust, List.of(), roots);
    }

    public static X509CertificateAuthentication peerTrust(List<X509Certificate> people) {
        return new X509CertificateAuthentication(CertificateValidationMode.PeerTrust, people, List.of());
    }

    /**
     * Returns normally when {@code certificate} is trusted.
     *
     * @throws SecurityTokenValidationException with WCF's texts when it is not
     */
    public void validate(X509Certificate certificate) {
        switch (mode) {
            case None:
                return;
            case PeerTrust:
                checkPeer(certificate);
                return;
            case ChainTrust:
                checkChain(certificate);
                return;
            case Custom:
                customValidator.orElseThrow().validate(certificate);
                return;
            default:
                if (!trustedPeople.contains(certificate)) {
                    checkChain(certificate);
                }
        }
    }

    private void checkPeer(X509Certificate certificate) {
        if (!trustedPeople.contains(certificate)) {
            throw new SecurityTokenValidationException(WcfText.X509IsNotInTrustedStore.format(id(certificate)));
        }
        try {
            certificate.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new SecurityTokenValidationException(WcfText.X509IsNotInTrustedStore.format(id(certificate)), e);
        }
    }

    private void checkChain(X509Certificate certificate) {
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            if (trustedRoots.isEmpty()) {
                PKIXParameters jdk = new PKIXParameters(defaultTrustStore());
                anchors.addAll(jdk.getTrustAnchors());
            } else {
                trustedRoots.forEach(r -> anchors.add(new TrustAnchor(r, null)));
            }
            PKIXParameters p = new PKIXParameters(anchors);
            Date now = new Date();
            p.setDate(now);
            p.setRevocationEnabled(false);
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            revocation.validate(path, p, now);
        } catch (CertPathValidatorException e) {
            String status = RevocationCheck.statusText(e);
            throw new SecurityTokenValidationException(WcfText.X509ChainBuildFail.format(id(certificate),
                    status.isEmpty() ? e.getMessage() : status), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SecurityTokenValidationException(WcfText.X509ChainBuildFail.format(id(certificate),
                    e.getMessage()), e);
        }
    }

    /** The JDK's default certificate authorities ({@code lib/security/cacerts}). */
    private static KeyStore defaultTrustStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security",
                "cacerts"))) {
            ks.load(in, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return ks;
    }

    /** WCF's certificate id in texts ({@code X509Util.GetCertificateId}): subject, "; ", thumbprint. */
    static String id(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC1779) + "; "
                + CertificateFind.thumbprintString(certificate);
    }
}

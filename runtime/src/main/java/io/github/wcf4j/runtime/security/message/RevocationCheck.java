package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.credentials.X509RevocationMode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * How chain trust checks revocation (WCF's {@code revocationMode}, CryptoAPI's revocation check of every certificate
 * of the chain but its root, {@code X509RevocationFlag.ExcludeRoot}):
 * <ul>
 * <li>{@code NoCheck}: none;</li>
 * <li>{@code Online}: the JDK's {@link PKIXRevocationChecker}, OCSP first (the certificate's authority information
 * access) and the CRLs of its CRL distribution points as the fallback, as Windows asks OCSP before CRLs; fetching
 * distribution points needs the JDK's system property {@value #CRL_DP_PROPERTY}, which this class sets to
 * {@code true} once when it is not set (a JVM that sets it {@code false} cannot check Online: every certificate then
 * fails as unknown);</li>
 * <li>{@code Offline}: CryptoAPI then answers from what it has cached only; a JVM has no such cache, so wcf4j checks
 * the CRLs given locally ({@link #localCrls}: the {@code *.crl} files of the trusted store location's
 * {@code CertificateAuthority} and {@code Root} folders), each signed by the certificate's issuer and not past its
 * next update; a certificate no such CRL covers has an unknown status.</li>
 * </ul>
 * A revoked certificate, or one whose status is unknown, fails chain building with Windows' status texts
 * ({@link #statusText}); nothing is soft-failed, as in WCF.
 *
 * @param mode      WCF's revocation mode
 * @param localCrls the CRLs {@code Offline} checks against (ignored otherwise)
 */
public record RevocationCheck(X509RevocationMode mode, List<X509CRL> localCrls) {
    /** The JDK's switch for fetching the CRLs of a certificate's CRL distribution points. */
    public static final String CRL_DP_PROPERTY = "com.sun.security.enableCRLDP";

    public RevocationCheck {
        Objects.requireNonNull(mode, "mode");
        localCrls = List.copyOf(localCrls);
    }

    /** WCF's {@code NoCheck}. */
    public static RevocationCheck none() {
        return new RevocationCheck(X509RevocationMode.NoCheck, List.of());
    }

    /** WCF's {@code Online} (its default). */
    public static RevocationCheck online() {
        return new RevocationCheck(X509RevocationMode.Online, List.of());
    }

    /** WCF's {@code Offline}, against {@code crls}. */
    public static RevocationCheck offline(List<X509CRL> crls) {
        return new RevocationCheck(X509RevocationMode.Offline, crls);
    }

    /**
     * Validates {@code path} with {@code trust} (whose revocation checking is off) and checks its revocation, at
     * {@code now}, in one PKIX pass where it can: {@code Online} runs the JDK's revocation checker inside the chain
     * validation, and only when that fails for another reason than a revocation status is the chain validated again
     * without it, to tell a chain failure (thrown as the JDK says it) from a revocation status that could not be
     * determined; {@code Offline} checks the local CRLs after the validation. Any failure of the revocation check is a
     * revoked certificate or one whose status is unknown, as CryptoAPI's chain statuses say it (the JDK's reason for
     * a status it could not determine, such as a missing OCSP responder when the CRL could not be fetched either,
     * becomes {@link BasicReason#UNDETERMINED_REVOCATION_STATUS}).
     *
     * @return the validation's result (its trust anchor)
     * @throws CertPathValidatorException the chain's failure, or {@link BasicReason#REVOKED} or
     *                                    {@link BasicReason#UNDETERMINED_REVOCATION_STATUS}
     */
    PKIXCertPathValidatorResult validate(CertPath path, PKIXParameters trust, Date now)
            throws GeneralSecurityException {
        return switch (mode) {
            case Online -> validateOnline(path, trust);
            case Offline -> {
                PKIXCertPathValidatorResult result = validateChain(path, trust);
                checkOffline(path, result.getTrustAnchor(), now);
                yield result;
            }
            default -> validateChain(path, trust);
        };
    }

    private static PKIXCertPathValidatorResult validateChain(CertPath path, PKIXParameters trust)
            throws GeneralSecurityException {
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(path, trust);
    }

    private static PKIXCertPathValidatorResult validateOnline(CertPath path, PKIXParameters trust)
            throws GeneralSecurityException {
        enableDistributionPoints();
        PKIXParameters p = (PKIXParameters) trust.clone();
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            checker.setOptions(EnumSet.noneOf(PKIXRevocationChecker.Option.class));
            p.setRevocationEnabled(true);
            p.addCertPathChecker(checker);
            return (PKIXCertPathValidatorResult) validator.validate(path, p);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == BasicReason.REVOKED || e.getReason() == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
                throw e;
            }
            validateChain(path, trust);
            throw new CertPathValidatorException(e.getMessage(), e, path, e.getIndex(),
                    BasicReason.UNDETERMINED_REVOCATION_STATUS);
        } catch (GeneralSecurityException e) {
            validateChain(path, trust);
            throw new CertPathValidatorException(e.getMessage(), e, path, -1,
                    BasicReason.UNDETERMINED_REVOCATION_STATUS);
        }
    }

    private void checkOffline(CertPath path, TrustAnchor anchor, Date now) throws CertPathValidatorException {
        @SuppressWarnings("unchecked")
        List<X509Certificate> chain = (List<X509Certificate>) path.getCertificates();
        for (int i = chain.size() - 1; i >= 0; i--) {
            int at = i;
            X509Certificate c = chain.get(i);
            PublicKey issuerKey = i == chain.size() - 1 ? anchorKey(anchor) : chain.get(i + 1).getPublicKey();
            X509CRL crl = localCrls.stream().filter(l -> covers(l, c, issuerKey, now)).findFirst().orElseThrow(() ->
                    new CertPathValidatorException("no local CRL of " + c.getIssuerX500Principal() + " is current",
                            null, path, at, BasicReason.UNDETERMINED_REVOCATION_STATUS));
            if (crl.isRevoked(c)) {
                throw new CertPathValidatorException("revoked by the local CRL of " + crl.getIssuerX500Principal(),
                        null, path, i, BasicReason.REVOKED);
            }
        }
    }

    private static PublicKey anchorKey(TrustAnchor anchor) {
        return anchor.getTrustedCert() != null ? anchor.getTrustedCert().getPublicKey() : anchor.getCAPublicKey();
    }

    private static boolean covers(X509CRL crl, X509Certificate c, PublicKey issuerKey, Date now) {
        if (!crl.getIssuerX500Principal().equals(c.getIssuerX500Principal())
                || (crl.getNextUpdate() != null && crl.getNextUpdate().before(now))) {
            return false;
        }
        try {
            crl.verify(issuerKey);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Windows' chain status texts for a failed revocation check, as WCF's {@code X509ChainBuildFail} lists them (each
     * followed by a space); empty when {@code failure} is no revocation failure.
     */
    static String statusText(CertPathValidatorException failure) {
        if (failure.getReason() == BasicReason.REVOKED) {
            return WcfText.X509ChainStatusRevoked.format() + " ";
        }
        if (failure.getReason() == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return WcfText.X509ChainStatusRevocationStatusUnknown.format() + " "
                    + WcfText.X509ChainStatusOfflineRevocation.format() + " ";
        }
        return "";
    }

    private static void enableDistributionPoints() {
        if (System.getProperty(CRL_DP_PROPERTY) == null) {
            System.setProperty(CRL_DP_PROPERTY, "true");
        }
    }
}

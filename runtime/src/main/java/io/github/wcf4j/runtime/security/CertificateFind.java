package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.X509FindType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which certificates an {@code x509FindType} and {@code findValue} select, as WCF's store search decides
 * ({@code System.IdentityModel.Selectors.X509CertificateStore.Find}, and .NET's
 * {@code X509Certificate2Collection.Find} for the types WCF leaves to it). Expired certificates match: WCF searches with
 * {@code validOnly: false}.
 *
 * <table>
 * <caption>find types</caption>
 * <tr><td>FindByThumbprint</td><td>hex ({@code 0x}, spaces between pairs allowed), the SHA-1 of the
 * certificate</td></tr>
 * <tr><td>FindBySubjectName, FindByIssuerName</td><td>case-insensitive substring of the name's values</td></tr>
 * <tr><td>FindBySubjectDistinguishedName, FindByIssuerDistinguishedName</td><td>case-insensitive equality with the
 * Windows rendering ({@code CN=localhost, O=Contoso})</td></tr>
 * <tr><td>FindBySerialNumber</td><td>hex, as written big-endian; leading {@code 00}s count</td></tr>
 * <tr><td>FindBySubjectKeyIdentifier</td><td>hex compared with the extension's encoded value, as WCF's store compares
 * it ({@code RawData}: the key identifier with its {@code 04 14} OCTET STRING header)</td></tr>
 * <tr><td>FindByApplicationPolicy, FindByCertificatePolicy, FindByExtension</td><td>an OID (or a few common names);
 * a certificate without extended key usages is good for every application policy</td></tr>
 * <tr><td>FindByKeyUsage</td><td>a key usage name ({@code DigitalSignature}, {@code KeyEncipherment}, ...); a
 * certificate without the extension has every usage</td></tr>
 * <tr><td>FindByTimeValid, FindByTimeNotYetValid, FindByTimeExpired</td><td>need a date: from configuration .NET
 * throws {@code CryptographicException} "Invalid find value."</td></tr>
 * <tr><td>FindByTemplateName</td><td>Windows certificate-services templates: refused by name</td></tr>
 * </table>
 */
public final class CertificateFind {
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    /** Friendly names Windows resolves for application policies (enhanced key usages). */
    private static final Map<String, String> APPLICATION_POLICIES = Map.of("server authentication",
            "1.3.6.1.5.5.7.3.1", "client authentication", "1.3.6.1.5.5.7.3.2", "code signing", "1.3.6.1.5.5.7.3.3",
            "secure email", "1.3.6.1.5.5.7.3.4", "time stamping", "1.3.6.1.5.5.7.3.8", "ocsp signing",
            "1.3.6.1.5.5.7.3.9", "encrypting file system", "1.3.6.1.4.1.311.10.3.4");
    /** Friendly names Windows resolves for extensions. */
    private static final Map<String, String> EXTENSIONS = Map.of("subject key identifier", "2.5.29.14",
            "key usage", "2.5.29.15", "subject alternative name", "2.5.29.17", "basic constraints", "2.5.29.19",
            "certificate policies", "2.5.29.32", "authority key identifier", "2.5.29.35", "enhanced key usage",
            "2.5.29.37", "crl distribution points", "2.5.29.31", "authority information access",
            "1.3.6.1.5.5.7.1.1");
    /** .NET's key usage names in the JDK's {@link X509Certificate#getKeyUsage()} order. */
    private static final List<String> KEY_USAGES = List.of("digitalsignature", "nonrepudiation", "keyencipherment",
            "dataencipherment", "keyagreement", "keycertsign", "crlsign", "encipheronly", "decipheronly");

    private CertificateFind() {
    }

    /**
     * The certificates {@code findType} and {@code findValue} select.
     *
     * @throws CryptographicException        for the {@code FindByTime*} types and an unknown key usage (.NET's texts)
     * @throws IllegalArgumentException      for a malformed hex value or OID
     * @throws UnsupportedOperationException for {@code FindByTemplateName}
     */
    public static Predicate<X509Certificate> of(X509FindType findType, String findValue) {
        return switch (findType) {
            case FindByThumbprint -> bytes(HexString.decode(findValue), CertificateFind::thumbprint);
            case FindBySubjectName -> c -> containsIgnoringCase(
                    DistinguishedNames.simpleName(c.getSubjectX500Principal()), findValue);
            case FindByIssuerName -> c -> containsIgnoringCase(
                    DistinguishedNames.simpleName(c.getIssuerX500Principal()), findValue);
            case FindBySubjectDistinguishedName -> c -> findValue.equalsIgnoreCase(
                    DistinguishedNames.name(c.getSubjectX500Principal()));
            case FindByIssuerDistinguishedName -> c -> findValue.equalsIgnoreCase(
                    DistinguishedNames.name(c.getIssuerX500Principal()));
            case FindBySerialNumber -> bytes(HexString.decode(findValue), c -> c.getSerialNumber().toByteArray());
            case FindBySubjectKeyIdentifier -> bytes(HexString.decode(findValue),
                    c -> extensionValue(c, "2.5.29.14"));
            case FindByApplicationPolicy -> applicationPolicy(oid(findValue, APPLICATION_POLICIES));
            case FindByCertificatePolicy -> certificatePolicy(oid(findValue, Map.of()));
            case FindByExtension -> extension(oid(findValue, EXTENSIONS));
            case FindByKeyUsage -> keyUsage(findValue);
            case FindByTimeValid, FindByTimeNotYetValid, FindByTimeExpired ->
                throw new CryptographicException(WcfText.Cryptography_X509_InvalidFindValue.template());
            case FindByTemplateName -> throw new UnsupportedOperationException("x509FindType=\"FindByTemplateName\""
                    + " selects certificates by their Windows certificate-services template; wcf4j's certificate"
                    + " stores do not search by template: use FindByThumbprint or FindBySubjectDistinguishedName");
        };
    }

    /** SHA-1 of the certificate's encoding: WCF's thumbprint. */
    public static byte[] thumbprint(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The thumbprint as .NET's {@code GetCertHashString} writes it: upper-case hex. */
    public static String thumbprintString(X509Certificate certificate) {
        return HexString.encode(thumbprint(certificate));
    }

    /** The subject as Windows shows it ({@code X509Certificate2.Subject}): {@code CN=localhost, O=Contoso}. */
    public static String subject(X509Certificate certificate) {
        return DistinguishedNames.name(certificate.getSubjectX500Principal());
    }

    private interface Bytes {
        byte[] of(X509Certificate c);
    }

    private static Predicate<X509Certificate> bytes(byte[] expected, Bytes actual) {
        return c -> {
            byte[] a = actual.of(c);
            return a != null && Arrays.equals(expected, a);
        };
    }

    private static boolean containsIgnoringCase(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    /**
     * The certificate's subject key identifier (the key identifier inside the extension's value, as WCF's
     * {@code X509SubjectKeyIdentifierClause} takes it), or null when it has none.
     */
    public static byte[] subjectKeyIdentifier(X509Certificate certificate) {
        byte[] value = extensionValue(certificate, "2.5.29.14");
        if (value == null) {
            return null;
        }
        try {
            return Der.read(value).contents();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The contents of an extension's extnValue OCTET STRING (.NET's {@code X509Extension.RawData}), or null. */
    private static byte[] extensionValue(X509Certificate c, String oid) {
        byte[] wrapped = c.getExtensionValue(oid);
        return wrapped == null ? null : Der.read(wrapped).contents();
    }

    private static String oid(String value, Map<String, String> friendlyNames) {
        String known = friendlyNames.get(value.trim().toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        if (!OID.matcher(value).matches()) {
            throw new IllegalArgumentException("The OID value was invalid.");
        }
        return value;
    }

    private static Predicate<X509Certificate> applicationPolicy(String oid) {
        return c -> {
            try {
                List<String> usages = c.getExtendedKeyUsage();
                return usages == null || usages.stream().anyMatch(oid::equalsIgnoreCase);
            } catch (CertificateParsingException e) {
                return false;
            }
        };
    }

    private static Predicate<X509Certificate> certificatePolicy(String oid) {
        return c -> {
            byte[] value = extensionValue(c, "2.5.29.32");
            if (value == null) {
                return false;
            }
            try {
                return Der.read(value).children().stream()
                        .anyMatch(policy -> policy.children().get(0).objectIdentifier().equals(oid));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return false;
            }
        };
    }

    private static Predicate<X509Certificate> extension(String oid) {
        return c -> {
            Set<String> critical = c.getCriticalExtensionOIDs();
            Set<String> other = c.getNonCriticalExtensionOIDs();
            return critical != null && critical.contains(oid) || other != null && other.contains(oid);
        };
    }

    private static Predicate<X509Certificate> keyUsage(String name) {
        int bit = KEY_USAGES.indexOf(name.toLowerCase(Locale.ROOT));
        if (bit < 0) {
            throw new CryptographicException(WcfText.Cryptography_X509_InvalidFindType.template());
        }
        return c -> {
            boolean[] usages = c.getKeyUsage();
            return usages == null || usages.length > bit && usages[bit];
        };
    }
}

package io.github.wcf4j.runtime.security;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a certificate proves about its holder, as WCF's {@code X509CertificateClaimSet} lists it for an identity check:
 * its thumbprint, its DNS names and its RSA public key.
 *
 * <p>DNS names: .NET's {@code GetNameInfo(DnsName)} (the first {@code dNSName} of the subject alternative names, or
 * else the subject's common name) followed by every {@code dNSName} of the subject alternative names (WCF 4.6.1 and
 * later), so the first one may appear twice, as in WCF.
 *
 * @param thumbprint SHA-1 of the certificate
 * @param dnsNames   the DNS claims, in WCF's order
 * @param rsaKey     the public key, if it is an RSA key
 */
public record CertificateClaims(byte[] thumbprint, List<String> dnsNames, Optional<RSAPublicKey> rsaKey) {
    private static final int DNS_NAME = 2;

    public CertificateClaims {
        thumbprint = thumbprint.clone();
        dnsNames = List.copyOf(dnsNames);
    }

    /** The claims of {@code certificate}. */
    public static CertificateClaims of(X509Certificate certificate) {
        List<String> sanDnsNames = sanDnsNames(certificate);
        List<String> dns = new ArrayList<>();
        if (!sanDnsNames.isEmpty()) {
            dns.add(sanDnsNames.get(0));
        } else {
            DistinguishedNames.commonName(certificate.getSubjectX500Principal()).filter(cn -> !cn.isEmpty())
                    .ifPresent(dns::add);
        }
        dns.addAll(sanDnsNames);
        PublicKey key = certificate.getPublicKey();
        return new CertificateClaims(CertificateFind.thumbprint(certificate), dns,
                key instanceof RSAPublicKey rsa ? Optional.of(rsa) : Optional.empty());
    }

    private static List<String> sanDnsNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> n.get(0) instanceof Integer type && type == DNS_NAME)
                    .map(n -> (String) n.get(1)).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}

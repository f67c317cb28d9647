package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.WcfText;
import java.net.URI;
import java.util.Arrays;

/**
 * WCF's default identity verifier ({@code IdentityVerifier.CreateDefault()}, {@code DefaultIdentityVerifier}) over the
 * claims of an X.509 certificate: whether the certificate a service (or a caller) proved itself with satisfies the
 * {@link IdentityClaim} expected of it, and WCF's exception when it does not. For message security, where WCF checks
 * the service's certificate this way before a request is sent ({@link #ensureOutgoingIdentity}); an HTTPS transport
 * checks less ({@link HttpsServerIdentity}).
 *
 * <ul>
 * <li>DNS: one of the certificate's DNS claims ({@link CertificateClaims}), ignoring case;</li>
 * <li>RSA: the certificate's RSA key (modulus and exponent);</li>
 * <li>certificate: the thumbprint of the identity's first certificate;</li>
 * <li>UPN and SPN: never by a certificate (WCF proves them through a Windows security identifier, which an X.509
 * claim set does not carry).</li>
 * </ul>
 */
public final class IdentityVerifier {
    private IdentityVerifier() {
    }

    /** Whether {@code claims} satisfy {@code identity} ({@code DefaultIdentityVerifier.CheckAccess}). */
    public static boolean checkAccess(IdentityClaim identity, CertificateClaims claims) {
        if (identity instanceof IdentityClaim.Dns dns) {
            return claims.dnsNames().stream().anyMatch(dns.name()::equalsIgnoreCase);
        } else if (identity instanceof IdentityClaim.Rsa rsa) {
            return claims.rsaKey().filter(k -> k.getModulus().equals(rsa.modulus())
                    && k.getPublicExponent().equals(rsa.exponent())).isPresent();
        } else if (identity instanceof IdentityClaim.Thumbprint t) {
            return Arrays.equals(CertificateFind.thumbprint(t.primary()), claims.thumbprint());
        }
        return false;
    }

    /**
     * Checks the service's claims before a message is sent to {@code target}.
     *
     * @throws MessageSecurityException WCF's {@code DnsIdentityCheckFailedForOutgoingMessage} (or
     *                                  {@code ...LackOfDnsClaim}) for a DNS identity,
     *                                  {@code IdentityCheckFailedForOutgoingMessage} otherwise
     */
    public static void ensureOutgoingIdentity(IdentityClaim identity, URI target, CertificateClaims claims) {
        ensure(identity, target, claims, false);
    }

    /** As {@link #ensureOutgoingIdentity} for a message received from {@code target}, with WCF's incoming texts. */
    public static void ensureIncomingIdentity(IdentityClaim identity, URI target, CertificateClaims claims) {
        ensure(identity, target, claims, true);
    }

    private static void ensure(IdentityClaim identity, URI target, CertificateClaims claims, boolean incoming) {
        if (checkAccess(identity, claims)) {
            return;
        }
        if (identity instanceof IdentityClaim.Dns dns) {
            if (claims.dnsNames().isEmpty()) {
                throw new MessageSecurityException((incoming
                        ? WcfText.DnsIdentityCheckFailedForIncomingMessageLackOfDnsClaim
                        : WcfText.DnsIdentityCheckFailedForOutgoingMessageLackOfDnsClaim).format(dns.name()));
            }
            throw new MessageSecurityException((incoming ? WcfText.DnsIdentityCheckFailedForIncomingMessage
                    : WcfText.DnsIdentityCheckFailedForOutgoingMessage).format(dns.name(), claims.dnsNames().get(0)));
        }
        throw new MessageSecurityException((incoming ? WcfText.IdentityCheckFailedForIncomingMessage
                : WcfText.IdentityCheckFailedForOutgoingMessage).format(identity, target));
    }
}

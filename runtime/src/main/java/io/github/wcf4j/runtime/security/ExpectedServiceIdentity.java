package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Whom a client expects to talk to when message security authenticates the service by its certificate (a client
 * binding parameter): the endpoint's {@code <identity>}, else WCF's default DNS identity of the target's host
 * ({@code IdentityVerifier.CreateDefault().TryGetIdentity}). The symmetric modes check the service certificate they
 * encrypt to against it before anything is sent (WCF's "Identity check failed for outgoing message"), and a
 * {@code <certificate>} identity is also where WCF finds that certificate when the client credentials name none
 * ({@code ClientCredentialsSecurityTokenManager.CreateServerX509TokenProvider}).
 */
public final class ExpectedServiceIdentity {
    private static final ExpectedServiceIdentity DEFAULT = new ExpectedServiceIdentity(Optional.empty());

    private final Optional<IdentityClaim> configured;

    private ExpectedServiceIdentity(Optional<IdentityClaim> configured) {
        this.configured = configured;
    }

    /** The default: the DNS identity of each target's host. */
    public static ExpectedServiceIdentity ofAddress() {
        return DEFAULT;
    }

    /**
     * An endpoint's {@code <identity>}, if it has one.
     *
     * @throws IllegalStateException WCF's {@code UnableToLoadCertificateIdentity}
     */
    public static ExpectedServiceIdentity of(Optional<EndpointIdentity> identity, CertificateLookup lookup) {
        return identity.isEmpty() ? DEFAULT
                : new ExpectedServiceIdentity(Optional.of(IdentityClaim.of(identity.get(), lookup)));
    }

    /** The certificate a {@code <certificate>} / {@code <certificateReference>} identity names (its first). */
    public Optional<X509Certificate> certificate() {
        return configured.filter(IdentityClaim.Thumbprint.class::isInstance)
                .map(c -> ((IdentityClaim.Thumbprint) c).primary());
    }

    /**
     * The Kerberos principal a client asks a ticket for to reach {@code target} (WCF's
     * {@code SecurityUtils.GetSpnFromIdentity}/{@code GetSpnFromTarget}): a {@code <userPrincipalName>} or
     * {@code <servicePrincipalName>} as written, {@code host/<name>} for a {@code <dns>} identity, and with no identity
     * {@code host/<the address's host>}.
     *
     * @throws MessageSecurityException WCF's {@code CannotDetermineSPNBasedOnAddress} for other identities
     */
    public String kerberosTarget(URI target) {
        IdentityClaim claim = configured.orElseGet(() -> IdentityClaim.ofAddress(target));
        if (claim instanceof IdentityClaim.Upn upn) {
            return upn.name();
        } else if (claim instanceof IdentityClaim.Spn spn) {
            return spn.name();
        } else if (claim instanceof IdentityClaim.Dns dns) {
            return "host/" + dns.name();
        }
        throw new MessageSecurityException(WcfText.CannotDetermineSPNBasedOnAddress.format(target));
    }

    /**
     * Checks {@code service}'s certificate before a message is sent to {@code target}.
     *
     * @throws MessageSecurityException WCF's identity-check texts
     */
    public void ensureOutgoing(URI target, X509Certificate service) {
        IdentityVerifier.ensureOutgoingIdentity(configured.orElseGet(() -> IdentityClaim.ofAddress(target)), target,
                CertificateClaims.of(service));
    }
}

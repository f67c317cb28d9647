package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import java.net.URI;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * What WCF's HTTPS channel factory makes of an endpoint's {@code <identity>} when the client authenticates
 * anonymously, the only HTTP authentication wcf4j runs ({@code HttpsChannelFactory.ValidateCreateChannelParameters},
 * {@code HttpTransportSecurityHelpers.AddServerCertMapping}):
 *
 * <ul>
 * <li>{@code <certificate>}, {@code <certificateReference>}: the server's certificate must have the identity
 * certificate's thumbprint, checked in the TLS handshake after the usual trust and host-name checks; a mismatch fails
 * the handshake (WCF's {@code HttpsServerCertThumbprintMismatch}, so the caller sees WCF's {@code TrustFailure}). An
 * identity with more than one certificate is refused ({@code HttpsIdentityMultipleCerts}).</li>
 * <li>{@code <dns>}, {@code <userPrincipalName>}, {@code <servicePrincipalName>}: not checked against the certificate:
 * WCF maps them to a Windows target name only for NTLM/Negotiate (wcf4j: the Kerberos principal HTTP Negotiate asks a
 * ticket for); the server is checked against the address's host name, as {@code SslStream} checks it.</li>
 * <li>{@code <rsa>}: refused ({@code HttpsExplicitIdentity}).</li>
 * </ul>
 */
public final class HttpsServerIdentity {
    private HttpsServerIdentity() {
    }

    /**
     * The check of the server's certificate an identity asks for, if any.
     *
     * @param address the endpoint's address (named by WCF's texts)
     * @param lookup  finds a {@code <certificateReference>}'s certificate
     * @throws IllegalArgumentException WCF's {@code HttpsExplicitIdentity} or {@code HttpsIdentityMultipleCerts}
     * @throws IllegalStateException    WCF's {@code UnableToLoadCertificateIdentity}
     */
    public static Optional<ServerCertificateCheck> check(Optional<EndpointIdentity> identity, URI address,
            CertificateLookup lookup) {
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        IdentityClaim claim = IdentityClaim.of(identity.get(), lookup);
        if (claim instanceof IdentityClaim.Thumbprint t) {
            if (t.certificates().size() > 1) {
                throw new IllegalArgumentException(WcfText.HttpsIdentityMultipleCerts.format(address));
            }
            return Optional.of(thumbprint(CertificateFind.thumbprintString(t.primary())));
        }
        if (claim instanceof IdentityClaim.Rsa) {
            throw new IllegalArgumentException(WcfText.HttpsExplicitIdentity.template());
        }
        return Optional.empty();
    }

    /** Whether a client over {@code binding} authenticates the service by its HTTPS certificate. */
    public static boolean appliesTo(Binding binding) {
        return binding.createBindingElements().stream().anyMatch(HttpsTransportBindingElement.class::isInstance);
    }

    private static ServerCertificateCheck thumbprint(String expected) {
        return chain -> {
            String actual = CertificateFind.thumbprintString(chain[0]);
            if (!actual.equals(expected)) {
                throw new CertificateException(WcfText.HttpsServerCertThumbprintMismatch.format(
                        DistinguishedNames.name(chain[0].getSubjectX500Principal()), actual, expected));
            }
        };
    }
}

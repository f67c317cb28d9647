package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.Optional;

/**
 * {@code <endpointBehaviors><behavior><clientCredentials>} (WCF {@code ClientCredentialsElement} →
 * {@code ClientCredentials}): the client's own certificate, the service certificates it knows and how it validates
 * them, and its Windows, digest, issued-token and peer settings. Every part holds WCF's defaults when its element is
 * absent. The user name and password are never in configuration: code supplies them.
 *
 * <p>As with {@link ServiceCredentials}, credentials alone never stop an endpoint; the security layer uses what its
 * mode needs.
 *
 * @param type                     a .NET {@code ClientCredentials} subclass, as written; {@code ""}
 * @param useIdentityConfiguration {@code false}
 * @param supportInteractive       {@code true} (CardSpace may prompt; meaningless on the JVM)
 * @param clientCertificate        {@code <clientCertificate>}, present when any attribute is written; defaults
 *                                 {@code CurrentUser}, {@code My}, {@code FindBySubjectDistinguishedName}
 * @param serviceCertificate       {@code <serviceCertificate>}
 * @param windows                  {@code <windows>}
 * @param httpDigest               {@code <httpDigest>}
 * @param issuedToken              {@code <issuedToken>}
 * @param peer                     {@code <peer>}
 */
public record ClientCredentials(String type, boolean useIdentityConfiguration, boolean supportInteractive,
        Optional<X509CertificateReference> clientCertificate, ServiceCertificateCredential serviceCertificate,
        WindowsClientCredential windows, HttpDigestClientCredential httpDigest,
        IssuedTokenClientCredential issuedToken, PeerCredential peer) {

    /** The behavior extension's name: {@code clientCredentials}. */
    public static final String CONFIG_NAME = "clientCredentials";
    /** {@code supportInteractive}: {@code true} (WCF {@code ClientCredentials.SupportInteractiveDefault}). */
    public static final boolean DEFAULT_SUPPORT_INTERACTIVE = true;

    public ClientCredentials {
        ArgumentChecks.notNull(type, "type");
        ArgumentChecks.notNull(clientCertificate, "clientCertificate");
        ArgumentChecks.notNull(serviceCertificate, "serviceCertificate");
        ArgumentChecks.notNull(windows, "windows");
        ArgumentChecks.notNull(httpDigest, "httpDigest");
        ArgumentChecks.notNull(issuedToken, "issuedToken");
        ArgumentChecks.notNull(peer, "peer");
    }

    /** An empty {@code <clientCredentials/>}: WCF's defaults throughout. */
    public static ClientCredentials defaults() {
        return new ClientCredentials("", false, DEFAULT_SUPPORT_INTERACTIVE, Optional.empty(),
                ServiceCertificateCredential.defaults(), WindowsClientCredential.defaults(),
                HttpDigestClientCredential.defaults(), IssuedTokenClientCredential.defaults(), PeerCredential.defaults());
    }
}

package io.github.wcf4j.runtime.security.message;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Who sent the message being processed (WCF {@code ServiceSecurityContext}), as service code reads it through
 * {@code OperationContext.current().serviceSecurityContext()}.
 *
 * @param primaryIdentityName {@code PrimaryIdentity.Name}: the user name for a {@code UsernameToken}; for a
 *                            certificate, WCF's {@code X509Identity} name "subject; thumbprint"
 *                            and for a Kerberos caller (SspiNegotiated) its client principal, e.g.
 *                            {@code alice@EXAMPLE.COM} (where Windows would say {@code EXAMPLE\alice})
 * @param authenticationType  {@code PrimaryIdentity.AuthenticationType}: {@code "UserName"}, {@code "X509"} or
 *                            {@code "Kerberos"}
 * @param certificate         the client's certificate, when it authenticated with one
 */
public record ServiceSecurityContext(String primaryIdentityName, String authenticationType,
        Optional<X509Certificate> certificate) {

    /** WCF's {@code ServiceSecurityContext.Anonymous}: a caller that proved nothing (AnonymousForCertificate). */
    public static ServiceSecurityContext anonymous() {
        return new ServiceSecurityContext("", "", Optional.empty());
    }

    /** Whether the caller proved nothing ({@code IsAnonymous}). */
    public boolean isAnonymous() {
        return authenticationType.isEmpty();
    }

    /** A caller that proved a user name and password (a {@code UsernameToken}, or HTTP Basic). */
    public static ServiceSecurityContext userName(String userName) {
        return new ServiceSecurityContext(userName, "UserName", Optional.empty());
    }

    /**
     * A caller the service's Kerberos acceptor authenticated (WCF's {@code WindowsIdentity}, "Kerberos"):
     * SspiNegotiated, Kerberos, KerberosOverTransport, or HTTP Negotiate. The principal only: the caller's Windows
     * groups travel in the ticket's PAC (MS-PAC authorization data), which JGSS does not expose portably, so
     * {@code includeWindowsGroups} cannot be honoured and no group is known; authorize by principal.
     */
    public static ServiceSecurityContext kerberos(String clientPrincipal) {
        return new ServiceSecurityContext(clientPrincipal, "Kerberos", Optional.empty());
    }

    /** A caller that proved a certificate (WCF's {@code X509Identity}, "X509"). */
    public static ServiceSecurityContext certificate(X509Certificate certificate) {
        return new ServiceSecurityContext(X509CertificateAuthentication.id(certificate), "X509",
                Optional.of(certificate));
    }
}

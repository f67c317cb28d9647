package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.Optional;

/**
 * {@code <serviceBehaviors><behavior><serviceCredentials>} (WCF {@code ServiceCredentialsElement} →
 * {@code ServiceCredentials}): the service's own certificate and how it authenticates its callers. Every part holds
 * WCF's defaults when its element is absent, as WCF's {@code ServiceCredentials} does.
 *
 * <p>Credentials do nothing on their own: a binding without message or transport security never looks at them (as in
 * WCF), so having them never stops an endpoint. The security layer uses the parts its binding's mode needs, and
 * refuses there what the JVM cannot do (a Windows logon, a membership provider, federation, the peer channel).
 *
 * @param type                             a .NET {@code ServiceCredentials} subclass, as written; {@code ""}
 * @param useIdentityConfiguration         {@code false}; {@code true} hands authentication to WIF
 * @param identityConfiguration            the WIF {@code <identityConfiguration>} name, {@code ""}
 * @param serviceCertificate               {@code <serviceCertificate>}, present when any attribute is written;
 *                                         defaults {@code LocalMachine}, {@code My},
 *                                         {@code FindBySubjectDistinguishedName}
 * @param clientCertificate                {@code <clientCertificate>}
 * @param userNameAuthentication           {@code <userNameAuthentication>}
 * @param windowsAuthentication            {@code <windowsAuthentication>}
 * @param issuedTokenAuthentication        {@code <issuedTokenAuthentication>}
 * @param secureConversationAuthentication {@code <secureConversationAuthentication>}
 * @param peer                             {@code <peer>}
 */
public record ServiceCredentials(String type, boolean useIdentityConfiguration, String identityConfiguration,
        Optional<X509CertificateReference> serviceCertificate, ClientCertificateCredential clientCertificate,
        UserNameAuthentication userNameAuthentication, WindowsServiceCredential windowsAuthentication,
        IssuedTokenServiceCredential issuedTokenAuthentication,
        SecureConversationServiceCredential secureConversationAuthentication, PeerCredential peer) {

    /** The behavior extension's name: {@code serviceCredentials}. */
    public static final String CONFIG_NAME = "serviceCredentials";

    public ServiceCredentials {
        ArgumentChecks.notNull(type, "type");
        ArgumentChecks.notNull(identityConfiguration, "identityConfiguration");
        ArgumentChecks.notNull(serviceCertificate, "serviceCertificate");
        ArgumentChecks.notNull(clientCertificate, "clientCertificate");
        ArgumentChecks.notNull(userNameAuthentication, "userNameAuthentication");
        ArgumentChecks.notNull(windowsAuthentication, "windowsAuthentication");
        ArgumentChecks.notNull(issuedTokenAuthentication, "issuedTokenAuthentication");
        ArgumentChecks.notNull(secureConversationAuthentication, "secureConversationAuthentication");
        ArgumentChecks.notNull(peer, "peer");
    }

    /** An empty {@code <serviceCredentials/>}: WCF's defaults throughout. */
    public static ServiceCredentials defaults() {
        return new ServiceCredentials("", false, "", Optional.empty(), ClientCertificateCredential.defaults(),
                UserNameAuthentication.defaults(), WindowsServiceCredential.defaults(),
                IssuedTokenServiceCredential.defaults(), SecureConversationServiceCredential.defaults(),
                PeerCredential.defaults());
    }
}

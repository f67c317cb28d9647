package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.netty.channel.ChannelPipeline;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * {@code windowsStreamSecurity} ({@code application/negotiate}; WCF's {@code WindowsStreamSecurityUpgradeProvider}): a
 * NegotiateStream ({@link NegotiateStreamHandler}) whose SPNEGO runs as Kerberos through JGSS
 * ({@link NegotiateContext}), with the {@link KerberosCredentials} of the JVM (the binding parameter, else the
 * {@code wcf4j.kerberos} setting) where Windows has the logged-on account.
 *
 * <ul>
 * <li>Client: its target is the endpoint identity's principal ({@code <servicePrincipalName>},
 * {@code <userPrincipalName>}, {@code host/<dns>}), else WCF's default {@code host/<address host>}
 * ({@link ExpectedServiceIdentity#kerberosTarget}); Kerberos proves that principal, and the context must be mutually
 * authenticated (WCF's {@code StreamMutualAuthNotSatisfied}).</li>
 * <li>Service: accepts any principal whose keys its credentials hold; the caller is the Kerberos client principal
 * ({@code Kerberos}), as HTTP Negotiate and SspiNegotiated name it; a client that offers NTLM only is refused.</li>
 * </ul>
 */
final class WindowsStreamUpgrade implements StreamUpgrade {
    static final String CONTENT_TYPE = "application/negotiate";

    private final WindowsStreamSecurityBindingElement element;
    private final Optional<KerberosCredentials> kerberos;
    private final ExpectedServiceIdentity identity;

    WindowsStreamUpgrade(WindowsStreamSecurityBindingElement element, Optional<KerberosCredentials> kerberos,
            ExpectedServiceIdentity identity) {
        this.element = element;
        this.kerberos = kerberos;
        this.identity = identity;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    private KerberosCredentials credentials(String role) {
        return kerberos.orElseThrow(() -> new IllegalStateException("windowsStreamSecurity (netTcpBinding's default"
                + " security, transport clientCredentialType=\"Windows\"): this " + role + " authenticates with"
                + " Windows credentials, which wcf4j runs as Kerberos through JGSS (SPNEGO in a NegotiateStream); no"
                + " Kerberos identity is configured, so it is not opened (never as anonymous, never with NTLM). Set the"
                + " system property " + KerberosCredentials.SETTING + " (or the environment variable "
                + KerberosCredentials.ENVIRONMENT + ") to a properties file naming krb5.conf, principal and keytab"
                + " (or ticketCache, or jaas.entry); see the README, \"Windows authentication\"."));
    }

    @Override
    public void open(boolean service) {
        KerberosCredentials c = credentials(service ? "service" : "client");
        if (service) {
            NegotiateContext.acceptorCredentials(c);
        } else {
            c.subject(true);
        }
    }

    @Override
    public void initiate(ChannelPipeline pipeline, EndpointAddress to, URI via, Executor work) {
        KerberosCredentials c = credentials("client");
        pipeline.addFirst("upgrade", new NegotiateStreamHandler(true, element.protectionLevel(), work, () -> {
            String target;
            try {
                target = identity.kerberosTarget(to.uri());
            } catch (MessageSecurityException e) {
                throw new SecurityNegotiationException(e.getMessage(), e);
            }
            return NegotiateContext.initiator(c, target, element.protectionLevel());
        }, context -> {
            if (!context.mutual()) {
                throw new SecurityNegotiationException(WcfText.StreamMutualAuthNotSatisfied.format(), null);
            }
            return ServiceSecurityContext.anonymous();
        }));
    }

    @Override
    public void accept(ChannelPipeline pipeline, URI via, Executor work) {
        KerberosCredentials c = credentials("service");
        pipeline.addFirst("upgrade", new NegotiateStreamHandler(false, element.protectionLevel(), work,
                () -> NegotiateContext.acceptor(c), context -> ServiceSecurityContext.kerberos(context.peer())));
    }
}

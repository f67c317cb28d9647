package io.github.wcf4j.binding.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** netTcpBinding expands as WCF's {@code NetTcpBinding.CreateBindingElements} (RS {@code TcpTransportSecurity}). */
class NetTcpBindingTest {

    private static List<String> names(NetTcpBinding b) {
        return b.createBindingElements().stream().map(BindingElement::configName).toList();
    }

    private static NetTcpBinding with(SecurityMode mode, TransportCredentialType credential) {
        NetTcpBinding d = NetTcpBinding.defaults("");
        StandardSecurity s = new StandardSecurity(mode, TransportSecurity.withClientCredential(credential),
                d.security().message());
        return new NetTcpBinding("", d.timeouts(), false, d.transactionProtocol(), d.transferMode(),
                d.hostNameComparisonMode(), 0, d.maxBufferPoolSize(), d.maxBufferSize(), 0,
                d.maxReceivedMessageSize(), false, d.readerQuotas(), d.reliableSession(), s);
    }

    private static NetTcpBinding twmc(MessageCredentialType type) {
        NetTcpBinding d = NetTcpBinding.defaults("");
        StandardSecurity s = new StandardSecurity(SecurityMode.TransportWithMessageCredential,
                TransportSecurity.withClientCredential(TransportCredentialType.Windows),
                new MessageSecurity(type, false, true, "Default"));
        return new NetTcpBinding("", d.timeouts(), false, d.transactionProtocol(), d.transferMode(),
                d.hostNameComparisonMode(), 0, d.maxBufferPoolSize(), d.maxBufferSize(), 0,
                d.maxReceivedMessageSize(), false, d.readerQuotas(), d.reliableSession(), s);
    }

    /**
     * TransportWithMessageCredential: a secure conversation (cancellable, no derived keys) over the credential's
     * transport bootstrap, as {@code MessageSecurityOverTcp.CreateSecurityBindingElement(isSecureTransportMode)}:
     * Windows is {@code CreateSspiNegotiationOverTransportBindingElement(true)} (issue 16: it was KerberosOverTransport),
     * None is refused with WCF's text.
     */
    @Test
    void transportWithMessageCredentialBootstrapsTheConversationAsWcf() {
        for (var c : List.of(List.of(MessageCredentialType.Windows, AuthenticationMode.SspiNegotiatedOverTransport),
                List.of(MessageCredentialType.UserName, AuthenticationMode.UserNameOverTransport),
                List.of(MessageCredentialType.Certificate, AuthenticationMode.CertificateOverTransport))) {
            SecurityBindingElement e = (SecurityBindingElement) twmc((MessageCredentialType) c.get(0))
                    .createBindingElements().get(1);
            assertEquals(AuthenticationMode.SecureConversation, e.authenticationMode());
            assertEquals(true, e.requireSecurityContextCancellation());
            assertEquals(false, e.requireDerivedKeys());
            SecurityBindingElement boot = e.secureConversationBootstrap().orElseThrow();
            assertEquals(c.get(1), boot.authenticationMode(), c.toString());
            assertEquals(e.messageSecurityVersion(), boot.messageSecurityVersion());
            if (c.get(0) == MessageCredentialType.Windows) {
                // SspiSecurityTokenParameters(requireCancellation: true): the SPNEGO token is no cookie
                assertEquals(true, boot.requireSecurityContextCancellation());
            }
        }
        BindingValidationException none = assertThrows(BindingValidationException.class,
                () -> twmc(MessageCredentialType.None).createBindingElements());
        assertEquals("ClientCredentialType.None is not valid for the TransportWithMessageCredential security mode."
                + " Specify a message credential type or use a different security mode.", none.getMessage());
    }

    @Test
    void securityNoneIsTransactionFlowBinaryEncodingAndTcp() {
        assertEquals(List.of("transactionFlow", "binaryMessageEncoding", "tcpTransport"),
                names(with(SecurityMode.None, TransportCredentialType.Windows)));
    }

    @Test
    void transportSecurityIsWindowsStreamSecurityForWindowsAndTlsForNoneAndCertificate() {
        assertEquals(new WindowsStreamSecurityBindingElement(ProtectionLevel.EncryptAndSign),
                with(SecurityMode.Transport, TransportCredentialType.Windows).createBindingElements().get(2));
        SslStreamSecurityBindingElement none = (SslStreamSecurityBindingElement) with(SecurityMode.Transport,
                TransportCredentialType.None).createBindingElements().get(2);
        assertEquals(false, none.requireClientCertificate());
        SslStreamSecurityBindingElement certificate = (SslStreamSecurityBindingElement) with(SecurityMode.Transport,
                TransportCredentialType.Certificate).createBindingElements().get(2);
        assertEquals(true, certificate.requireClientCertificate());
    }
    @Test
    void maxConnectionsSetsThePendingConnectionsAndThePoolsOutboundConnections() {
        NetTcpBinding d = NetTcpBinding.defaults("");
        NetTcpBinding b = new NetTcpBinding("", d.timeouts(), false, d.transactionProtocol(), d.transferMode(),
                d.hostNameComparisonMode(), 0, d.maxBufferPoolSize(), d.maxBufferSize(), 50,
                d.maxReceivedMessageSize(), false, d.readerQuotas(), d.reliableSession(), d.security());
        TcpTransportBindingElement tcp = b.transport().map(TcpTransportBindingElement.class::cast).orElseThrow();
        assertEquals(50, tcp.maxPendingConnections());
        assertEquals(50, tcp.connectionPoolSettings().maxOutboundConnectionsPerEndpoint());
        assertEquals(10, d.transport().map(TcpTransportBindingElement.class::cast).orElseThrow()
                .connectionPoolSettings().maxOutboundConnectionsPerEndpoint());
    }
}

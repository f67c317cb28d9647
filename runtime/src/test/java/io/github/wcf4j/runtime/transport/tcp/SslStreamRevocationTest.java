package io.github.wcf4j.runtime.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.RevocationPki;
import io.github.wcf4j.runtime.security.ServiceCertificateAuthentication;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.RevocationCheck;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.stack.BindingParameters;
import java.nio.file.Path;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WCF's revocation modes over {@code sslStreamSecurity}: the client's chain trust of the service's TLS certificate
 * with {@code Online} (WCF's default) fetches the CRL of the certificate's distribution point from a local HTTP
 * server; a revoked service certificate fails the handshake with WCF's {@code X509ChainBuildFail} text, and so does a
 * revoked client certificate on a service that checks it.
 */
class SslStreamRevocationTest {
    private static final String ECHO = "urn:DemoService/IDemoService/Echo";
    @TempDir
    static Path dir;
    static RevocationPki pki;
    static X509Credential good;
    static X509Credential revoked;
    static X509Credential client;
    static X509Credential revokedClient;

    private final UpgradeLoopback loop = new UpgradeLoopback();

    @BeforeAll
    static void pki() throws Exception {
        pki = RevocationPki.start(dir, "TlsRevocationCA");
        good = pki.leaf("localhost", pki.crlUri());
        revoked = pki.leaf("localhost", pki.crlUri());
        client = pki.leaf("client", pki.crlUri());
        revokedClient = pki.leaf("client", pki.crlUri());
        pki.serve(pki.crl(dir.resolve("ca.crl"), revoked.certificate(), revokedClient.certificate()));
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @AfterEach
    void close() {
        loop.close();
    }

    private static CustomBinding tls(boolean requireClientCertificate) {
        return CustomBinding.of("netTcpTls", BinaryMessageEncodingBindingElement.defaults(),
                new SslStreamSecurityBindingElement(requireClientCertificate, "Tls12"),
                TcpTransportBindingElement.defaults());
    }

    private static X509CertificateAuthentication online() {
        return X509CertificateAuthentication.chainTrust(List.of(pki.ca())).withRevocation(RevocationCheck.online());
    }

    private static Message echo(String text) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>"));
    }

    private static String id(X509Credential c) {
        return c.certificate().getSubjectX500Principal().getName(X500Principal.RFC1779) + "; "
                + CertificateFind.thumbprintString(c.certificate());
    }

    private DuplexSessionChannel open(X509Credential serviceCertificate) {
        ChannelListener<DuplexSessionChannel> listener = loop.listen(tls(false), new BindingParameters().put(
                ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(serviceCertificate)));
        return loop.track(loop.factory(tls(false), new BindingParameters()
                .put(ServiceCertificateAuthentication.class, new ServiceCertificateAuthentication(online())))
                .createChannel(EndpointAddress.of(listener.uri())));
    }

    @Test
    void aServiceCertificateThatIsNotRevokedPassesTheOnlineCheck() {
        int fetchedBefore = pki.fetches();
        ChannelListener<DuplexSessionChannel> listener = loop.listen(tls(false), new BindingParameters().put(
                ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(good)));
        DuplexSessionChannel c = loop.track(loop.factory(tls(false), new BindingParameters()
                .put(ServiceCertificateAuthentication.class, new ServiceCertificateAuthentication(online())))
                .createChannel(EndpointAddress.of(listener.uri())));
        loop.await(c.open(UpgradeLoopback.T));
        loop.await(c.send(echo("checked"), UpgradeLoopback.T));
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>checked</text></Echo>",
                loop.await(s.receive(UpgradeLoopback.T)).orElseThrow().body().xml());
        assertTrue(pki.fetches() > fetchedBefore || fetchedBefore > 0, "the CRL was fetched from its point");
    }

    @Test
    void aRevokedServiceCertificateFailsTheHandshakeWithWcfsText() {
        DuplexSessionChannel c = open(revoked);
        Throwable e = loop.failure(c.open(UpgradeLoopback.T));
        assertInstanceOf(SecurityNegotiationException.class, e);
        assertTrue(e.getMessage().contains(WcfText.X509ChainBuildFail.format(id(revoked),
                WcfText.X509ChainStatusRevoked.format() + " ")), e.getMessage());
    }

    @Test
    void aRevokedClientCertificateFailsTheHandshakeOnTheServiceAndIsNeverAccepted() {
        ChannelListener<DuplexSessionChannel> listener = loop.listen(tls(true), new BindingParameters().put(
                ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(good)
                        .withClientCertificateAuthentication(online())));
        DuplexSessionChannel refused = loop.track(clientOf(revokedClient).createChannel(
                EndpointAddress.of(listener.uri())));
        assertInstanceOf(SecurityNegotiationException.class, loop.failure(refused.open(UpgradeLoopback.T)));
        DuplexSessionChannel c = loop.track(clientOf(client).createChannel(EndpointAddress.of(listener.uri())));
        loop.await(c.open(UpgradeLoopback.T));
        loop.await(c.send(echo("second"), UpgradeLoopback.T));
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        Message first = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>second</text></Echo>", first.body().xml(),
                "the revoked client's session never reached the listener");
        assertEquals(client.certificate(), first.properties().get(ServiceSecurityContext.class).orElseThrow()
                .certificate().orElseThrow());
    }

    private ChannelFactory<DuplexSessionChannel> clientOf(X509Credential own) {
        return loop.factory(tls(true), new BindingParameters()
                .put(ClientCredentials.class, ClientCredentials.certificate(own))
                .put(ServiceCertificateAuthentication.class, new ServiceCertificateAuthentication(online())));
    }
}

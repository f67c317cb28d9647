package io.github.wcf4j.runtime.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.standard.MessageCredentialType;
import io.github.wcf4j.binding.standard.MessageSecurity;
import io.github.wcf4j.binding.standard.NetTcpBinding;
import io.github.wcf4j.binding.standard.SecurityMode;
import io.github.wcf4j.binding.standard.StandardSecurity;
import io.github.wcf4j.binding.standard.TransportCredentialType;
import io.github.wcf4j.binding.standard.TransportSecurity;
import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.ReceivedEnvelope;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netTcpBinding's {@code TransportWithMessageCredential} on loopback TCP, at the channel layer: the binding expands to
 * WCF's elements (a secure conversation over {@code UserNameOverTransport}, binary encoding, TLS without a client
 * certificate, TCP), the duplex session opens with a token request carrying the user's {@code UsernameToken} inside
 * TLS, and every application message then carries the context token endorsing its timestamp (no password, nothing
 * encrypted but by TLS); the service's messages carry a timestamp only.
 */
class TransportWithMessageCredentialTcpTest {
    private static final String ECHO = "urn:DemoService/IDemoService/Echo";
    @TempDir
    static Path dir;
    static X509Credential service;

    private final UpgradeLoopback loop = new UpgradeLoopback();

    @BeforeAll
    static void keys() throws Exception {
        Path file = SelfSignedKeyStore.create(dir.resolve("localhost.p12"), "localhost", "dns:localhost");
        service = X509Credential.fromKeyStore(file, SelfSignedKeyStore.PASSWORD, null);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    private static NetTcpBinding twmc(MessageCredentialType type) {
        NetTcpBinding d = NetTcpBinding.defaults("twmc");
        return new NetTcpBinding("twmc", d.timeouts(), false, d.transactionProtocol(), d.transferMode(),
                d.hostNameComparisonMode(), 0, d.maxBufferPoolSize(), d.maxBufferSize(), 0,
                d.maxReceivedMessageSize(), false, d.readerQuotas(), d.reliableSession(),
                new StandardSecurity(SecurityMode.TransportWithMessageCredential,
                        TransportSecurity.withClientCredential(TransportCredentialType.Windows),
                        new MessageSecurity(type, false, true, "Default")));
    }

    private static CustomBinding stack(NetTcpBinding b) {
        return CustomBinding.of("twmc", b.createBindingElements().toArray(BindingElement[]::new));
    }

    private static Message echo(String text) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>"));
    }

    @Test
    void theBindingExpandsToWcfsElements() {
        List<BindingElement> e = twmc(MessageCredentialType.UserName).createBindingElements();
        assertEquals(5, e.size(), e.toString());
        assertInstanceOf(TransactionFlowBindingElement.class, e.get(0));
        SecurityBindingElement security = assertInstanceOf(SecurityBindingElement.class, e.get(1));
        assertEquals(AuthenticationMode.SecureConversation, security.authenticationMode());
        assertTrue(security.requireSecurityContextCancellation());
        assertFalse(security.requireDerivedKeys(), "WCF's transport secure conversation derives no keys");
        assertEquals(AuthenticationMode.UserNameOverTransport,
                security.secureConversationBootstrap().orElseThrow().authenticationMode());
        assertInstanceOf(BinaryMessageEncodingBindingElement.class, e.get(2));
        assertFalse(assertInstanceOf(SslStreamSecurityBindingElement.class, e.get(3)).requireClientCertificate());
        assertInstanceOf(TcpTransportBindingElement.class, e.get(4));
        assertEquals(AuthenticationMode.CertificateOverTransport, ((SecurityBindingElement) twmc(
                MessageCredentialType.Certificate).createBindingElements().get(1)).secureConversationBootstrap()
                .orElseThrow().authenticationMode());
        // Windows: CreateSspiNegotiationOverTransportBindingElement(true) under the secure conversation
        // (MessageSecurityOverTcp.CreateSecurityBindingElement), not KerberosOverTransport
        SecurityBindingElement windows = (SecurityBindingElement) twmc(MessageCredentialType.Windows)
                .createBindingElements().get(1);
        assertEquals(AuthenticationMode.SecureConversation, windows.authenticationMode());
        assertTrue(windows.requireSecurityContextCancellation());
        assertFalse(windows.requireDerivedKeys());
        assertEquals(AuthenticationMode.SspiNegotiatedOverTransport,
                windows.secureConversationBootstrap().orElseThrow().authenticationMode());
    }

    /**
     * Windows credentials (issue 16): the session opens with an SPNEGO negotiation (Kerberos, against the embedded
     * KDC) inside TLS, its token endorsing the token request; then every message carries the session's context token
     * endorsing its timestamp, the Kerberos client principal the caller; no ticket, nothing encrypted but by TLS.
     */
    @Test
    void aWindowsSessionNegotiatesSpnegoInsideTlsAndTheKerberosPrincipalIsTheCaller() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        CustomBinding binding = stack(twmc(MessageCredentialType.Windows));
        ChannelListener<DuplexSessionChannel> listener = loop.listen(binding, new BindingParameters()
                .put(ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service))
                .put(KerberosCredentials.class, kdc.credentials("host/localhost")));
        ChannelFactory<DuplexSessionChannel> factory = loop.factory(binding, new BindingParameters()
                .put(ClientCredentials.class, ClientCredentials.none()
                        .withDefaultServiceCertificate(service.certificate()))
                .put(KerberosCredentials.class, kdc.credentials("alice")));
        DuplexSessionChannel c = loop.track(factory.createChannel(EndpointAddress.of(listener.uri())));
        CompletableFuture<Void> opening = c.open(UpgradeLoopback.T);
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        loop.await(opening);

        for (String text : List.of("first", "second")) {
            loop.await(c.send(echo(text), UpgradeLoopback.T));
            Message received = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
            assertEquals("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>", received.body().xml());
            assertEquals(ServiceSecurityContext.kerberos("alice@" + EmbeddedKdc.REALM),
                    received.properties().get(ServiceSecurityContext.class).orElseThrow());
            String wire = received.properties().get(ReceivedEnvelope.class).orElseThrow().xml();
            assertTrue(wire.contains("SecurityContextToken") && wire.contains("Timestamp")
                    && wire.contains("hmac-sha1"), wire);
            assertFalse(wire.contains("BinaryExchange") || wire.contains("BinarySecurityToken"),
                    "the SPNEGO negotiation is the session's opening, not the calls': " + wire);
            assertFalse(wire.contains("EncryptedData"), "nothing is encrypted but by TLS: " + wire);
        }
    }

    /** A client without a Kerberos identity cannot negotiate: its channel is refused by name, nothing sent. */
    @Test
    void aWindowsClientWithoutAKerberosIdentityIsRefusedByName() {
        CustomBinding binding = stack(twmc(MessageCredentialType.Windows));
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> loop.factory(binding, new BindingParameters().put(ClientCredentials.class,
                        ClientCredentials.none().withDefaultServiceCertificate(service.certificate()))));
        assertTrue(String.valueOf(e.getMessage()).contains("no Kerberos identity is configured"), e.toString());
    }

    @Test
    void aUserNameSessionRunsOverTlsAndEachMessageCarriesTheContextTokenNotThePassword() {
        CustomBinding binding = stack(twmc(MessageCredentialType.UserName));
        ChannelListener<DuplexSessionChannel> listener = loop.listen(binding, new BindingParameters()
                .put(ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)
                        .withUserNameValidator((user, password) -> {
                            if (!password.equals(user + "-pw")) {
                                throw new SecurityTokenValidationException("bad password");
                            }
                        })));
        ChannelFactory<DuplexSessionChannel> factory = loop.factory(binding, new BindingParameters().put(
                ClientCredentials.class, ClientCredentials.userName("alice", "alice-pw")
                        .withDefaultServiceCertificate(service.certificate())));
        DuplexSessionChannel c = loop.track(factory.createChannel(EndpointAddress.of(listener.uri())));
        CompletableFuture<Void> opening = c.open(UpgradeLoopback.T);
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        loop.await(opening);

        for (String text : List.of("first", "second")) {
            loop.await(c.send(echo(text), UpgradeLoopback.T));
            Message received = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
            assertEquals("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>", received.body().xml());
            ServiceSecurityContext caller = received.properties().get(ServiceSecurityContext.class).orElseThrow();
            assertEquals(ServiceSecurityContext.userName("alice"), caller);
            // the envelope as it travelled inside TLS
            String wire = received.properties().get(ReceivedEnvelope.class).orElseThrow().xml();
            assertTrue(wire.contains("SecurityContextToken") && wire.contains("Timestamp")
                    && wire.contains("hmac-sha1"), wire);
            assertFalse(wire.contains("UsernameToken") || wire.contains("alice-pw"), wire);
            assertFalse(wire.contains("EncryptedData"), "nothing is encrypted but by TLS: " + wire);
        }
        loop.await(s.send(echo("back"), UpgradeLoopback.T));
        Message back = loop.await(c.receive(UpgradeLoopback.T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>back</text></Echo>", back.body().xml());
        String wire = back.properties().get(ReceivedEnvelope.class).orElseThrow().xml();
        assertTrue(wire.contains("Timestamp") && !wire.contains("SecurityContextToken") && !wire.contains("Signature"),
                "the service's messages carry a timestamp only: " + wire);
    }

    /** A UTC clock a test moves: the system's time plus an offset. */
    private static final class MovingClock extends java.time.Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(offset);
        }
    }

    /**
     * Past the client's sessionKeyRenewalInterval (10 hours; both sides' clocks moved) the duplex session renews its
     * key over the transport bootstrap, WCF's way: an RST/SCT/Renew carrying the user's UsernameToken and the current
     * context token endorsing the timestamp, answered (correlated) by RSTR/SCT/Renew with a new key generation; the
     * application message then goes under that generation and the service sees the same caller.
     */
    @Test
    void aUserNameSessionRenewsItsKeyOverTheTransportBootstrap() {
        MovingClock time = new MovingClock();
        java.util.concurrent.atomic.AtomicInteger validated = new java.util.concurrent.atomic.AtomicInteger();
        CustomBinding binding = stack(twmc(MessageCredentialType.UserName));
        ChannelListener<DuplexSessionChannel> listener = loop.listen(binding, new BindingParameters()
                .put(java.time.Clock.class, time)
                .put(ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)
                        .withUserNameValidator((user, password) -> {
                            validated.incrementAndGet();
                            if (!password.equals(user + "-pw")) {
                                throw new SecurityTokenValidationException("bad password");
                            }
                        })));
        ChannelFactory<DuplexSessionChannel> factory = loop.factory(binding, new BindingParameters()
                .put(java.time.Clock.class, time)
                .put(ClientCredentials.class, ClientCredentials.userName("alice", "alice-pw")
                        .withDefaultServiceCertificate(service.certificate())));
        DuplexSessionChannel c = loop.track(factory.createChannel(EndpointAddress.of(listener.uri())));
        CompletableFuture<Void> opening = c.open(UpgradeLoopback.T);
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        loop.await(opening);
        loop.await(c.send(echo("before"), UpgradeLoopback.T));
        String first = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow().properties()
                .get(ReceivedEnvelope.class).orElseThrow().xml();
        assertFalse(first.contains("Instance"), "the key issued first: " + first);
        assertEquals(1, validated.get(), "the token request's UsernameToken");

        time.advance(Duration.ofHours(11));
        loop.await(c.send(echo("after"), UpgradeLoopback.T));
        Message received = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>after</text></Echo>", received.body().xml());
        assertEquals(ServiceSecurityContext.userName("alice"),
                received.properties().get(ServiceSecurityContext.class).orElseThrow());
        String wire = received.properties().get(ReceivedEnvelope.class).orElseThrow().xml();
        assertTrue(wire.contains("Instance>urn:uuid:"), "the new key generation: " + wire);
        assertFalse(wire.contains("UsernameToken"), wire);
        assertEquals(2, validated.get(), "the renewal carried the user's UsernameToken, validated again");
    }

    /**
     * A secure conversation over SspiNegotiatedOverTransport on a duplex session (a customBinding: netTcpBinding's
     * Windows credential expands to KerberosOverTransport): the SPNEGO legs (Kerberos, from the embedded KDC) travel
     * unsecured inside TLS over the session, the RST/SCT is endorsed by the negotiated token, then each message by
     * the context token alone, the Kerberos principal the caller; the service's messages under a timestamp; past the
     * renewal interval the key is renewed (a new generation) and the caller is unchanged.
     */
    @Test
    void aSecureConversationOverSspiNegotiatedOverTransportRunsOverADuplexSession() {
        io.github.wcf4j.runtime.security.EmbeddedKdc kdc = io.github.wcf4j.runtime.security.EmbeddedKdc.shared();
        MovingClock time = new MovingClock();
        CustomBinding binding = CustomBinding.of("windows", SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireDerivedKeys(false)
                .requireSecurityContextCancellation(true)
                .bootstrap(SecurityBindingElement.builder()
                        .authenticationMode(AuthenticationMode.SspiNegotiatedOverTransport).build()).build(),
                io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement.defaults(),
                SslStreamSecurityBindingElement.defaults(),
                io.github.wcf4j.binding.transport.TcpTransportBindingElement.defaults());
        ChannelListener<DuplexSessionChannel> listener = loop.listen(binding, new BindingParameters()
                .put(java.time.Clock.class, time)
                .put(io.github.wcf4j.runtime.security.KerberosCredentials.class, kdc.credentials("host/localhost"))
                .put(ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)));
        ChannelFactory<DuplexSessionChannel> factory = loop.factory(binding, new BindingParameters()
                .put(java.time.Clock.class, time)
                .put(io.github.wcf4j.runtime.security.KerberosCredentials.class, kdc.credentials("alice"))
                .put(ClientCredentials.class, ClientCredentials.none()
                        .withDefaultServiceCertificate(service.certificate())));
        DuplexSessionChannel c = loop.track(factory.createChannel(EndpointAddress.of(listener.uri())));
        CompletableFuture<Void> opening = c.open(UpgradeLoopback.T);
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        loop.await(opening);
        String alice = "alice@" + io.github.wcf4j.runtime.security.EmbeddedKdc.REALM;

        loop.await(c.send(echo("first"), UpgradeLoopback.T));
        Message received = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>first</text></Echo>", received.body().xml());
        assertEquals(alice, received.properties().get(ServiceSecurityContext.class).orElseThrow()
                .primaryIdentityName());
        String wire = received.properties().get(ReceivedEnvelope.class).orElseThrow().xml();
        assertEquals(1, wire.split("SecurityContextToken ", -1).length - 1, "the context token alone: " + wire);
        assertTrue(wire.contains("hmac-sha1") && !wire.contains("EncryptedData") && !wire.contains("BinaryExchange"),
                wire);
        loop.await(s.send(echo("back"), UpgradeLoopback.T));
        Message back = loop.await(c.receive(UpgradeLoopback.T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>back</text></Echo>", back.body().xml());
        String backWire = back.properties().get(ReceivedEnvelope.class).orElseThrow().xml();
        assertTrue(backWire.contains("Timestamp") && !backWire.contains("Signature"), backWire);

        time.advance(Duration.ofHours(11));
        loop.await(c.send(echo("renewed"), UpgradeLoopback.T));
        Message after = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>renewed</text></Echo>", after.body().xml());
        assertEquals(alice, after.properties().get(ServiceSecurityContext.class).orElseThrow()
                .primaryIdentityName());
        String afterWire = after.properties().get(ReceivedEnvelope.class).orElseThrow().xml();
        assertTrue(afterWire.contains("Instance>urn:uuid:"), "the renewed key generation: " + afterWire);
        loop.await(c.close(UpgradeLoopback.T));
    }
}

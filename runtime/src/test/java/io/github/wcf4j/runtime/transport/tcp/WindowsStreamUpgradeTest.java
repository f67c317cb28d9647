package io.github.wcf4j.runtime.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.encoding.binary.GoldenVectors;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.CertificateLookup;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.stack.BindingParameters;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code windowsStreamSecurity} on the wire against the embedded KDC: UpgradeRequest {@code application/negotiate},
 * the [MS-NNS] handshake messages, then PreambleEnd, PreambleAck and the session in NNS data messages; the Kerberos
 * client principal is the service's caller; a wrong service principal and NTLM are refused.
 */
class WindowsStreamUpgradeTest {
    private static final String ECHO = "urn:DemoService/IDemoService/Echo";
    @TempDir
    static Path dir;
    private final UpgradeLoopback loop = new UpgradeLoopback();
    private final EmbeddedKdc kdc = EmbeddedKdc.shared();

    @AfterEach
    void close() {
        loop.close();
    }

    private static CustomBinding windows(ProtectionLevel level) {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        TcpTransportBindingElement large = new TcpTransportBindingElement(false, d.maxBufferPoolSize(), 1 << 20,
                d.connectionBufferSize(), d.hostNameComparisonMode(), d.channelInitializationTimeout(), 1 << 20,
                0, d.maxOutputDelay(), 0, d.transferMode(), 0, false, false, d.connectionPoolSettings());
        return CustomBinding.of("netTcpWindows", BinaryMessageEncodingBindingElement.defaults(),
                new WindowsStreamSecurityBindingElement(level), large);
    }

    private ChannelListener<DuplexSessionChannel> listen(ProtectionLevel level) {
        return loop.listen(windows(level), new BindingParameters().put(KerberosCredentials.class,
                kdc.credentials("host/localhost")));
    }

    private ChannelFactory<DuplexSessionChannel> factory(ProtectionLevel level, BindingParameters p) {
        return loop.factory(windows(level), p.put(KerberosCredentials.class, kdc.credentials("alice")));
    }

    private static Message echo(String text) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>"));
    }

    @ParameterizedTest
    @EnumSource(ProtectionLevel.class)
    void aSessionRunsInANegotiateStreamAndTheServiceKnowsTheKerberosCaller(ProtectionLevel level) {
        ChannelListener<DuplexSessionChannel> listener = listen(level);
        DuplexSessionChannel c = loop.track(factory(level, new BindingParameters()).createChannel(
                EndpointAddress.of(listener.uri())));
        loop.await(c.open(UpgradeLoopback.T));
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        // more than two data messages (each at most 0xFC30 bytes), in strings within the reader quotas
        String big = ("<text>" + "x".repeat(8000) + "</text>").repeat(20);
        loop.await(c.send(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\">" + big + "</Echo>")), UpgradeLoopback.T));
        Message received = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
        String body = received.body().xml();
        assertTrue(body.equals("<Echo xmlns=\"urn:DemoService\">" + big + "</Echo>"), () -> "a body of "
                + body.length() + " characters");
        ServiceSecurityContext caller = received.properties().get(ServiceSecurityContext.class).orElseThrow();
        assertEquals("Kerberos", caller.authenticationType());
        assertEquals("alice@" + EmbeddedKdc.REALM, caller.primaryIdentityName());
        loop.await(s.send(echo("back"), UpgradeLoopback.T));
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>back</text></Echo>",
                loop.await(c.receive(UpgradeLoopback.T)).orElseThrow().body().xml());
    }

    @Test
    void aServicePrincipalTheKdcDoesNotKnowIsRefusedAndTheListenerServesOn() {
        ChannelListener<DuplexSessionChannel> listener = listen(ProtectionLevel.EncryptAndSign);
        ExpectedServiceIdentity unknown = ExpectedServiceIdentity.of(Optional.of(new EndpointIdentity.ServicePrincipalName(
                "host/nobody.example")), new CertificateLookup(CertificateStores.folders(dir)));
        DuplexSessionChannel refused = loop.track(factory(ProtectionLevel.EncryptAndSign, new BindingParameters()
                .put(ExpectedServiceIdentity.class, unknown)).createChannel(EndpointAddress.of(listener.uri())));
        Throwable e = loop.failure(refused.open(UpgradeLoopback.T));
        assertInstanceOf(SecurityNegotiationException.class, e);
        assertEquals(WcfText.net_auth_bad_client_creds_or_target_mismatch.format(), e.getMessage());
        assertTrue(e.getCause().getMessage().contains("'host/nobody.example'"), e.getCause().getMessage());
        DuplexSessionChannel c = loop.track(factory(ProtectionLevel.EncryptAndSign, new BindingParameters())
                .createChannel(EndpointAddress.of(listener.uri())));
        loop.await(c.open(UpgradeLoopback.T));
        loop.await(c.send(echo("after"), UpgradeLoopback.T));
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>after</text></Echo>",
                loop.await(s.receive(UpgradeLoopback.T)).orElseThrow().body().xml());
    }

    @Test
    void aServiceWithOtherKeysThanTheTargetedPrincipalRefusesTheClientWithTheErrorMessage() throws Exception {
        // the client asks a ticket for host/localhost; this service holds only another principal's keys
        ChannelListener<DuplexSessionChannel> listener = loop.listen(windows(ProtectionLevel.EncryptAndSign),
                new BindingParameters().put(KerberosCredentials.class, kdc.credentials("calculator/other.example")));
        DuplexSessionChannel c = loop.track(factory(ProtectionLevel.EncryptAndSign, new BindingParameters())
                .createChannel(EndpointAddress.of(listener.uri())));
        Throwable e = loop.failure(c.open(UpgradeLoopback.T));
        assertInstanceOf(SecurityNegotiationException.class, e);
        assertEquals(WcfText.net_auth_bad_client_creds.format(), e.getMessage(), "the service's Error message");
    }

    @Test
    void aClientOfferingNtlmOnlyGetsTheErrorMessageAndIsClosed() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listen(ProtectionLevel.EncryptAndSign);
        byte[] ntlm = "NTLMSSP\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            OutputStream out = raw.getOutputStream();
            out.write(UpgradeLoopback.preambleWithUpgrade(listener.uri(), "application/negotiate"));
            DataInputStream in = new DataInputStream(raw.getInputStream());
            assertEquals(0x0A, in.readUnsignedByte());
            out.write(new byte[] {0x16, 1, 0, 0, (byte) ntlm.length});
            out.write(ntlm);
            loop.pumpUntilReadable(in);
            assertArrayEquals(new byte[] {0x15, 1, 0, 0, 8, 0, 0, 0, 0, (byte) 0x80, 0x09, 0x03, 0x0C},
                    UpgradeLoopback.readBytes(in, 13), "HandshakeError SEC_E_LOGON_DENIED");
            assertEquals(-1, in.read());
        }
    }

    /**
     * A stock WCF client's first bytes (pynettcp's {@code framing_transport.json}: netTcpBinding's default security,
     * Windows without a domain, so its SPNEGO token is NTLM), sent in one write: the service answers UpgradeResponse,
     * then, the token offering NTLM, a HandshakeError ({@code SEC_E_LOGON_DENIED}), and closes; a wcf4j client writes
     * the same preamble and UpgradeRequest, byte for byte.
     */
    @Test
    void aWcfClientsPreambleAndNtlmHandshakeAreReadAndItsNtlmRefused() throws Exception {
        byte[] wcf = GoldenVectors.hex("pynettcp-framing-transport.c2s-first.hex");
        int preamble = 61;
        assertArrayEquals(Arrays.copyOf(wcf, preamble), UpgradeLoopback.preambleWithUpgrade(
                URI.create("net.tcp://localhost:8898/Demo"), "application/negotiate"));
        ChannelListener<DuplexSessionChannel> listener = listen(ProtectionLevel.EncryptAndSign);
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            // the capture's Via names port 8898; the service routes by path
            raw.getOutputStream().write(wcf); // the handshake in the read of the UpgradeRequest: the pitfall too
            DataInputStream in = new DataInputStream(raw.getInputStream());
            assertEquals(0x0A, in.readUnsignedByte());
            loop.pumpUntilReadable(in);
            assertArrayEquals(new byte[] {0x15, 1, 0, 0, 8, 0, 0, 0, 0, (byte) 0x80, 0x09, 0x03, 0x0C},
                    UpgradeLoopback.readBytes(in, 13));
            assertEquals(-1, in.read());
        }
    }

    /**
     * The pitfall at the client: bytes that follow UpgradeResponse in the same read (here the service's HandshakeError)
     * belong to the NegotiateStream, not to the framing.
     */
    @Test
    void bytesAfterTheUpgradeResponseInItsReadGoToTheNegotiateStream() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            URI via = URI.create("net.tcp://localhost:" + server.getLocalPort() + "/Demo");
            kdc.credentials("host/localhost"); // the principal the client asks a ticket for exists
            DuplexSessionChannel c = loop.track(factory(ProtectionLevel.EncryptAndSign, new BindingParameters())
                    .createChannel(EndpointAddress.of(via)));
            var opening = c.open(UpgradeLoopback.T);
            try (Socket raw = server.accept()) {
                raw.setSoTimeout(30_000);
                DataInputStream in = new DataInputStream(raw.getInputStream());
                UpgradeLoopback.readBytes(in, UpgradeLoopback.preambleWithUpgrade(via, "application/negotiate").length);
                raw.getOutputStream().write(new byte[] {0x0A, 0x15, 1, 0, 0, 8, 0, 0, 0, 0, (byte) 0x80, 0x09, 0x03,
                    0x0C});
                Throwable e = loop.failure(opening);
                assertInstanceOf(SecurityNegotiationException.class, e);
                assertEquals(WcfText.net_auth_bad_client_creds.format(), e.getMessage());
            }
        }
    }

    /** The client's bytes: the preamble without PreambleEnd, UpgradeRequest, then after {@code 0a} a {@code 16} message. */
    @Test
    void theClientSendsTheNnsHandshakeAfterTheUpgradeResponse() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            URI via = URI.create("net.tcp://localhost:" + server.getLocalPort() + "/Demo");
            kdc.credentials("host/localhost"); // the principal the client asks a ticket for exists
            DuplexSessionChannel c = loop.track(factory(ProtectionLevel.EncryptAndSign, new BindingParameters())
                    .createChannel(EndpointAddress.of(via)));
            var opening = c.open(UpgradeLoopback.T);
            try (Socket raw = server.accept()) {
                raw.setSoTimeout(30_000);
                DataInputStream in = new DataInputStream(raw.getInputStream());
                byte[] expected = UpgradeLoopback.preambleWithUpgrade(via, "application/negotiate");
                assertArrayEquals(expected, UpgradeLoopback.readBytes(in, expected.length));
                raw.getOutputStream().write(0x0A);
                loop.pumpUntilReadable(in); // the first GSS step runs on the scheduler's executor
                byte[] header = UpgradeLoopback.readBytes(in, 5);
                assertArrayEquals(new byte[] {0x16, 1, 0}, Arrays.copyOf(header, 3), "HandshakeInProgress 1.0");
                int size = (header[3] & 0xff) << 8 | (header[4] & 0xff);
                byte[] token = UpgradeLoopback.readBytes(in, size);
                assertEquals(0x60, token[0] & 0xff, "a SPNEGO NegTokenInit (GSS-API InitialContextToken)");
                raw.getOutputStream().write(new byte[] {0x15, 1, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0x06, (byte) 0xFE});
                Throwable e = loop.failure(opening);
                assertEquals(WcfText.net_auth_bad_client_creds_or_target_mismatch.format(), e.getMessage());
            }
        }
    }
}

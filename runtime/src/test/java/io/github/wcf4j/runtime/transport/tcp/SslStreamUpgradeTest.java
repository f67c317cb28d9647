package io.github.wcf4j.runtime.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.CertificateLookup;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sslStreamSecurity} on the wire: UpgradeRequest {@code application/ssl-tls}, UpgradeResponse, TLS, then
 * PreambleEnd, PreambleAck and the session inside TLS; certificates checked on both ends; the read-boundary pitfall;
 * faults and the initialization timeout.
 */
class SslStreamUpgradeTest {
    private static final String ECHO = "urn:DemoService/IDemoService/Echo";
    @TempDir
    static Path dir;
    static X509Credential service;
    static X509Credential client;
    static X509Credential stranger;

    private final UpgradeLoopback loop = new UpgradeLoopback();

    private static CustomBinding tls(boolean requireClientCertificate) {
        return CustomBinding.of("netTcpTls", BinaryMessageEncodingBindingElement.defaults(),
                new SslStreamSecurityBindingElement(requireClientCertificate, "Tls12"),
                TcpTransportBindingElement.defaults());
    }

    @BeforeAll
    static void keys() throws Exception {
        service = credential("localhost");
        client = credential("client");
        stranger = credential("stranger");
    }

    private static X509Credential credential(String cn) throws Exception {
        Path file = SelfSignedKeyStore.create(dir.resolve(cn + ".p12"), cn, "dns:" + cn);
        return X509Credential.fromKeyStore(file, SelfSignedKeyStore.PASSWORD, null);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    private ChannelListener<DuplexSessionChannel> listenTrustingClient() {
        return loop.listen(tls(true), new BindingParameters().put(ServiceCredentials.class, ServiceCredentials
                .defaults().withServiceCertificate(service)
                .withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(List.of(
                        client.certificate())))));
    }

    private ChannelFactory<DuplexSessionChannel> clientFactory(X509Credential own) {
        return loop.factory(tls(true), new BindingParameters().put(ClientCredentials.class,
                ClientCredentials.certificate(own).withDefaultServiceCertificate(service.certificate())));
    }

    private static Message echo(String text) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>"));
    }

    @Test
    void aSessionRunsInsideTlsAndTheServiceKnowsTheClientByItsCertificate() {
        ChannelListener<DuplexSessionChannel> listener = listenTrustingClient();
        DuplexSessionChannel c = loop.track(clientFactory(client).createChannel(EndpointAddress.of(listener.uri())));
        loop.await(c.open(UpgradeLoopback.T));
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        loop.await(c.send(echo("over TLS"), UpgradeLoopback.T));
        Message received = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>over TLS</text></Echo>", received.body().xml());
        ServiceSecurityContext caller = received.properties().get(ServiceSecurityContext.class).orElseThrow();
        assertEquals("X509", caller.authenticationType());
        assertEquals(client.certificate(), caller.certificate().orElseThrow());
        loop.await(s.send(echo("back"), UpgradeLoopback.T));
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>back</text></Echo>",
                loop.await(c.receive(UpgradeLoopback.T)).orElseThrow().body().xml());
    }

    /**
     * Streamed transfer inside TLS: each request's connection upgrades and carries one exchange (upgraded connections
     * are not pooled).
     */
    @Test
    void streamedRequestsRunInsideTlsOneAfterAnotherAndTheServiceKnowsTheClientByItsCertificate() {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        CustomBinding streamed = CustomBinding.of("netTcpTlsStreamed", BinaryMessageEncodingBindingElement.defaults(),
                new SslStreamSecurityBindingElement(true, "Tls12"), new TcpTransportBindingElement(false,
                        d.maxBufferPoolSize(), d.maxReceivedMessageSize(), d.connectionBufferSize(),
                        d.hostNameComparisonMode(), d.channelInitializationTimeout(), d.maxBufferSize(),
                        d.maxPendingConnections(), d.maxOutputDelay(), d.maxPendingAccepts(), TransferMode.Streamed,
                        d.listenBacklog(), false, false, d.connectionPoolSettings()));
        ChannelListener<ReplyChannel> listener = loop.track(loop.builder.buildListener(streamed, ChannelType.REPLY,
                new BindingParameters().put(ServiceCredentials.class, ServiceCredentials.defaults()
                        .withServiceCertificate(service).withClientCertificateAuthentication(
                                X509CertificateAuthentication.peerTrust(List.of(client.certificate()))))
                        .put(Scheduler.class, loop.clock).put(ListenAddress.class,
                                ListenAddress.explicit(URI.create("net.tcp://localhost:0/Up")))));
        loop.await(listener.open(UpgradeLoopback.T));
        ReplyChannel replies = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(replies.open(UpgradeLoopback.T));
        ChannelFactory<RequestChannel> factory = loop.track(loop.builder.buildFactory(streamed, ChannelType.REQUEST,
                new BindingParameters().put(ClientCredentials.class, ClientCredentials.certificate(client)
                        .withDefaultServiceCertificate(service.certificate())).put(Scheduler.class, loop.clock)));
        loop.await(factory.open(UpgradeLoopback.T));
        RequestChannel c = loop.track(factory.createChannel(EndpointAddress.of(listener.uri())));
        loop.await(c.open(UpgradeLoopback.T));
        for (String text : List.of("first", "second")) {
            Message request = echo(text);
            var pending = c.request(request, UpgradeLoopback.T);
            RequestContext received = loop.await(replies.receiveRequest(UpgradeLoopback.T)).orElseThrow();
            assertEquals("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>",
                    received.requestMessage().body().xml());
            ServiceSecurityContext caller = received.requestMessage().properties().get(ServiceSecurityContext.class)
                    .orElseThrow();
            assertEquals(client.certificate(), caller.certificate().orElseThrow());
            Message reply = echo("re " + text);
            reply.headers().relatesTo(request.headers().messageId());
            loop.await(received.reply(reply, UpgradeLoopback.T));
            assertEquals(request.headers().messageId(), loop.await(pending).headers().relatesTo());
        }
    }

    @Test
    void anUntrustedClientCertificateIsRefusedInTheHandshakeAndTheListenerServesOn() {
        ChannelListener<DuplexSessionChannel> listener = listenTrustingClient();
        DuplexSessionChannel refused = loop.track(clientFactory(stranger).createChannel(
                EndpointAddress.of(listener.uri())));
        Throwable e = loop.failure(refused.open(UpgradeLoopback.T));
        assertInstanceOf(SecurityNegotiationException.class, e);
        DuplexSessionChannel c = loop.track(clientFactory(client).createChannel(EndpointAddress.of(listener.uri())));
        loop.await(c.open(UpgradeLoopback.T));
        loop.await(c.send(echo("second"), UpgradeLoopback.T));
        DuplexSessionChannel s = loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        loop.await(s.open(UpgradeLoopback.T));
        Message first = loop.await(s.receive(UpgradeLoopback.T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>second</text></Echo>", first.body().xml(),
                "the refused client's session never reached the listener");
    }

    @Test
    void aServiceWhoseCertificateDoesNotMatchTheDnsIdentityIsRefusedByTheClient() {
        ChannelListener<DuplexSessionChannel> listener = loop.listen(tls(false), new BindingParameters().put(
                ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)));
        ExpectedServiceIdentity elsewhere = ExpectedServiceIdentity.of(Optional.of(new EndpointIdentity.Dns(
                "elsewhere.example")), new CertificateLookup(CertificateStores.folders(dir)));
        // trusted (its certificate given as the default service certificate) but not whom the identity names
        ChannelFactory<DuplexSessionChannel> f = loop.factory(tls(false), new BindingParameters()
                .put(ClientCredentials.class, ClientCredentials.none().withDefaultServiceCertificate(
                        service.certificate()))
                .put(ExpectedServiceIdentity.class, elsewhere));
        DuplexSessionChannel c = loop.track(f.createChannel(EndpointAddress.of(listener.uri())));
        Throwable e = loop.failure(c.open(UpgradeLoopback.T));
        assertInstanceOf(SecurityNegotiationException.class, e);
        assertTrue(e.getMessage().contains("The expected DNS identity of the remote endpoint was 'elsewhere.example'"),
                e.getMessage());
    }

    @Test
    void anUntrustedServiceCertificateIsRefusedByTheClient() {
        ChannelListener<DuplexSessionChannel> listener = loop.listen(tls(false), new BindingParameters().put(
                ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)));
        ChannelFactory<DuplexSessionChannel> f = loop.factory(tls(false), new BindingParameters());
        DuplexSessionChannel c = loop.track(f.createChannel(EndpointAddress.of(listener.uri())));
        Throwable e = loop.failure(c.open(UpgradeLoopback.T));
        assertInstanceOf(SecurityNegotiationException.class, e);
        assertTrue(e.getMessage().contains("is not trusted"), e.getMessage());
    }

    @Test
    void theClientAsksForTheUpgradeInsteadOfPreambleEnd() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            URI via = URI.create("net.tcp://localhost:" + server.getLocalPort() + "/Demo");
            ChannelFactory<DuplexSessionChannel> f = clientFactory(client);
            DuplexSessionChannel c = loop.track(f.createChannel(EndpointAddress.of(via)));
            var opening = c.open(UpgradeLoopback.T);
            try (Socket raw = server.accept()) {
                raw.setSoTimeout(30_000);
                byte[] expected = UpgradeLoopback.preambleWithUpgrade(via, "application/ssl-tls");
                DataInputStream in = new DataInputStream(raw.getInputStream());
                assertArrayEquals(expected, UpgradeLoopback.readBytes(in, expected.length));
                raw.getOutputStream().write(0x0A);
                byte[] hello = UpgradeLoopback.readBytes(in, 3);
                assertEquals(0x16, hello[0], "a TLS handshake record follows the UpgradeResponse");
                assertEquals(0x03, hello[1]);
            }
            assertInstanceOf(Exception.class, loop.failure(opening));
        }
    }

    /**
     * The pitfall at the client: bytes that follow UpgradeResponse in the same read (here a TLS alert) belong to TLS,
     * not to the framing (which would call {@code 15} an unknown record).
     */
    @Test
    void bytesAfterTheUpgradeResponseInItsReadGoToTls() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            URI via = URI.create("net.tcp://localhost:" + server.getLocalPort() + "/Demo");
            DuplexSessionChannel c = loop.track(clientFactory(client).createChannel(EndpointAddress.of(via)));
            var opening = c.open(UpgradeLoopback.T);
            try (Socket raw = server.accept()) {
                raw.setSoTimeout(30_000);
                DataInputStream in = new DataInputStream(raw.getInputStream());
                UpgradeLoopback.readBytes(in, UpgradeLoopback.preambleWithUpgrade(via, "application/ssl-tls").length);
                // UpgradeResponse, then a fatal handshake_failure alert, in one write
                raw.getOutputStream().write(new byte[] {0x0A, 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
                Throwable e = loop.failure(opening);
                assertInstanceOf(SecurityNegotiationException.class, e);
                assertTrue(e.getMessage().startsWith("The TLS stream upgrade failed"), e.getMessage());
            }
        }
    }

    @Test
    void aClientWithTlsToAServiceWithoutItGetsWcfsUpgradeInvalidText() {
        ChannelListener<DuplexSessionChannel> plain = loop.listen(CustomBinding.of("plain",
                BinaryMessageEncodingBindingElement.defaults(), TcpTransportBindingElement.defaults()),
                new BindingParameters());
        DuplexSessionChannel c = loop.track(clientFactory(client).createChannel(EndpointAddress.of(plain.uri())));
        Throwable e = loop.failure(c.open(UpgradeLoopback.T));
        assertInstanceOf(io.github.wcf4j.runtime.channel.ProtocolException.class, e);
        assertEquals(io.github.wcf4j.binding.WcfText.FramingUpgradeInvalid.format(plain.uri()), e.getMessage());
    }

    @Test
    void anUnknownUpgradeIsFaultedUpgradeInvalid() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listenTrustingClient();
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            raw.getOutputStream().write(UpgradeLoopback.preambleWithUpgrade(listener.uri(), "application/negotiate"));
            byte[] fault = raw.getInputStream().readAllBytes();
            assertEquals(0x08, fault[0]);
            assertEquals("http://schemas.microsoft.com/ws/2006/05/framing/faults/UpgradeInvalid",
                    UpgradeLoopback.fault(fault));
        }
    }

    @Test
    void aClientThatSkipsTheUpgradeIsClosedWithoutAFault() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listenTrustingClient();
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            raw.getOutputStream().write(FramingWriter.preamble(listener.uri(), FramingEncoding.from(
                    new BindingParameters())));
            assertEquals(0, raw.getInputStream().readAllBytes().length);
        }
    }

    @Test
    void anUpgradeThatNeverCompletesIsCutOffByTheChannelInitializationTimeout() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listenTrustingClient();
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            raw.getOutputStream().write(UpgradeLoopback.preambleWithUpgrade(listener.uri(), "application/ssl-tls"));
            InputStream in = raw.getInputStream();
            assertEquals(0x0A, in.read());
            loop.clock.advanceBy(TcpTransportBindingElement.DEFAULT_CHANNEL_INITIALIZATION_TIMEOUT.minusSeconds(1));
            raw.getOutputStream().write(0x16); // a handshake that stops after one byte
            raw.getOutputStream().flush();
            loop.clock.advanceBy(java.time.Duration.ofSeconds(1));
            assertEquals(-1, in.read(), "closed at channelInitializationTimeout");
        }
    }

    /**
     * The pitfall of [MC-NMF] §5.1 at the service: the ClientHello arrives in the same read as the UpgradeRequest (one
     * write), or split from it at any byte: the service hands the bytes past the request to TLS, never to framing.
     */
    @Test
    void handshakeBytesInTheReadOfTheUpgradeRequestGoToTls() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = loop.listen(tls(false), new BindingParameters().put(
                ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)));
        byte[] request = UpgradeLoopback.preambleWithUpgrade(listener.uri(), "application/ssl-tls");
        for (int split = 0; split <= request.length + 4; split += split < request.length - 3 ? 7 : 1) {
            SSLEngine engine = trustingClientEngine();
            byte[] hello = wrap(engine, new byte[0]);
            byte[] all = concat(request, hello);
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
                raw.setSoTimeout(30_000);
                raw.setTcpNoDelay(true);
                OutputStream out = raw.getOutputStream();
                out.write(Arrays.copyOfRange(all, 0, split));
                out.flush();
                out.write(Arrays.copyOfRange(all, split, all.length));
                out.flush();
                DataInputStream in = new DataInputStream(raw.getInputStream());
                assertEquals(0x0A, in.readUnsignedByte(), "UpgradeResponse (split at " + split + ")");
                finishHandshake(engine, in, out);
                out.write(wrap(engine, new byte[] {FramingRecord.PREAMBLE_END}));
                assertArrayEquals(new byte[] {FramingRecord.PREAMBLE_ACK}, unwrapRecord(engine, in),
                        "PreambleAck inside TLS (split at " + split + ")");
            }
            loop.track(loop.await(listener.acceptChannel(UpgradeLoopback.T)).orElseThrow());
        }
    }

    private static SSLEngine trustingClientEngine() throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(true);
        engine.beginHandshake();
        return engine;
    }

    private static byte[] wrap(SSLEngine engine, byte[] data) throws Exception {
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer src = ByteBuffer.wrap(data);
        do {
            net.clear();
            engine.wrap(src, net);
            out.write(net.array(), 0, net.position());
        } while (src.hasRemaining());
        return out.toByteArray();
    }

    private static void finishHandshake(SSLEngine engine, DataInputStream in, OutputStream out) throws Exception {
        ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        while (true) {
            HandshakeStatus s = engine.getHandshakeStatus();
            if (s == HandshakeStatus.NEED_TASK) {
                Runnable t;
                while ((t = engine.getDelegatedTask()) != null) {
                    t.run();
                }
            } else if (s == HandshakeStatus.NEED_WRAP) {
                out.write(wrap(engine, new byte[0]));
                out.flush();
            } else if (s == HandshakeStatus.NEED_UNWRAP) {
                app.clear();
                SSLEngineResult r = engine.unwrap(ByteBuffer.wrap(record(in)), app);
                assertEquals(SSLEngineResult.Status.OK, r.getStatus());
            } else {
                return;
            }
        }
    }

    private static byte[] record(DataInputStream in) throws Exception {
        byte[] header = UpgradeLoopback.readBytes(in, 5);
        int length = (header[3] & 0xff) << 8 | (header[4] & 0xff);
        return concat(header, UpgradeLoopback.readBytes(in, length));
    }

    private static byte[] unwrapRecord(SSLEngine engine, DataInputStream in) throws Exception {
        ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        engine.unwrap(ByteBuffer.wrap(record(in)), app);
        return Arrays.copyOf(app.array(), app.position());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}

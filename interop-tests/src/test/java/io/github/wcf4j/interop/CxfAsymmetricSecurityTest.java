package io.github.wcf4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.SecurityFaultException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.samples.ICalculator;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wcf4j's asymmetric binding ({@code MutualCertificate} under WS-Security 1.0: the client's certificate as a
 * BinarySecurityToken, a fresh key wrapped to the receiver's certificate, no derived keys, encrypted signature)
 * against Apache CXF in its own JVM, WSS4J enforcing the WS-SecurityPolicy 1.1 {@code sp:AsymmetricBinding} WCF exports
 * for it, over HTTP, both directions: results, the caller each service sees, what travels, one refusal per direction.
 */
class CxfAsymmetricSecurityTest {
    private static final String SERVICE = HostedCalculator.SERVICE;
    private static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";
    private static final Duration PEER = Duration.ofSeconds(90);
    private static final String PASSWORD = new String(SelfSignedKeyStore.PASSWORD);
    private static final MessageSecurityVersion WSS10 = MessageSecurityVersion
            .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10;

    @TempDir
    static Path dir;
    /** The service's key pair and the client's certificate. */
    static Path serviceKeys;
    /** The client's key pair and the service's certificate (alias {@code service-cert}). */
    static Path clientKeys;
    static X509Credential service;
    static X509Credential client;
    static X509Credential stranger;

    @BeforeAll
    static void keys() throws Exception {
        serviceKeys = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost", "dns:localhost,ip:127.0.0.1");
        service = X509Credential.fromKeyStore(serviceKeys, SelfSignedKeyStore.PASSWORD, null);
        clientKeys = SelfSignedKeyStore.create(dir.resolve("client.p12"), "client", "dns:client");
        client = X509Credential.fromKeyStore(clientKeys, SelfSignedKeyStore.PASSWORD, null);
        stranger = X509Credential.fromKeyStore(SelfSignedKeyStore.create(dir.resolve("stranger.p12"), "stranger",
                "dns:stranger"), SelfSignedKeyStore.PASSWORD, null);
        trust(serviceKeys, "client-cert", client.certificate());
        trust(clientKeys, "service-cert", service.certificate());
    }

    private static void trust(Path keyStore, String alias, X509Certificate certificate) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, SelfSignedKeyStore.PASSWORD);
        }
        ks.setCertificateEntry(alias, certificate);
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            ks.store(out, SelfSignedKeyStore.PASSWORD);
        }
    }

    private static Binding binding() {
        return CustomBinding.of("CustomBinding_ICalculator", SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.MutualCertificate).messageSecurityVersion(WSS10).build(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
    }

    private static List<String> tapped(List<String> tap, String direction) {
        return tap.stream().filter(s -> s.startsWith(direction + " ")).toList();
    }

    // ---------------------------------------------------------------- CXF client → wcf4j service

    private static ServiceHost host(List<String> tapped) {
        WireTap tap = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
        ServiceHost host = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                new ServiceEndpoint("", "", "customBinding", "", binding(), CONTRACT, Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.discovered().map(SERVICE, CxfSymmetricSecurityTest.Callers.class))
                .baseAddress(URI.create("http://127.0.0.1:0/calc")).parameter(WireTap.class, tap)
                .credentials(ServiceCredentials.defaults().withServiceCertificate(service)
                        .withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                                List.of(client.certificate())))).build();
        HostedCalculator.CALLS.clear();
        CxfSymmetricSecurityTest.CALLERS.clear();
        host.open();
        return host;
    }

    @Test
    void aCxfMutualCertificateClientCallsAWcf4jServiceAsItsCertificate() {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(tap);
        try (Peer cxf = Peer.cxfAsymmetric("client", "--address", host.endpoints().get(0).address().toString(),
                "--keystore", clientKeys.toString(), "--password", PASSWORD, "--service-alias", "service-cert",
                "--calls", CxfClientTest.CALLS)) {
            assertEquals("RESULT Add 115.99", cxf.await("RESULT", PEER), () -> String.join("\n", tap));
            assertEquals("RESULT Subtract 68.46", cxf.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", cxf.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", cxf.await("RESULT", PEER));
            cxf.await("DONE", PEER);
            String caller = "X509:CN=client; " + CertificateFind.thumbprintString(client.certificate());
            assertEquals(List.of(caller, caller, caller, caller), CxfSymmetricSecurityTest.CALLERS);
            String request = tapped(tap, "received").get(0);
            String reply = tapped(tap, "sent").get(0);
            assertTrue(request.contains("BinarySecurityToken") && request.contains("EncryptedKey"), request);
            assertFalse(request.contains("DerivedKeyToken") || request.contains("115.99"), request);
            assertTrue(reply.contains("X509SubjectKeyIdentifier"), "wcf4j names the client's certificate as WCF"
                    + " does under WS-Security 1.0: " + reply);
        } finally {
            host.abort();
        }
    }

    @Test
    void aCxfClientWithAnUntrustedCertificateGetsWcfsFailedAuthentication() throws Exception {
        Path strangerKeys = dir.resolve("stranger-with-service.p12");
        Files.copy(dir.resolve("stranger.p12"), strangerKeys);
        trust(strangerKeys, "service-cert", service.certificate());
        ServiceHost host = host(new CopyOnWriteArrayList<>());
        try (Peer cxf = Peer.cxfAsymmetric("client", "--address", host.endpoints().get(0).address().toString(),
                "--keystore", strangerKeys.toString(), "--password", PASSWORD, "--service-alias", "service-cert",
                "--calls", "Add 1 2")) {
            AssertionError e = assertThrows(AssertionError.class, () -> cxf.await("RESULT", PEER));
            assertTrue(e.getMessage().contains("At least one security token in the message could not be validated."),
                    e.getMessage());
            assertEquals(0, HostedCalculator.calls("Add"));
        } finally {
            host.abort();
        }
    }

    // ---------------------------------------------------------------- wcf4j client → CXF service

    private record CxfService(Peer peer, FaultInjectingHttpProxy proxy, URI address) implements AutoCloseable {
        static CxfService start() {
            Peer peer = Peer.cxfAsymmetric("server", "--address", "http://127.0.0.1:0/calc", "--keystore",
                    serviceKeys.toString(), "--password", PASSWORD);
            try {
                URI direct = URI.create(peer.await("READY", PEER).substring("READY ".length()));
                FaultInjectingHttpProxy proxy = new FaultInjectingHttpProxy(direct);
                return new CxfService(peer, proxy, proxy.via(direct));
            } catch (Exception | AssertionError e) {
                peer.close();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            proxy.close();
            peer.close();
        }
    }

    private static ICalculator wcf4jClient(URI address) {
        return ClientFactory.builder(new ClientEndpoint("", address, "customBinding", "", binding(), CONTRACT,
                Optional.empty(), Optional.of(new EndpointIdentity.Dns("localhost")), List.of(), Optional.empty()),
                ICalculator.class).credentials(ClientCredentials.certificate(client)
                        .withDefaultServiceCertificate(service.certificate())).build().createChannel();
    }

    private static double explained(Peer peer, DoubleSupplier call) {
        try {
            return call.getAsDouble();
        } catch (RuntimeException e) {
            throw new AssertionError(e + " caused by " + e.getCause() + "\npeer stderr:\n" + peer.stderr(), e);
        }
    }

    @Test
    void aWcf4jMutualCertificateClientCallsACxfServiceAsItsCertificate() throws Exception {
        try (CxfService cxf = CxfService.start()) {
            ICalculator calc = wcf4jClient(cxf.address());
            assertEquals(115.99, explained(cxf.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(731.25, explained(cxf.peer(), () -> calc.multiply(9, 81.25)), 1e-9);
            String caller = cxf.peer().await("CALLER", PEER);
            assertTrue(caller.startsWith("CALLER 1 ") && caller.contains("CN=client"), caller);
            String reply = cxf.proxy().envelopes(Direction.SERVICE_TO_CLIENT).get(0);
            assertTrue(reply.contains("EncryptedKey") && !reply.contains("115.99"),
                    "CXF encrypts its reply to the client's certificate: " + reply);
        }
    }

    @Test
    void aCxfServiceRefusesATamperedRequestAndServesTheNextOne() throws Exception {
        try (CxfService cxf = CxfService.start()) {
            cxf.proxy().inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(1).then(FaultAction.rewrite(s -> {
                Matcher m = Pattern.compile("(<s:Body[^>]*>.*?CipherValue>)(.)").matcher(s);
                assertTrue(m.find(), s);
                char flipped = m.group(2).charAt(0) == 'A' ? 'B' : 'A';
                return s.substring(0, m.start(2)) + flipped + s.substring(m.end(2));
            })));
            ICalculator calc = wcf4jClient(cxf.address());
            MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> calc.add(1, 2));
            assertEquals(WcfText.UnsecuredMessageFaultReceived.format(), e.getMessage());
            assertInstanceOf(SecurityFaultException.class, e.getCause());
            assertEquals(3.0, explained(cxf.peer(), () -> calc.add(1, 2)), 1e-9);
        }
    }
}

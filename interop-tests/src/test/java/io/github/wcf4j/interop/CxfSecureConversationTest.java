package io.github.wcf4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.samples.ICalculator;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wcf4j's WS-SecureConversation over the {@code MutualCertificate} and {@code UserNameForCertificate} bootstraps, and
 * {@code MutualCertificate} without a context (WS-Security 1.1: symmetric, the client's certificate endorsing),
 * against Apache CXF in its own JVM, both directions, CXF configured by the policy wcf4j exports (its client built
 * from {@code ?wsdl}, its service publishing {@code ?singleWsdl}), plus CXF's reliable session over a security
 * session, which WCF refuses: CXF does not bind its sequence to the security context.
 */
class CxfSecureConversationTest {
    private static final String SERVICE = HostedCalculator.SERVICE;
    private static final Duration PEER = Duration.ofSeconds(90);
    private static final String PASSWORD = new String(SelfSignedKeyStore.PASSWORD);
    private static final String CONTRACT_NS = "http://Microsoft.ServiceModel.Samples";
    private static final String RST_SCT = "http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT";
    /** The modes: wsHttpBinding Message security without negotiation, the client's credential, with a context or not. */
    private static final String SC_MUTUAL = "SecureConversation/MutualCertificate";
    private static final String SC_USERNAME = "SecureConversation/UserNameForCertificate";
    private static final String MUTUAL = "MutualCertificate";

    @TempDir
    static Path dir;
    static Path serviceKeys;
    static Path serviceCertificate;
    static X509Credential service;
    static Path clientKeys;
    static Path clientCertificate;
    static X509Credential client;

    @BeforeAll
    static void keys() throws Exception {
        serviceKeys = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost", "dns:localhost,ip:127.0.0.1");
        service = X509Credential.fromKeyStore(serviceKeys, SelfSignedKeyStore.PASSWORD, null);
        serviceCertificate = certificateOnly(service.certificate(), "service");
        clientKeys = SelfSignedKeyStore.create(dir.resolve("client.p12"), "client", "dns:client");
        client = X509Credential.fromKeyStore(clientKeys, SelfSignedKeyStore.PASSWORD, null);
        clientCertificate = certificateOnly(client.certificate(), "client");
    }

    private static Path certificateOnly(X509Certificate certificate, String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry(name, certificate);
        Path file = dir.resolve(name + "-cert.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, SelfSignedKeyStore.PASSWORD);
        }
        return file;
    }

    /** An unchanged app.config for {@code mode}: wsHttpBinding Message security, negotiateServiceCredential off. */
    private static ServiceModelConfiguration config(String mode) {
        return MetroSecurityTest.config("wsHttpBinding", """
                <wsHttpBinding><binding name="secure">
                    <security mode="Message"><message clientCredentialType="%s"
                        negotiateServiceCredential="false" establishSecurityContext="%s"/></security>
                  </binding></wsHttpBinding>""".formatted(mode.equals(SC_USERNAME) ? "UserName" : "Certificate",
                !mode.equals(MUTUAL)));
    }

    private static ServiceHost host(ServiceModelConfiguration config, List<String> tapped) {
        WireTap tap = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
        ServiceHost host = ServiceHost.builder(config, SERVICE)
                .types(ServiceTypes.discovered().map(SERVICE, CxfSymmetricSecurityTest.Callers.class))
                .baseAddress(URI.create("http://127.0.0.1:0/calc")).parameter(WireTap.class, tap)
                .credentials(ServiceCredentials.defaults().withServiceCertificate(service)
                        .withUserNameValidator((user, password) -> {
                            if (!user.equals("alice") || !password.equals("secret")) {
                                throw new SecurityTokenValidationException("Unknown user name or incorrect password");
                            }
                        }).withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                                List.of(client.certificate())))).build();
        HostedCalculator.CALLS.clear();
        CxfSymmetricSecurityTest.CALLERS.clear();
        host.open();
        return host;
    }

    private static List<String> tapped(List<String> tap, String direction) {
        return tap.stream().filter(s -> s.startsWith(direction + " ")).toList();
    }

    /** The client's credentials options of the CXF peer for {@code mode}. */
    private static List<String> cxfCredentials(String mode) {
        return mode.equals(SC_USERNAME) ? List.of("--user", "alice", "--pass", "secret")
                : List.of("--keystore", clientKeys.toString());
    }

    /** A CXF client of {@code host} built from its {@code ?wsdl}; {@code extra} options added. */
    private static Peer cxfClient(ServiceHost host, String mode, String calls, String... extra) {
        URI address = host.endpoints().get(0).address();
        List<String> args = new ArrayList<>(List.of("client", "--wsdl", address + "?wsdl", "--service",
                "{http://tempuri.org/}CalculatorService", "--port", "{http://tempuri.org/}WSHttpBinding_ICalculator",
                "--address", address.toString(), "--service-cert", serviceCertificate.toString(), "--password",
                PASSWORD, "--calls", calls, "--no-bsp"));
        args.addAll(cxfCredentials(mode));
        args.addAll(List.of(extra));
        if (Boolean.getBoolean("wcf4j.cxf.dump")) {
            args.add("--dump");
        }
        return Peer.cxfPolicy(args.toArray(String[]::new));
    }

    private static String expectedCaller(String mode) {
        return mode.equals(SC_USERNAME) ? "UserName:alice" : "X509:CN=client; [0-9A-F]{40}";
    }

    // ---------------------------------------------------------------- CXF client → wcf4j service

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SC_MUTUAL, SC_USERNAME, MUTUAL})
    void aCxfClientBuiltFromTheWsdlCallsAWcf4jService(String mode) {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(config(mode), tap);
        try (Peer cxf = cxfClient(host, mode, MetroClientTest.CALLS)) {
            assertEquals("RESULT Add 115.99", cxf.await("RESULT", PEER));
            assertEquals("RESULT Subtract 68.46", cxf.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", cxf.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", cxf.await("RESULT", PEER));
            cxf.await("DONE", PEER);
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op);
            }
            List<String> callers = CxfSymmetricSecurityTest.CALLERS;
            assertEquals(4, callers.size(), callers.toString());
            assertTrue(callers.stream().allMatch(c -> c.matches(expectedCaller(mode))), callers.toString());
            List<String> received = tapped(tap, "received");
            assertFalse(received.stream().anyMatch(r -> r.contains("115.99") || r.contains(">100<")
                    || r.contains("secret")), "bodies and the user name token are encrypted");
            List<String> actions = received.stream().map(Wire::fullAction).toList();
            if (mode.equals(MUTUAL)) {
                assertEquals(4, actions.size(), actions.toString());
                assertTrue(received.stream().allMatch(r -> r.contains("BinarySecurityToken")
                        && r.contains("EncryptedKey") && !r.contains("SecurityContextToken")), received.toString());
            } else {
                assertEquals(RST_SCT, actions.get(0), actions.toString());
                assertTrue(received.get(0).contains(mode.equals(SC_USERNAME) ? "EncryptedData" : "BinarySecurityToken"),
                        "the token request is secured by the bootstrap: " + received.get(0));
                assertTrue(tapped(tap, "sent").get(0).contains("RSTR/SCT"), tapped(tap, "sent").get(0));
                List<String> calls = received.subList(1, 5);
                assertTrue(calls.stream().allMatch(r -> r.contains("SecurityContextToken")
                        && !r.contains("BinarySecurityToken")), "the calls under the context alone: " + calls);
                // CXF never cancels its context (WCF's client cancels at close): a deviation, in INTEROP.md
                assertEquals(5, actions.size(), actions.toString());
            }
        } finally {
            host.abort();
        }
    }

    /**
     * CXF's reliable session over a security session: wsHttpBinding {@code <reliableSession enabled="true"/>} (WS-RM
     * 1.0) over Message/UserName with a context, CXF built from that {@code ?wsdl} with its RM feature. CXF does not
     * bind its sequence to a security context: it sends CreateSequence first, before any token request, secured with
     * the bootstrap's keys (an EncryptedKey for the service's certificate) and without a context token or a
     * {@code wsse:SecurityTokenReference} (WCF opens the security session first, then sends CreateSequence under the
     * context with the reference to it; Metro too). No security session takes such a request, so WCF refuses it
     * before RM sees it, as its demux failure handler does: an unsecured {@code wsc:BadContextToken} fault naming
     * CreateSequence's action. wcf4j does the same; no operation runs.
     */
    @org.junit.jupiter.api.Test
    void aCxfReliableSessionOverSecureConversationIsRefusedAsWcfRefusesIt() {
        ServiceModelConfiguration config = MetroSecurityTest.config("wsHttpBinding", """
                <wsHttpBinding><binding name="secure">
                    <reliableSession enabled="true"/>
                    <security mode="Message"><message clientCredentialType="UserName"
                        negotiateServiceCredential="false" establishSecurityContext="true"/></security>
                  </binding></wsHttpBinding>""");
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(config, tap);
        try (Peer cxf = cxfClient(host, SC_USERNAME, "Add 1 2", "--rm", "10")) {
            String error = assertThrows(AssertionError.class, () -> cxf.await("RESULT", PEER)).getMessage();
            List<String> received = tapped(tap, "received");
            String createSequenceAction = "http://schemas.xmlsoap.org/ws/2005/02/rm/CreateSequence";
            assertEquals(createSequenceAction, Wire.fullAction(received.get(0)), "CXF's first message");
            String createSequence = received.get(0);
            assertTrue(createSequence.contains("EncryptedKey") && !createSequence.contains("SecurityContextToken"),
                    "secured by the bootstrap, outside any security context: " + createSequence);
            assertTrue(received.stream().noneMatch(r -> Wire.fullAction(r).equals(RST_SCT)),
                    "CXF never asks for a context token: " + received);
            String refusal = tapped(tap, "sent").get(0);
            assertTrue(refusal.contains("BadContextToken") && refusal.contains(
                    "http://schemas.xmlsoap.org/ws/2005/02/sc") && !refusal.contains("<o:Security"), refusal);
            assertTrue(refusal.contains(WcfText.BadContextTokenOrActionFaultReason.format(createSequenceAction)
                    .replace("'", "&apos;")) || refusal.contains(WcfText.BadContextTokenOrActionFaultReason.format(
                    createSequenceAction)), refusal);
            assertTrue(error.contains("ERROR") && error.contains("The message could not be processed"),
                    "CXF's call fails with the fault: " + error);
            assertEquals(0, HostedCalculator.calls("Add"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nwcf4j received: " + tapped(tap, "received")
                    + "\nwcf4j sent: " + tapped(tap, "sent"), e);
        } finally {
            host.abort();
        }
    }

    // ---------------------------------------------------------------- wcf4j client → CXF service

    /** A CXF service publishing the WSDL wcf4j exports for {@code config} (its {@code ?singleWsdl}), behind a proxy. */
    private record CxfService(Peer peer, FaultInjectingHttpProxy proxy, URI address) implements AutoCloseable {
        static CxfService start(ServiceModelConfiguration config) {
            ServiceHost exporter = host(config, new CopyOnWriteArrayList<>());
            try {
                List<String> args = new ArrayList<>(List.of("server", "--wsdl", exporter.endpoints().get(0).address()
                        + "?singleWsdl", "--service", "{" + CONTRACT_NS + "}CalculatorService", "--port",
                        "{" + CONTRACT_NS + "}WSHttpBinding_ICalculator", "--address", "http://127.0.0.1:0/calc",
                        "--keystore", serviceKeys.toString(), "--truststore", clientCertificate.toString(),
                        "--password", PASSWORD, "--user", "alice", "--pass", "secret", "--no-bsp"));
                if (Boolean.getBoolean("wcf4j.cxf.dump")) {
                    args.add("--dump");
                }
                Peer peer = Peer.cxfPolicy(args.toArray(String[]::new));
                URI direct = URI.create(peer.await("READY", PEER).substring("READY ".length()));
                FaultInjectingHttpProxy proxy = new FaultInjectingHttpProxy(direct);
                return new CxfService(peer, proxy, proxy.via(direct));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                exporter.abort();
            }
        }

        @Override
        public void close() throws Exception {
            proxy.close();
            peer.close();
        }
    }

    private static double explained(Peer peer, DoubleSupplier call) {
        try {
            return call.getAsDouble();
        } catch (RuntimeException e) {
            throw new AssertionError(e + " caused by " + e.getCause() + "\npeer stderr:\n" + peer.stderr(), e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SC_MUTUAL, SC_USERNAME, MUTUAL})
    void aWcf4jClientCallsACxfServiceConfiguredByWcfsPolicy(String mode) throws Exception {
        ServiceModelConfiguration config = config(mode);
        try (CxfService cxf = CxfService.start(config)) {
            ClientEndpoint e = config.clientEndpoint("calculator").orElseThrow();
            ClientCredentials credentials = mode.equals(SC_USERNAME) ? ClientCredentials.userName("alice", "secret")
                    : ClientCredentials.certificate(client);
            ClientFactory<ICalculator> factory = ClientFactory.builder(new ClientEndpoint(e.name(), cxf.address(),
                    e.bindingSection(), e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(),
                    Optional.of(new EndpointIdentity.Dns("localhost")), e.headers(), e.standardEndpoint()),
                    ICalculator.class)
                    .credentials(credentials.withDefaultServiceCertificate(service.certificate())).build();
            ICalculator calc = factory.createChannel();
            assertEquals(115.99, explained(cxf.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(68.46, explained(cxf.peer(), () -> calc.subtract(145, 76.54)), 1e-9);
            String who = mode.equals(SC_USERNAME) ? "alice" : "CN=client";
            for (int i = 1; i <= 2; i++) {
                String caller = cxf.peer().await("CALLER", PEER);
                assertTrue(caller.startsWith("CALLER " + i + " ") && caller.contains(who), caller);
            }
            if (mode.equals(MUTUAL)) {
                factory.close();
            } else {
                // CXF's cancel response is signed with the context's own key, not a derived one, the context token
                // referenced by its identifier and not in the header: refused, as WCF's client refuses it
                // (ReceiveSecurityHeader: PrimarySignatureWasNotSignedByDerivedKey); the close fails
                RuntimeException refused = assertThrows(RuntimeException.class, factory::close);
                assertTrue(refused instanceof io.github.wcf4j.runtime.security.MessageSecurityException,
                        refused.toString());
                factory.abort();
                List<String> replies = cxf.proxy().envelopes(Direction.SERVICE_TO_CLIENT);
                String cancelled = replies.get(replies.size() - 1);
                assertEquals(RST_SCT.replace("RST", "RSTR") + "/Cancel", Wire.fullAction(cancelled));
                assertTrue(cancelled.contains("RequestedTokenCancelled") && !cancelled.contains("DerivedKeyToken")
                        && !cancelled.contains("SecurityContextToken>") && cancelled.matches(
                        "(?s).*<(\\w+:)?Reference URI=\"[^#\"][^\"]*\" ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/sc/sct\"/>.*"),
                        "signed with the context's key, the context referenced by its identifier: " + cancelled);
            }
            List<String> sent = cxf.proxy().envelopes(Direction.CLIENT_TO_SERVICE);
            assertFalse(sent.stream().anyMatch(r -> r.contains("secret") || r.contains("115.99")), sent.toString());
            List<String> actions = sent.stream().map(Wire::fullAction).toList();
            if (mode.equals(MUTUAL)) {
                assertEquals(2, sent.size(), actions.toString());
            } else {
                assertEquals(List.of(RST_SCT, CONTRACT_NS + "/ICalculator/Add", CONTRACT_NS + "/ICalculator/Subtract",
                        RST_SCT + "/Cancel"), actions);
            }
        }
    }
}

package io.github.wcf4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.SecurityFaultException;
import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.samples.ICalculator;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wcf4j's wsHttpBinding {@code Message} security with {@code clientCredentialType="UserName"} (and
 * {@code negotiateServiceCredential="false"}) against Eclipse Metro WSIT in its own JVM, both directions: without a
 * security context it is {@code UserNameForCertificate}; with one ({@code establishSecurityContext="true"}) it is
 * WS-SecureConversation over that bootstrap as a security session (the context token issued at the first call, kept by
 * the service, cancelled at close). Metro is configured by WCF's policy only: its client is built from wcf4j's
 * {@code ?wsdl} alone (plus where the service's certificate is), its service publishes the WSDL wcf4j exports for the
 * same configuration.
 */
class MetroSecurityTest {
    private static final String SERVICE = HostedCalculator.SERVICE;
    private static final Duration PEER = Duration.ofSeconds(60);
    private static final String PASSWORD = new String(SelfSignedKeyStore.PASSWORD);
    private static final String WSDL_SERVICE = "{http://tempuri.org/}CalculatorService";
    private static final String WSDL_PORT = "{http://tempuri.org/}WSHttpBinding_ICalculator";
    private static final String CONTRACT_NS = "http://Microsoft.ServiceModel.Samples";
    /** WCF's text for a FailedAuthentication fault ({@code SecurityTokenValidationException} at the service). */
    private static final String FAILED_AUTHENTICATION =
            "At least one security token in the message could not be validated.";

    @TempDir
    static Path dir;
    static Path serviceKeys;
    static Path serviceCertificate;
    static X509Credential service;
    /** The client's key pair (the certificate modes), and its certificate alone as the Metro service trusts it. */
    static Path clientKeys;
    static Path clientCertificate;
    static X509Credential client;

    @BeforeAll
    static void keys() throws Exception {
        serviceKeys = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost", "dns:localhost,ip:127.0.0.1");
        service = X509Credential.fromKeyStore(serviceKeys, SelfSignedKeyStore.PASSWORD, null);
        KeyStore certOnly = KeyStore.getInstance("PKCS12");
        certOnly.load(null, null);
        certOnly.setCertificateEntry("service", service.certificate());
        serviceCertificate = dir.resolve("service-cert.p12");
        try (OutputStream out = Files.newOutputStream(serviceCertificate)) {
            certOnly.store(out, SelfSignedKeyStore.PASSWORD);
        }
        clientKeys = SelfSignedKeyStore.create(dir.resolve("client.p12"), "client", "dns:client");
        client = X509Credential.fromKeyStore(clientKeys, SelfSignedKeyStore.PASSWORD, null);
        KeyStore clientOnly = KeyStore.getInstance("PKCS12");
        clientOnly.load(null, null);
        clientOnly.setCertificateEntry("client", client.certificate());
        clientCertificate = dir.resolve("client-cert.p12");
        try (OutputStream out = Files.newOutputStream(clientCertificate)) {
            clientOnly.store(out, SelfSignedKeyStore.PASSWORD);
        }
    }

    /**
     * An unchanged app.config: wsHttpBinding Message security for a client certificate without negotiation, so
     * {@code MutualCertificate} (WS-Security 1.1: a symmetric binding, the service's certificate protecting, the
     * client's endorsing) or, with a context, WS-SecureConversation over that bootstrap.
     */
    private static ServiceModelConfiguration certificateConfig(boolean securityContext) {
        return config("wsHttpBinding", """
                <wsHttpBinding><binding name="secure">
                    <security mode="Message"><message clientCredentialType="Certificate"
                        negotiateServiceCredential="false" establishSecurityContext="%s"/></security>
                  </binding></wsHttpBinding>""".formatted(securityContext));
    }

    /** An unchanged app.config: wsHttpBinding Message security for a user name, with or without a context. */
    private static ServiceModelConfiguration config(boolean securityContext) {
        return config("wsHttpBinding", """
                <wsHttpBinding><binding name="secure">
                    <security mode="Message"><message clientCredentialType="UserName"
                        negotiateServiceCredential="false" establishSecurityContext="%s"/></security>
                  </binding></wsHttpBinding>""".formatted(securityContext));
    }

    /** An unchanged app.config whose endpoints use the binding configuration {@code secure} of {@code bindings}. */
    static ServiceModelConfiguration config(String binding, String bindings) {
        return config(binding, bindings, "httpGetEnabled");
    }

    /** The same, its metadata published by {@code getEnabled} ({@code httpsGetEnabled} over HTTPS). */
    static ServiceModelConfiguration config(String binding, String bindings, String getEnabled) {
        String xml = """
                <configuration><system.serviceModel>
                  <bindings>%s</bindings>
                  <behaviors><serviceBehaviors><behavior name="metadata">
                    <serviceMetadata %s="true"/>
                  </behavior></serviceBehaviors></behaviors>
                  <services><service name="%s" behaviorConfiguration="metadata">
                    <endpoint address="" binding="%s" bindingConfiguration="secure"
                        contract="Microsoft.ServiceModel.Samples.ICalculator"/>
                  </service></services>
                  <client><endpoint name="calculator" address="http://localhost/unused" binding="%s"
                      bindingConfiguration="secure" contract="Microsoft.ServiceModel.Samples.ICalculator"/></client>
                </system.serviceModel></configuration>
                """.formatted(bindings, getEnabled, SERVICE, binding, binding);
        return ServiceModelConfigReader.create().read("app.config", xml).orThrow();
    }

    /** The wcf4j service of the configuration, its envelopes recorded in {@code tapped}. */
    private static ServiceHost host(boolean securityContext, List<String> tapped) {
        return host(config(securityContext), tapped);
    }

    private static ServiceHost host(ServiceModelConfiguration config, List<String> tapped) {
        return host(config, tapped, false);
    }

    /** The wcf4j service of {@code config}, over HTTPS (the service's key pair) when {@code https}. */
    private static ServiceHost host(ServiceModelConfiguration config, List<String> tapped, boolean https) {
        WireTap tap = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
        ServiceHost host = ServiceHost.builder(config, SERVICE)
                .types(ServiceTypes.discovered().map(SERVICE, CxfSymmetricSecurityTest.Callers.class))
                .baseAddress(URI.create((https ? "https" : "http") + "://127.0.0.1:0/calc"))
                .parameter(TlsSettings.class, TlsSettings.keyStore(serviceKeys, SelfSignedKeyStore.PASSWORD))
                .parameter(WireTap.class, tap)
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

    private static String fetch(String url) {
        try {
            return new String(URI.create(url).toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> tapped(List<String> tap, String direction) {
        return tap.stream().filter(s -> s.startsWith(direction + " ")).toList();
    }

    private static Peer metroClient(ServiceHost host, String user, String pass, String calls) {
        return metroClient(host, WSDL_PORT, user, pass, calls);
    }

    private static Peer metroClient(ServiceHost host, String wsdlPort, String user, String pass, String calls) {
        return metroClientWith(host, wsdlPort, calls, "--user", user, "--pass", pass);
    }

    /** A Metro client of {@code host} built from its {@code ?wsdl}, with its {@code credentials} options. */
    private static Peer metroClientWith(ServiceHost host, String wsdlPort, String calls, String... credentials) {
        List<String> args = new ArrayList<>(List.of("client", "--wsdl", host.endpoints().get(0).address() + "?wsdl",
                "--service", WSDL_SERVICE, "--port", wsdlPort, "--service-cert", serviceCertificate.toString(),
                "--password", PASSWORD, "--calls", calls));
        args.addAll(List.of(credentials));
        dump(args);
        return Peer.metroSecurity(args.toArray(String[]::new));
    }

    /** With {@code -Dwcf4j.metro.dump=true}, the peer dumps its HTTP traffic to its stderr (shown on failures). */
    private static void dump(List<String> args) {
        if (Boolean.getBoolean("wcf4j.metro.dump")) {
            args.add("--dump");
        }
    }

    // ---------------------------------------------------------------- Metro client → wcf4j service

    @ParameterizedTest(name = "establishSecurityContext={0}")
    @ValueSource(booleans = {false, true})
    void aMetroClientBuiltFromTheWsdlCallsAWcf4jServiceAsItsUser(boolean securityContext) {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(securityContext, tap);
        try (Peer metro = metroClient(host, "alice", "secret", MetroClientTest.CALLS)) {
            assertEquals("RESULT Add 115.99", metro.await("RESULT", PEER));
            assertEquals("RESULT Subtract 68.46", metro.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", metro.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", metro.await("RESULT", PEER));
            metro.await("DONE", PEER);
            assertEquals(0, metro.exitCode(PEER), metro.stderr());
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op);
            }
            assertEquals(List.of("UserName:alice", "UserName:alice", "UserName:alice", "UserName:alice"),
                    CxfSymmetricSecurityTest.CALLERS);
            List<String> received = tapped(tap, "received");
            String first = received.get(0);
            assertFalse(first.contains("secret"), "the user name token travels encrypted: " + first);
            assertFalse(received.stream().anyMatch(r -> r.contains("115.99") || r.contains(">100<")),
                    "bodies are encrypted");
            if (securityContext) {
                assertTrue(first.contains("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT"),
                        "the first request asks for a security context token: " + first);
                assertTrue(tapped(tap, "sent").get(0).contains("http://schemas.xmlsoap.org/ws/2005/02/trust/RSTR/SCT"),
                        "the token is issued (in the encrypted body): " + tapped(tap, "sent").get(0));
                assertTrue(received.get(1).contains("SecurityContextToken"),
                        "the next requests are secured by the context: " + received.get(1));
                assertTrue(received.get(received.size() - 1).contains("RST/SCT/Cancel"),
                        "closing the proxy cancels the context: " + received.get(received.size() - 1));
            } else {
                assertTrue(first.contains("EncryptedKey") && first.contains("DerivedKeyToken"), first);
            }
        } finally {
            host.abort();
        }
    }

    /**
     * A reliable session over the security session, as WCF binds them: wsHttpBinding's
     * {@code <reliableSession enabled="true"/>} runs WS-RM 1.0 (February 2005); a customBinding over
     * SecureConversation/UserNameForCertificate runs WS-RM 1.1, whose exported assertion carries
     * {@code wsrmp:SequenceSTR}. Metro's client, built from the {@code ?wsdl} alone, opens the security session, then
     * sends CreateSequence through it with a reference to the context token (plus the {@code UsesSequenceSTR} header
     * under 1.1): wcf4j's RM destination accepts it only when the reference names the session's context (else
     * CreateSequenceRefused), so the calls going through prove the binding.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WSReliableMessagingFebruary2005", "WSReliableMessaging11"})
    void aMetroClientCallsAWcf4jServiceInAReliableSessionOverItsSecuritySession(String version) {
        boolean rm11 = version.equals("WSReliableMessaging11");
        ServiceModelConfiguration config = reliableConfig(rm11);
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(config, tap);
        String port = rm11 ? "{http://tempuri.org/}CustomBinding_ICalculator" : WSDL_PORT;
        try (Peer metro = metroClient(host, port, "alice", "secret", MetroClientTest.CALLS)) {
            String wsdl = fetch(host.endpoints().get(0).address() + "?wsdl");
            assertTrue(wsdl.contains(rm11 ? "<wsrmp:RMAssertion xmlns:wsrmp=\""
                    + "http://docs.oasis-open.org/ws-rx/wsrmp/200702\"><wsp:Policy><wsrmp:SequenceSTR/>"
                    : "<wsrm:RMAssertion"), wsdl);
            assertEquals("RESULT Add 115.99", metro.await("RESULT", PEER));
            assertEquals("RESULT Subtract 68.46", metro.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", metro.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", metro.await("RESULT", PEER));
            metro.await("DONE", PEER);
            assertEquals(0, metro.exitCode(PEER), metro.stderr());
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op);
            }
            assertEquals(List.of("UserName:alice", "UserName:alice", "UserName:alice", "UserName:alice"),
                    CxfSymmetricSecurityTest.CALLERS);
            List<String> received = tapped(tap, "received");
            assertTrue(received.get(0).contains("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT"),
                    "the security session opens first: " + received.get(0));
            String rmNs = rm11 ? "http://docs.oasis-open.org/ws-rx/wsrm/200702"
                    : "http://schemas.xmlsoap.org/ws/2005/02/rm";
            String createSequence = received.get(1);
            assertTrue(createSequence.contains(rmNs + "/CreateSequence<")
                    && createSequence.contains("SecurityContextToken"),
                    "then CreateSequence, secured by the context: " + createSequence);
            java.util.regex.Matcher context = java.util.regex.Pattern.compile(
                    "SecurityContextToken[^>]*>\\s*<(?:\\w+:)?Identifier>([^<]+)<").matcher(createSequence);
            assertTrue(context.find(), createSequence);
            assertTrue(createSequence.matches("(?s).*<(\\w+:)?Body[^>]*>.*CreateSequence.*SecurityTokenReference>\\s*"
                    + "<(\\w+:)?Reference URI=\"" + java.util.regex.Pattern.quote(context.group(1))
                    + "\" ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/sc/sct\"/>.*"),
                    "CreateSequence (signed, its body in the clear as WCF sends it) ends with a reference to the"
                    + " session's context token " + context.group(1) + ": " + createSequence);
            List<String> actions = received.stream().map(r -> r.replaceAll("(?s).*<(?:\\w+:)?Action[^>]*>([^<]*)<.*",
                    "$1")).toList();
            assertTrue(actions.contains(rmNs + "/TerminateSequence"), actions.toString());
            assertTrue(actions.get(actions.size() - 1).endsWith("RST/SCT/Cancel"), actions.toString());
            if (rm11) {
                assertTrue(createSequence.matches("(?s).*<(\\w+:)?UsesSequenceSTR[^>]*mustUnderstand=\"(1|true)\".*"),
                        "RM 1.1 announces the STR with a mustUnderstand header: " + createSequence);
            }
            List<String> sent = tapped(tap, "sent");
            assertTrue(sent.get(1).contains(rmNs + "/CreateSequenceResponse"),
                    "wcf4j's RM destination accepts the sequence bound to the context: " + sent.get(1));
            assertFalse(sent.stream().anyMatch(r -> r.contains("CreateSequenceRefused")), sent.toString());
        } finally {
            host.abort();
        }
    }

    /**
     * A reliable session over a security session: wsHttpBinding's {@code <reliableSession enabled="true"/>} (WS-RM 1.0,
     * its only version) over Message/UserName with a context, or a customBinding of WS-RM 1.1 over
     * SecureConversation/UserNameForCertificate.
     */
    private static ServiceModelConfiguration reliableConfig(boolean rm11) {
        return rm11 ? config("customBinding", """
                <customBinding><binding name="secure">
                    <reliableSession reliableMessagingVersion="WSReliableMessaging11"/>
                    <security authenticationMode="SecureConversation" requireSecurityContextCancellation="true">
                      <secureConversationBootstrap authenticationMode="UserNameForCertificate"/>
                    </security>
                    <textMessageEncoding/><httpTransport/>
                  </binding></customBinding>""") : config("wsHttpBinding", """
                <wsHttpBinding><binding name="secure">
                    <reliableSession enabled="true"/>
                    <security mode="Message"><message clientCredentialType="UserName"
                        negotiateServiceCredential="false" establishSecurityContext="true"/></security>
                  </binding></wsHttpBinding>""");
    }

    /**
     * {@code MutualCertificate} (WS-Security 1.1 symmetric: the service's certificate protects, the client's endorses)
     * and WS-SecureConversation over it as a security session, from wsHttpBinding {@code Message}/{@code Certificate}
     * without negotiation: Metro's client, built from the {@code ?wsdl} alone plus its own key pair and where the
     * service's certificate is, calls as its certificate; in a session RST/SCT (the bootstrap endorsed by the client's
     * certificate), the calls under the context, cancel.
     */
    @ParameterizedTest(name = "establishSecurityContext={0}")
    @ValueSource(booleans = {false, true})
    void aMetroClientCallsAWcf4jServiceAsItsCertificate(boolean securityContext) {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(certificateConfig(securityContext), tap);
        try (Peer metro = metroClientWith(host, WSDL_PORT, MetroClientTest.CALLS, "--keystore", clientKeys.toString())) {
            assertEquals("RESULT Add 115.99", metro.await("RESULT", PEER));
            assertEquals("RESULT Subtract 68.46", metro.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", metro.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", metro.await("RESULT", PEER));
            metro.await("DONE", PEER);
            assertEquals(0, metro.exitCode(PEER), metro.stderr());
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op);
            }
            // WCF's X509Identity name: "subject; thumbprint"
            assertEquals(4, CxfSymmetricSecurityTest.CALLERS.size(), CxfSymmetricSecurityTest.CALLERS.toString());
            assertTrue(CxfSymmetricSecurityTest.CALLERS.stream().allMatch(c -> c.matches("X509:CN=client; [0-9A-F]{40}")),
                    CxfSymmetricSecurityTest.CALLERS.toString());
            List<String> received = tapped(tap, "received");
            assertFalse(received.stream().anyMatch(r -> r.contains("115.99") || r.contains(">100<")),
                    "bodies are encrypted");
            List<String> actions = received.stream().map(Wire::fullAction).toList();
            if (securityContext) {
                assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT", actions.get(0), actions.toString());
                assertTrue(received.get(0).contains("BinarySecurityToken") && received.get(0).contains("EncryptedKey"),
                        "the token request is endorsed by the client's certificate: " + received.get(0));
                assertTrue(received.get(1).contains("SecurityContextToken")
                        && !received.get(1).contains("BinarySecurityToken"),
                        "the calls are secured by the context alone: " + received.get(1));
                assertTrue(actions.get(actions.size() - 1).endsWith("RST/SCT/Cancel"), actions.toString());
            } else {
                assertEquals(4, actions.size(), actions.toString());
                assertTrue(received.stream().allMatch(r -> r.contains("BinarySecurityToken")
                        && r.contains("EncryptedKey") && !r.contains("SecurityContextToken")), received.toString());
            }
        } finally {
            host.abort();
        }
    }

    /**
     * wcf4j's client with its certificate ({@code MutualCertificate}, and SecureConversation over it) against a Metro
     * service publishing what wcf4j exports for the same configuration: Metro's requester subject holds the client's
     * certificate subject.
     */
    @ParameterizedTest(name = "establishSecurityContext={0}")
    @ValueSource(booleans = {false, true})
    void aWcf4jClientCallsAMetroServiceAsItsCertificate(boolean securityContext) throws Exception {
        ServiceModelConfiguration config = certificateConfig(securityContext);
        try (MetroService metro = MetroService.start(config, "WSHttpBinding_ICalculator")) {
            ClientFactory<ICalculator> factory = wcf4jClient(config, metro.address(),
                    ClientCredentials.certificate(client));
            ICalculator calc = factory.createChannel();
            assertEquals(115.99, explained(metro.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(68.46, explained(metro.peer(), () -> calc.subtract(145, 76.54)), 1e-9);
            for (int i = 1; i <= 2; i++) {
                String caller = metro.peer().await("CALLER", PEER);
                assertTrue(caller.matches("CALLER " + i + " .*CN=client.*"), caller);
            }
            factory.close();
            List<String> sent = metro.proxy().envelopes(Direction.CLIENT_TO_SERVICE);
            assertFalse(sent.stream().anyMatch(r -> r.contains("115.99")), sent.toString());
            List<String> actions = sent.stream().map(Wire::fullAction).toList();
            if (securityContext) {
                assertEquals(List.of("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT", CONTRACT_NS
                        + "/ICalculator/Add", CONTRACT_NS + "/ICalculator/Subtract",
                        "http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT/Cancel"), actions);
                assertTrue(sent.get(0).contains("BinarySecurityToken"), sent.get(0));
            } else {
                assertEquals(2, sent.size(), sent.toString());
                assertTrue(sent.stream().allMatch(r -> r.contains("BinarySecurityToken")), sent.toString());
            }
        }
    }

    /**
     * WCF's cookie mode ({@code requireSecurityContextCancellation="false"}: the context travels in the token's
     * cookie, the service keeps no session; exported as WCF's SP 1.1 driver does, {@code mssp:MustNotSendCancel}) over UserNameForCertificate,
     * Metro's client built from the {@code ?wsdl} alone. Metro echoes the issued token with its cookie on every call,
     * so the calls are served; but it ignores {@code MustNotSendCancel} and cancels at
     * close. A cookie-mode WCF service has no cancel handler (its token issuer takes Issue and Renew only,
     * {@code SecuritySessionSecurityTokenAuthenticator}): the cancel, secured with the cookie's context, reaches the
     * dispatcher, whose fault goes back secured; Metro fails reading it and its close fails. A deviation, in
     * INTEROP.md.
     */
    @org.junit.jupiter.api.Test
    void aMetroClientInWcfsCookieMode() {
        ServiceModelConfiguration config = config("customBinding", """
                <customBinding><binding name="secure">
                    <security authenticationMode="SecureConversation" requireSecurityContextCancellation="false">
                      <secureConversationBootstrap authenticationMode="UserNameForCertificate"/>
                    </security>
                    <textMessageEncoding/><httpTransport/>
                  </binding></customBinding>""");
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(config, tap);
        try (Peer metro = metroClient(host, "{http://tempuri.org/}CustomBinding_ICalculator", "alice", "secret",
                MetroClientTest.CALLS)) {
            String wsdl = fetch(host.endpoints().get(0).address() + "?wsdl");
            assertTrue(wsdl.contains("MustNotSendCancel"), wsdl);
            assertEquals("RESULT Add 115.99", metro.await("RESULT", PEER));
            assertEquals("RESULT Subtract 68.46", metro.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", metro.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", metro.await("RESULT", PEER));
            String closing = assertThrows(AssertionError.class, () -> metro.await("DONE", PEER)).getMessage();
            assertTrue(closing.contains("WSSTUBE0025"), "Metro's close fails reading the fault: " + closing);
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op);
            }
            List<String> received = tapped(tap, "received");
            List<String> actions = received.stream().map(Wire::fullAction).toList();
            assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT", actions.get(0), actions.toString());
            assertTrue(tapped(tap, "sent").get(0).contains("RSTR/SCT"), tapped(tap, "sent").get(0));
            assertTrue(received.subList(1, 5).stream().allMatch(r -> r.contains("Cookie>")),
                    "the context token travels with its cookie: " + received);
            assertEquals(6, actions.size(), actions.toString());
            assertTrue(actions.get(5).endsWith("RST/SCT/Cancel") && received.get(5).contains("Cookie>"),
                    "Metro cancels anyway: " + actions);
            String answer = tapped(tap, "sent").get(5);
            assertEquals("http://www.w3.org/2005/08/addressing/fault", Wire.fullAction(answer));
            assertTrue(answer.contains("<o:Security") && answer.contains("EncryptedData"),
                    "the dispatcher's fault, secured with the cookie's context: " + answer);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nreceived: " + tapped(tap, "received") + "\nsent: "
                    + tapped(tap, "sent"), e);
        } finally {
            host.abort();
        }
    }

    /**
     * wsHttpBinding {@code TransportWithMessageCredential} without a context over HTTPS: {@code UserName} is
     * {@code UserNameOverTransport} (the UsernameToken as a signed supporting token, TLS protecting the rest),
     * {@code Certificate} is {@code CertificateOverTransport} (the client's certificate endorsing the timestamp).
     */
    private static ServiceModelConfiguration transportConfig(String credential) {
        return transportConfig(credential, false);
    }

    /** The same with a security context: a secure conversation over the transport bootstrap. */
    private static ServiceModelConfiguration transportConfig(String credential, boolean securityContext) {
        return config("wsHttpBinding", """
                <wsHttpBinding><binding name="secure">
                    <security mode="TransportWithMessageCredential"><message clientCredentialType="%s"
                        establishSecurityContext="%s"/></security>
                  </binding></wsHttpBinding>""".formatted(credential, securityContext), "httpsGetEnabled");
    }

    private static List<String> transportCredentials(String credential) {
        return credential.equals("UserName") ? List.of("--user", "alice", "--pass", "secret")
                : List.of("--keystore", clientKeys.toString());
    }

    /** A message of a transport mode: a timestamp, and the user name token or the client's signature. */
    private static boolean securedForTransport(String envelope, String credential) {
        return envelope.contains("Timestamp") && !envelope.contains("EncryptedData") && (credential.equals("UserName")
                ? envelope.contains("UsernameToken") && envelope.contains(">alice<")
                : envelope.contains("BinarySecurityToken") && envelope.contains("SignatureValue"));
    }

    /**
     * Metro's client, built from the {@code ?wsdl} alone (over HTTPS: WCF's {@code sp:TransportBinding} with
     * {@code sp:HttpsToken}, the UsernameToken as {@code sp:SignedSupportingTokens}), calls the wcf4j service as
     * {@code alice}; under {@code CertificateOverTransport} its certificate endorses the timestamp and the
     * {@code To} header, which wcf4j requires as WCF does.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UserName", "Certificate"})
    void aMetroClientCallsAWcf4jServiceOverHttps(String credential) {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(transportConfig(credential), tap, true);
        List<String> options = new ArrayList<>(List.of("--ssl-trust", serviceCertificate.toString()));
        options.addAll(transportCredentials(credential));
        try (Peer metro = metroClientWith(host, WSDL_PORT, MetroClientTest.CALLS, options.toArray(String[]::new))) {
            assertTrue(host.endpoints().get(0).address().toString().startsWith("https://"));
            assertEquals("RESULT Add 115.99", metro.await("RESULT", PEER));
            assertEquals("RESULT Subtract 68.46", metro.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", metro.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", metro.await("RESULT", PEER));
            metro.await("DONE", PEER);
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op);
            }
            List<String> callers = CxfSymmetricSecurityTest.CALLERS;
            assertEquals(4, callers.size(), callers.toString());
            String caller = credential.equals("UserName") ? "UserName:alice" : "X509:CN=client; [0-9A-F]{40}";
            assertTrue(callers.stream().allMatch(c -> c.matches(caller)), callers.toString());
            List<String> received = tapped(tap, "received");
            assertEquals(4, received.size(), received.toString());
            assertTrue(received.stream().allMatch(r -> securedForTransport(r, credential)), received.toString());
        } finally {
            host.abort();
        }
    }

    /**
     * wsHttpBinding TransportWithMessageCredential with its default security context: Metro's client, built from the
     * {@code ?wsdl} alone (the context token as endorsing supporting token, its bootstrap policy the transport one),
     * asks for a context token with its credential once, then endorses every call with the token alone.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UserName", "Certificate"})
    void aMetroClientCallsAWcf4jServiceOverHttpsInASecureConversation(String credential) {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(transportConfig(credential, true), tap, true);
        List<String> options = new ArrayList<>(List.of("--ssl-trust", serviceCertificate.toString()));
        options.addAll(transportCredentials(credential));
        try (Peer metro = metroClientWith(host, WSDL_PORT, MetroClientTest.CALLS, options.toArray(String[]::new))) {
            assertEquals("RESULT Add 115.99", metro.await("RESULT", PEER));
            assertEquals("RESULT Subtract 68.46", metro.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", metro.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", metro.await("RESULT", PEER));
            metro.await("DONE", PEER);
            List<String> callers = CxfSymmetricSecurityTest.CALLERS;
            assertEquals(4, callers.size(), callers.toString());
            String caller = credential.equals("UserName") ? "UserName:alice" : "X509:CN=client; [0-9A-F]{40}";
            assertTrue(callers.stream().allMatch(c -> c.matches(caller)), callers.toString());
            List<String> received = tapped(tap, "received");
            List<String> issue = received.stream().filter(r -> r.contains("/RST/SCT<")).toList();
            assertEquals(1, issue.size(), received.toString());
            assertTrue(securedForTransport(issue.get(0), credential), issue.get(0));
            List<String> calls = received.stream().filter(r -> r.contains("ICalculator/")).toList();
            assertEquals(4, calls.size(), received.toString());
            assertTrue(calls.stream().allMatch(r -> r.contains("SecurityContextToken") && r.contains("SignatureValue")
                    && !r.contains("UsernameToken") && !r.contains("BinarySecurityToken")
                    && !r.contains("EncryptedData")), calls.toString());
        } finally {
            host.abort();
        }
    }

    /** wcf4j's client over HTTPS against a Metro service publishing what wcf4j exports for the same configuration. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UserName", "Certificate"})
    void aWcf4jClientCallsAMetroServiceOverHttps(String credential) throws Exception {
        ServiceModelConfiguration config = transportConfig(credential);
        try (MetroService metro = MetroService.start(config, "WSHttpBinding_ICalculator", true)) {
            assertTrue(metro.address().toString().startsWith("https://"), metro.address().toString());
            List<String> tapped = new CopyOnWriteArrayList<>();
            WireTap tap = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                    ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
            ClientFactory<ICalculator> factory = wcf4jClient(config, metro.address(), credential.equals("UserName")
                    ? ClientCredentials.userName("alice", "secret") : ClientCredentials.certificate(client), tap);
            ICalculator calc = factory.createChannel();
            assertEquals(115.99, explained(metro.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(68.46, explained(metro.peer(), () -> calc.subtract(145, 76.54)), 1e-9);
            String who = credential.equals("UserName") ? "alice" : "CN=client";
            for (int i = 1; i <= 2; i++) {
                String caller = metro.peer().await("CALLER", PEER);
                assertTrue(caller.matches("CALLER " + i + " .*" + who + ".*"), caller);
            }
            factory.close();
            List<String> sent = tapped(tapped, "sent");
            assertEquals(2, sent.size(), sent.toString());
            assertTrue(sent.stream().allMatch(r -> securedForTransport(r, credential)), sent.toString());
        }
    }

    /**
     * The other direction: wcf4j's client of a Metro service publishing wcf4j's export for wsHttpBinding TWMC with
     * its default security context asks for the context token once with its credential, endorses each call with
     * the token alone and cancels it when it closes.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UserName", "Certificate"})
    void aWcf4jClientCallsAMetroServiceOverHttpsInASecureConversation(String credential) throws Exception {
        ServiceModelConfiguration config = transportConfig(credential, true);
        try (MetroService metro = MetroService.start(config, "WSHttpBinding_ICalculator", true)) {
            List<String> tapped = new CopyOnWriteArrayList<>();
            WireTap tap = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                    ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
            ClientFactory<ICalculator> factory = wcf4jClient(config, metro.address(), credential.equals("UserName")
                    ? ClientCredentials.userName("alice", "secret") : ClientCredentials.certificate(client), tap);
            ICalculator calc = factory.createChannel();
            assertEquals(115.99, explained(metro.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(68.46, explained(metro.peer(), () -> calc.subtract(145, 76.54)), 1e-9);
            String who = credential.equals("UserName") ? "alice" : "CN=client";
            for (int i = 1; i <= 2; i++) {
                String caller = metro.peer().await("CALLER", PEER);
                assertTrue(caller.matches("CALLER " + i + " .*" + who + ".*"), caller);
            }
            factory.close();
            List<String> sent = tapped(tapped, "sent");
            List<String> issue = sent.stream().filter(r -> r.contains("/RST/SCT<")).toList();
            assertEquals(1, issue.size(), sent.toString());
            assertTrue(securedForTransport(issue.get(0), credential), issue.get(0));
            List<String> calls = sent.stream().filter(r -> r.contains("ICalculator/")).toList();
            assertEquals(2, calls.size(), sent.toString());
            assertTrue(calls.stream().allMatch(r -> r.contains("SecurityContextToken") && r.contains("SignatureValue")
                    && !r.contains("UsernameToken") && !r.contains("BinarySecurityToken")), calls.toString());
            assertTrue(sent.get(sent.size() - 1).contains("/RST/SCT/Cancel<"), sent.get(sent.size() - 1));
        }
    }

    /**
     * {@code CertificateOverTransport}: Metro's endorsing signature references the {@code To} header, as WCF's
     * ({@code SendSecurityHeader.shouldSignToHeader}), and so does wcf4j's; each side verifies the other's.
     */
    @org.junit.jupiter.api.Test
    void underCertificateOverTransportBothSignTheToHeader() throws Exception {
        ServiceModelConfiguration config = transportConfig("Certificate");
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(config, tap, true);
        try (Peer metro = metroClientWith(host, WSDL_PORT, "Add 100 15.99", "--ssl-trust", serviceCertificate.toString(),
                "--keystore", clientKeys.toString())) {
            assertEquals("RESULT Add 115.99", metro.await("RESULT", PEER));
            assertToSigned(tapped(tap, "received").get(0), "Metro's");
        } finally {
            host.abort();
        }
        try (MetroService metro = MetroService.start(config, "WSHttpBinding_ICalculator", true)) {
            List<String> tapped = new CopyOnWriteArrayList<>();
            WireTap wire = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                    ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
            ClientFactory<ICalculator> factory = wcf4jClient(config, metro.address(),
                    ClientCredentials.certificate(client), wire);
            try {
                assertEquals(115.99, explained(metro.peer(), () -> factory.createChannel().add(100, 15.99)), 1e-9);
                assertToSigned(tapped(tapped, "sent").get(0), "wcf4j's");
            } finally {
                factory.abort();
            }
        }
    }

    private static void assertToSigned(String request, String whose) {
        Matcher to = Pattern.compile("<(?:\\w+:)?To [^>]*(?:wsu|u):Id=\"([^\"]+)\"").matcher(request);
        assertTrue(to.find() && request.contains("Reference URI=\"#" + to.group(1) + "\""),
                whose + " endorsing signature references the To header, as WCF's: " + request);
    }

    /**
     * A wrong password: wcf4j answers with WCF's unsecured {@code FailedAuthentication} fault (the token request's, in
     * a session) and never runs the operation. Metro's client does not surface that fault as WCF's client does (a
     * {@code MessageSecurityException} holding the fault): without a context its security tube refuses the unsecured
     * fault ("No security header found in the message"); with one, its WS-SecureConversation plug-in fails reading
     * the SOAP 1.2 fault of its token request (WSSC0022, a NullPointerException). Pinned here, documented in
     * INTEROP.md.
     */
    @ParameterizedTest(name = "establishSecurityContext={0}")
    @ValueSource(booleans = {false, true})
    void aMetroClientWithAWrongPasswordGetsWcfsFailedAuthentication(boolean securityContext) {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(securityContext, tap);
        try (Peer metro = metroClient(host, "alice", "guess", "Add 1 2")) {
            AssertionError e = assertThrows(AssertionError.class, () -> metro.await("RESULT", PEER));
            List<String> sent = tapped(tap, "sent");
            assertEquals(1, sent.size(), sent.toString());
            String fault = sent.get(0);
            assertTrue(fault.contains("FailedAuthentication") && fault.contains(FAILED_AUTHENTICATION), fault);
            assertTrue(e.getMessage().contains(securityContext ? "WSSC0022" : "No security header found"),
                    e.getMessage());
            assertEquals(0, HostedCalculator.calls("Add"));
            assertEquals(List.of(), CxfSymmetricSecurityTest.CALLERS);
        } finally {
            host.abort();
        }
    }

    // ---------------------------------------------------------------- wcf4j client → Metro service

    /**
     * A Metro service publishing the WSDL wcf4j exports for the configuration (its {@code ?singleWsdl}), behind a
     * recording proxy; closes both.
     */
    private record MetroService(Peer peer, FaultInjectingHttpProxy proxy, URI address) implements AutoCloseable {
        static MetroService start(boolean securityContext) {
            return start(config(securityContext), "WSHttpBinding_ICalculator");
        }

        /** A Metro service publishing what wcf4j exports for {@code config}, its WSDL port named {@code port}. */
        static MetroService start(ServiceModelConfiguration config, String port) {
            return start(config, port, false);
        }

        /**
         * Over HTTPS (the service's key pair; the transport modes) there is no recording proxy: {@code proxy} is
         * null, the wcf4j client's wire tap records the exchange.
         */
        static MetroService start(ServiceModelConfiguration config, String port, boolean https) {
            ServiceHost exporter = host(config, new CopyOnWriteArrayList<>(), https);
            Peer peer;
            try {
                peer = Peer.metroSecurity("server", "--wsdl", exporter.endpoints().get(0).address() + "?singleWsdl",
                        // ?singleWsdl holds every component in the contract's namespace
                        "--service", "{" + CONTRACT_NS + "}CalculatorService", "--port",
                        "{" + CONTRACT_NS + "}" + port, "--address", (https ? "https" : "http")
                                + "://127.0.0.1:0/calc",
                        "--keystore", serviceKeys.toString(), "--password", PASSWORD, "--user", "alice", "--pass",
                        "secret", "--truststore", clientCertificate.toString(), "--ssl-trust",
                        serviceCertificate.toString());
                URI direct = URI.create(peer.await("READY", PEER).substring("READY ".length()));
                if (https) {
                    return new MetroService(peer, null, direct);
                }
                FaultInjectingHttpProxy proxy = new FaultInjectingHttpProxy(direct);
                return new MetroService(peer, proxy, proxy.via(direct));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                exporter.abort();
            }
        }

        @Override
        public void close() throws Exception {
            if (proxy != null) {
                proxy.close();
            }
            peer.close();
        }
    }

    private static ClientFactory<ICalculator> wcf4jClient(boolean securityContext, URI address, String user,
            String pass) {
        return wcf4jClient(config(securityContext), address, user, pass);
    }

    private static ClientFactory<ICalculator> wcf4jClient(ServiceModelConfiguration config, URI address, String user,
            String pass) {
        return wcf4jClient(config, address, ClientCredentials.userName(user, pass));
    }

    private static ClientFactory<ICalculator> wcf4jClient(ServiceModelConfiguration config, URI address,
            ClientCredentials credentials) {
        return wcf4jClient(config, address, credentials, (d, envelope, contentType) -> { });
    }

    /** The client of {@code config} at {@code address}, trusting the service's TLS certificate, tapped by {@code tap}. */
    private static ClientFactory<ICalculator> wcf4jClient(ServiceModelConfiguration config, URI address,
            ClientCredentials credentials, WireTap tap) {
        ClientEndpoint e = config.clientEndpoint("calculator").orElseThrow();
        // the certificate names localhost; the peer listens on 127.0.0.1 (a WCF client configures <dns value=...>)
        return ClientFactory.builder(new ClientEndpoint(e.name(), address, e.bindingSection(),
                e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(),
                Optional.of(new EndpointIdentity.Dns("localhost")), e.headers(), e.standardEndpoint()),
                ICalculator.class)
                .credentials(credentials.withDefaultServiceCertificate(service.certificate()))
                .parameter(TlsSettings.class, TlsSettings.keyStore(serviceKeys, SelfSignedKeyStore.PASSWORD))
                .parameter(WireTap.class, tap)
                .build();
    }

    /** {@code call}'s result; when it fails, the failure with its cause and the peer's log. */
    private static double explained(Peer peer, DoubleSupplier call) {
        try {
            return call.getAsDouble();
        } catch (RuntimeException e) {
            throw new AssertionError(e + " caused by " + e.getCause() + "\npeer stderr:\n" + peer.stderr(), e);
        }
    }

    @ParameterizedTest(name = "establishSecurityContext={0}")
    @ValueSource(booleans = {false, true})
    void aWcf4jClientCallsAMetroServiceConfiguredByWcfsPolicyAsItsUser(boolean securityContext) throws Exception {
        try (MetroService metro = MetroService.start(securityContext)) {
            ClientFactory<ICalculator> factory = wcf4jClient(securityContext, metro.address(), "alice", "secret");
            ICalculator calc = factory.createChannel();
            assertEquals(115.99, explained(metro.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(68.46, explained(metro.peer(), () -> calc.subtract(145, 76.54)), 1e-9);
            assertTrue(metro.peer().await("CALLER", PEER).matches("CALLER 1 .*alice.*"), metro.peer().protocol()
                    .toString());
            assertTrue(metro.peer().await("CALLER", PEER).matches("CALLER 2 .*alice.*"), metro.peer().protocol()
                    .toString());
            factory.close();
            List<String> sent = metro.proxy().envelopes(Direction.CLIENT_TO_SERVICE);
            assertFalse(sent.stream().anyMatch(r -> r.contains("secret") || r.contains("115.99")), sent.toString());
            if (securityContext) {
                assertTrue(sent.get(0).contains("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT"), sent.get(0));
                assertTrue(sent.get(sent.size() - 1).contains("RST/SCT/Cancel"), sent.get(sent.size() - 1));
                assertEquals(4, sent.size(), "RST/SCT, two calls, cancel: " + sent);
            } else {
                assertEquals(2, sent.size(), sent.toString());
            }
        }
    }

    /**
     * wcf4j's client in a reliable session over its security session against a Metro service publishing what wcf4j
     * exports for the same configuration (RM from the policy: the RM 1.0 assertion, or RM 1.1's with
     * {@code wsrmp:SequenceSTR}): RST/SCT, then wcf4j's CreateSequence secured by the context and ending with the STR
     * to it ({@code UsesSequenceSTR} under 1.1), which Metro's RM destination accepts only when it names the session's
     * context token; four calls as {@code alice}, the close handshake, TerminateSequence, cancel.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WSReliableMessagingFebruary2005", "WSReliableMessaging11"})
    void aWcf4jClientCallsAMetroServiceInAReliableSessionOverItsSecuritySession(String version) throws Exception {
        boolean rm11 = version.equals("WSReliableMessaging11");
        ServiceModelConfiguration config = reliableConfig(rm11);
        try (MetroService metro = MetroService.start(config, rm11 ? "CustomBinding_ICalculator"
                : "WSHttpBinding_ICalculator")) {
            ClientFactory<ICalculator> factory = wcf4jClient(config, metro.address(), "alice", "secret");
            ICalculator calc = factory.createChannel();
            assertEquals(115.99, explained(metro.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(68.46, explained(metro.peer(), () -> calc.subtract(145, 76.54)), 1e-9);
            assertEquals(731.25, explained(metro.peer(), () -> calc.multiply(9, 81.25)), 1e-9);
            assertEquals(3.142857142857143, explained(metro.peer(), () -> calc.divide(22, 7)), 1e-9);
            for (int i = 1; i <= 4; i++) {
                String caller = metro.peer().await("CALLER", PEER);
                assertTrue(caller.matches("CALLER " + i + " .*alice.*"), caller);
            }
            factory.close();
            List<String> sent = metro.proxy().envelopes(Direction.CLIENT_TO_SERVICE);
            List<String> replies = metro.proxy().envelopes(Direction.SERVICE_TO_CLIENT);
            assertFalse(sent.stream().anyMatch(r -> r.contains("secret") || r.contains("115.99")), sent.toString());
            List<String> actions = sent.stream().map(Wire::fullAction).toList();
            String rmNs = rm11 ? "http://docs.oasis-open.org/ws-rx/wsrm/200702"
                    : "http://schemas.xmlsoap.org/ws/2005/02/rm";
            assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT", actions.get(0), actions.toString());
            assertEquals(rmNs + "/CreateSequence", actions.get(1), actions.toString());
            String createSequence = sent.get(1);
            Matcher context = Pattern.compile("SecurityContextToken[^>]*>\\s*<(?:\\w+:)?Identifier>([^<]+)<")
                    .matcher(createSequence);
            assertTrue(context.find(), "CreateSequence is secured by the context: " + createSequence);
            assertTrue(createSequence.matches("(?s).*<(\\w+:)?Body[^>]*>.*CreateSequence.*SecurityTokenReference[^>]*>"
                    + "\\s*<(\\w+:)?Reference URI=\"" + Pattern.quote(context.group(1))
                    + "\" ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/sc/sct\"/>.*"),
                    "wcf4j's CreateSequence ends with the STR to " + context.group(1) + ": " + createSequence);
            assertEquals(rm11, createSequence.matches("(?s).*<(\\w+:)?UsesSequenceSTR[^>]*mustUnderstand=\"1\".*"),
                    createSequence);
            assertTrue(replies.get(1).contains(rmNs + "/CreateSequenceResponse"),
                    "Metro accepts the sequence bound to the context: " + replies.get(1));
            assertTrue(actions.contains(rmNs + "/TerminateSequence"), actions.toString());
            assertTrue(actions.contains(rm11 ? rmNs + "/CloseSequence" : rmNs + "/LastMessage"), actions.toString());
            assertTrue(actions.get(actions.size() - 1).endsWith("RST/SCT/Cancel"), actions.toString());
            assertEquals(4, actions.stream().filter(a -> a.startsWith(CONTRACT_NS)).count(), actions.toString());
        }
    }

    /**
     * A wrong password against Metro's service: without a context Metro answers with a fault secured by the request's
     * key, which wcf4j decrypts and surfaces as the operation's fault; in a session Metro refuses the token request
     * with an unsecured {@code wsse:InvalidSecurity} fault, surfaced as WCF does (a {@code MessageSecurityException}
     * holding it). The operation never runs.
     */
    @ParameterizedTest(name = "establishSecurityContext={0}")
    @ValueSource(booleans = {false, true})
    void aMetroServiceRefusesAWrongPassword(boolean securityContext) throws Exception {
        try (MetroService metro = MetroService.start(securityContext)) {
            ClientFactory<ICalculator> factory = wcf4jClient(securityContext, metro.address(), "alice", "guess");
            try {
                ICalculator calc = factory.createChannel();
                RuntimeException e = assertThrows(RuntimeException.class, () -> calc.add(1, 2));
                List<String> replies = new ArrayList<>(metro.proxy().envelopes(Direction.SERVICE_TO_CLIENT));
                assertEquals(1, replies.size(), replies.toString());
                if (securityContext) {
                    // the token request refused with an unsecured wsse:InvalidSecurity fault
                    assertTrue(e instanceof MessageSecurityException, e.toString());
                    assertTrue(e.getCause() instanceof SecurityFaultException
                            && e.getCause().getMessage().contains("Invalid Security Header"), String.valueOf(e));
                } else {
                    // Metro secures this fault with the request's key: read as a fault of the operation
                    assertTrue(e.getMessage().contains("Authentication of Username Password Token Failed"),
                            e.toString());
                    assertFalse(replies.get(0).contains("Authentication"), "the fault travels encrypted");
                }
            } finally {
                factory.abort();
            }
            assertTrue(metro.peer().protocol().stream().noneMatch(l -> l.startsWith("CALLER")),
                    metro.peer().protocol().toString());
        }
    }
}

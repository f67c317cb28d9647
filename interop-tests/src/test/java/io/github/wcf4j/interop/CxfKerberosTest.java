package io.github.wcf4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.samples.ICalculator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * WCF's Kerberos token profile (wsHttpBinding {@code Message}/{@code Windows} without negotiation and without a
 * security context, i.e. {@code authenticationMode="Kerberos"}) against Apache CXF (WSS4J's {@code KerberosSecurity})
 * in its own JVM, both directions, against the test JVM's embedded KDC: the peer gets its {@code krb5.conf}, its
 * principal and keytab; CXF is configured by the policy wcf4j exports ({@code sp:KerberosToken},
 * {@code WssGssKerberosV5ApReqToken11}, the protection token of a symmetric binding).
 */
class CxfKerberosTest {
    private static final String SERVICE = HostedCalculator.SERVICE;
    private static final Duration PEER = Duration.ofSeconds(90);
    private static final String CONTRACT_NS = "http://Microsoft.ServiceModel.Samples";
    static final String GSS_AP_REQ =
            "http://docs.oasis-open.org/wss/oasis-wss-kerberos-token-profile-1.1#GSS_Kerberosv5_AP_REQ";
    static final String AP_REQ_SHA1 =
            "http://docs.oasis-open.org/wss/oasis-wss-kerberos-token-profile-1.1#Kerberosv5APREQSHA1";
    private static final String ALICE = "alice@" + EmbeddedKdc.REALM;

    /** An unchanged app.config: wsHttpBinding Message security, Windows credentials, neither negotiation nor context. */
    static ServiceModelConfiguration config() {
        return MetroSecurityTest.config("wsHttpBinding", """
                <wsHttpBinding><binding name="secure">
                    <security mode="Message"><message clientCredentialType="Windows"
                        negotiateServiceCredential="false" establishSecurityContext="false"/></security>
                  </binding></wsHttpBinding>""");
    }

    static ServiceHost host(ServiceModelConfiguration config, List<String> tapped) {
        WireTap tap = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
        ServiceHost host = ServiceHost.builder(config, SERVICE)
                .types(ServiceTypes.discovered().map(SERVICE, CxfSymmetricSecurityTest.Callers.class))
                .baseAddress(URI.create("http://127.0.0.1:0/calc")).parameter(WireTap.class, tap)
                .parameter(KerberosCredentials.class, EmbeddedKdc.shared().credentials("host/localhost")).build();
        HostedCalculator.CALLS.clear();
        CxfSymmetricSecurityTest.CALLERS.clear();
        host.open();
        return host;
    }

    /** The peer's Kerberos options: the KDC's configuration, {@code principal} and its keytab. */
    static List<String> kerberos(String principal) {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        return List.of("--krb5", kdc.krb5Conf().toString(), "--principal", principal + "@" + EmbeddedKdc.REALM,
                "--keytab", kdc.keytab(principal).toString());
    }

    private static List<String> tapped(List<String> tap, String direction) {
        return tap.stream().filter(s -> s.startsWith(direction + " ")).toList();
    }

    private static Peer cxfPeer(List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (Boolean.getBoolean("wcf4j.cxf.dump")) {
            all.add("--dump");
        }
        return Peer.cxfKerberos(all.toArray(String[]::new));
    }

    @Test
    void aCxfClientBuiltFromTheWsdlCallsAWcf4jServiceWithItsKerberosTicket() {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(config(), tap);
        URI address = host.endpoints().get(0).address();
        List<String> args = new ArrayList<>(List.of("client", "--wsdl", address + "?wsdl", "--service",
                "{http://tempuri.org/}CalculatorService", "--port", "{http://tempuri.org/}WSHttpBinding_ICalculator",
                "--address", address.toString(), "--calls", MetroClientTest.CALLS, "--spn", "host/localhost",
                "--no-bsp"));
        args.addAll(kerberos("alice"));
        try (Peer cxf = cxfPeer(args)) {
            try {
                assertEquals("RESULT Add 115.99", cxf.await("RESULT", PEER));
                assertEquals("RESULT Subtract 68.46", cxf.await("RESULT", PEER));
                assertEquals("RESULT Multiply 731.25", cxf.await("RESULT", PEER));
                assertEquals("RESULT Divide 3.142857142857143", cxf.await("RESULT", PEER));
                cxf.await("DONE", PEER);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nwcf4j received: " + tapped(tap, "received")
                        + "\nwcf4j sent: " + tapped(tap, "sent") + "\npeer stderr:\n" + cxf.stderr(), e);
            }
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op);
            }
            assertEquals(List.of("Kerberos:" + ALICE, "Kerberos:" + ALICE, "Kerberos:" + ALICE, "Kerberos:" + ALICE),
                    CxfSymmetricSecurityTest.CALLERS, "the ticket's client is the caller");
            List<String> received = tapped(tap, "received");
            assertEquals(4, received.size());
            assertTrue(received.stream().allMatch(r -> r.contains("ValueType=\"" + GSS_AP_REQ + "\"")
                    && !r.contains("EncryptedKey")), "each request carries its AP-REQ: " + received.get(0));
            assertFalse(received.stream().anyMatch(r -> r.contains("115.99") || r.contains(">100<")),
                    "bodies encrypted");
            assertTrue(tapped(tap, "sent").stream().allMatch(r -> r.contains(AP_REQ_SHA1)),
                    "wcf4j's replies name the ticket by its SHA-1: " + tapped(tap, "sent").get(0));
        } finally {
            host.abort();
        }
    }

    /** wsHttpBinding's default Message security: Windows credentials negotiated (SspiNegotiated), {@code context}. */
    static ServiceModelConfiguration spnego(boolean context) {
        return MetroSecurityTest.config("wsHttpBinding", """
                <wsHttpBinding><binding name="secure">
                    <security mode="Message"><message clientCredentialType="Windows"
                        negotiateServiceCredential="true" establishSecurityContext="%s"/></security>
                  </binding></wsHttpBinding>""".formatted(context));
    }

    /**
     * wsHttpBinding's default Message security (Windows, negotiated, with a security context: SecureConversation over
     * SspiNegotiated, as the seed binding): CXF built from the {@code ?wsdl} (WCF's {@code sp:SpnegoContextToken} in
     * the {@code sp:BootstrapPolicy}) runs its SpnegoContextToken client, whose SPNEGO-over-WS-Trust is not WCF's:
     * its single RST/Issue with the Kerberos NegTokenInit in {@code wst:BinaryExchange} (unsecured, as WCF's
     * negotiation legs) is accepted by wcf4j, which completes the negotiation as WCF does, with the final leg's
     * {@code RequestSecurityTokenResponseCollection}: the RSTR with the context token, its key GSS-wrapped and the
     * SPNEGO answer, and a second RSTR with the {@code wst:Authenticator}'s {@code CombinedHash} over the exchange.
     * CXF reads only a lone RSTR and fails on the collection: the deviation the security reference names (CXF has
     * no authenticator). wcf4j keeps WCF's final leg, what a WCF client needs; no operation runs.
     */
    @Test
    void aCxfSpnegoContextTokenClientCannotReadWcfsFinalLegWithItsAuthenticator() {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(spnego(true), tap);
        URI address = host.endpoints().get(0).address();
        // SPNEGO in CXF names the service host-based (service@host), whatever is.username.in.servicename.form says
        List<String> args = new ArrayList<>(List.of("client", "--wsdl", address + "?wsdl", "--service",
                "{http://tempuri.org/}CalculatorService", "--port", "{http://tempuri.org/}WSHttpBinding_ICalculator",
                "--address", address.toString(), "--calls", "Add 1 2", "--spn", "host@localhost", "--no-bsp"));
        args.addAll(kerberos("alice"));
        try (Peer cxf = cxfPeer(args)) {
            String error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> cxf.await("RESULT", PEER)).getMessage();
            assertTrue(error.contains("Unexpected element {http://schemas.xmlsoap.org/ws/2005/02/trust}"
                    + "RequestSecurityTokenResponseCollection found.") && error.contains("Expected "
                    + "{http://schemas.xmlsoap.org/ws/2005/02/trust}RequestSecurityTokenResponse."), error);
            List<String> received = tapped(tap, "received");
            assertEquals(1, received.size(), "one RST, then nothing: " + received);
            String rst = received.get(0);
            assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/Issue", Wire.fullAction(rst));
            assertTrue(rst.contains("ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust/spnego\"")
                    && rst.contains("<wst:TokenType>http://schemas.xmlsoap.org/ws/2005/02/sc/sct</wst:TokenType>")
                    && !rst.contains("Security>") && !rst.contains(":Security "), "CXF's SPNEGO leg: " + rst);
            List<String> sent = tapped(tap, "sent");
            assertEquals(1, sent.size(), sent.toString());
            String last = sent.get(0);
            assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/RSTR/Issue", Wire.fullAction(last));
            assertTrue(last.contains("<t:RequestSecurityTokenResponseCollection") && last.contains(
                    "<c:SecurityContextToken") && last.contains("spnego#GSS_Wrap") && last.contains(
                    "<t:Authenticator><t:CombinedHash>"), "WCF's final leg: " + last);
            assertEquals(0, HostedCalculator.calls("Add"), "no operation runs");
        } finally {
            host.abort();
        }
    }

    /**
     * Issue 15: SSPI negotiation as the protection token itself (wsHttpBinding {@code Message}/{@code Windows} with
     * {@code establishSecurityContext="false"}: authenticationMode {@code SspiNegotiated}, the
     * {@code sp:SpnegoContextToken} the symmetric binding's protection token, where CXF's SpnegoContextToken client
     * is at home). CXF negotiates with its one unsecured RST/Issue (the Kerberos NegTokenInit in
     * {@code wst:BinaryExchange}), which wcf4j accepts as WCF does; wcf4j answers with WCF's final leg, the
     * {@code RequestSecurityTokenResponseCollection} with the {@code wst:Authenticator}, which CXF cannot read here
     * either: the same deviation as under the secure conversation's bootstrap. wcf4j's wire stays WCF's; no
     * operation runs.
     */
    @Test
    void aCxfSpnegoContextTokenClientCannotReadWcfsFinalLegAsTheOuterProtectionTokenEither() {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(spnego(false), tap);
        URI address = host.endpoints().get(0).address();
        List<String> args = new ArrayList<>(List.of("client", "--wsdl", address + "?wsdl", "--service",
                "{http://tempuri.org/}CalculatorService", "--port", "{http://tempuri.org/}WSHttpBinding_ICalculator",
                "--address", address.toString(), "--calls", "Add 1 2", "--spn", "host@localhost", "--no-bsp"));
        args.addAll(kerberos("alice"));
        try (Peer cxf = cxfPeer(args)) {
            String error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> cxf.await("RESULT", PEER)).getMessage();
            assertTrue(error.contains("Unexpected element {http://schemas.xmlsoap.org/ws/2005/02/trust}"
                    + "RequestSecurityTokenResponseCollection found.") && error.contains("Expected "
                    + "{http://schemas.xmlsoap.org/ws/2005/02/trust}RequestSecurityTokenResponse."), error);
            List<String> received = tapped(tap, "received");
            assertEquals(1, received.size(), "one RST, then nothing: " + received);
            String rst = received.get(0);
            assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/Issue", Wire.fullAction(rst));
            assertTrue(rst.contains("ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust/spnego\"")
                    && !rst.contains(":Security "), "CXF's SPNEGO leg: " + rst);
            List<String> sent = tapped(tap, "sent");
            assertEquals(1, sent.size(), sent.toString());
            String last = sent.get(0);
            assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/RSTR/Issue", Wire.fullAction(last));
            assertTrue(last.contains("<t:RequestSecurityTokenResponseCollection") && last.contains(
                    "<c:SecurityContextToken") && last.contains("spnego#GSS_Wrap") && last.contains(
                    "<t:Authenticator><t:CombinedHash>"), "WCF's final leg: " + last);
            assertEquals(0, HostedCalculator.calls("Add"), "no operation runs");
        } finally {
            host.abort();
        }
    }

    /**
     * Issue 15, the other direction: a wcf4j client (SspiNegotiated as the outer protection token) → a CXF service
     * publishing wcf4j's {@code ?singleWsdl} (the {@code sp:SpnegoContextToken} the symmetric binding's protection
     * token, where CXF's SpnegoContextTokenInInterceptor is meant to answer), its SPNEGO acceptor configured. wcf4j
     * negotiates as WCF does (one RST/Issue, the NegTokenInit in {@code t:BinaryExchange}, unsecured); CXF does not
     * take it as a negotiation but dispatches it as an unknown operation, as under the secure conversation's bootstrap
     * (its handler looks for the action before {@code wsa:Action} is decoded): the token's place does not change it. wcf4j fails with WCF's negotiation text; no operation runs.
     */
    @Test
    void aWcf4jSspiNegotiatedClientAgainstACxfSpnegoContextTokenService() throws Exception {
        assertCxfServiceDoesNotNegotiate(spnego(false), "WSHttpBinding_ICalculator",
                "http://schemas.xmlsoap.org/ws/2005/02/trust");
    }

    /** The same under ws2007HttpBinding (WS-SecurityPolicy 1.2, WS-Trust 1.3): the policy's version does not change it. */
    @Test
    void aWcf4jSspiNegotiatedClientAgainstACxfSpnegoContextTokenServiceUnderWsTrust13() throws Exception {
        assertCxfServiceDoesNotNegotiate(MetroSecurityTest.config("ws2007HttpBinding", """
                <ws2007HttpBinding><binding name="secure">
                    <security mode="Message"><message clientCredentialType="Windows"
                        negotiateServiceCredential="true" establishSecurityContext="false"/></security>
                  </binding></ws2007HttpBinding>"""), "WS2007HttpBinding_ICalculator",
                "http://docs.oasis-open.org/ws-sx/ws-trust/200512");
    }

    private static void assertCxfServiceDoesNotNegotiate(ServiceModelConfiguration config, String port,
            String trust) throws Exception {
        try (CxfService cxf = CxfService.start(config, port)) {
            ClientEndpoint e = config.clientEndpoint("calculator").orElseThrow();
            ClientFactory<ICalculator> factory = ClientFactory.builder(new ClientEndpoint(e.name(), cxf.address(),
                    e.bindingSection(), e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(),
                    Optional.of(new EndpointIdentity.ServicePrincipalName("host/localhost")), e.headers(),
                    e.standardEndpoint()), ICalculator.class)
                    .parameter(KerberosCredentials.class, EmbeddedKdc.shared().credentials("alice")).build();
            try {
                ICalculator calc = factory.createChannel();
                RuntimeException failed = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                        () -> calc.add(100, 15.99));
                String messages = failed + " | " + failed.getCause();
                List<String> sent = cxf.proxy().envelopes(Direction.CLIENT_TO_SERVICE);
                List<String> replies = cxf.proxy().envelopes(Direction.SERVICE_TO_CLIENT);
                String explained = messages + "\nsent: " + sent + "\nreceived: " + replies + "\npeer stderr:\n"
                        + cxf.peer().stderr();
                assertTrue(messages.contains("Secure channel cannot be opened because security negotiation with the"
                        + " remote endpoint has failed.") && messages.contains("Message part {" + trust
                        + "}RequestSecurityToken was not recognized."), explained);
                assertEquals(1, sent.size(), explained);
                assertEquals(trust + "/RST/Issue", Wire.fullAction(sent.get(0)));
                assertTrue(sent.get(0).contains("BinaryExchange ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust"
                        + "/spnego\"") && !sent.get(0).contains("Security>"), "WCF's first leg: " + sent.get(0));
                assertTrue(replies.get(0).contains("Fault") && !replies.get(0).contains("RequestSecurityTokenResponse"),
                        replies.get(0));
                assertFalse(cxf.peer().protocol().stream().anyMatch(l -> l.startsWith("CALLER")), "no operation runs");
            } finally {
                factory.abort();
            }
        }
    }

    /** A CXF service publishing wcf4j's {@code ?singleWsdl} for the configuration, behind a proxy. */
    private record CxfService(Peer peer, FaultInjectingHttpProxy proxy, URI address) implements AutoCloseable {
        static CxfService start(ServiceModelConfiguration config) {
            return start(config, "WSHttpBinding_ICalculator");
        }

        static CxfService start(ServiceModelConfiguration config, String port) {
            ServiceHost exporter = host(config, new CopyOnWriteArrayList<>());
            try {
                List<String> args = new ArrayList<>(List.of("server", "--wsdl", exporter.endpoints().get(0).address()
                        + "?singleWsdl", "--service", "{" + CONTRACT_NS + "}CalculatorService", "--port",
                        "{" + CONTRACT_NS + "}" + port, "--address", "http://127.0.0.1:0/calc",
                        "--no-bsp"));
                args.addAll(kerberos("host/localhost"));
                args.addAll(List.of("--spn", "host@localhost"));
                Peer peer = cxfPeer(args);
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

    private static double explained(CxfService cxf, DoubleSupplier call) {
        try {
            return call.getAsDouble();
        } catch (RuntimeException e) {
            throw new AssertionError(e + " caused by " + e.getCause() + "\nsent: "
                    + cxf.proxy().envelopes(Direction.CLIENT_TO_SERVICE) + "\nreceived: "
                    + cxf.proxy().envelopes(Direction.SERVICE_TO_CLIENT) + "\npeer stderr:\n" + cxf.peer().stderr(), e);
        }
    }

    /**
     * The other direction: a wcf4j client (wsHttpBinding's default Message security) → a CXF service publishing
     * wcf4j's {@code ?singleWsdl} (the {@code sp:SpnegoContextToken} inside the secure conversation's bootstrap policy),
     * its SPNEGO acceptor configured ({@code ws-security.kerberos.jaas.context}, {@code .spn}). wcf4j opens as WCF does,
     * with the SPNEGO negotiation (RST/Issue, the NegTokenInit in {@code t:BinaryExchange}); CXF's SpnegoContextToken
     * handler looks for the action before CXF has decoded {@code wsa:Action} (WCF's SOAP 1.2 requests with addressing
     * carry no {@code action} in their content type), so the negotiation reaches its dispatcher as an unknown
     * operation (docs/INTEROP.md). wcf4j's client fails with WCF's negotiation text; CXF's service cannot be
     * the service of WCF's default binding.
     */
    @Test
    void aCxfServiceDoesNotNegotiateSpnegoInsideASecureConversationBootstrap() throws Exception {
        ServiceModelConfiguration config = spnego(true);
        try (CxfService cxf = CxfService.start(config)) {
            ClientEndpoint e = config.clientEndpoint("calculator").orElseThrow();
            ClientFactory<ICalculator> factory = ClientFactory.builder(new ClientEndpoint(e.name(), cxf.address(),
                    e.bindingSection(), e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(),
                    Optional.of(new EndpointIdentity.ServicePrincipalName("host/localhost")), e.headers(),
                    e.standardEndpoint()), ICalculator.class)
                    .parameter(KerberosCredentials.class, EmbeddedKdc.shared().credentials("alice")).build();
            try {
                ICalculator calc = factory.createChannel();
                RuntimeException failed = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                        () -> calc.add(100, 15.99));
                String messages = failed + " | " + failed.getCause();
                assertTrue(messages.contains("Secure channel cannot be opened because security negotiation with the"
                        + " remote endpoint has failed.") && messages.contains("Message part {http://schemas.xmlsoap"
                        + ".org/ws/2005/02/trust}RequestSecurityToken was not recognized."), messages);
                List<String> sent = cxf.proxy().envelopes(Direction.CLIENT_TO_SERVICE);
                assertEquals(1, sent.size(), sent.toString());
                assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/Issue", Wire.fullAction(sent.get(0)));
                assertTrue(sent.get(0).contains("ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust/spnego\""),
                        sent.get(0));
                String reply = cxf.proxy().envelopes(Direction.SERVICE_TO_CLIENT).get(0);
                assertTrue(reply.contains("Fault") && !reply.contains("RequestSecurityTokenResponse"), reply);
                assertFalse(cxf.peer().protocol().stream().anyMatch(l -> l.startsWith("CALLER")), "no operation runs");
            } finally {
                factory.abort();
            }
        }
    }

    @Test
    void aWcf4jClientCallsACxfServiceWithItsKerberosTicket() throws Exception {
        ServiceModelConfiguration config = config();
        try (CxfService cxf = CxfService.start(config)) {
            ClientEndpoint e = config.clientEndpoint("calculator").orElseThrow();
            ClientFactory<ICalculator> factory = ClientFactory.builder(new ClientEndpoint(e.name(), cxf.address(),
                    e.bindingSection(), e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(),
                    Optional.of(new EndpointIdentity.ServicePrincipalName("host/localhost")), e.headers(),
                    e.standardEndpoint()), ICalculator.class)
                    .parameter(KerberosCredentials.class, EmbeddedKdc.shared().credentials("alice")).build();
            try {
                ICalculator calc = factory.createChannel();
                assertEquals(115.99, explained(cxf, () -> calc.add(100, 15.99)), 1e-9);
                assertEquals(68.46, explained(cxf, () -> calc.subtract(145, 76.54)), 1e-9);
                for (int i = 1; i <= 2; i++) {
                    String caller = cxf.peer().await("CALLER", PEER);
                    assertTrue(caller.startsWith("CALLER " + i + " ") && caller.contains(ALICE), caller);
                }
                List<String> sent = cxf.proxy().envelopes(Direction.CLIENT_TO_SERVICE);
                assertEquals(2, sent.size());
                assertTrue(sent.stream().allMatch(r -> r.contains("ValueType=\"" + GSS_AP_REQ + "\"")), sent.get(0));
                assertFalse(sent.stream().anyMatch(r -> r.contains("115.99")), "bodies encrypted");
                List<String> replies = cxf.proxy().envelopes(Direction.SERVICE_TO_CLIENT);
                assertTrue(replies.stream().allMatch(r -> r.contains(AP_REQ_SHA1)),
                        "CXF names the request's ticket by its SHA-1 as WCF does: " + replies.get(0));
            } finally {
                factory.abort();
            }
        }
    }
}

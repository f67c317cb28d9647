package io.github.wcf4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.samples.ICalculator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * WCF's Kerberos token profile (wsHttpBinding {@code Message}/{@code Windows}, no negotiation, no context) against
 * Eclipse Metro WSIT in its own JVM, both directions, against the test JVM's embedded KDC: Metro driven by the policy
 * wcf4j exports ({@code sp:KerberosToken}), its {@code sc:KerberosConfig} naming a JAAS entry over the given keytab.
 */
class MetroKerberosTest {
    private static final Duration PEER = Duration.ofSeconds(120);
    private static final String CONTRACT_NS = "http://Microsoft.ServiceModel.Samples";
    private static final String ALICE = "alice@" + EmbeddedKdc.REALM;

    private static List<String> tapped(List<String> tap, String direction) {
        return tap.stream().filter(s -> s.startsWith(direction + " ")).toList();
    }

    @Test
    void aMetroClientBuiltFromTheWsdlCallsAWcf4jServiceWithItsKerberosTicket() {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = CxfKerberosTest.host(CxfKerberosTest.config(), tap);
        URI address = host.endpoints().get(0).address();
        List<String> args = new ArrayList<>(List.of("client", "--wsdl", address + "?wsdl", "--service",
                "{http://tempuri.org/}CalculatorService", "--port", "{http://tempuri.org/}WSHttpBinding_ICalculator",
                "--calls", MetroClientTest.CALLS, "--spn", "host/localhost@" + EmbeddedKdc.REALM));
        args.addAll(CxfKerberosTest.kerberos("alice"));
        try (Peer metro = Peer.metroSecurity(args.toArray(String[]::new))) {
            try {
                assertEquals("RESULT Add 115.99", metro.await("RESULT", PEER));
                assertEquals("RESULT Subtract 68.46", metro.await("RESULT", PEER));
                assertEquals("RESULT Multiply 731.25", metro.await("RESULT", PEER));
                assertEquals("RESULT Divide 3.142857142857143", metro.await("RESULT", PEER));
                metro.await("DONE", PEER);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nwcf4j received: " + tapped(tap, "received")
                        + "\nwcf4j sent: " + tapped(tap, "sent") + "\npeer stderr:\n" + metro.stderr(), e);
            }
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op);
            }
            assertEquals(List.of("Kerberos:" + ALICE, "Kerberos:" + ALICE, "Kerberos:" + ALICE, "Kerberos:" + ALICE),
                    CxfSymmetricSecurityTest.CALLERS, "the ticket's client is the caller");
            List<String> received = tapped(tap, "received");
            assertTrue(received.stream().allMatch(r -> r.contains("ValueType=\"" + CxfKerberosTest.GSS_AP_REQ + "\"")),
                    "each request carries its AP-REQ: " + received.get(0));
            assertFalse(received.stream().anyMatch(r -> r.contains("115.99")), "bodies encrypted");
        } finally {
            host.abort();
        }
    }

    /**
     * Issue 15: Metro has no SPNEGO. Built from wcf4j's {@code ?wsdl} for wsHttpBinding {@code Message}/{@code Windows}
     * with {@code establishSecurityContext="false"} (SspiNegotiated: the {@code sp:SpnegoContextToken} the symmetric
     * binding's protection token), its policy reader drops the token ("SP0100: … is not supported under Token
     * assertion") and the client sends the call in clear with a timestamp only: no negotiation, no signature, the body
     * readable. wcf4j refuses it as WCF does, with the unsecured InvalidSecurity fault, nothing dispatched; Metro then
     * fails on the unsecured fault.
     */
    @Test
    void aMetroClientCannotNegotiateSpnego() {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = CxfKerberosTest.host(CxfKerberosTest.spnego(false), tap);
        URI address = host.endpoints().get(0).address();
        List<String> args = new ArrayList<>(List.of("client", "--wsdl", address + "?wsdl", "--service",
                "{http://tempuri.org/}CalculatorService", "--port", "{http://tempuri.org/}WSHttpBinding_ICalculator",
                "--calls", "Add 1 2", "--spn", "host/localhost@" + EmbeddedKdc.REALM));
        args.addAll(CxfKerberosTest.kerberos("alice"));
        try (Peer metro = Peer.metroSecurity(args.toArray(String[]::new))) {
            String error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> metro.await("RESULT", PEER)).getMessage();
            String explained = error + "\nwcf4j received: " + tapped(tap, "received") + "\nwcf4j sent: "
                    + tapped(tap, "sent");
            assertTrue(error.contains("SpnegoContextToken") && error.contains("is not supported under Token assertion")
                    && error.contains("WSSTUBE0025: Error in Verifying Security in the Inbound Message."), explained);
            List<String> received = tapped(tap, "received");
            assertEquals(1, received.size(), explained);
            String call = received.get(0);
            assertEquals("http://Microsoft.ServiceModel.Samples/ICalculator/Add", Wire.fullAction(call));
            assertTrue(call.contains("<n1>1.0</n1>") && call.contains("Timestamp") && !call.contains("BinaryExchange")
                    && !call.contains("Signature") && !call.contains("EncryptedData"),
                    "Metro drops the SPNEGO token and sends the call in clear: " + call);
            String refusal = tapped(tap, "sent").get(0);
            assertTrue(refusal.contains("a:InvalidSecurity") && refusal.contains(
                    "An error occurred when verifying security for the message."), refusal);
            assertEquals(0, HostedCalculator.calls("Add"), "no operation runs");
        } finally {
            host.abort();
        }
    }

    private record MetroService(Peer peer, FaultInjectingHttpProxy proxy, URI address) implements AutoCloseable {
        static MetroService start(ServiceModelConfiguration config, String port) {
            ServiceHost exporter = CxfKerberosTest.host(config, new CopyOnWriteArrayList<>());
            try {
                List<String> args = new ArrayList<>(List.of("server", "--wsdl", exporter.endpoints().get(0).address()
                        + "?singleWsdl", "--service", "{" + CONTRACT_NS + "}CalculatorService", "--port",
                        "{" + CONTRACT_NS + "}" + port, "--address", "http://127.0.0.1:0/calc"));
                args.addAll(CxfKerberosTest.kerberos("host/localhost"));
                Peer peer = Peer.metroSecurity(args.toArray(String[]::new));
                URI direct = URI.create(peer.await("READY", PEER).substring("READY ".length()));
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
            proxy.close();
            peer.close();
        }
    }

    private static double explained(MetroService metro, DoubleSupplier call) {
        try {
            return call.getAsDouble();
        } catch (RuntimeException e) {
            throw new AssertionError(e + " caused by " + e.getCause() + "\nsent: "
                    + metro.proxy().envelopes(Direction.CLIENT_TO_SERVICE) + "\nreceived: "
                    + metro.proxy().envelopes(Direction.SERVICE_TO_CLIENT) + "\npeer stderr:\n"
                    + metro.peer().stderr(), e);
        }
    }

    /** A customBinding of {@code authenticationMode="Kerberos"} under {@code version}. */
    static ServiceModelConfiguration kerberosCustom(String version) {
        return MetroSecurityTest.config("customBinding", """
                <customBinding><binding name="secure">
                    <security authenticationMode="Kerberos" messageSecurityVersion="%s"/>
                    <textMessageEncoding/><httpTransport/>
                  </binding></customBinding>""".formatted(version));
    }

    /**
     * wcf4j client → Metro service under a Basic Security Profile {@code messageSecurityVersion}: the derived keys'
     * references to the Kerberos token carry {@code ValueType} (and {@code k:TokenType}), which Metro needs (below).
     */
    @Test
    void aWcf4jClientCallsAMetroServiceWithItsKerberosTicket() throws Exception {
        ServiceModelConfiguration config = kerberosCustom(
                "WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10");
        try (MetroService metro = MetroService.start(config, "CustomBinding_ICalculator")) {
            ClientEndpoint e = config.clientEndpoint("calculator").orElseThrow();
            ClientFactory<ICalculator> factory = ClientFactory.builder(new ClientEndpoint(e.name(), metro.address(),
                    e.bindingSection(), e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(),
                    Optional.of(new EndpointIdentity.ServicePrincipalName("host/localhost")), e.headers(),
                    e.standardEndpoint()), ICalculator.class)
                    .parameter(KerberosCredentials.class, EmbeddedKdc.shared().credentials("alice")).build();
            try {
                ICalculator calc = factory.createChannel();
                assertEquals(115.99, explained(metro, () -> calc.add(100, 15.99)), 1e-9);
                assertEquals(68.46, explained(metro, () -> calc.subtract(145, 76.54)), 1e-9);
                for (int i = 1; i <= 2; i++) {
                    String caller = metro.peer().await("CALLER", PEER);
                    assertTrue(caller.startsWith("CALLER " + i + " ") && caller.contains("alice"), caller);
                }
                List<String> sent = metro.proxy().envelopes(Direction.CLIENT_TO_SERVICE);
                assertEquals(2, sent.size());
                assertTrue(sent.stream().allMatch(r -> r.contains("ValueType=\"" + CxfKerberosTest.GSS_AP_REQ
                        + "\"")), sent.get(0));
                assertTrue(sent.get(0).contains("<o:Reference URI=\"#") && sent.get(0).contains("ValueType=\""
                        + CxfKerberosTest.GSS_AP_REQ + "\"/>"), "the reference's ValueType: " + sent.get(0));
                List<String> replies = metro.proxy().envelopes(Direction.SERVICE_TO_CLIENT);
                assertTrue(replies.stream().allMatch(r -> r.contains(CxfKerberosTest.AP_REQ_SHA1)),
                        "Metro names the request's ticket by its SHA-1 as WCF does: " + replies.get(0));
            } finally {
                factory.abort();
            }
        }
    }

    /**
     * The same under WCF's default, non-BSP {@code messageSecurityVersion} (wsHttpBinding's): WCF writes the derived
     * keys' {@code o:Reference} to the Kerberos {@code BinarySecurityToken} by its id alone, without {@code ValueType},
     * as wcf4j does; Metro's service (XWSS) then does not take the reference for the Kerberos token and has no key to
     * derive from ({@code WSS1819}, a NullPointerException on {@code originalKey}) and answers an unsecured
     * "Invalid Security Header" fault; the operation never runs. (Metro's client, the other way, reads wcf4j's replies
     * under this version: above.)
     */
    @Test
    void aMetroServiceCannotResolveWcfsKerberosReferenceWithoutValueType() throws Exception {
        ServiceModelConfiguration config = CxfKerberosTest.config();
        try (MetroService metro = MetroService.start(config, "WSHttpBinding_ICalculator")) {
            ClientEndpoint e = config.clientEndpoint("calculator").orElseThrow();
            ClientFactory<ICalculator> factory = ClientFactory.builder(new ClientEndpoint(e.name(), metro.address(),
                    e.bindingSection(), e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(),
                    Optional.of(new EndpointIdentity.ServicePrincipalName("host/localhost")), e.headers(),
                    e.standardEndpoint()), ICalculator.class)
                    .parameter(KerberosCredentials.class, EmbeddedKdc.shared().credentials("alice")).build();
            try {
                ICalculator calc = factory.createChannel();
                RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                        () -> calc.add(100, 15.99));
                String messages = refused + " | " + refused.getCause();
                assertTrue(messages.contains("An unsecured or incorrectly secured fault was received from the other"
                        + " party.") && messages.contains("Invalid Security Header"), messages);
                String request = metro.proxy().envelopes(Direction.CLIENT_TO_SERVICE).get(0);
                assertTrue(request.contains("ValueType=\"" + CxfKerberosTest.GSS_AP_REQ + "\" u:Id=")
                        && request.matches("(?s).*<o:Reference URI=\"#uuid-[^\"]+\"/>.*"),
                        "the token's reference by id alone: " + request);
                assertTrue(metro.peer().stderr().contains("WSS1819"), "Metro's derived key has no key");
                assertFalse(metro.peer().protocol().stream().anyMatch(l -> l.startsWith("CALLER")), "never runs");
            } finally {
                factory.abort();
            }
        }
    }
}

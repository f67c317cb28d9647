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
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.SecurityFaultException;
import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.service.OperationContext;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.samples.CalculatorService;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wcf4j's {@code AnonymousForCertificate} and {@code UserNameForCertificate} (WS-Security 1.1 symmetric binding, the
 * service's certificate as protection token, derived keys, encrypted signature) against Apache CXF in its own JVM,
 * WSS4J enforcing the WS-SecurityPolicy 1.1 policy WCF exports for those modes, over HTTP, both directions: results,
 * the caller each service sees, what travels, and one refusal per direction.
 */
class CxfSymmetricSecurityTest {
    private static final String SERVICE = HostedCalculator.SERVICE;
    private static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";
    private static final Duration PEER = Duration.ofSeconds(90);
    private static final String PASSWORD = new String(SelfSignedKeyStore.PASSWORD);
    /** Who called each operation the wcf4j service ran, in order. */
    static final List<String> CALLERS = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dir;
    /** The service's key pair. */
    static Path serviceKeys;
    /** The service's certificate alone, as a client holds it. */
    static Path serviceCertificate;
    static X509Credential service;

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
    }

    /**
     * The mode's binding under WCF's default message security version or its Basic Security Profile twin. WSS4J
     * enforces the profile by default; WCF's non-BSP versions write references without the attributes it requires
     * (as WCF does), so the peer is told {@code --no-bsp} for those.
     */
    private static Binding binding(AuthenticationMode mode, boolean basicSecurityProfile) {
        return CustomBinding.of("CustomBinding_ICalculator", SecurityBindingElement.builder().authenticationMode(mode)
                .messageSecurityVersion(basicSecurityProfile
                        ? MessageSecurityVersion.WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10
                        : MessageSecurityVersion.DEFAULT).build(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
    }

    private static List<String> bsp(boolean basicSecurityProfile) {
        return basicSecurityProfile ? List.of() : List.of("--no-bsp");
    }

    /** A wcf4j service of {@code mode}, its envelopes recorded in {@code tapped}. */
    private static ServiceHost host(AuthenticationMode mode, boolean basicSecurityProfile, List<String> tapped) {
        WireTap tap = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
        ServiceHost host = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                new ServiceEndpoint("", "", "customBinding", "", binding(mode, basicSecurityProfile), CONTRACT,
                        Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.discovered().map(SERVICE, Callers.class))
                .baseAddress(URI.create("http://127.0.0.1:0/calc")).parameter(WireTap.class, tap)
                .credentials(ServiceCredentials.defaults().withServiceCertificate(service)
                        .withUserNameValidator((user, password) -> {
                            if (!user.equals("alice") || !password.equals("secret")) {
                                throw new SecurityTokenValidationException("Unknown user name or incorrect password");
                            }
                        })).build();
        HostedCalculator.CALLS.clear();
        CALLERS.clear();
        host.open();
        return host;
    }

    private static Peer cxfClient(ServiceHost host, String auth, boolean basicSecurityProfile, String... options) {
        List<String> args = new ArrayList<>(List.of("client", "--auth", auth, "--address",
                host.endpoints().get(0).address().toString(), "--service-cert", serviceCertificate.toString(),
                "--password", PASSWORD));
        args.addAll(bsp(basicSecurityProfile));
        args.addAll(List.of(options));
        return Peer.cxfSymmetric(args.toArray(String[]::new));
    }

    private static void assertResults(Peer peer) {
        assertEquals("RESULT Add 115.99", peer.await("RESULT", PEER));
        assertEquals("RESULT Subtract 68.46", peer.await("RESULT", PEER));
        assertEquals("RESULT Multiply 731.25", peer.await("RESULT", PEER));
        assertEquals("RESULT Divide 3.142857142857143", peer.await("RESULT", PEER));
        peer.await("DONE", PEER);
        for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
            assertEquals(1, HostedCalculator.calls(op), op);
        }
    }

    private static List<String> tapped(List<String> tap, String direction) {
        return tap.stream().filter(s -> s.startsWith(direction + " ")).toList();
    }

    // ---------------------------------------------------------------- CXF client → wcf4j service

    @ParameterizedTest(name = "basicSecurityProfile={0}")
    @ValueSource(booleans = {true, false})
    void aCxfAnonymousForCertificateClientCallsAWcf4jService(boolean basicSecurityProfile) {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(AuthenticationMode.AnonymousForCertificate, basicSecurityProfile, tap);
        try (Peer cxf = cxfClient(host, "anonymous", basicSecurityProfile, "--calls", CxfClientTest.CALLS)) {
            assertResults(cxf);
            assertEquals(List.of(":", ":", ":", ":"), CALLERS, "WCF's anonymous ServiceSecurityContext");
            String request = tapped(tap, "received").get(0);
            String reply = tapped(tap, "sent").get(0);
            assertTrue(request.contains("EncryptedKey") && request.contains("#ThumbprintSHA1"), request);
            assertTrue(request.contains("DerivedKeyToken"), request);
            assertFalse(request.contains("115.99") || request.contains(">100<"), "the body is encrypted: " + request);
            assertTrue(reply.contains("EncryptedKeySHA1"), "the reply names the request's key by its SHA-1: " + reply);
            assertFalse(reply.contains("SignatureConfirmation"), "its confirmation travels encrypted: " + reply);
        } finally {
            host.abort();
        }
    }

    @ParameterizedTest(name = "basicSecurityProfile={0}")
    @ValueSource(booleans = {true, false})
    void aCxfUserNameForCertificateClientCallsAWcf4jServiceAsItsUser(boolean basicSecurityProfile) {
        List<String> tap = new CopyOnWriteArrayList<>();
        ServiceHost host = host(AuthenticationMode.UserNameForCertificate, basicSecurityProfile, tap);
        try (Peer cxf = cxfClient(host, "username", basicSecurityProfile, "--user", "alice", "--pass", "secret",
                "--calls", CxfClientTest.CALLS)) {
            assertResults(cxf);
            String request = tapped(tap, "received").get(0);
            assertFalse(request.contains("alice") || request.contains("secret"),
                    "CXF encrypts the UsernameToken, as WCF does: " + request);
            assertEquals(List.of("UserName:alice", "UserName:alice", "UserName:alice", "UserName:alice"), CALLERS);
        } finally {
            host.abort();
        }
    }

    @Test
    void aCxfClientWithAWrongPasswordGetsWcfsFailedAuthentication() {
        ServiceHost host = host(AuthenticationMode.UserNameForCertificate, true, new CopyOnWriteArrayList<>());
        try (Peer cxf = cxfClient(host, "username", true, "--user", "alice", "--pass", "guess", "--calls",
                "Add 1 2")) {
            AssertionError e = assertThrows(AssertionError.class, () -> cxf.await("RESULT", PEER));
            assertTrue(e.getMessage().contains("At least one security token in the message could not be validated."),
                    e.getMessage());
            assertEquals(0, HostedCalculator.calls("Add"));
            assertEquals(List.of(), CALLERS);
        } finally {
            host.abort();
        }
    }

    // ---------------------------------------------------------------- wcf4j client → CXF service

    /** A CXF service of {@code auth}, with its proxy; closes both. */
    private record CxfService(Peer peer, FaultInjectingHttpProxy proxy, URI address) implements AutoCloseable {
        static CxfService start(String auth, boolean basicSecurityProfile) {
            List<String> args = new ArrayList<>(List.of("server", "--auth", auth, "--address",
                    "http://127.0.0.1:0/calc", "--keystore", serviceKeys.toString(), "--password", PASSWORD, "--user",
                    "alice", "--pass", "secret"));
            args.addAll(bsp(basicSecurityProfile));
            Peer peer = Peer.cxfSymmetric(args.toArray(String[]::new));
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

    private static ICalculator wcf4jClient(AuthenticationMode mode, boolean basicSecurityProfile, URI address,
            ClientCredentials credentials) {
        // the certificate names localhost; the peer listens on 127.0.0.1 (a WCF client configures <dns value=...>)
        return ClientFactory.builder(new ClientEndpoint("", address, "customBinding", "",
                binding(mode, basicSecurityProfile), CONTRACT,
                Optional.empty(), Optional.of(new EndpointIdentity.Dns("localhost")), List.of(), Optional.empty()),
                ICalculator.class).credentials(credentials.withDefaultServiceCertificate(service.certificate()))
                .build().createChannel();
    }

    /** {@code call}'s result; when it fails, the failure with its cause and the peer's log. */
    private static double explained(Peer peer, DoubleSupplier call) {
        try {
            return call.getAsDouble();
        } catch (RuntimeException e) {
            throw new AssertionError(e + " caused by " + e.getCause() + "\npeer stderr:\n" + peer.stderr(), e);
        }
    }

    @ParameterizedTest(name = "basicSecurityProfile={0}")
    @ValueSource(booleans = {true, false})
    void aWcf4jAnonymousForCertificateClientCallsACxfService(boolean basicSecurityProfile) throws Exception {
        try (CxfService cxf = CxfService.start("anonymous", basicSecurityProfile)) {
            ICalculator calc = wcf4jClient(AuthenticationMode.AnonymousForCertificate, basicSecurityProfile,
                    cxf.address(),
                    ClientCredentials.none());
            assertEquals(115.99, explained(cxf.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(68.46, explained(cxf.peer(), () -> calc.subtract(145, 76.54)), 1e-9);
            assertEquals("CALLER 1 anonymous", cxf.peer().await("CALLER", PEER));
            assertEquals("CALLER 2 anonymous", cxf.peer().await("CALLER", PEER));
            // the client checked the confirmation of its signature (a reply without it is refused); CXF encrypts it
            String reply = cxf.proxy().envelopes(Direction.SERVICE_TO_CLIENT).get(0);
            assertTrue(reply.contains("EncryptedKeySHA1"), reply);
            assertFalse(reply.contains("SignatureConfirmation"), reply);
        }
    }

    @ParameterizedTest(name = "basicSecurityProfile={0}")
    @ValueSource(booleans = {true, false})
    void aWcf4jUserNameForCertificateClientCallsACxfServiceAsItsUser(boolean basicSecurityProfile) throws Exception {
        try (CxfService cxf = CxfService.start("username", basicSecurityProfile)) {
            ICalculator calc = wcf4jClient(AuthenticationMode.UserNameForCertificate, basicSecurityProfile,
                    cxf.address(),
                    ClientCredentials.userName("alice", "secret"));
            assertEquals(731.25, explained(cxf.peer(), () -> calc.multiply(9, 81.25)), 1e-9);
            assertEquals("CALLER 1 alice", cxf.peer().await("CALLER", PEER));
            String request = cxf.proxy().envelopes(Direction.CLIENT_TO_SERVICE).get(0);
            assertFalse(request.contains("alice") || request.contains("secret"), "the token is encrypted: " + request);
        }
    }

    @Test
    void aCxfServiceRefusesATamperedRequestAndServesTheNextOne() throws Exception {
        try (CxfService cxf = CxfService.start("anonymous", true)) {
            cxf.proxy().inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(1).then(FaultAction.rewrite(s -> {
                Matcher m = Pattern.compile("(<s:Body[^>]*>.*?CipherValue>)(.)").matcher(s);
                assertTrue(m.find(), s);
                char flipped = m.group(2).charAt(0) == 'A' ? 'B' : 'A';
                return s.substring(0, m.start(2)) + flipped + s.substring(m.end(2));
            })));
            ICalculator calc = wcf4jClient(AuthenticationMode.AnonymousForCertificate, true, cxf.address(),
                    ClientCredentials.none());
            MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> calc.add(1, 2));
            assertEquals(WcfText.UnsecuredMessageFaultReceived.format(), e.getMessage());
            assertInstanceOf(SecurityFaultException.class, e.getCause());
            assertEquals(115.99, explained(cxf.peer(), () -> calc.add(100, 15.99)), 1e-9);
            assertEquals("CALLER 1 anonymous", cxf.peer().await("CALLER", PEER),
                    "the tampered request never reached the operation");
        }
    }

    /** The sample's service, counting invocations and recording each caller as WCF's ServiceSecurityContext names it. */
    public static final class Callers extends CalculatorService implements ICalculator {
        private static double recorded(String op, double result) {
            HostedCalculator.CALLS.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
            CALLERS.add(OperationContext.current().serviceSecurityContext()
                    .map(c -> c.authenticationType() + ":" + c.primaryIdentityName()).orElse("none"));
            return result;
        }

        @Override
        public double add(double n1, double n2) {
            return recorded("Add", super.add(n1, n2));
        }

        @Override
        public double subtract(double n1, double n2) {
            return recorded("Subtract", super.subtract(n1, n2));
        }

        @Override
        public double multiply(double n1, double n2) {
            return recorded("Multiply", super.multiply(n1, n2));
        }

        @Override
        public double divide(double n1, double n2) {
            return recorded("Divide", super.divide(n1, n2));
        }
    }
}

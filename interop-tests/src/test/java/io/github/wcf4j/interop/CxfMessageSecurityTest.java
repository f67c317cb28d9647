package io.github.wcf4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import io.github.wcf4j.samples.ICalculator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wcf4j's {@code UserNameOverTransport} and {@code CertificateOverTransport} against Apache CXF (its own JVM, WSS4J
 * enforcing the WS-SecurityPolicy 1.1 policy WCF exports for those modes: {@code sp:TransportBinding} with
 * {@code sp:SignedSupportingTokens/UsernameToken} or {@code sp:EndorsingSupportingTokens/X509Token}), over HTTPS,
 * both directions.
 */
class CxfMessageSecurityTest {
    private static final String SERVICE = HostedCalculator.SERVICE;
    private static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";
    private static final String CALLS = CxfClientTest.CALLS;
    private static final Duration PEER = Duration.ofSeconds(90);
    private static final String PASSWORD = new String(SelfSignedKeyStore.PASSWORD);

    @TempDir
    static Path dir;
    static Path serviceKeys;
    static Path clientKeys;
    static X509Credential client;

    @BeforeAll
    static void keys() throws Exception {
        serviceKeys = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost", "dns:localhost,ip:127.0.0.1");
        clientKeys = SelfSignedKeyStore.create(dir.resolve("client.p12"), "client", "dns:client");
        client = X509Credential.fromKeyStore(clientKeys, SelfSignedKeyStore.PASSWORD, null);
    }

    private static Binding binding(AuthenticationMode mode) {
        return binding(mode, MessageSecurityVersion.DEFAULT);
    }

    private static Binding binding(AuthenticationMode mode, MessageSecurityVersion version) {
        return CustomBinding.of("CustomBinding_ICalculator", SecurityBindingElement.builder().authenticationMode(mode)
                .messageSecurityVersion(version).build(), TextMessageEncodingBindingElement.defaults(),
                HttpsTransportBindingElement.defaults());
    }

    private static ServiceHost host(AuthenticationMode mode) {
        Binding b = binding(mode);
        ServiceHost host = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                new ServiceEndpoint("", "", "customBinding", "", b, CONTRACT, Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.discovered().map(SERVICE, HostedCalculator.Counting.class))
                .baseAddress(URI.create("https://127.0.0.1:0/calc"))
                .parameter(TlsSettings.class, TlsSettings.keyStore(serviceKeys, SelfSignedKeyStore.PASSWORD))
                .credentials(ServiceCredentials.defaults().withUserNameValidator((user, password) -> {
                    if (!user.equals("alice") || !password.equals("secret")) {
                        throw new SecurityTokenValidationException("Unknown user name or incorrect password");
                    }
                }).withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                        List.of(client.certificate())))).build();
        HostedCalculator.CALLS.clear();
        host.open();
        return host;
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

    private static ICalculator wcf4jClient(Binding b, String address, ClientCredentials credentials) {
        return ClientFactory.builder(new ClientEndpoint("", URI.create(address), "customBinding", "", b, CONTRACT,
                Optional.empty(), Optional.empty(), List.of(), Optional.empty()), ICalculator.class)
                .parameter(TlsSettings.class, TlsSettings.keyStore(serviceKeys, SelfSignedKeyStore.PASSWORD))
                .credentials(credentials).build().createChannel();
    }

    /** {@code call}'s result; when it fails, the failure with its cause and the peer's log. */
    private static double explained(Peer peer, DoubleSupplier call) {
        try {
            return call.getAsDouble();
        } catch (RuntimeException e) {
            throw new AssertionError(e + " caused by " + e.getCause() + "\npeer stderr:\n" + peer.stderr(), e);
        }
    }

    /** A CXF client of {@code host}'s endpoint over HTTPS, with {@code options}. */
    private static Peer cxfClient(ServiceHost host, String auth, String... options) {
        List<String> args = new ArrayList<>(List.of("client", "--auth", auth, "--address",
                host.endpoints().get(0).address().toString(), "--trust", serviceKeys.toString(), "--password",
                PASSWORD));
        args.addAll(List.of(options));
        return Peer.cxfSecurity(args.toArray(String[]::new));
    }

    @Test
    void aCxfUserNameClientCallsAWcf4jService() {
        ServiceHost host = host(AuthenticationMode.UserNameOverTransport);
        try (Peer cxf = cxfClient(host, "username", "--user", "alice", "--pass", "secret", "--calls", CALLS)) {
            assertResults(cxf);
        } finally {
            host.abort();
        }
    }

    @Test
    void aCxfClientWithAWrongPasswordGetsWcfsFailedAuthentication() {
        ServiceHost host = host(AuthenticationMode.UserNameOverTransport);
        try (Peer cxf = cxfClient(host, "username", "--user", "alice", "--pass", "guess", "--calls", "Add 1 2")) {
            AssertionError e = assertThrows(AssertionError.class, () -> cxf.await("RESULT", PEER));
            assertTrue(e.getMessage().contains("At least one security token in the message could not be validated."),
                    e.getMessage());
            assertEquals(0, HostedCalculator.calls("Add"));
        } finally {
            host.abort();
        }
    }

    @Test
    void aCxfCertificateClientCallsAWcf4jService() {
        ServiceHost host = host(AuthenticationMode.CertificateOverTransport);
        try (Peer cxf = cxfClient(host, "certificate", "--keystore", clientKeys.toString(), "--calls", CALLS)) {
            assertResults(cxf);
        } finally {
            host.abort();
        }
    }

    @Test
    void aWcf4jUserNameClientCallsACxfService() {
        try (Peer cxf = Peer.cxfSecurity("server", "--auth", "username", "--address", "https://127.0.0.1:0/calc",
                "--keystore", serviceKeys.toString(), "--password", PASSWORD, "--user", "alice", "--pass",
                "secret")) {
            String address = cxf.await("READY", PEER).substring("READY ".length());
            ICalculator calc = wcf4jClient(binding(AuthenticationMode.UserNameOverTransport), address,
                    ClientCredentials.userName("alice", "secret"));
            assertEquals(115.99, explained(cxf, () -> calc.add(100, 15.99)), 1e-9);
            assertEquals(68.46, calc.subtract(145, 76.54), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aWcf4jCertificateClientCallsACxfService(boolean basicSecurityProfile) {
        // WCF's non-BSP versions (the default among them) write the token reference without ValueType, which WSS4J
        // refuses by default (BSP R3058): that peer needs is-bsp-compliant=false
        List<String> args = new ArrayList<>(List.of("server", "--auth", "certificate", "--address",
                "https://127.0.0.1:0/calc", "--keystore", serviceKeys.toString(), "--password", PASSWORD, "--trust",
                clientKeys.toString()));
        if (!basicSecurityProfile) {
            args.add("--no-bsp");
        }
        try (Peer cxf = Peer.cxfSecurity(args.toArray(String[]::new))) {
            String address = cxf.await("READY", PEER).substring("READY ".length());
            MessageSecurityVersion version = basicSecurityProfile
                    ? MessageSecurityVersion.WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10
                    : MessageSecurityVersion.DEFAULT;
            ICalculator calc = wcf4jClient(binding(AuthenticationMode.CertificateOverTransport, version), address,
                    ClientCredentials.certificate(client));
            assertEquals(731.25, explained(cxf, () -> calc.multiply(9, 81.25)), 1e-9);
        }
    }
}

package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.samples.CalculatorClient;
import io.github.wcf4j.samples.ConfigEdits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Windows authentication from unchanged configurations: the seed configurations as they are ({@code ../shared/seed-configs/calculator-service.config} and
 * {@code calculator-client.config}, not a character changed): a reliable session over a SecureConversation session
 * bootstrapped by SspiNegotiated (Kerberos, against an embedded KDC), over composite duplex and one-way on HTTP. Only
 * the addresses move to free ports; the Kerberos identities are given as binding parameters, as a JVM that hosts and
 * calls at once needs two.
 */
class SeedSecureConversationTest {

    private static Path seed(String name) {
        Path shared = Path.of(System.getProperty("wcf4j.shared", "../../shared"), "seed-configs", name);
        return Files.exists(shared) ? shared : Path.of(CliRun.seed(name));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * wsHttpBinding's defaults (Message security, clientCredentialType Windows, a security context): SecureConversation
     * over SspiNegotiated on request/reply; the client names the service by a {@code <userPrincipalName>} identity.
     */
    @Test
    void wsHttpBindingsDefaultMessageSecurityRunsOverKerberosToAUserPrincipal() throws Exception {
        String config = """
                <configuration><system.serviceModel>
                  <services><service name="IdentityService">
                    <endpoint address="" binding="wsHttpBinding" contract="%1$s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="wsHttpBinding"
                      contract="%1$s"><identity><userPrincipalName value="svc-identity@%2$s"/></identity></endpoint>
                  </client>
                </system.serviceModel></configuration>
                """.formatted(Identity.class.getName(), EmbeddedKdc.REALM);
        ServiceModelConfiguration read = ServiceModelConfigReader.create().read("app.config", config).orThrow();
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        try (ServiceHost host = ServiceHost.builder(read, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("http://localhost:" + freePort() + "/identity"))
                .parameter(KerberosCredentials.class, kdc.credentials("svc-identity")).build()) {
            host.open();
            ClientEndpoint e = read.clientEndpoint("identity").orElseThrow();
            ClientEndpoint at = new ClientEndpoint(e.name(), host.endpoints().get(0).address(), e.bindingSection(),
                    e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(), e.identity(), e.headers(),
                    e.standardEndpoint());
            try (ClientFactory<Identity> f = ClientFactory.builder(at, Identity.class)
                    .parameter(KerberosCredentials.class, kdc.credentials("alice")).build()) {
                Identity id = f.createChannel();
                assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
                assertEquals(5.0, id.add(2, 3));
                f.close(id);
            }
        }
    }

    @Test
    void theSeedRunsVerbatimOverKerberos() throws Exception {
        ServiceModelConfigReader reader = ServiceModelConfigReader.create();
        Path servicePath = seed("calculator-service.config");
        Path clientPath = seed("calculator-client.config");
        ServiceModelConfiguration serviceConfig = reader.read(servicePath.toString(),
                Files.readString(servicePath)).orThrow();
        ServiceModelConfiguration clientConfig = reader.read(clientPath.toString(),
                Files.readString(clientPath)).orThrow();
        ServiceDescription service = serviceConfig.service("Microsoft.ServiceModel.Samples.CalculatorService")
                .orElseThrow();
        ClientEndpoint client = clientConfig.clientEndpoint("").orElseThrow();
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        KerberosCredentials servicePrincipal = kdc.credentials("host/localhost");
        KerberosCredentials alice = kdc.credentials("alice");
        List<String> wire = new CopyOnWriteArrayList<>();
        WireTap tap = (direction, envelope, type) -> wire.add(direction + " "
                + new String(envelope, StandardCharsets.UTF_8));
        URI address = URI.create("http://localhost:" + freePort() + "/servicemodelsamples/service.svc");
        try (ServiceHost host = ServiceHost.builder(service).baseAddress(address)
                .parameter(KerberosCredentials.class, servicePrincipal).build()) {
            host.open();
            Binding binding = ConfigEdits.withClientBaseAddress(client.binding(),
                    URI.create("http://localhost:" + freePort() + "/myClient/"));
            ClientEndpoint calling = ConfigEdits.endpoint(client, host.endpoints().get(0).address(), binding);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CalculatorClient.run(calling, b -> b.parameter(KerberosCredentials.class, alice)
                    .parameter(WireTap.class, tap), new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(List.of("Add(100,15.99) = 115.99", "Subtract(145,76.54) = 68.46",
                    "Multiply(9,81.25) = 731.25", "Divide(22,7) = 3.14285714285714"),
                    out.toString(StandardCharsets.UTF_8).lines().toList());
        }
        List<String> sent = wire.stream().filter(m -> m.startsWith("SENT")).toList();
        String first = sent.get(0);
        assertTrue(first.contains("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/Issue"), first);
        assertTrue(first.contains("ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust/spnego\""), first);
        assertTrue(wire.stream().anyMatch(m -> m.startsWith("RECEIVED") && m.contains("#GSS_Wrap")
                && m.contains("<t:CombinedHash>")), "the final leg came back over the composite duplex channel");
        assertTrue(sent.stream().anyMatch(m -> m.contains("/trust/RST/SCT<")), "the session's token request");
        String createSequence = sent.stream().filter(m -> m.contains("/rm/CreateSequence<")).findFirst()
                .orElseThrow(() -> new AssertionError("no CreateSequence: " + sent));
        assertTrue(createSequence.contains("<c:SecurityContextToken"), "RM runs inside the security session");
        String add = sent.stream().filter(m -> m.contains("http://Microsoft.ServiceModel.Samples/ICalculator/Add<"))
                .findFirst().orElseThrow(() -> new AssertionError("no Add: " + sent));
        assertTrue(add.contains("<c:SecurityContextToken") && add.contains("<r:Sequence"), add);
        assertFalse(add.contains("15.99"), "the body travels encrypted: " + add);
        assertTrue(sent.stream().anyMatch(m -> m.contains("/RST/SCT/Cancel")), "the session is cancelled at close");
    }
}

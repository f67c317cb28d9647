package io.github.wcf4j.samples.duplex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.samples.ConfigEdits;
import io.github.wcf4j.samples.SharedFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The duplex calculator of WCF's documentation ({@code dotnet/docs}, {@code s_duplexclients}) from its configurations
 * in the corpus, unchanged: the verbatim files are refused for their default message security (nothing is served
 * unprotected), and their {@code .no-security} variants, which only add a nameless {@code wsDualHttpBinding} binding
 * with {@code <security mode="None"/>}, run over loopback HTTP with the service calling the client back.
 */
class DuplexCalculatorTest {
    static final Path CONFIGS = Path.of("duplex-configs");
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    static final String CORPUS_PREFIX = "dotnet__docs__samples__snippets__csharp__VS_Snippets_CFX__s_duplexclients__cs__";
    static final List<String> VERBATIM = List.of("hostapplication.exe.config", "client.exe.config");
    static final String NO_SECURITY = "    <bindings>\n      <wsDualHttpBinding>\n        <binding>\n"
            + "          <security mode=\"None\"/>\n        </binding>\n      </wsDualHttpBinding>\n    </bindings>\n";

    private ServiceHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private static ServiceModelConfiguration read(String name) {
        return ServiceModelConfigReader.create().read(CONFIGS.resolve(name)).orThrow();
    }

    private static ServiceTypes types() {
        return ServiceTypes.discovered().map(SERVICE, CalculatorService.class);
    }

    private static String variant(String verbatim) {
        return verbatim.replace(".config", ".no-security.config");
    }

    @Test
    void theShippedConfigurationsAreByteForByteTheCorpusCopies() throws IOException {
        Path corpus = SharedFolder.require("wcf-configs", "the corpus configurations",
                "the check that the duplex sample's configurations are identical to them");
        for (String name : VERBATIM) {
            assertArrayEquals(Files.readAllBytes(corpus.resolve(CORPUS_PREFIX + name)),
                    Files.readAllBytes(CONFIGS.resolve(name)), name);
        }
    }

    @Test
    void theNoSecurityVariantsOnlyAddANamelessWsDualHttpBindingWithoutSecurity() throws IOException {
        for (String name : VERBATIM) {
            String verbatim = Files.readString(CONFIGS.resolve(name));
            String expected = verbatim.replace("  <system.serviceModel>\n", "  <system.serviceModel>\n" + NO_SECURITY);
            assertEquals(expected, Files.readString(CONFIGS.resolve(variant(name))), variant(name));
        }
    }

    @Test
    void theVerbatimServiceConfigurationDoesNotOpenWithoutAKerberosIdentity() {
        host = ServiceHost.builder(read("hostapplication.exe.config").service(SERVICE).orElseThrow()).types(types())
                .baseAddress(URI.create("http://localhost:0/SampleService")).build();
        RuntimeException e = assertThrows(RuntimeException.class, host::open);
        assertTrue(String.valueOf(e.getMessage()).contains("no Kerberos identity is configured"), e.toString());
        assertTrue(host.endpoints().isEmpty(), "nothing is served without the security the configuration asks for");
    }

    @Test
    void theVerbatimConfigurationsRunOverKerberosCallbacksIncluded() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        ServiceDescription service = read("hostapplication.exe.config").service(SERVICE).orElseThrow();
        host = ServiceHost.builder(service).types(types()).baseAddress(URI.create("http://localhost:0/SampleService"))
                .parameter(KerberosCredentials.class, kdc.credentials("host/localhost")).build();
        host.open();
        HostedEndpoint at = host.endpoints().get(0);
        assertEquals(ChannelShape.DUPLEX_SESSION, at.shape());
        ClientEndpoint client = read("client.exe.config").clientEndpoint("").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> sent = new CopyOnWriteArrayList<>();
        CalculatorDuplexClient.run(ConfigEdits.endpoint(client, at.address(), client.binding()),
                b -> b.parameter(KerberosCredentials.class, kdc.credentials("alice")).parameter(WireTap.class,
                        (direction, envelope, type) -> sent.add(new String(envelope, StandardCharsets.UTF_8))),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("Equals(100)\nEquals(50)\nEquals(882.5)\nEquals(441.25)\n"
                + "Equation(0 + 100 - 50 * 17.65 / 2 = 441.25)\n",
                out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        assertTrue(sent.stream().anyMatch(m -> m.contains("/trust/spnego\"")), "an SPNEGO negotiation");
        assertTrue(sent.stream().anyMatch(m -> m.contains("/Equals<") && m.contains("wss-wssecurity-secext-1.0.xsd")
                && m.contains("<e:EncryptedData")), "the callbacks travel inside the security session: " + sent);
    }

    @Test
    void theServiceCallsTheClientBackOverLoopbackHttp() {
        ServiceDescription service = read(variant("hostapplication.exe.config")).service(SERVICE).orElseThrow();
        host = ServiceHost.builder(service).types(types()).baseAddress(URI.create("http://localhost:0/SampleService"))
                .build();
        host.open();
        HostedEndpoint at = host.endpoints().get(0);
        assertEquals("Microsoft.ServiceModel.Samples.ICalculatorDuplex", at.contract());
        assertEquals(ChannelShape.DUPLEX_SESSION, at.shape());
        assertEquals(2, host.endpoints().size(), "the mex endpoint opens too");
        ClientEndpoint client = read(variant("client.exe.config")).clientEndpoint("").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CalculatorDuplexClient.run(ConfigEdits.endpoint(client, at.address(), client.binding()), b -> { },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("Equals(100)\nEquals(50)\nEquals(882.5)\nEquals(441.25)\n"
                + "Equation(0 + 100 - 50 * 17.65 / 2 = 441.25)\n",
                out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}

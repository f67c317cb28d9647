package io.github.wcf4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ported calculator over real loopback HTTP, configured as a WCF application would be: the seed binding without
 * reliableSession and security, basicHttpBinding, wsHttpBinding with security and reliable sessions off, and a custom
 * text + HTTP binding. The service resolves by its .NET name; the client's output is the .NET sample's.
 */
class CalculatorOverHttpTest {
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    static final String EXPECTED = "Add(100,15.99) = 115.99\nSubtract(145,76.54) = 68.46\n"
            + "Multiply(9,81.25) = 731.25\nDivide(22,7) = 3.14285714285714\n";

    private ServiceHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    static Path seed(String name) {
        return SeedConfigs.file(name);
    }

    /** Hosts the configured service at a fresh loopback port; returns the endpoint. */
    HostedEndpoint host(ServiceDescription service, String path) {
        host = ServiceHost.builder(service).baseAddress(URI.create("http://localhost:0" + path)).build();
        host.open();
        return host.endpoints().get(0);
    }

    static String runClient(ClientEndpoint endpoint) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CalculatorClient.run(endpoint, b -> { }, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static ServiceModelConfiguration config(String xml) {
        return ServiceModelConfigReader.create().read("test.config", xml).orThrow();
    }

    private String roundTrip(String bindingSection, String bindingXml) {
        ServiceModelConfiguration c = config("<configuration><system.serviceModel><services><service name=\""
                + SERVICE + "\"><endpoint address=\"\" binding=\"" + bindingSection + "\" bindingConfiguration=\"b\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></service></services><client><endpoint"
                + " name=\"\" address=\"http://localhost:1/calc\" binding=\"" + bindingSection + "\""
                + " bindingConfiguration=\"b\" contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></client>"
                + "<bindings><" + bindingSection + ">" + bindingXml + "</" + bindingSection + "></bindings>"
                + "</system.serviceModel></configuration>");
        HostedEndpoint at = host(c.service(SERVICE).orElseThrow(), "/calc");
        ClientEndpoint client = c.clientEndpoint("").orElseThrow();
        return runClient(ConfigEdits.endpoint(client, at.address(), client.binding()));
    }

    @Test
    void theSeedBindingWithoutReliableSessionAndSecurity() {
        ServiceModelConfiguration service = ServiceModelConfigReader.create()
                .read(seed("calculator-service.no-security.config")).orThrow();
        ServiceModelConfiguration client = ServiceModelConfigReader.create()
                .read(seed("calculator-client.no-security.config")).orThrow();
        UnaryOperator<Binding> noRm = b -> ConfigEdits.without(b, ReliableSessionBindingElement.class);
        HostedEndpoint at = host(ConfigEdits.bindings(service.service(SERVICE).orElseThrow(), noRm),
                "/servicemodelsamples/service.svc");
        assertEquals(ChannelShape.DUPLEX, at.shape());
        assertEquals(List.of(), host.skipped(), "every endpoint is opened, the mex endpoint too");
        assertEquals(2, host.endpoints().size());
        ClientEndpoint seedClient = client.clientEndpoint("").orElseThrow();
        Binding clientBinding = ConfigEdits.withClientBaseAddress(noRm.apply(seedClient.binding()),
                URI.create("http://localhost:0/myClient/"));
        assertEquals(EXPECTED, runClient(ConfigEdits.endpoint(seedClient, at.address(), clientBinding)));
    }

    @Test
    void theSeedBindingWithItsReliableSession() {
        ServiceModelConfiguration service = ServiceModelConfigReader.create()
                .read(seed("calculator-service.no-security.config")).orThrow();
        ServiceModelConfiguration client = ServiceModelConfigReader.create()
                .read(seed("calculator-client.no-security.config")).orThrow();
        HostedEndpoint at = host(service.service(SERVICE).orElseThrow(), "/servicemodelsamples/service.svc");
        assertEquals(ChannelShape.DUPLEX_SESSION, at.shape());
        ClientEndpoint seedClient = client.clientEndpoint("").orElseThrow();
        Binding clientBinding = ConfigEdits.withClientBaseAddress(seedClient.binding(),
                URI.create("http://localhost:0/myClient/"));
        assertEquals(EXPECTED, runClient(ConfigEdits.endpoint(seedClient, at.address(), clientBinding)));
    }

    @Test
    void basicHttpBinding() {
        assertEquals(EXPECTED, roundTrip("basicHttpBinding", "<binding name=\"b\"/>"));
    }

    @Test
    void wsHttpBindingWithSecurityAndReliableSessionOff() {
        assertEquals(EXPECTED, roundTrip("wsHttpBinding", "<binding name=\"b\"><reliableSession enabled=\"false\"/>"
                + "<security mode=\"None\"/></binding>"));
    }

    @Test
    void wsHttpBindingWithAReliableSession() {
        assertEquals(EXPECTED, roundTrip("wsHttpBinding", "<binding name=\"b\"><reliableSession enabled=\"true\"/>"
                + "<security mode=\"None\"/></binding>"));
        assertEquals(ChannelShape.REPLY_SESSION, host.endpoints().get(0).shape());
    }

    @Test
    void ws2007HttpBindingWithAReliableSessionSpeaksWsrm11() {
        assertEquals(EXPECTED, roundTrip("ws2007HttpBinding", "<binding name=\"b\"><reliableSession enabled=\"true\"/>"
                + "<security mode=\"None\"/></binding>"));
    }

    @Test
    void customReliableSessionOverPlainHttp() {
        assertEquals(EXPECTED, roundTrip("customBinding", "<binding name=\"b\"><reliableSession"
                + " reliableMessagingVersion=\"WSReliableMessaging11\" ordered=\"false\"/><textMessageEncoding/>"
                + "<httpTransport/></binding>"));
    }

    @Test
    void customTextOverHttp() {
        assertEquals(EXPECTED, roundTrip("customBinding", "<binding name=\"b\"><textMessageEncoding/>"
                + "<httpTransport/></binding>"));
    }

    @Test
    void theClientProxyReportsTheShapeItUses() {
        ServiceModelConfiguration c = config("<configuration><system.serviceModel><client><endpoint name=\"x\""
                + " address=\"http://localhost:1/calc\" binding=\"basicHttpBinding\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></client></system.serviceModel>"
                + "</configuration>");
        try (ClientFactory<ICalculator> f = ClientFactory.builder(c.clientEndpoint("x").orElseThrow(),
                ICalculator.class).build()) {
            assertEquals(ChannelShape.REQUEST, f.shape());
            assertTrue(f.endpoint().address().toString().endsWith("/calc"));
        }
    }
}

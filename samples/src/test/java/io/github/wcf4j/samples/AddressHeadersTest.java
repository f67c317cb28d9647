package io.github.wcf4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client endpoint's {@code <headers>} travel on every message it sends, as WCF's address headers: marked
 * {@code wsa:IsReferenceParameter="true"} under WS-Addressing 1.0, as plain headers without WS-Addressing.
 */
class AddressHeadersTest {
    private static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    private static final String HEADERS = "<headers><t:Tenant xmlns:t=\"urn:tenants\">blue</t:Tenant>"
            + "<Region xmlns=\"urn:regions\" code=\"eu\"/></headers>";
    private ServiceHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
            host = null;
        }
    }

    private List<String> sent(String bindingSection, String bindingXml) {
        return sent(bindingSection, bindingXml, "");
    }

    /** {@code serviceHeaders}: the service endpoint's own {@code <headers>} element, or {@code ""}. */
    private List<String> sent(String bindingSection, String bindingXml, String serviceHeaders) {
        stop();
        ServiceModelConfiguration c = ServiceModelConfigReader.create().read("headers.config",
                "<configuration><system.serviceModel><services><service name=\"" + SERVICE + "\"><endpoint"
                        + " address=\"\" binding=\"" + bindingSection + "\" bindingConfiguration=\"b\""
                        + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\">" + serviceHeaders
                        + "</endpoint></service></services><client>"
                        + "<endpoint name=\"\" address=\"http://localhost:1/calc\" binding=\"" + bindingSection
                        + "\" bindingConfiguration=\"b\" contract=\"Microsoft.ServiceModel.Samples.ICalculator\">"
                        + HEADERS + "</endpoint></client><bindings><" + bindingSection + ">" + bindingXml + "</"
                        + bindingSection + "></bindings></system.serviceModel></configuration>").orThrow();
        host = ServiceHost.builder(c.service(SERVICE).orElseThrow())
                .baseAddress(URI.create("http://localhost:0/calc")).build();
        host.open();
        HostedEndpoint at = host.endpoints().get(0);
        ClientEndpoint client = c.clientEndpoint("").orElseThrow();
        assertEquals(2, client.headers().size());
        List<String> sent = new CopyOnWriteArrayList<>();
        WireTap tap = (direction, envelope, contentType) -> {
            if (direction == WireTap.Direction.SENT) {
                sent.add(new String(envelope, StandardCharsets.UTF_8));
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CalculatorClient.run(ConfigEdits.endpoint(client, at.address(), client.binding()),
                b -> b.parameter(WireTap.class, tap), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Divide(22,7) = 3.14285714285714"), out::toString);
        assertEquals(4, sent.size(), "four calls");
        return sent;
    }

    @Test
    void underWsAddressing10EachHeaderIsMarkedAsAReferenceParameter() {
        for (String envelope : sent("wsHttpBinding", "<binding name=\"b\"><reliableSession enabled=\"false\"/>"
                + "<security mode=\"None\"/></binding>")) {
            assertTrue(envelope.contains("</a:To><t:Tenant xmlns:wsa_rp=\"http://www.w3.org/2005/08/addressing\""
                    + " wsa_rp:IsReferenceParameter=\"true\" xmlns:t=\"urn:tenants\">blue</t:Tenant>"), envelope);
            assertTrue(envelope.contains("<Region xmlns:wsa_rp=\"http://www.w3.org/2005/08/addressing\""
                    + " wsa_rp:IsReferenceParameter=\"true\" xmlns=\"urn:regions\" code=\"eu\"/>"), envelope);
        }
    }

    @Test
    void withoutWsAddressingTheyArePlainHeaders() {
        for (String envelope : sent("basicHttpBinding", "<binding name=\"b\"/>")) {
            assertTrue(envelope.contains("<s:Header><t:Tenant xmlns:t=\"urn:tenants\">blue</t:Tenant>"
                    + "<Region xmlns=\"urn:regions\" code=\"eu\"/></s:Header>"), envelope);
        }
    }

    @Test
    void aServiceWithTheSameHeadersServesTheClientThatSendsThem() {
        String declaredElsewhere = "<headers xmlns:t=\"urn:tenants\"><Region xmlns=\"urn:regions\" code=\"eu\"/>"
                + "<t:Tenant>blue</t:Tenant></headers>";
        assertEquals(4, sent("wsHttpBinding", "<binding name=\"b\"><reliableSession enabled=\"false\"/>"
                + "<security mode=\"None\"/></binding>", declaredElsewhere).size());
        assertEquals(4, sent("basicHttpBinding", "<binding name=\"b\"/>", HEADERS).size());
    }
}

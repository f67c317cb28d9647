package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code textMessageEncoding messageVersion="None"} from configuration: validated as runnable, hosted and called. */
class PlainXmlConfigTest {
    private static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";

    @TempDir
    Path dir;

    private static String config(String stack, String endpoints) {
        return "<configuration>\n<system.serviceModel>\n<bindings><customBinding>\n<binding name=\"pox\">" + stack
                + "</binding>\n</customBinding></bindings>\n" + endpoints + "\n</system.serviceModel>\n</configuration>";
    }

    private static String service(String stack) {
        return config(stack, "<services><service name=\"Microsoft.ServiceModel.Samples.CalculatorService\">"
                + "<endpoint address=\"\" binding=\"customBinding\" bindingConfiguration=\"pox\" contract=\""
                + CONTRACT + "\"/></service></services>");
    }

    private static String client(URI address, String headers) {
        return config("<textMessageEncoding messageVersion=\"None\"/><httpTransport/>", "<client><endpoint"
                + " name=\"calc\" address=\"" + address + "\" binding=\"customBinding\" bindingConfiguration=\"pox\""
                + " contract=\"" + CONTRACT + "\">" + headers + "</endpoint></client>");
    }

    @Test
    void validateCallsPlainXmlOverHttpRunnableAndHostAndCallRunIt() throws Exception {
        String serviceXml = service("<textMessageEncoding messageVersion=\"None\"/><httpTransport/>");
        Path service = Files.writeString(dir.resolve("service.config"), serviceXml);
        try (ServiceHost host = ServiceHost.builder(ServiceModelConfigReader.create()
                .read("service.config", serviceXml).orThrow().services().get(0))
                .baseAddress(URI.create("http://localhost:0/pox")).build()) {
            host.open();
            Path client = Files.writeString(dir.resolve("client.config"),
                    client(host.endpoints().get(0).address(), ""));
            CliRun v = CliRun.of("validate", service.toString(), client.toString());
            assertEquals(0, v.exitCode(), v.out() + v.err());
            assertTrue(v.err().contains("0 errors, 0 warnings, 0 unsupported; 2 of 2 endpoints run"), v.err());
            CliRun add = CliRun.of("call", client.toString(), "--endpoint", "calc", "Add", "100", "15.99");
            assertEquals(0, add.exitCode(), add.err());
            assertEquals("115.99", add.out().trim());
        }
    }

    @Test
    void compositeDuplexWithoutAddressingIsWcfsError() throws Exception {
        Path service = Files.writeString(dir.resolve("duplex.config"), service("<compositeDuplex/><oneWay/>"
                + "<textMessageEncoding messageVersion=\"None\"/><httpTransport/>"));
        CliRun v = CliRun.of("validate", service.toString());
        assertEquals(ExitCodes.INVALID, v.exitCode(), v.out() + v.err());
        assertTrue(v.out().contains("error: Addressing Version 'AddressingNone"
                + " (http://schemas.microsoft.com/ws/2005/05/addressing/none)' does not support adding WS-Addressing"
                + " headers."), v.out());
    }

    @Test
    void aClientEndpointWithAddressHeadersIsRefusedByName() throws Exception {
        Path client = Files.writeString(dir.resolve("client.config"), client(URI.create("http://localhost/pox"),
                "<headers><Tenant xmlns=\"urn:t\">a</Tenant></headers>"));
        CliRun v = CliRun.of("validate", client.toString());
        assertEquals(ExitCodes.NOT_RUNNABLE, v.exitCode(), v.out() + v.err());
        assertTrue(v.out().contains("unsupported: The endpoint's <headers> ({urn:t}Tenant) are sent with every"
                + " message, but messageVersion None has no envelope to carry them: Envelope Version 'EnvelopeNone"
                + " (http://schemas.microsoft.com/ws/2005/05/envelope/none)' does not support adding Message Headers."),
                v.out());
    }
}

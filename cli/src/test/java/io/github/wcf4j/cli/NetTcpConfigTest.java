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

/** The calculator over netTcpBinding with {@code <security mode="None"/>}, from unchanged WCF configurations. */
class NetTcpConfigTest {
    private static final String BINDINGS = "<bindings><netTcpBinding><binding name=\"plain\">"
            + "<security mode=\"None\"/></binding></netTcpBinding></bindings>";
    private static final String SERVICE_CONFIG = "<configuration><system.serviceModel><services>"
            + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\"><endpoint address=\"\""
            + " binding=\"netTcpBinding\" bindingConfiguration=\"plain\""
            + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></service></services>" + BINDINGS
            + "</system.serviceModel></configuration>";

    @TempDir
    Path dir;

    private static String clientConfig(URI address) {
        return "<configuration><system.serviceModel><client><endpoint name=\"calc\" address=\"" + address + "\""
                + " binding=\"netTcpBinding\" bindingConfiguration=\"plain\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></client>" + BINDINGS
                + "</system.serviceModel></configuration>";
    }

    @Test
    void theCalculatorRunsOverNetTcpWithSecurityNone() throws Exception {
        try (ServiceHost host = ServiceHost.builder(ServiceModelConfigReader.create()
                .read("service.config", SERVICE_CONFIG).orThrow().services().get(0))
                .baseAddress(URI.create("net.tcp://localhost:0/calc")).build()) {
            host.open();
            URI address = host.endpoints().get(0).address();
            assertEquals("net.tcp", address.getScheme());
            Path client = Files.writeString(dir.resolve("client.config"), clientConfig(address));
            CliRun r = CliRun.of("call", client.toString(), "--endpoint", "calc", "Divide", "22", "7");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertEquals("3.14285714285714", r.out().trim());
            CliRun add = CliRun.of("call", client.toString(), "--endpoint", "calc", "Add", "100", "15.99");
            assertEquals("115.99", add.out().trim(), add.err());
        }
    }

    @Test
    void validateCallsASecurityNoneNetTcpEndpointRunnableAndTheDefaultTransportSecurityRefused() throws Exception {
        Path none = Files.writeString(dir.resolve("none.config"), clientConfig(URI.create(
                "net.tcp://localhost:808/calc")));
        CliRun r = CliRun.of("validate", none.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        Path windows = Files.writeString(dir.resolve("windows.config"), "<configuration><system.serviceModel><client>"
                + "<endpoint name=\"calc\" address=\"net.tcp://localhost:808/calc\" binding=\"netTcpBinding\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></client></system.serviceModel>"
                + "</configuration>");
        CliRun refused = CliRun.of("validate", windows.toString());
        assertEquals(ExitCodes.NOT_RUNNABLE, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("windowsStreamSecurity"), refused.err());
    }
}

package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent WCF calls wcf4j over net.tcp: Debian's Mono ({@code mono-devel}, {@code
 * libmono-system-servicemodel4.0a-cil}) carries its own implementation of WCF, not Microsoft's; its netTcpBinding
 * client (security None, binary session encoding, .NET Message Framing) calls the calculator hosted by wcf4j from an
 * unchanged configuration. Skipped (aborted, saying why) where Mono is not installed.
 */
class MonoInteropTest {
    private static final String SERVICE_CONFIG = "<configuration><system.serviceModel><services>"
            + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\"><endpoint address=\"\""
            + " binding=\"netTcpBinding\" bindingConfiguration=\"plain\""
            + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></service></services>"
            + "<bindings><netTcpBinding><binding name=\"plain\"><security mode=\"None\"/></binding></netTcpBinding>"
            + "</bindings></system.serviceModel></configuration>";

    @TempDir
    Path dir;

    @Test
    void monosNetTcpClientCallsTheCalculatorHostedByWcf4j() throws Exception {
        Path mcs = Path.of("/usr/bin/mcs");
        Path mono = Path.of("/usr/bin/mono");
        if (!Files.isExecutable(mcs) || !Files.isExecutable(mono)) {
            String why = "wcf4j: Mono (mono-devel, libmono-system-servicemodel4.0a-cil) is not installed; the net.tcp"
                    + " interop check against Mono's WCF is skipped";
            System.out.println(why);
            Assumptions.abort(why);
        }
        Path source = dir.resolve("NetTcpCalculatorClient.cs");
        try (InputStream in = MonoInteropTest.class.getResourceAsStream("/mono/NetTcpCalculatorClient.cs")) {
            Files.copy(in, source);
        }
        Path exe = dir.resolve("client.exe");
        Result compiled = run(List.of(mcs.toString(), "-r:System.ServiceModel.dll", "-out:" + exe, source.toString()));
        assertEquals(0, compiled.exit(), compiled.output());
        try (ServiceHost host = ServiceHost.builder(ServiceModelConfigReader.create()
                .read("service.config", SERVICE_CONFIG).orThrow().services().get(0))
                .baseAddress(URI.create("net.tcp://localhost:0/calc")).build()) {
            host.open();
            URI address = host.endpoints().get(0).address();
            Result called = run(List.of(mono.toString(), exe.toString(), address.toString()));
            assertEquals(0, called.exit(), called.output());
            assertTrue(called.output().contains("Add(100,15.99) = 115.99"), called.output());
            assertTrue(called.output().contains("Divide(22,7) = 3.14285714285714"), called.output());
        }
    }

    private record Result(int exit, String output) {
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "process", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}

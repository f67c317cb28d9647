package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
 * net.tcp against an independent WCF: Debian's Mono ({@code mono-devel}, {@code libmono-system-servicemodel4.0a-cil})
 * carries its own implementation of WCF, not Microsoft's. Its netTcpBinding client (security None, binary session
 * encoding, .NET Message Framing) calls the calculator hosted by wcf4j, and wcf4j's {@code call}, from an unchanged
 * configuration, calls the calculator hosted by Mono. Skipped (aborted, saying why) where Mono is not installed.
 */
class MonoInteropTest {
    private static String serviceConfig(String transferMode) {
        return "<configuration><system.serviceModel><services>"
                + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\"><endpoint address=\"\""
                + " binding=\"netTcpBinding\" bindingConfiguration=\"plain\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></service></services>"
                + "<bindings><netTcpBinding><binding name=\"plain\" transferMode=\"" + transferMode + "\">"
                + "<security mode=\"None\"/></binding></netTcpBinding>"
                + "</bindings></system.serviceModel></configuration>";
    }

    @TempDir
    Path dir;

    private static final Path MCS = Path.of("/usr/bin/mcs");
    private static final Path MONO = Path.of("/usr/bin/mono");

    /** The C# program {@code name}.cs compiled with Mono's compiler against its System.ServiceModel. */
    private Path compiled(String name) throws IOException, InterruptedException {
        if (!Files.isExecutable(MCS) || !Files.isExecutable(MONO)) {
            String why = "wcf4j: Mono (mono-devel, libmono-system-servicemodel4.0a-cil) is not installed; the net.tcp"
                    + " interop check against Mono's WCF is skipped";
            System.out.println(why);
            Assumptions.abort(why);
        }
        Path source = dir.resolve(name + ".cs");
        try (InputStream in = MonoInteropTest.class.getResourceAsStream("/mono/" + name + ".cs")) {
            Files.copy(in, source);
        }
        Path exe = dir.resolve(name + ".exe");
        Result compiled = run(List.of(MCS.toString(), "-r:System.ServiceModel.dll", "-out:" + exe, source.toString()));
        assertEquals(0, compiled.exit(), compiled.output());
        return exe;
    }

    @Test
    void monosNetTcpClientCallsTheCalculatorHostedByWcf4j() throws Exception {
        monosClientCallsWcf4j("Buffered");
    }

    /**
     * transferMode Streamed: sessionless binary ({@code 07}) in singleton-unsized envelopes, both ways. A wcf4j host in
     * Streamed takes the singleton mode only (any other gets UnsupportedMode), so Mono's call going through proves its
     * client framed it so (captured: mode {@code 01}, encoding {@code 07}, each envelope one chunk after {@code 05}).
     */
    @Test
    void monosStreamedNetTcpClientCallsTheStreamedCalculatorHostedByWcf4j() throws Exception {
        monosClientCallsWcf4j("Streamed");
    }

    @Test
    void wcf4jsClientCallsTheCalculatorHostedByMonosWcfFromAnUnchangedConfiguration() throws Exception {
        wcf4jCallsMonosHost("Buffered");
    }

    @Test
    void wcf4jsStreamedClientCallsTheStreamedCalculatorHostedByMonosWcf() throws Exception {
        wcf4jCallsMonosHost("Streamed");
    }

    private void monosClientCallsWcf4j(String transferMode) throws Exception {
        Path exe = compiled("NetTcpCalculatorClient");
        try (ServiceHost host = ServiceHost.builder(ServiceModelConfigReader.create()
                .read("service.config", serviceConfig(transferMode)).orThrow().services().get(0))
                .baseAddress(URI.create("net.tcp://localhost:0/calc")).build()) {
            host.open();
            URI address = host.endpoints().get(0).address();
            Result called = run(List.of(MONO.toString(), exe.toString(), address.toString(),
                    transferMode.toLowerCase(java.util.Locale.ROOT)));
            assertEquals(0, called.exit(), called.output());
            assertTrue(called.output().contains("Add(100,15.99) = 115.99"), called.output());
            assertTrue(called.output().contains("Divide(22,7) = 3.14285714285714"), called.output());
        }
    }

    private void wcf4jCallsMonosHost(String transferMode) throws Exception {
        Path exe = compiled("NetTcpCalculatorService");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI address = URI.create("net.tcp://localhost:" + port + "/calc");
        Process service = new ProcessBuilder(MONO.toString(), exe.toString(), address.toString(),
                transferMode.toLowerCase(java.util.Locale.ROOT))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine(), "Mono's service host opened");
            Path client = Files.writeString(dir.resolve("client.config"), "<configuration><system.serviceModel>"
                    + "<client><endpoint name=\"calc\" address=\"" + address + "\" binding=\"netTcpBinding\""
                    + " bindingConfiguration=\"plain\" contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/>"
                    + "</client><bindings><netTcpBinding><binding name=\"plain\" transferMode=\"" + transferMode
                    + "\"><security mode=\"None\"/>"
                    + "</binding></netTcpBinding></bindings></system.serviceModel></configuration>");
            CliRun divide = CliRun.of("call", client.toString(), "--endpoint", "calc", "Divide", "22", "7");
            assertEquals(0, divide.exitCode(), divide.out() + divide.err());
            assertEquals("3.14285714285714", divide.out().trim());
            CliRun add = CliRun.of("call", client.toString(), "--endpoint", "calc", "Add", "100", "15.99");
            assertEquals("115.99", add.out().trim(), add.err());
        } finally {
            service.getOutputStream().close();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
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

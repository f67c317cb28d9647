package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.junit.Wcf4jTest;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** host, call and demo against the calculator, resolved by its .NET names (no Java class named anywhere). */
class HostCallDemoTest {
    /** The calculator over basicHttpBinding, without a base address. */
    static final String SERVICE_CONFIG = "calculator/basic-http.config";

    @TempDir
    Path dir;

    private static String clientConfig(URI address) {
        return "<configuration><system.serviceModel><client><endpoint name=\"calc\" address=\"" + address + "\""
                + " binding=\"basicHttpBinding\" contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></client>"
                + "</system.serviceModel></configuration>";
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(HostCallDemoTest.class.getClassLoader().getResource(name).toURI());
    }

    @Test
    void hostOpensTheConfiguredServiceByItsDotNetName() throws Exception {
        CliRun r = CliRun.of("host", resource(SERVICE_CONFIG).toString(), "--base-address", "http://localhost:0/calc",
                "--stop-after", "PT0S");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("host: Microsoft.ServiceModel.Samples.CalculatorService"
                + " (io.github.wcf4j.samples.CalculatorService) endpoint"), r.out());
        assertTrue(r.out().contains("Microsoft.ServiceModel.Samples.ICalculator at http://localhost:"), r.out());
        assertTrue(r.out().contains("[IReplyChannel]"), r.out());
        assertTrue(r.out().contains("host: stopped"), r.out());
    }

    @Test
    void aServiceThatDemandsNtlmIsNeverServedUnauthenticated() throws Exception {
        Path config = Files.writeString(dir.resolve("ntlm.config"), ValidateCommandTest.NTLM_AUTH_SERVICE);
        int port = freePort();
        CliRun r = CliRun.of("host", config.toString(), "--base-address", "http://localhost:" + port + "/calc",
                "--stop-after", "PT0S");
        assertEquals(ExitCodes.NOT_RUNNABLE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("authenticationScheme=\"Ntlm\" (a transport clientCredentialType=\"Ntlm\"): NTLM"
                + " cannot be verified by a JVM"), r.err());
        assertTrue(!r.out().contains("host: ready"), r.out());
        // nothing listens: an anonymous caller reaches no service at all
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("localhost", port), 2000));
        }
    }

    @Test
    void hostWithoutABaseAddressGivesWcfsError() throws Exception {
        CliRun r = CliRun.of("host", resource(SERVICE_CONFIG).toString(), "--stop-after", "PT0S");
        assertEquals(ExitCodes.INVALID, r.exitCode());
        assertTrue(r.err().contains("Could not find a base address that matches scheme http for the endpoint with"
                + " binding BasicHttpBinding. Registered base address schemes are []."), r.err());
    }

    /** {@code call} against the calculator, hosted for the class at a free port. */
    @Nested
    @Wcf4jTest(config = "classpath:" + SERVICE_CONFIG, baseAddresses = "http://localhost:0/calc")
    class Hosted {
        @Test
        void callMakesOneCallAndPrintsTheResultAsDotNetDoes(ServiceHost host) throws Exception {
            Path client = Files.writeString(dir.resolve("client.config"),
                    clientConfig(host.endpoints().get(0).address()));
            CliRun r = CliRun.of("call", client.toString(), "--endpoint", "calc", "Divide", "22", "7");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("3.14285714285714", r.out().trim());
            CliRun add = CliRun.of("call", client.toString(), "--endpoint", "calc", "add", "100", "15.99");
            assertEquals("115.99", add.out().trim());
            CliRun wrong = CliRun.of("call", client.toString(), "--endpoint", "calc", "Add", "1");
            assertEquals(ExitCodes.INVALID, wrong.exitCode());
            assertTrue(wrong.err().contains("Add takes 2 arguments (double n1, double n2); got 1"), wrong.err());
            CliRun unknown = CliRun.of("call", client.toString(), "--endpoint", "calc", "Sqrt", "2");
            assertTrue(unknown.err().contains("has no operation 'Sqrt'; it has: Add, Subtract, Multiply, Divide"),
                    unknown.err());
        }
    }

    @Test
    void callToNobodyIsWcfsEndpointNotFound() throws Exception {
        Path client = Files.writeString(dir.resolve("client.config"), clientConfig(URI.create(
                "http://localhost:" + freePort() + "/calc")));
        CliRun r = CliRun.of("call", client.toString(), "--endpoint", "calc", "Add", "1", "2");
        assertEquals(ExitCodes.COMMUNICATION, r.exitCode());
        assertTrue(r.err().contains("There was no endpoint listening at"), r.err());
    }

    @Test
    void demoRunsTheSeedCalculatorEndToEndSecurityAndAll() {
        // no --seed-dir: the seed configurations that ship with wcf4j, verbatim; an embedded KDC for SspiNegotiated
        CliRun r = CliRun.of("demo", "--service-address", "http://localhost:0/servicemodelsamples/service.svc",
                "--client-base-address", "http://localhost:0/myClient/");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("validate: 2 files, 0 errors, 0 warnings, 0 unsupported; 3 of 3 endpoints run"),
                r.out() + r.err());
        assertTrue(r.out().contains("the service as host/localhost (WCF's default SPN for its address), the client as"
                + " alice"), r.out());
        assertTrue(r.out().contains("[IDuplexSessionChannel]"), r.out());
        assertTrue(r.out().contains("   Add(100,15.99) = 115.99\n"), r.out());
        assertTrue(r.out().contains("   Divide(22,7) = 3.14285714285714\n"), r.out());
        // the SPNEGO round trip, the security session's token, then the reliable session inside it
        assertTrue(r.out().matches("(?s).*client --> RST/Issue SPNEGO \\d+ bytes\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*client <-- RSTR/Issue SPNEGO \\d+ bytes, context token, key GSS-wrapped,"
                + " authenticator\n.*"), r.out());
        assertTrue(r.out().contains("client --> RST/SCT [secured, SCT]"), r.out());
        assertTrue(r.out().contains("client --> CreateSequence           offer "), r.out());
        assertTrue(r.out().matches("(?s).*client --> Add +\\w{8} #1.*\\[secured, SCT\\].*"), r.out());
        assertTrue(r.out().contains("client --> TerminateSequence"), r.out());
        assertTrue(r.out().contains("client --> RST/SCT/Cancel [secured, SCT]"), r.out());
        assertTrue(r.out().contains("client <-- RSTR/SCT/Cancel [secured]"), "the cancel is answered: " + r.out());
    }

    @Test
    void demoRunsTheNoSecurityVariantsOnRequest() {
        CliRun r = CliRun.of("demo", "--no-security", "--service-address",
                "http://localhost:0/servicemodelsamples/service.svc", "--client-base-address",
                "http://localhost:0/myClient/");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("[IDuplexSessionChannel]"), r.out());
        assertTrue(r.out().contains("   Add(100,15.99) = 115.99\n"), r.out());
        assertTrue(r.out().contains("   Divide(22,7) = 3.14285714285714\n"), r.out());
        // the trace of the reliable session: handshake with offer, numbered messages, acks, shutdown
        assertTrue(r.out().contains("client --> CreateSequence           offer "), r.out());
        assertTrue(r.out().contains(", offer accepted"), r.out());
        assertTrue(r.out().matches("(?s).*client --> Add +\\w{8} #1.*"), r.out());
        assertTrue(r.out().matches("(?s).*client --> LastMessage +\\w{8} #5 \\(last\\).*"), r.out());
        assertTrue(r.out().contains("client --> TerminateSequence"), r.out());
        assertTrue(r.out().matches("(?s).*client <-- SequenceAcknowledgement +ack \\w{8} 1-5.*"), r.out());
        assertFalse(r.out().contains("SPNEGO"), r.out());
    }

    @Test
    void demoReadsTheSeedConfigurationsFromTheFolderItIsGiven() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-seeds-here"));
        CliRun r = CliRun.of("demo", "--seed-dir", empty.toString());
        assertEquals(ExitCodes.INVALID, r.exitCode(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains(empty.resolve("calculator-service.config").toString()),
                r.out() + r.err());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

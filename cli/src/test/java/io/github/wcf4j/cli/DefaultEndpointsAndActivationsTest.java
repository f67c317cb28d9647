package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WCF 4's simplified configuration through the command: default endpoints for a service that lists none ({@code host},
 * {@code validate}, {@code describe}), several base addresses at once (http and https), and
 * {@code serviceActivations} hosted under the base address as IIS hosts them.
 */
class DefaultEndpointsAndActivationsTest {
    private static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    private static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";

    @TempDir
    Path dir;

    private Path config(String serviceModel) throws Exception {
        return Files.writeString(dir.resolve("web.config"), "<configuration>\n<system.serviceModel>\n" + serviceModel
                + "\n</system.serviceModel>\n</configuration>");
    }

    private static void assertHosted(CliRun r, String endpoint, String addressPattern) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(Pattern.compile("host: " + Pattern.quote(SERVICE + " (io.github.wcf4j.samples.CalculatorService)"
                + " endpoint '" + endpoint + "' " + CONTRACT + " at ") + addressPattern + " \\[IReplyChannel]")
                .matcher(r.out()).find(), r.out());
    }

    @Test
    void aServiceThatListsNoEndpointIsHostedAtItsDefaultEndpoint() throws Exception {
        Path c = config("<services><service name=\"" + SERVICE + "\"/></services>");
        CliRun r = CliRun.of("host", c.toString(), "--base-address", "http://localhost:0/calc", "--stop-after", "PT0S");
        assertHosted(r, "(base address)", "http://localhost:\\d+/calc");
    }

    @Test
    void theConfiguredBaseAddressesAreUsedWhenNoneIsGiven() throws Exception {
        Path c = config("<services><service name=\"" + SERVICE + "\"><host><baseAddresses><add baseAddress="
                + "\"http://localhost:0/configured\"/></baseAddresses></host></service></services>");
        assertHosted(CliRun.of("host", c.toString(), "--stop-after", "PT0S"), "(base address)",
                "http://localhost:\\d+/configured");
    }

    @Test
    void anHttpAndAnHttpsBaseAddressAtOnceEachEndpointAtItsSchemesBase() throws Exception {
        Path keyStore = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost", "dns:localhost,ip:127.0.0.1");
        Path c = config("<services><service name=\"" + SERVICE + "\">"
                + "<endpoint address=\"\" binding=\"basicHttpBinding\" contract=\"" + CONTRACT + "\"/>"
                + "<endpoint address=\"secure\" binding=\"basicHttpsBinding\" contract=\"" + CONTRACT + "\"/>"
                + "</service></services>");
        CliRun r = CliRun.of("host", c.toString(), "--base-address", "http://localhost:0/calc", "--base-address",
                "https://localhost:0/calc", "--keystore", keyStore.toString(), "--keystore-password", "changeit",
                "--stop-after", "PT0S");
        assertHosted(r, "(base address)", "http://localhost:\\d+/calc");
        assertHosted(r, "secure", "https://localhost:\\d+/calc/secure");
    }

    @Test
    void twoBaseAddressesOfOneSchemeAreWcfsError() throws Exception {
        Path c = config("<services><service name=\"" + SERVICE + "\"/></services>");
        CliRun r = CliRun.of("host", c.toString(), "--base-address", "http://localhost:0/a", "--base-address",
                "http://localhost:0/b", "--stop-after", "PT0S");
        assertTrue(r.err().contains("This collection already contains an address with scheme http.  There can be at"
                + " most one address per scheme in this collection."), r.err());
        assertTrue(!r.out().contains("host: ready"), r.out());
    }

    @Test
    void serviceActivationsAreHostedAtTheirRelativeAddressUnderTheBaseAddress() throws Exception {
        Path c = config("<serviceHostingEnvironment aspNetCompatibilityEnabled=\"true\"><serviceActivations>"
                + "<add relativeAddress=\"Calculator.svc\" service=\"" + SERVICE + "\"/></serviceActivations>"
                + "</serviceHostingEnvironment>");
        CliRun r = CliRun.of("host", c.toString(), "--base-address", "http://localhost:0/app", "--stop-after", "PT0S");
        assertHosted(r, "(base address)", "http://localhost:\\d+/app/Calculator.svc");
    }

    @Test
    void anActivatedServicesEndpointsResolveUnderItsActivationAddress() throws Exception {
        Path c = config("<serviceHostingEnvironment><serviceActivations><add relativeAddress=\"~/v1/Calculator.svc\""
                + " service=\"" + SERVICE + "\"/></serviceActivations></serviceHostingEnvironment><services><service"
                + " name=\"" + SERVICE + "\"><host><baseAddresses><add baseAddress=\"http://localhost:1/ignored\"/>"
                + "</baseAddresses></host><endpoint address=\"basic\" binding=\"basicHttpBinding\" contract=\""
                + CONTRACT + "\"/></service></services>");
        CliRun r = CliRun.of("host", c.toString(), "--base-address", "http://localhost:0/app", "--stop-after", "PT0S");
        assertHosted(r, "basic", "http://localhost:\\d+/app/v1/Calculator.svc/basic");
    }

    @Test
    void anActivationNeedsTheApplicationsBaseAddressAndWcfsDefaultFactory() throws Exception {
        Path c = config("<serviceHostingEnvironment><serviceActivations><add relativeAddress=\"Calculator.svc\""
                + " service=\"" + SERVICE + "\"/></serviceActivations></serviceHostingEnvironment>");
        CliRun noBase = CliRun.of("host", c.toString(), "--stop-after", "PT0S");
        assertEquals(ExitCodes.INVALID, noBase.exitCode());
        assertTrue(noBase.err().contains("serviceActivations: 'Calculator.svc' is hosted under the application's"
                + " address, as IIS hosts it under the application's virtual directory: give it with --base-address"),
                noBase.err());
        Path factory = config("<serviceHostingEnvironment><serviceActivations><add relativeAddress=\"Calculator.svc\""
                + " service=\"" + SERVICE + "\" factory=\"System.ServiceModel.Activation.WebServiceHostFactory\"/>"
                + "</serviceActivations></serviceHostingEnvironment>");
        CliRun r = CliRun.of("host", factory.toString(), "--base-address", "http://localhost:0/app", "--stop-after",
                "PT0S");
        assertEquals(ExitCodes.INVALID, r.exitCode());
        assertTrue(r.err().contains("is activated by the factory System.ServiceModel.Activation.WebServiceHostFactory,"
                + " a .NET ServiceHostFactory, which wcf4j cannot run"), r.err());
    }

    @Test
    void validateAndDescribeShowTheDefaultEndpointsOfAServiceWithBaseAddresses() throws Exception {
        Path c = config("<protocolMapping><add scheme=\"https\" binding=\"basicHttpsBinding\"/></protocolMapping>"
                + "<services><service name=\"" + SERVICE + "\"><host><baseAddresses>"
                + "<add baseAddress=\"http://localhost:8000/calc\"/><add baseAddress=\"https://localhost:8443/calc\"/>"
                + "</baseAddresses></host></service></services>");
        CliRun r = CliRun.of("validate", "--format", "json", c.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        JsonNode endpoints = new ObjectMapper().readTree(r.out()).get("endpoints");
        assertEquals(2, endpoints.size(), r.out());
        assertEquals("(default at http://localhost:8000/calc)", endpoints.get(0).get("endpoint").asText());
        assertEquals("basicHttpBinding", endpoints.get(0).get("binding").asText());
        assertEquals("(default at https://localhost:8443/calc)", endpoints.get(1).get("endpoint").asText());
        assertEquals("basicHttpsBinding", endpoints.get(1).get("binding").asText());
        assertEquals(CONTRACT, endpoints.get(1).get("contract").asText());
        assertEquals(3, endpoints.get(1).get("line").asInt(), "at the <service> element");
        assertTrue(endpoints.get(1).get("runs").asBoolean());

        CliRun d = CliRun.of("describe", c.toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.out().contains("service " + SERVICE + " endpoint (default at https://localhost:8443/calc) (address"
                + " \"\", contract " + CONTRACT + ", binding basicHttpsBinding from the protocol mapping)"), d.out());
        assertTrue(d.out().contains("httpsTransport"), d.out());
    }

    @Test
    void validateSaysSoWhenItCannotKnowTheContractsOfAServiceType() throws Exception {
        Path c = config("<services><service name=\"Unknown.Service\"><host><baseAddresses>"
                + "<add baseAddress=\"http://localhost:8000/x\"/></baseAddresses></host></service></services>");
        CliRun r = CliRun.of("validate", c.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(c + ":3:11: warning: Service 'Unknown.Service' lists no endpoint, so WCF adds a default endpoint at"
                + " each of its base addresses (http://localhost:8000/x) for each contract its type implements; wcf4j"
                + " does not know which contracts those are (no Java class is registered for the service), so they are"
                + " not validated here.", r.out().strip());
        assertTrue(r.err().contains("0 of 0 endpoints run"), r.err());
    }

    @Test
    void validateReportsTwoConfiguredBaseAddressesOfOneScheme() throws Exception {
        Path c = config("<services><service name=\"" + SERVICE + "\"><host><baseAddresses>"
                + "<add baseAddress=\"http://localhost:8000/a\"/><add baseAddress=\"http://localhost:8000/b\"/>"
                + "</baseAddresses></host></service></services>");
        CliRun r = CliRun.of("validate", c.toString());
        assertEquals(ExitCodes.INVALID, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(c + ":3:11: error: This collection already contains an address with scheme http."),
                r.out());
    }

    @Test
    void basicHttpsBindingRunsAndNetHttpBindingIsRefusedByItsBinaryEncoding() throws Exception {
        Path c = config("<client><endpoint name=\"s\" address=\"https://localhost/calc\" binding=\"basicHttpsBinding\""
                + " contract=\"" + CONTRACT + "\"/>\n<endpoint name=\"n\" address=\"http://localhost/calc\""
                + " binding=\"netHttpBinding\" contract=\"" + CONTRACT + "\"/></client>");
        CliRun r = CliRun.of("validate", c.toString());
        assertEquals(ExitCodes.NOT_RUNNABLE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("client endpoint 'n' cannot run: The binding element 'binaryMessageEncoding' is not"
                + " supported by the wcf4j runtime"), r.err());
        assertTrue(r.err().contains("1 of 2 endpoints run"), r.err());
    }

    @Test
    void aServiceProtectedByAspNetUrlAuthorizationUnderAspNetCompatibilityIsNeverServed() throws Exception {
        Path c = Files.writeString(dir.resolve("web.config"), "<configuration>\n<system.web><authorization>\n"
                + "<deny users=\"?\"/></authorization></system.web>\n<system.serviceModel>"
                + "<serviceHostingEnvironment aspNetCompatibilityEnabled=\"true\"/><services><service name=\"" + SERVICE
                + "\"><endpoint address=\"\" binding=\"basicHttpBinding\" contract=\"" + CONTRACT + "\"/></service>"
                + "</services></system.serviceModel></configuration>");
        String why = "aspNetCompatibilityEnabled=\"true\" leaves each request to ASP.NET's pipeline, where this file's"
                + " URL authorization (<deny users=\"?\"/>) decides who may call the service; wcf4j does not run"
                + " ASP.NET's pipeline, so the service is refused rather than served to callers its configuration turns"
                + " away.";
        CliRun v = CliRun.of("validate", c.toString());
        assertEquals(ExitCodes.NOT_RUNNABLE, v.exitCode(), v.out() + v.err());
        assertEquals(c + ":3:1: unsupported: " + why, v.out().strip());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("host", c.toString(), "--base-address", "http://localhost:" + port + "/calc",
                "--stop-after", "PT0S");
        assertEquals(ExitCodes.NOT_RUNNABLE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(why), r.err());
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("localhost", port), 2000));
        }
        Path allowed = Files.writeString(dir.resolve("allowed.config"), Files.readString(c).replace(
                "aspNetCompatibilityEnabled=\"true\"", "aspNetCompatibilityEnabled=\"false\""));
        assertEquals(0, CliRun.of("validate", allowed.toString()).exitCode(), "without compatibility WCF takes the"
                + " request over before ASP.NET's authorization runs");
    }
}

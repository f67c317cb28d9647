package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @Test
    void theSeedConfigurationsRunSecurityAndAll() {
        CliRun r = CliRun.of("validate", CliRun.seed("calculator-service.config"),
                CliRun.seed("calculator-client.config"));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("validate: 2 files, 0 errors, 0 warnings, 0 unsupported; 3 of 3 endpoints run"),
                r.err());
    }

    @Test
    void theNoSecuritySeedConfigurationsRunWithExitZero() {
        CliRun r = CliRun.of("validate", CliRun.seed("calculator-service.no-security.config"),
                CliRun.seed("calculator-client.no-security.config"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("validate: 2 files, 0 errors, 0 warnings, 0 unsupported; 3 of 3 endpoints run"),
                r.err());
    }

    @Test
    void aServiceThatDemandsNtlmIsReportedAsNotRunnableAtItsBindingAndWindowsRuns(@TempDir Path dir)
            throws IOException {
        Path windows = dir.resolve("windows.config");
        Files.writeString(windows, WINDOWS_AUTH_SERVICE);
        CliRun runs = CliRun.of("validate", windows.toString());
        assertEquals(0, runs.exitCode(), runs.out() + runs.err());
        assertTrue(runs.err().contains("0 unsupported; 1 of 1 endpoint run"), runs.err());
        Path config = dir.resolve("web.config");
        Files.writeString(config, NTLM_AUTH_SERVICE);
        CliRun r = CliRun.of("validate", config.toString());
        assertEquals(ExitCodes.NOT_RUNNABLE, r.exitCode(), r.out() + r.err());
        assertEquals(config + ":4:2: unsupported: authenticationScheme=\"Ntlm\" (a transport clientCredentialType=\"Ntlm\"): NTLM cannot be verified by a JVM without a domain controller, and wcf4j never falls back to an unauthenticated call, so this endpoint is refused. Configure Negotiate instead (authenticationScheme=\"Negotiate\" or \"IntegratedWindowsAuthentication\", or clientCredentialType=\"Windows\"), which wcf4j runs as Kerberos: a Kerberos identity from the wcf4j.kerberos setting on both sides, and the service's principal (SPN) in the client endpoint's <identity> or WCF's default host/<address host>.",
                r.out().strip());
        assertTrue(r.err().contains("0 errors, 0 warnings, 1 unsupported; 0 of 1 endpoint run"), r.err());

        CliRun json = CliRun.of("validate", "--format", "json", config.toString());
        assertEquals(ExitCodes.NOT_RUNNABLE, json.exitCode());
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode endpoint = root.get("endpoints").get(0);
        assertEquals("service", endpoint.get("kind").asText());
        assertEquals("Microsoft.ServiceModel.Samples.CalculatorService", endpoint.get("service").asText());
        assertEquals("basicHttpBinding 'windows'", endpoint.get("binding").asText());
        assertFalse(endpoint.get("runs").asBoolean());
        assertEquals("unsupported", endpoint.get("why").get(0).get("severity").asText());
        assertEquals(4, endpoint.get("why").get(0).get("line").asInt());
        assertEquals(0, root.get("summary").get("endpointsThatRun").asInt());
        assertEquals(1, root.get("summary").get("unsupported").asInt());
    }

    @Test
    void credentialsOnABindingWithoutSecurityAreNotReportedAndTheEndpointRuns(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("app.config");
        Files.writeString(config, "<configuration>\n<system.serviceModel>\n<behaviors><serviceBehaviors>"
                + "<behavior name=\"b\">\n<serviceCredentials><serviceCertificate findValue=\"localhost\""
                + " x509FindType=\"FindBySubjectName\"/><userNameAuthentication"
                + " userNamePasswordValidationMode=\"MembershipProvider\"/></serviceCredentials>\n"
                + "</behavior></serviceBehaviors></behaviors>\n<services>\n"
                + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\" behaviorConfiguration=\"b\">\n"
                + "<endpoint address=\"http://localhost:8000/c\" binding=\"basicHttpBinding\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/>\n</service>\n</services>\n"
                + "</system.serviceModel>\n</configuration>\n");
        CliRun r = CliRun.of("validate", "--config-only", config.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("0 errors, 0 warnings, 0 unsupported; 1 of 1 endpoint run"), r.err());
    }

    @Test
    void aUserNameEndpointWhoseUserNamesWindowsWouldCheckIsNotedAtTheCredential(@TempDir Path dir)
            throws IOException {
        Path config = dir.resolve("app.config");
        Files.writeString(config, "<configuration>\n<system.serviceModel>\n<bindings><wsHttpBinding>"
                + "<binding name=\"u\"><security mode=\"Message\"><message clientCredentialType=\"UserName\"/>"
                + "</security></binding></wsHttpBinding></bindings>\n<behaviors><serviceBehaviors>"
                + "<behavior name=\"b\"><serviceCredentials>\n<userNameAuthentication/>\n</serviceCredentials>"
                + "</behavior></serviceBehaviors></behaviors>\n<services>\n"
                + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\" behaviorConfiguration=\"b\">\n"
                + "<endpoint address=\"http://localhost:8000/c\" binding=\"wsHttpBinding\" bindingConfiguration=\"u\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/>\n</service>\n</services>\n"
                + "</system.serviceModel>\n</configuration>\n");
        CliRun r = CliRun.of("validate", "--config-only", config.toString());
        assertEquals(ExitCodes.INVALID, r.exitCode(), "WCF's own error (no service certificate) outranks: " + r.out());
        // the runtime refuses the endpoint for it (as a host does), which supersedes the credential note at that line
        assertTrue(r.out().contains(config + ":5:1: unsupported: userNamePasswordValidationMode=\"Windows\" (WCF's"
                + " default for userNameAuthentication): a JVM cannot log a user on as a Windows"
                + " account"), r.out());
        assertFalse(r.out().contains("warning: userNamePasswordValidationMode"), r.out());
        // and WCF itself would not open it: message security proves the service with a certificate it does not name
        assertTrue(r.out().contains(config + ":9:1: error: The service certificate is not provided. Specify a service"
                + " certificate in ServiceCredentials."), r.out());
    }

    @Test
    void aCertificateModeServiceWithoutItsCertificateIsWcfsErrorAndOneWithItRuns(@TempDir Path dir)
            throws IOException {
        Path config = dir.resolve("app.config");
        String head = "<configuration>\n<system.serviceModel>\n<bindings><wsHttpBinding>"
                + "<binding name=\"a\"><security mode=\"Message\"><message clientCredentialType=\"None\""
                + " negotiateServiceCredential=\"false\" establishSecurityContext=\"false\"/>"
                + "</security></binding></wsHttpBinding></bindings>\n<behaviors><serviceBehaviors>"
                + "<behavior name=\"b\"><serviceCredentials>\n";
        String tail = "</serviceCredentials></behavior></serviceBehaviors></behaviors>\n<services>\n"
                + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\" behaviorConfiguration=\"b\">\n"
                + "<endpoint address=\"http://localhost:8000/c\" binding=\"wsHttpBinding\" bindingConfiguration=\"a\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/>\n</service>\n</services>\n"
                + "</system.serviceModel>\n</configuration>\n";
        Files.writeString(config, head + tail);
        CliRun without = CliRun.of("validate", "--config-only", config.toString());
        assertTrue(without.out().contains(config + ":8:1: error: The service certificate is not provided."),
                without.out());
        assertEquals(ExitCodes.INVALID, without.exitCode(), "a WCF error, not a wcf4j limit");
        assertTrue((without.out() + without.err()).contains("0 of 1 endpoint run"), without.err());
        Files.writeString(config, head + "<serviceCertificate findValue=\"localhost\" storeLocation=\"LocalMachine\""
                + " storeName=\"My\" x509FindType=\"FindBySubjectName\"/>\n" + tail);
        CliRun with = CliRun.of("validate", "--config-only", config.toString());
        assertEquals(0, with.exitCode(), with.out() + with.err());
        assertTrue((with.out() + with.err()).contains("1 of 1 endpoint run"), with.err());
    }

    @Test
    void streamedEndpointsRun(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("web.config");
        Files.writeString(config, "<configuration>\n<system.serviceModel>\n<bindings>\n"
                + "<basicHttpBinding><binding name=\"streamed\" transferMode=\"Streamed\""
                + " maxReceivedMessageSize=\"67108864\"/></basicHttpBinding>\n"
                + "<customBinding><binding name=\"download\"><textMessageEncoding/>"
                + "<httpTransport transferMode=\"StreamedResponse\"/></binding></customBinding>\n</bindings>\n"
                + "<services>\n<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\">\n"
                + "<endpoint address=\"http://localhost/calc\" binding=\"basicHttpBinding\""
                + " bindingConfiguration=\"streamed\" contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/>\n"
                + "</service>\n</services>\n<client>\n<endpoint address=\"http://localhost/calc\""
                + " binding=\"customBinding\" bindingConfiguration=\"download\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/>\n</client>\n"
                + "</system.serviceModel>\n</configuration>\n");
        CliRun r = CliRun.of("validate", config.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("0 errors, 0 warnings, 0 unsupported; 2 of 2 endpoints run"), r.err());
    }

    /** basicHttpBinding, TransportCredentialOnly with Windows credentials: HTTP Negotiate authentication. */
    static final String WINDOWS_AUTH_SERVICE = "<configuration>\n<system.serviceModel>\n<bindings><basicHttpBinding>\n"
            + "\t<binding name=\"windows\"><security mode=\"TransportCredentialOnly\">"
            + "<transport clientCredentialType=\"Windows\"/></security></binding>\n"
            + "</basicHttpBinding></bindings>\n<services>\n"
            + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\">\n"
            + "<endpoint address=\"\" binding=\"basicHttpBinding\" bindingConfiguration=\"windows\""
            + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/>\n</service>\n</services>\n"
            + "</system.serviceModel>\n</configuration>\n";

    /** The same with NTLM credentials, which a JVM cannot verify. */
    static final String NTLM_AUTH_SERVICE = WINDOWS_AUTH_SERVICE.replace("\"Windows\"", "\"Ntlm\"");

    @Test
    void errorsArePrintedAsFileLineColumnAndExitOne(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("app.config");
        Files.writeString(config, "<configuration>\n<system.serviceModel>\n<bindings><customBinding>\n"
                + "<binding name=\"b\">\n  <reliableSession/>\n  <textMessageEncoding/>\n"
                + "  <httpTransport transferMode=\"Streamed\"/>\n</binding>\n</customBinding></bindings>\n"
                + "</system.serviceModel>\n</configuration>\n");
        CliRun r = CliRun.of("validate", config.toString());
        assertEquals(1, r.exitCode());
        assertEquals(config + ":4:1: error: Transfer mode Streamed is not supported by ReliableSessionBindingElement.",
                r.out().strip());
    }

    @Test
    void jsonFormat(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("app.config");
        Files.writeString(config, "<configuration><system.serviceModel><bindings><customBinding><binding name=\"b\">"
                + "<reliableSession maxPendingChannels=\"0\"/><httpTransport/></binding></customBinding></bindings>"
                + "</system.serviceModel></configuration>");
        CliRun r = CliRun.of("validate", "--format", "json", config.toString());
        assertEquals(1, r.exitCode());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode diagnostics = root.get("diagnostics");
        assertEquals(1, diagnostics.size());
        assertEquals(0, root.get("endpoints").size());
        assertEquals(1, root.get("summary").get("errors").asInt());
        JsonNode d = diagnostics.get(0);
        assertEquals("error", d.get("severity").asText());
        assertEquals(1, d.get("line").asInt());
        assertEquals("Top_level_validation_error", d.get("wcfResource").asText());
        assertEquals("The value for the property 'maxPendingChannels' is not valid. The error is: The value must be"
                + " inside the range 1-16384.", d.get("message").asText());
    }

    @Test
    void sarifFormatGivesCodeScanningToolsEachFindingAtItsPlaceUnderWcfsResourceName(@TempDir Path dir)
            throws IOException {
        Path config = dir.resolve("app.config");
        Files.writeString(config, "<configuration><system.serviceModel><bindings><customBinding><binding name=\"b\">"
                + "<reliableSession maxPendingChannels=\"0\"/><httpTransport/></binding></customBinding></bindings>"
                + "</system.serviceModel></configuration>");
        Path windows = dir.resolve("web.config");
        Files.writeString(windows, NTLM_AUTH_SERVICE);
        CliRun r = CliRun.of("validate", "--format", "sarif", config.toString(), windows.toString());
        assertEquals(1, r.exitCode());
        JsonNode log = new ObjectMapper().readTree(r.out());
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(SarifReport.SCHEMA, log.get("$schema").asText());
        JsonNode run = log.get("runs").get(0);
        assertEquals("wcf4j", run.get("tool").get("driver").get("name").asText());
        JsonNode results = run.get("results");
        assertEquals(2, results.size());
        JsonNode error = results.get(0);
        assertEquals("Top_level_validation_error", error.get("ruleId").asText());
        assertEquals("error", error.get("level").asText());
        assertTrue(error.get("message").get("text").asText().startsWith("The value for the property"
                + " 'maxPendingChannels' is not valid."));
        JsonNode physical = error.get("locations").get(0).get("physicalLocation");
        assertEquals(config.toUri().toString(), physical.get("artifactLocation").get("uri").asText());
        assertEquals(1, physical.get("region").get("startLine").asInt());
        JsonNode unsupported = results.get(1);
        assertEquals("wcf4j.unsupported", unsupported.get("ruleId").asText());
        assertEquals("warning", unsupported.get("level").asText());
        assertEquals(4, unsupported.get("locations").get(0).get("physicalLocation").get("region").get("startLine")
                .asInt());
        List<String> rules = new ArrayList<>();
        run.get("tool").get("driver").get("rules").forEach(rule -> rules.add(rule.get("id").asText()));
        assertEquals(List.of("Top_level_validation_error", "wcf4j.unsupported"), rules);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of("validate").exitCode());
        assertEquals(2, CliRun.of("validate", "--format", "yaml", "x.config").exitCode());
    }

    @Test
    void missingFileIsAnError() {
        CliRun r = CliRun.of("validate", "no-such-file.config");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().startsWith("no-such-file.config:1:1: error: The configuration file cannot be read"),
                r.out());
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("wcf4j "), version.out());
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("validate") && help.out().contains("describe"), help.out());
    }
}

package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @Test
    void seedConfigsValidateCleanlyWithExitZero() {
        CliRun r = CliRun.of("validate", CliRun.seed("calculator-service.config"), CliRun.seed("calculator-client.config"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("validate: 2 files, 0 errors, 0 warnings"), r.err());
    }

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
        JsonNode diagnostics = new ObjectMapper().readTree(r.out());
        assertEquals(1, diagnostics.size());
        JsonNode d = diagnostics.get(0);
        assertEquals("error", d.get("severity").asText());
        assertEquals(1, d.get("line").asInt());
        assertEquals("Top_level_validation_error", d.get("wcfResource").asText());
        assertEquals("The value for the property 'maxPendingChannels' is not valid. The error is: The value must be"
                + " inside the range 1-16384.", d.get("message").asText());
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

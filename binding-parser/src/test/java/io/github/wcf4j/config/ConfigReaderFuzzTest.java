package io.github.wcf4j.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever a configuration file holds, reading it gives a configuration or WCF's diagnostics (or both), never an
 * exception.
 * {@code mvn verify} runs the seed inputs (the {@code ConfigReaderFuzzTestInputs} resources); fuzz with
 * {@code JAZZER_FUZZ=1 mvn -pl binding-parser test -Dtest=ConfigReaderFuzzTest}.
 */
class ConfigReaderFuzzTest {
    private static final ServiceModelConfigReader READER = ServiceModelConfigReader.create();

    @FuzzTest(maxDuration = "60s")
    void anyDocumentIsAConfigurationOrErrors(byte[] document) {
        ConfigReadResult r = READER.read("fuzz.config", new String(document, StandardCharsets.UTF_8));
        // a configuration may come with errors (WCF's defaults stand in for bad values), never with nothing at all
        assertTrue(r.configuration().isPresent() || r.hasErrors(), () -> "neither a configuration nor errors: " + r);
    }
}

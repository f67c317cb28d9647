package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The duplex calculator sample's configurations through the command: the verbatim service is unsupported for its
 * message security and never hosted; its {@code .no-security} variant validates as running and is hosted, its
 * callback contract making the endpoint a duplex session.
 */
class DuplexSampleCommandsTest {
    private static final Path CONFIGS = Path.of("..", "samples", "duplex-configs");
    private static final String SERVICE_TYPE = "Microsoft.ServiceModel.Samples.CalculatorService="
            + "io.github.wcf4j.samples.duplex.CalculatorService";

    @Test
    void theVerbatimServiceIsReportedUnsupportedAndTheVariantRuns() {
        CliRun verbatim = CliRun.of("validate", CONFIGS.resolve("hostapplication.exe.config").toString());
        assertEquals(4, verbatim.exitCode(), verbatim.out() + verbatim.err());
        assertTrue(verbatim.out().contains("unsupported: "), verbatim.out());
        CliRun variant = CliRun.of("validate", CONFIGS.resolve("hostapplication.exe.no-security.config").toString());
        assertEquals(0, variant.exitCode(), variant.out() + variant.err());
    }

    @Test
    void hostOpensTheDuplexCalculatorAsADuplexSession() {
        CliRun r = CliRun.of("host", CONFIGS.resolve("hostapplication.exe.no-security.config").toString(),
                "--base-address", "http://localhost:0/SampleService", "--type", SERVICE_TYPE, "--stop-after", "PT0S");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Microsoft.ServiceModel.Samples.ICalculatorDuplex at http://localhost:"), r.out());
        assertTrue(r.out().contains("[IDuplexSessionChannel]"), r.out());
    }
}

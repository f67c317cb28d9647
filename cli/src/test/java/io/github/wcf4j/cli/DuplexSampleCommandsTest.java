package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The duplex calculator sample's configurations through the command: the verbatim service (wsDualHttpBinding's
 * default message security, SecureConversation over SspiNegotiated, which runs as Kerberos) and its
 * {@code .no-security} variant both validate as running; the variant is hosted, its callback contract making the
 * endpoint a duplex session.
 */
class DuplexSampleCommandsTest {
    private static final Path CONFIGS = Path.of("..", "samples", "duplex-configs");
    private static final String SERVICE_TYPE = "Microsoft.ServiceModel.Samples.CalculatorService="
            + "io.github.wcf4j.samples.duplex.CalculatorService";

    @Test
    void theVerbatimServiceAndTheVariantRun() {
        CliRun verbatim = CliRun.of("validate", CONFIGS.resolve("hostapplication.exe.config").toString());
        assertEquals(0, verbatim.exitCode(), verbatim.out() + verbatim.err());
        assertTrue(verbatim.err().contains("0 unsupported; 2 of 2 endpoints run"), verbatim.err());
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

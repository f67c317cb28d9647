package io.github.wcf4j.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.junit.Wcf4jParameters;
import io.github.wcf4j.junit.Wcf4jTest;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.stack.BindingParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The self-hosted calculator of WCF's documentation ({@code dotnet/docs}, {@code s_selfhost}), its configuration
 * verbatim from the corpus: wsHttpBinding's defaults (message security, Windows credentials run as Kerberos, here from
 * an embedded KDC: the service as {@code host/localhost}, WCF's default SPN for its address, the caller as alice),
 * hosted by {@code @Wcf4jTest} at a free port. The test {@code docs/PORTING.md} shows.
 */
@Wcf4jTest(config = "selfhost-configs/wholeenchilada.exe.config", parameters = SelfHostCalculatorTest.TestRealm.class)
class SelfHostCalculatorTest {
    static final String CORPUS_NAME =
            "dotnet__docs__samples__snippets__csharp__VS_Snippets_CFX__s_selfhost__common__wholeenchilada.exe.config";

    /** The test realm's identities: the service's and the caller's. */
    public static final class TestRealm implements Wcf4jParameters {
        @Override
        public void host(ServiceDescription service, BindingParameters p) {
            p.put(KerberosCredentials.class, EmbeddedKdc.shared().credentials("host/localhost"));
        }

        @Override
        public void client(ClientEndpoint endpoint, BindingParameters p) {
            p.put(KerberosCredentials.class, EmbeddedKdc.shared().credentials("alice"));
        }
    }

    @Test
    void theCalculatorAnswersAsTheDotNetSampleDoes(ICalculator calc) {
        assertEquals(115.99, calc.add(100, 15.99), 1e-9);
        assertEquals(68.46, calc.subtract(145, 76.54), 1e-9);
        assertEquals(731.25, calc.multiply(9, 81.25));
        assertEquals(3.14285714285714, calc.divide(22, 7), 1e-14);
    }

    @Test
    void theShippedConfigurationIsByteForByteTheCorpusCopy() throws IOException {
        Path corpus = SharedFolder.require("wcf-configs", "the corpus configurations",
                "the check that the self-host sample's configuration is identical to it");
        assertArrayEquals(Files.readAllBytes(corpus.resolve(CORPUS_NAME)),
                Files.readAllBytes(Path.of("selfhost-configs/wholeenchilada.exe.config")));
    }
}

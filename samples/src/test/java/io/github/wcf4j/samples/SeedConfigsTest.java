package io.github.wcf4j.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The seed configurations ship with wcf4j, byte for byte as the shared copies the product was created from. */
class SeedConfigsTest {

    @Test
    void theShippedSeedConfigurationsAreByteForByteTheSharedOnes() throws IOException {
        Path shared = SharedFolder.require("seed-configs", "the shared seed configurations",
                "the check that the shipped copies are identical to them");
        List<String> sharedNames;
        try (Stream<Path> files = Files.list(shared)) {
            sharedNames = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".config")).sorted()
                    .toList();
        }
        assertEquals(SeedConfigs.NAMES.stream().sorted().toList(), sharedNames, "the same four configurations");
        for (String name : SeedConfigs.NAMES) {
            byte[] expected = Files.readAllBytes(shared.resolve(name));
            assertArrayEquals(expected, Files.readAllBytes(SeedConfigs.file(name)), name + " in samples/seed-configs");
            assertArrayEquals(expected, SeedConfigs.bytes(name), name + " in the samples jar");
        }
    }

    @Test
    void withoutTheCheckoutTheJarsCopiesAreUsed() throws IOException {
        String property = System.clearProperty(SeedConfigs.PROPERTY);
        try {
            Assumptions.assumeTrue(System.getenv("WCF4J_HOME") == null, "WCF4J_HOME points at a checkout");
            Path dir = SeedConfigs.directory();
            for (String name : SeedConfigs.NAMES) {
                assertArrayEquals(SeedConfigs.bytes(name), Files.readAllBytes(dir.resolve(name)), name);
            }
            assertTrue(Files.readString(dir.resolve(SeedConfigs.SERVICE)).contains("<security "),
                    "the verbatim service configuration keeps its <security> element");
            assertTrue(!Files.readString(dir.resolve(SeedConfigs.SERVICE_NO_SECURITY)).contains("<security"),
                    "the .no-security variant has none");
        } finally {
            if (property != null) {
                System.setProperty(SeedConfigs.PROPERTY, property);
            }
        }
    }

    @Test
    void anythingElseIsNotASeedConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeedConfigs.file("x.config"));
        assertTrue(e.getMessage().contains("not a seed configuration: x.config"), e.getMessage());
    }
}

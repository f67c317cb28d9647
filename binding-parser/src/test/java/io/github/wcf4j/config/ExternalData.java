package io.github.wcf4j.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Test data that lives outside the repository ({@code ../shared}, beside the checkout in CI). A test that needs it
 * and does not find it is skipped, and the first such test of a run prints one line naming the folder it expected, so
 * {@code mvn -B verify} in a clone without {@code ../shared} runs everything else and says what it left out.
 */
final class ExternalData {
    private static final Set<Path> REPORTED = ConcurrentHashMap.newKeySet();

    private ExternalData() {
    }

    /** Skips the calling test (a JUnit assumption) unless {@code dir} is a folder. */
    static void assumePresent(Path dir, String what) {
        if (Files.isDirectory(dir)) {
            return;
        }
        String line = "wcf4j: " + what + " was not found at " + dir + "; the tests that read it are skipped"
                + " (put the shared folder beside the checkout, or set -Dwcf4j.shared=DIR)";
        if (REPORTED.add(dir)) {
            System.out.println(line);
        }
        Assumptions.abort(line);
    }
}

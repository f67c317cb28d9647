package io.github.wcf4j.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The test data kept beside the checkout ({@code ../shared}, or the folder {@code -Dwcf4j.shared=DIR} names): a test
 * that compares with it runs when it is there, and is skipped with one line naming the folder it expected otherwise.
 */
public final class SharedFolder {
    private SharedFolder() {
    }

    /**
     * The shared folder's {@code child}; when it is missing the calling test is skipped, printing
     * "wcf4j: {what} were not found at {folder}; {check} is skipped".
     */
    public static Path require(String child, String what, String check) {
        Path dir = Path.of(System.getProperty("wcf4j.shared", "../../shared")).resolve(child).toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(dir)) {
            String line = "wcf4j: " + what + " were not found at " + dir + "; " + check + " is skipped";
            System.out.println(line);
            Assumptions.abort(line);
        }
        return dir;
    }
}

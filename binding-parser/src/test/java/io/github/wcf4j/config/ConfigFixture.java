package io.github.wcf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads inline configuration snippets and locates the shared test data ({@code ../shared}). */
final class ConfigFixture {
    static final ServiceModelConfigReader READER = ServiceModelConfigReader.create();

    private ConfigFixture() {
    }

    /** Reads {@code <configuration><system.serviceModel>} + {@code body} + closing tags; body starts on line 3. */
    static ConfigReadResult serviceModel(String body) {
        return READER.read("test.config", "<configuration>\n<system.serviceModel>\n" + body
                + "\n</system.serviceModel>\n</configuration>");
    }

    /** Reads a custom binding named {@code b} whose elements are {@code elements}; the first element is on line 6. */
    static ConfigReadResult customBinding(String elements) {
        return serviceModel("<bindings>\n<customBinding>\n<binding name=\"b\">\n" + elements
                + "\n</binding>\n</customBinding>\n</bindings>");
    }

    static List<String> errors(ConfigReadResult r) {
        return r.errors().stream().map(Diagnostic::message).collect(Collectors.toList());
    }

    /** Asserts exactly one error, with this text, at this line. */
    static Diagnostic assertOneError(ConfigReadResult r, String message, int line) {
        assertEquals(1, r.errors().size(), () -> "errors: " + r.errors());
        Diagnostic d = r.errors().get(0);
        assertEquals(message, d.message());
        assertEquals(line, d.location().line(), () -> "at " + d.location());
        return d;
    }

    static void assertNoErrors(ConfigReadResult r) {
        assertTrue(r.errors().isEmpty(), () -> "unexpected errors: " + r.errors());
    }

    /**
     * The seed configurations that ship with wcf4j ({@code samples/seed-configs} in the checkout; system property
     * {@code wcf4j.seedConfigs}, which the build sets).
     */
    static Path seedConfigs() {
        Path p = Path.of(System.getProperty("wcf4j.seedConfigs", "../samples/seed-configs")).toAbsolutePath()
                .normalize();
        assertTrue(Files.isDirectory(p), "the seed configurations are not in the checkout: " + p);
        return p;
    }

    /**
     * The corpus of real-world configurations ({@code wcf-configs} in the {@code shared} folder beside the checkout;
     * system property {@code wcf4j.shared}, which the build sets). Without it, the tests that need it are skipped
     * with one line naming the folder expected; everything else runs.
     */
    static Path corpus() {
        Path p = Path.of(System.getProperty("wcf4j.shared", "../../shared")).resolve("wcf-configs").toAbsolutePath()
                .normalize();
        ExternalData.assumePresent(p, "the corpus of real WCF configurations");
        return p;
    }
}

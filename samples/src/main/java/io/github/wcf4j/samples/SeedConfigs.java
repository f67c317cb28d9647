package io.github.wcf4j.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The calculator's seed configurations, shipped with wcf4j byte for byte as the product was created from them
 * ({@code samples/seed-configs/} in the repository, also inside the samples jar): the verbatim service and client
 * configurations and their {@code .no-security} variants (the same files without the {@code <security>} element).
 *
 * <p>{@link #directory()} finds them without anything beside the checkout: the folder named by the system property
 * {@value #PROPERTY} (the build sets it), else {@code samples/seed-configs} under {@code WCF4J_HOME} (the
 * {@code ./wcf4j} launcher sets it to the checkout), else a private copy of the jar's files in a temporary folder.
 */
public final class SeedConfigs {
    /** The system property naming the seed folder. */
    public static final String PROPERTY = "wcf4j.seedConfigs";
    public static final String SERVICE = "calculator-service.config";
    public static final String CLIENT = "calculator-client.config";
    public static final String SERVICE_NO_SECURITY = "calculator-service.no-security.config";
    public static final String CLIENT_NO_SECURITY = "calculator-client.no-security.config";
    /** Every seed configuration, in the order above. */
    public static final List<String> NAMES = List.of(SERVICE, CLIENT, SERVICE_NO_SECURITY, CLIENT_NO_SECURITY);

    private static final String RESOURCES = "/io/github/wcf4j/samples/seed-configs/";
    private static volatile Path extracted;

    private SeedConfigs() {
    }

    /** The folder holding every seed configuration. */
    public static Path directory() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String home = System.getenv("WCF4J_HOME");
        if (home != null && !home.isBlank()) {
            Path inCheckout = Path.of(home, "samples", "seed-configs").toAbsolutePath().normalize();
            if (NAMES.stream().allMatch(n -> Files.isRegularFile(inCheckout.resolve(n)))) {
                return inCheckout;
            }
        }
        return extracted();
    }

    /** The path of one seed configuration ({@link #NAMES}). */
    public static Path file(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("not a seed configuration: " + name + " (one of " + NAMES + ")");
        }
        return directory().resolve(name);
    }

    /** The bytes of one seed configuration as the samples jar ships it. */
    public static byte[] bytes(String name) {
        try (InputStream in = SeedConfigs.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException("not a seed configuration: " + name + " (one of " + NAMES + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path extracted() {
        if (extracted == null) {
            try {
                Path dir = Files.createTempDirectory("wcf4j-seed-configs");
                for (String name : NAMES) {
                    Path file = dir.resolve(name);
                    Files.write(file, bytes(name));
                    file.toFile().deleteOnExit();
                }
                dir.toFile().deleteOnExit();
                extracted = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy the seed configurations to a temporary folder", e);
            }
        }
        return extracted;
    }
}

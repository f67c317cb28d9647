package io.github.wcf4j.spring;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ConfigReadResult;
import io.github.wcf4j.config.ServiceModelConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

/**
 * Reads {@code wcf4j.config}: a Spring resource location ({@code classpath:App.config}, {@code file:...}) or a plain
 * file path. A file is read as a file (its diagnostics and {@code configSource} relative to it); a resource inside a
 * jar as a stream. A configuration with errors stops the application with WCF's diagnostics, {@code file:line:col}.
 */
final class ConfigurationFile {
    private ConfigurationFile() {
    }

    static ServiceModelConfiguration read(String location, ResourceLoader loader) {
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("wcf4j.config is not set: name the WCF configuration file, e.g."
                    + " wcf4j.config=classpath:App.config");
        }
        ConfigReadResult read;
        if (ResourceUtils.isUrl(location)) {
            Resource r = loader.getResource(location);
            if (!r.exists()) {
                throw new IllegalStateException("wcf4j.config: " + location + " does not exist");
            }
            read = r.isFile() ? readFile(r) : readStream(r);
        } else {
            Path file = Path.of(location);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("wcf4j.config: the file " + file.toAbsolutePath() + " does not exist");
            }
            read = ServiceModelConfigReader.create().read(file);
        }
        return read.orThrow();
    }

    private static ConfigReadResult readFile(Resource r) {
        try {
            return ServiceModelConfigReader.create().read(r.getFile().toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigReadResult readStream(Resource r) {
        try (InputStream in = r.getInputStream()) {
            return ServiceModelConfigReader.create().read(r.getDescription(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

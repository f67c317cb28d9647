package io.github.wcf4j.junit;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ConfigReadResult;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.ServiceModelConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Reads the configuration a {@link Wcf4jTest} names: {@code classpath:...} (from a folder on the class path as the file
 * it is, so that {@code configSource} works; from a jar as a stream) or a file path. A configuration with errors stops
 * the class, listing them as {@code wcf4j validate} does.
 */
final class ConfigurationSource {
    static final String CLASSPATH = "classpath:";

    private ConfigurationSource() {
    }

    static ServiceModelConfiguration read(String location, Class<?> testClass) {
        ServiceModelConfigReader reader = ServiceModelConfigReader.create();
        ConfigReadResult result;
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            URL url = testClass.getClassLoader().getResource(name);
            if (url == null) {
                throw new ExtensionConfigurationException("@Wcf4jTest: no " + name + " on the class path");
            }
            result = url.getProtocol().equals("file") ? reader.read(path(url)) : stream(reader, name, url);
        } else {
            Path file = Path.of(location);
            if (!Files.isRegularFile(file)) {
                throw new ExtensionConfigurationException("@Wcf4jTest: no file " + file.toAbsolutePath());
            }
            result = reader.read(file);
        }
        if (result.hasErrors() || result.configuration().isEmpty()) {
            throw new ExtensionConfigurationException("@Wcf4jTest: " + location + " has configuration errors:\n"
                    + result.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        return result.configuration().get();
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new ExtensionConfigurationException("@Wcf4jTest: " + url + " is not a file name", e);
        }
    }

    private static ConfigReadResult stream(ServiceModelConfigReader reader, String name, URL url) {
        try (InputStream in = url.openStream()) {
            return reader.read(name, in);
        } catch (IOException e) {
            throw new ExtensionConfigurationException("@Wcf4jTest: cannot read " + url, e);
        }
    }
}

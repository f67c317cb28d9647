package io.github.wcf4j.config;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading one configuration file produced: the model (absent only when the file could not be read as XML at all),
 * every diagnostic in document order, and where each model object came from.
 *
 * <p>Nothing already read is dropped because of a later error: a binding with one bad attribute is still returned, with
 * WCF's default for that attribute, and the error is listed.
 */
public record ConfigReadResult(String source, Optional<ServiceModelConfiguration> configuration,
        List<Diagnostic> diagnostics, SourceMap sourceMap) {

    public ConfigReadResult {
        Objects.requireNonNull(source, "source");
        configuration = configuration == null ? Optional.empty() : configuration;
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(sourceMap, "sourceMap");
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** The configuration, or an exception listing the errors. */
    public ServiceModelConfiguration orThrow() {
        if (hasErrors() || configuration.isEmpty()) {
            throw new ConfigurationErrorsException(this);
        }
        return configuration.get();
    }
}

package io.github.wcf4j.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration WCF would refuse to load (WCF {@code ConfigurationErrorsException}); the message lists every error as
 * {@code file:line:col: error: message}.
 */
public final class ConfigurationErrorsException extends RuntimeException {
    private final transient ConfigReadResult result;

    public ConfigurationErrorsException(ConfigReadResult result) {
        super(result.errors().stream().map(Diagnostic::toString).collect(Collectors.joining(System.lineSeparator())));
        this.result = result;
    }

    public List<Diagnostic> errors() {
        return result.errors();
    }

    public ConfigReadResult result() {
        return result;
    }
}

package io.github.wcf4j.config;

import java.util.Objects;

/**
 * A position in a configuration file: 1-based line and column of the start of the element (or attribute's element) a
 * diagnostic is about.
 */
public record SourceLocation(String source, int line, int column) {
    public SourceLocation {
        Objects.requireNonNull(source, "source");
    }

    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}

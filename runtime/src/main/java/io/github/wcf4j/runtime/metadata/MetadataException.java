package io.github.wcf4j.runtime.metadata;

/** Metadata cannot be generated for a service as configured; the message says what and why. */
public class MetadataException extends RuntimeException {
    public MetadataException(String message) {
        super(message);
    }
}

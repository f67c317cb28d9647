package io.github.wcf4j.runtime.stack;

/**
 * A binding that WCF accepts but the wcf4j runtime does not run, refused when a factory or listener is built, naming the
 * element (never silently ignored).
 */
public class UnsupportedBindingException extends RuntimeException {
    private final String element;

    public UnsupportedBindingException(String element, String message) {
        super(message);
        this.element = element;
    }

    /** The configuration name of the element refused, e.g. {@code security}. */
    public String element() {
        return element;
    }
}

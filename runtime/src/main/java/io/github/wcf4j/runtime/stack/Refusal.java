package io.github.wcf4j.runtime.stack;

import java.util.Objects;

/**
 * Something a configuration asks for that wcf4j cannot run, found before anything is built: what it concerns (the
 * model object, so a configuration reader can point at its line), the setting as the configuration names it, and the
 * text. Opening a host or factory that needs it fails with {@link #toException()}; {@code validate} reports it as its
 * own kind of finding.
 *
 * @param subject the model object refused: a binding element, a binding, an endpoint or a behavior
 * @param setting the element or attribute, e.g. {@code httpTransport/@authenticationScheme}
 * @param message the text
 */
public record Refusal(Object subject, String setting, String message) {

    public Refusal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(message, "message");
    }

    /** The exception that stops the host or factory from opening. */
    public UnsupportedBindingException toException() {
        return new UnsupportedBindingException(setting, message);
    }
}

package io.github.wcf4j.binding;

import java.util.Objects;

/**
 * A binding element, binding or stack that WCF would reject, with WCF's text.
 *
 * <p>Stands for the {@code ArgumentOutOfRangeException}, {@code ArgumentException} and {@code InvalidOperationException}
 * that WCF throws from binding-element setters and from {@code BuildChannelFactory}/{@code BuildChannelListener}. The
 * {@link #text() key} identifies the WCF resource; {@link #getMessage()} is the formatted text, exactly as WCF words it.
 */
public final class BindingValidationException extends RuntimeException {
    private final WcfText text;
    private final String property;

    /**
     * @param text     the WCF resource
     * @param property the property (WCF's {@code paramName}/config attribute) that is wrong, or {@code null} when the
     *                 error concerns the binding as a whole
     * @param args     the placeholders of {@code text}
     */
    public BindingValidationException(WcfText text, String property, Object... args) {
        super(text.format(args));
        this.text = Objects.requireNonNull(text, "text");
        this.property = property;
    }

    /** The WCF resource this error reproduces. */
    public WcfText text() {
        return text;
    }

    /** The offending property, or {@code null} for whole-binding errors. */
    public String property() {
        return property;
    }
}

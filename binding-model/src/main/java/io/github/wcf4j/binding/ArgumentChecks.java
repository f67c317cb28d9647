package io.github.wcf4j.binding;

import java.time.Duration;

/**
 * The argument rules WCF's binding-element setters apply, each failing with WCF's own text.
 *
 * <p>Every record in the model validates its components through these in its compact constructor, so an invalid
 * element cannot exist. The rules mirror {@code TimeoutHelper}, {@code ReliableSessionBindingElement} and the
 * transport setters of the reference source.
 */
public final class ArgumentChecks {
    private ArgumentChecks() {
    }

    /** {@code value > 0}, else WCF's {@code ValueMustBePositive}. */
    public static int positive(int value, String property) {
        if (value <= 0) {
            throw new BindingValidationException(WcfText.ValueMustBePositive, property);
        }
        return value;
    }

    /** {@code value > 0}, else WCF's {@code ValueMustBeGreaterThanZero} (the credentials' setters). */
    public static int greaterThanZero(int value, String property) {
        if (value <= 0) {
            throw new BindingValidationException(WcfText.ValueMustBeGreaterThanZero, property);
        }
        return value;
    }

    /** {@code value > 0}, else WCF's {@code ValueMustBePositive}. */
    public static long positive(long value, String property) {
        if (value <= 0) {
            throw new BindingValidationException(WcfText.ValueMustBePositive, property);
        }
        return value;
    }

    /** {@code value >= 0}, else WCF's {@code ValueMustBeNonNegative}. */
    public static long nonNegative(long value, String property) {
        if (value < 0) {
            throw new BindingValidationException(WcfText.ValueMustBeNonNegative, property);
        }
        return value;
    }

    /**
     * {@code 0 < value <= max}, else WCF's {@code ValueMustBeInRange} with {@code 0} as its lower bound: WCF's message
     * says "0 to max" although 0 itself is rejected (reference source {@code ReliableSessionBindingElement}).
     */
    public static int positiveAtMost(int value, int max, String property) {
        if (value <= 0 || value > max) {
            throw new BindingValidationException(WcfText.ValueMustBeInRange, property, 0, max);
        }
        return value;
    }

    /** {@code min <= value <= max}, else WCF's {@code ValueMustBeInRange}. */
    public static int inRange(int value, int min, int max, String property) {
        if (value < min || value > max) {
            throw new BindingValidationException(WcfText.ValueMustBeInRange, property, min, max);
        }
        return value;
    }

    /**
     * A strictly positive timeout that {@code TimeoutHelper} can honour: {@code > 0}, and at most
     * {@link WcfTimeSpan#MAX_WAIT} unless it is {@link WcfTimeSpan#INFINITE}.
     */
    public static Duration positiveTimeout(Duration value, String property) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new BindingValidationException(WcfText.TimeSpanMustbeGreaterThanTimeSpanZero, property);
        }
        return honourable(value, property);
    }

    /** A timeout {@code >= 0} that {@code TimeoutHelper} can honour ({@code SFxTimeoutOutOfRange0} below zero). */
    public static Duration nonNegativeTimeout(Duration value, String property) {
        if (value == null || value.isNegative()) {
            throw new BindingValidationException(WcfText.SFxTimeoutOutOfRange0, property);
        }
        return honourable(value, property);
    }

    private static Duration honourable(Duration value, String property) {
        if (value.compareTo(WcfTimeSpan.MAX_WAIT) > 0 && !WcfTimeSpan.isInfinite(value)) {
            throw new BindingValidationException(WcfText.SFxTimeoutOutOfRangeTooBig, property);
        }
        return value;
    }

    /** A required component. */
    public static <T> T notNull(T value, String property) {
        if (value == null) {
            throw new NullPointerException(property);
        }
        return value;
    }
}

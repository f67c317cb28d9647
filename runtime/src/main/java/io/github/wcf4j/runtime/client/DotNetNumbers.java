package io.github.wcf4j.runtime.client;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Doubles printed as .NET Framework's {@code Double.ToString()} prints them (15 significant digits), so a client prints
 * what a .NET client of the same service prints.
 */
public final class DotNetNumbers {
    private DotNetNumbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros().toPlainString();
    }
}

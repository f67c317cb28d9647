package io.github.wcf4j.benchmarks;

import java.util.Locale;

/** How the net.tcp and durable sections write a number in a table cell (as {@link Report} does). */
final class Cells {
    private Cells() {
    }

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "—";
        }
        return Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    static String times(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "—" : String.format(Locale.ROOT, "%.2f×", x);
    }

    static String pct(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "—" : String.format(Locale.ROOT, "%.0f%%", x * 100);
    }

    /** A load's calls/s min, median and max, p50 and p99, errors: six cells. */
    static String load(Measurement m) {
        return num(m.min()) + " | " + num(m.median()) + " | " + num(m.max()) + " | " + num(m.p50()) + " | "
                + num(m.p99()) + " | " + m.errors();
    }
}

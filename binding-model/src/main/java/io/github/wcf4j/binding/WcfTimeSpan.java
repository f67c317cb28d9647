package io.github.wcf4j.binding;

import java.time.Duration;
import java.util.Optional;

/**
 * WCF's {@code TimeSpan} syntax as {@link Duration}: parsing what {@code TimeSpan.Parse} accepts,
 * {@code [ws][-]{ d | [d.]hh:mm[:ss[.fffffff]] }[ws]}, plus WCF's {@code "Infinite"}, and formatting in .NET's
 * constant ("c") format {@code [-][d.]hh:mm:ss[.fffffff]}, so that {@code parse(format(d)).equals(d)} for every
 * tick-aligned duration.
 *
 * <p>A .NET tick is 100 ns; {@code TimeSpan.MaxValue} ({@value #INFINITE_TEXT} in config) is
 * {@link #INFINITE}, and {@code TimeoutHelper.MaxWait} (Int32.MaxValue milliseconds) is {@link #MAX_WAIT}.
 */
public final class WcfTimeSpan {
    /** The configuration literal for {@code TimeSpan.MaxValue}. */
    public static final String INFINITE_TEXT = "Infinite";
    /** {@code TimeSpan.MaxValue}: 9223372036854775807 ticks, "10675199.02:48:05.4775807". */
    public static final Duration INFINITE = Duration.ofSeconds(922_337_203_685L, 477_580_700L);
    /** {@code TimeSpan.MinValue}: -9223372036854775808 ticks. */
    public static final Duration MIN_VALUE = Duration.ofSeconds(-922_337_203_686L, 522_419_200L);
    /** {@code TimeoutHelper.MaxWait}: Int32.MaxValue milliseconds, "24.20:31:23.6470000". */
    public static final Duration MAX_WAIT = Duration.ofMillis(Integer.MAX_VALUE);
    /** One .NET tick. */
    public static final Duration TICK = Duration.ofNanos(100);

    private static final long TICKS_PER_SECOND = 10_000_000L;

    private WcfTimeSpan() {
    }

    /** Whether {@code d} is {@code TimeSpan.MaxValue} ("Infinite"). */
    public static boolean isInfinite(Duration d) {
        return INFINITE.equals(d);
    }

    /**
     * Parses WCF's TimeSpan-or-Infinite syntax.
     *
     * @return the duration, or empty when {@code text} is not a valid TimeSpan (the caller words the error)
     */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.equals(INFINITE_TEXT)) {
            return Optional.of(INFINITE);
        }
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        long days = 0;
        long hours;
        long minutes;
        long seconds = 0;
        long fractionTicks = 0;
        int colon = s.indexOf(':');
        if (colon < 0) {
            // "d": a whole number of days
            if (!isDigits(s) || s.length() > 8) {
                return Optional.empty();
            }
            days = Long.parseLong(s);
            hours = 0;
            minutes = 0;
        } else {
            String head = s.substring(0, colon);
            int dot = head.indexOf('.');
            if (dot >= 0) {
                String dayPart = head.substring(0, dot);
                if (!isDigits(dayPart) || dayPart.length() > 8) {
                    return Optional.empty();
                }
                days = Long.parseLong(dayPart);
                head = head.substring(dot + 1);
            }
            String[] rest = s.substring(colon + 1).split(":", -1);
            if (rest.length > 2 || !isDigits(head) || head.length() > 2) {
                return Optional.empty();
            }
            hours = Long.parseLong(head);
            if (!isDigits(rest[0]) || rest[0].length() > 2) {
                return Optional.empty();
            }
            minutes = Long.parseLong(rest[0]);
            if (rest.length == 2) {
                String sec = rest[1];
                int fdot = sec.indexOf('.');
                String whole = fdot >= 0 ? sec.substring(0, fdot) : sec;
                if (!isDigits(whole) || whole.length() > 2) {
                    return Optional.empty();
                }
                seconds = Long.parseLong(whole);
                if (fdot >= 0) {
                    String frac = sec.substring(fdot + 1);
                    if (!isDigits(frac) || frac.length() > 7) {
                        return Optional.empty();
                    }
                    fractionTicks = Long.parseLong((frac + "0000000").substring(0, 7));
                }
            }
            if (hours > 23 || minutes > 59 || seconds > 59) {
                return Optional.empty();
            }
        }
        long totalSeconds = ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
        // TimeSpan holds at most Int64.MaxValue ticks
        if (totalSeconds > 922_337_203_685L || (totalSeconds == 922_337_203_685L && fractionTicks > 4_775_807L)) {
            if (!(negative && totalSeconds == 922_337_203_685L && fractionTicks == 4_775_808L)) {
                return Optional.empty();
            }
        }
        Duration d = Duration.ofSeconds(totalSeconds, fractionTicks * 100);
        return Optional.of(negative ? d.negated() : d);
    }

    /** Formats as .NET's {@code TimeSpan.ToString()} ("c"), or {@code "Infinite"} for {@link #INFINITE}. */
    public static String format(Duration d) {
        if (isInfinite(d)) {
            return INFINITE_TEXT;
        }
        boolean negative = d.isNegative();
        Duration abs = negative ? d.negated() : d;
        long ticks = abs.getSeconds() * TICKS_PER_SECOND + abs.getNano() / 100;
        long totalSeconds = ticks / TICKS_PER_SECOND;
        long fraction = ticks % TICKS_PER_SECOND;
        long days = totalSeconds / 86_400;
        long hours = totalSeconds / 3_600 % 24;
        long minutes = totalSeconds / 60 % 60;
        long seconds = totalSeconds % 60;
        StringBuilder sb = new StringBuilder(26);
        if (negative) {
            sb.append('-');
        }
        if (days > 0) {
            sb.append(days).append('.');
        }
        sb.append(two(hours)).append(':').append(two(minutes)).append(':').append(two(seconds));
        if (fraction > 0) {
            sb.append('.').append(String.format("%07d", fraction));
        }
        return sb.toString();
    }

    /** Whether {@code d} is a whole number of ticks (100 ns), as every .NET TimeSpan is. */
    public static boolean isTickAligned(Duration d) {
        return d.getNano() % 100 == 0;
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code wsu:Timestamp} (WCF {@code SecurityTimestamp}): written with millisecond precision as
 * {@code yyyy-MM-ddTHH:mm:ss.fffZ}, read only in UTC ({@code Z}) with 0 to 7 fraction digits, and checked as WCF's
 * {@code ValidateRangeAndFreshness} checks it, with WCF's texts.
 */
record SecurityTimestamp(Instant created, Instant expires) {
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern READ = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,7})?Z");

    /** A timestamp created {@code now} (truncated to milliseconds) that expires {@code validity} later. */
    static SecurityTimestamp issue(Instant now, Duration validity) {
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        return new SecurityTimestamp(created, created.plus(validity));
    }

    static String format(Instant t) {
        return WRITE.format(t);
    }

    /**
     * Parses a {@code Created}/{@code Expires} value.
     *
     * @throws MessageSecurityException when it is not a UTC time as WCF reads it
     */
    static Instant parse(String text) {
        Matcher m = READ.matcher(text.trim());
        if (!m.matches()) {
            throw new MessageSecurityException("The security timestamp value '" + text + "' is not a UTC time.");
        }
        try {
            return Instant.parse(m.group(1) + (m.group(2) == null ? "" : m.group(2)) + "Z");
        } catch (RuntimeException e) {
            throw new MessageSecurityException("The security timestamp value '" + text + "' is not a UTC time.");
        }
    }

    /**
     * WCF's {@code ValidateRangeAndFreshness(timeToLive, allowedClockSkew)} at {@code now}.
     *
     * @throws MessageSecurityException with WCF's text when the timestamp is invalid or stale
     */
    void validate(Instant now, Duration timeToLive, Duration clockSkew) {
        if (!created.isBefore(expires)) {
            throw new MessageSecurityException(WcfText.TimeStampHasCreationAheadOfExpiry.format(format(created),
                    format(expires)));
        }
        if (!expires.isAfter(now.minus(clockSkew))) {
            throw new MessageSecurityException(WcfText.TimeStampHasExpiryTimeInPast.format(format(expires),
                    format(now), WcfTimeSpan.format(clockSkew)));
        }
        if (!created.isBefore(now.plus(clockSkew))) {
            throw new MessageSecurityException(WcfText.TimeStampHasCreationTimeInFuture.format(format(created),
                    format(now), WcfTimeSpan.format(clockSkew)));
        }
        if (!created.isAfter(now.minus(timeToLive).minus(clockSkew))) {
            throw new MessageSecurityException(WcfText.TimeStampWasCreatedTooLongAgo.format(format(created),
                    format(now), WcfTimeSpan.format(timeToLive), WcfTimeSpan.format(clockSkew)));
        }
    }
}

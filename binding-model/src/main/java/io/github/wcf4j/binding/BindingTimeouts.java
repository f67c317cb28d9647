package io.github.wcf4j.binding;

import java.time.Duration;

/**
 * The four timeouts every WCF binding carries ({@code openTimeout}, {@code closeTimeout}, {@code sendTimeout},
 * {@code receiveTimeout}); defaults from WCF's {@code ServiceDefaults}.
 *
 * <p>{@code receiveTimeout} is the service dispatcher's idle limit for application messages on a session (10 minutes);
 * it is independent of a reliable session's {@code inactivityTimeout}.
 */
public record BindingTimeouts(Duration openTimeout, Duration closeTimeout, Duration sendTimeout,
        Duration receiveTimeout) {

    /** {@code "00:01:00"}. */
    public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofMinutes(1);
    /** {@code "00:01:00"}. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofMinutes(1);
    /** {@code "00:01:00"}. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofMinutes(1);
    /** {@code "00:10:00"}. */
    public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofMinutes(10);

    public BindingTimeouts {
        ArgumentChecks.nonNegativeTimeout(openTimeout, "openTimeout");
        ArgumentChecks.nonNegativeTimeout(closeTimeout, "closeTimeout");
        ArgumentChecks.nonNegativeTimeout(sendTimeout, "sendTimeout");
        ArgumentChecks.nonNegativeTimeout(receiveTimeout, "receiveTimeout");
    }

    public static BindingTimeouts defaults() {
        return new BindingTimeouts(DEFAULT_OPEN_TIMEOUT, DEFAULT_CLOSE_TIMEOUT, DEFAULT_SEND_TIMEOUT,
                DEFAULT_RECEIVE_TIMEOUT);
    }
}

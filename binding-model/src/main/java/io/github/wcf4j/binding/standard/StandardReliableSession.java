package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import java.time.Duration;

/**
 * {@code <reliableSession>} inside a standard binding (WCF {@code OptionalReliableSession} / {@code ReliableSession}):
 * only {@code enabled}, {@code ordered} and {@code inactivityTimeout} are exposed; every other setting keeps
 * {@link ReliableSessionBindingElement}'s default. {@code wsDualHttpBinding} has no {@code enabled}: its session is always
 * on.
 */
public record StandardReliableSession(boolean enabled, boolean ordered, Duration inactivityTimeout) {

    public StandardReliableSession {
        ArgumentChecks.positiveTimeout(inactivityTimeout, "inactivityTimeout");
    }

    /** {@code enabled="false" ordered="true" inactivityTimeout="00:10:00"}. */
    public static StandardReliableSession disabled() {
        return new StandardReliableSession(false, true, ReliableSessionBindingElement.DEFAULT_INACTIVITY_TIMEOUT);
    }

    /** The same settings, enabled. */
    public static StandardReliableSession enabledByDefault() {
        return new StandardReliableSession(true, true, ReliableSessionBindingElement.DEFAULT_INACTIVITY_TIMEOUT);
    }

    /** The binding element a standard binding creates for this session. */
    public ReliableSessionBindingElement toElement(ReliableMessagingVersion version) {
        return ReliableSessionBindingElement.builder()
                .ordered(ordered)
                .inactivityTimeout(inactivityTimeout)
                .reliableMessagingVersion(version)
                .build();
    }
}

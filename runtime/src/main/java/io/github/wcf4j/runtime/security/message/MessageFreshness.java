package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.LocalServiceSecuritySettings;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How the message-protecting protocols date what they send and bound the age of what they receive: a timestamp issued
 * when the binding includes one ({@code includeTimestamp}), a received one checked against the receiving side's
 * replay window and clock skew (a missing one refused when the binding requires it, WCF's text), and the service's
 * replay cache when its settings detect replays.
 *
 * @param includeTimestamp the binding's {@code includeTimestamp}
 * @param clock            the clock timestamps are issued and checked on
 */
record MessageFreshness(boolean includeTimestamp, Clock clock) {

    /** A timestamp valid for {@code validity} from now, when the binding includes one. */
    Optional<SecurityTimestamp> issue(Duration validity) {
        return includeTimestamp ? Optional.of(SecurityTimestamp.issue(clock.instant(), validity)) : Optional.empty();
    }

    /**
     * Checks a received message's {@code timestamp}.
     *
     * @throws MessageSecurityException WCF's texts when it is missing though required, stale or from the future
     */
    void check(Optional<SecurityTimestamp> timestamp, Duration timeToLive, Duration clockSkew) {
        if (timestamp.isEmpty()) {
            if (includeTimestamp) {
                throw new MessageSecurityException(WcfText.RequiredTimestampMissingInSecurityHeader.format());
            }
            return;
        }
        timestamp.get().validate(clock.instant(), timeToLive, clockSkew);
    }

    /** The service's replay cache, when {@code settings} detect replays. */
    static Optional<ReplayCache> replayCache(LocalServiceSecuritySettings settings, Clock clock) {
        return settings.detectReplays() ? Optional.of(new ReplayCache(clock, settings.replayCacheSize(),
                settings.replayWindow(), settings.maxClockSkew())) : Optional.empty();
    }
}

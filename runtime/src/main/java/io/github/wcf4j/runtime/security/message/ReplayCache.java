package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WCF's replay detection ({@code detectReplays}; {@code NonceCache} of {@code SecurityProtocolFactory}): the nonce of
 * a message is its primary signature's value; one seen within its lifetime ({@code replayWindow} + 2 ×
 * {@code maxClockSkew}) is a replay, "The nonce is invalid or replayed." At most {@code replayCacheSize} nonces are
 * kept; when that many are alive, a new message is refused as WCF's cache refuses to add (fail closed).
 */
final class ReplayCache {
    static final String REPLAYED = "The nonce is invalid or replayed.";
    private final Clock clock;
    private final int capacity;
    private final Duration lifetime;
    private final LinkedHashMap<String, Instant> nonces = new LinkedHashMap<>();

    ReplayCache(Clock clock, int capacity, Duration replayWindow, Duration maxClockSkew) {
        this.clock = clock;
        this.capacity = capacity;
        this.lifetime = replayWindow.plus(maxClockSkew.multipliedBy(2));
    }

    /**
     * Records {@code nonce}.
     *
     * @throws MessageSecurityException when it was seen within its lifetime, or the cache is full
     */
    synchronized void check(byte[] nonce) {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> it = nonces.entrySet().iterator(); it.hasNext();) {
            if (!it.next().getValue().isAfter(now)) {
                it.remove();
            } else {
                break;
            }
        }
        String key = Base64.getEncoder().encodeToString(nonce);
        if (nonce.length == 0 || nonces.containsKey(key) || nonces.size() >= capacity) {
            throw new MessageSecurityException(REPLAYED);
        }
        nonces.put(key, now.plus(lifetime));
    }
}

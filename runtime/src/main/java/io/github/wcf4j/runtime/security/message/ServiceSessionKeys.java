package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of one security session as the service holds them (WCF {@code SecuritySessionServerSettings}'
 * {@code ServerSecuritySessionChannel}: {@code RenewSessionToken}, {@code CheckIncomingToken}, and the session token
 * cache's {@code UpdateContextCachingTime}):
 *
 * <ul>
 * <li>a renewal adds a pending key generation (at most {@value #MAX_PENDING_KEYS}, WCF's
 * {@code MaximumPendingKeysPerSession}); it must renew the current generation;</li>
 * <li>the first message under a pending generation makes it current; the previous one is still accepted until
 * {@code sessionKeyRolloverInterval} has passed, then forgotten; the other pending ones are dropped;</li>
 * <li>what the service sends is secured with the current key.</li>
 * </ul>
 *
 * Whether a key is stale (its {@link SecureConversationProtocol.ServiceContext#expires()} passed) is the caller's
 * check, as it depends on the message's action. Thread safe.
 */
final class ServiceSessionKeys {
    static final int MAX_PENDING_KEYS = 5;

    private final Clock clock;
    private final Duration rolloverInterval;
    private final List<SecureConversationProtocol.ServiceContext> pending = new ArrayList<>();
    private SecureConversationProtocol.ServiceContext current;
    private SecureConversationProtocol.ServiceContext previous;
    private Instant previousUntil = Instant.MIN;

    ServiceSessionKeys(SecureConversationProtocol.ServiceContext issued, Duration rolloverInterval, Clock clock) {
        this.current = issued;
        this.rolloverInterval = rolloverInterval;
        this.clock = clock;
    }

    /** The key that secures what the service sends. */
    synchronized SecureConversationProtocol.ServiceContext current() {
        return current;
    }

    /**
     * The key of generation {@code instance} a message names; a pending generation becomes current.
     *
     * @throws MessageSecurityException {@code SecurityContextNotRegistered} for a generation this session does not
     *         hold (never issued, dropped, or past its rollover)
     */
    synchronized SecureConversationProtocol.ServiceContext find(Optional<String> instance) {
        Instant now = clock.instant();
        if (previous != null && !now.isBefore(previousUntil)) {
            previous = null;
        }
        if (current.instance().equals(instance)) {
            return current;
        }
        for (SecureConversationProtocol.ServiceContext p : pending) {
            if (p.instance().equals(instance)) {
                previous = current;
                previousUntil = now.plus(rolloverInterval);
                current = p;
                pending.clear();
                return p;
            }
        }
        if (previous != null && previous.instance().equals(instance)) {
            return previous;
        }
        throw new MessageSecurityException(WcfText.SecurityContextNotRegistered.format(current.contextId(),
                instance.orElse("")));
    }

    /**
     * Adds {@code next}, the key issued for a renewal of generation {@code renewed}.
     *
     * @throws MessageSecurityException {@code CurrentSessionTokenNotRenewed} when {@code renewed} is not the current
     *         generation, {@code TooManyPendingSessionKeys} when too many renewed keys wait to be used
     */
    synchronized void renewed(Optional<String> renewed, SecureConversationProtocol.ServiceContext next) {
        if (!renewed.equals(current.instance())) {
            throw new MessageSecurityException(WcfText.CurrentSessionTokenNotRenewed.format(renewed.orElse(""),
                    current.instance().orElse("")));
        }
        if (pending.size() == MAX_PENDING_KEYS) {
            throw new MessageSecurityException(WcfText.TooManyPendingSessionKeys.format());
        }
        pending.add(next);
    }
}

package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.LocalClientSecuritySettings;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The keys of a client's security session and when to renew them (WCF {@code SecuritySessionClientSettings}'
 * {@code ClientSecuritySessionChannel}: {@code GetKeyRenewalTime}, {@code IsKeyRenewalNeeded}, {@code RenewKey},
 * {@code UpdateSessionTokens}, {@code DoKeyRolloverIfNeeded}):
 *
 * <ul>
 * <li>a key is renewed before the first message sent at or after its renewal time: the earlier of its
 * {@code validFrom} plus {@code sessionKeyRenewalInterval} and {@code validFrom} plus
 * {@code cookieRenewalThresholdPercentage} of its lifetime (the RSTR's {@code Lifetime}); one renewal at a time, the
 * others wait for it;</li>
 * <li>after a renewal the new key secures what is sent, and the previous key is still accepted on what arrives until
 * {@code sessionKeyRolloverInterval} has passed;</li>
 * <li>the service's {@code RenewNeeded} fault makes the key due at once.</li>
 * </ul>
 *
 * Time is the injected clock's, read when a message is sent or received, as WCF reads {@code DateTime.UtcNow}. Thread
 * safe.
 */
final class ClientSessionKeys {
    private final Clock clock;
    private final Duration renewalInterval;
    private final Duration rolloverInterval;
    private final int thresholdPercentage;
    private final boolean canRenew;
    private SecurityContext current;
    private SecurityContext previous;
    private Instant previousUntil = Instant.MIN;
    private Instant renewalAt;
    private CompletableFuture<SecurityContext> renewing;

    ClientSessionKeys(SecurityContext issued, LocalClientSecuritySettings settings, Clock clock) {
        this(issued, settings, true, clock);
    }

    /**
     * With {@code canRenew} false ({@code canRenewSecurityContextToken="false"}) a key due for renewal fails what
     * would be sent with it ({@code SessionKeyRenewalNotSupported}), as WCF's {@code RenewKey} does.
     */
    ClientSessionKeys(SecurityContext issued, LocalClientSecuritySettings settings, boolean canRenew, Clock clock) {
        this.canRenew = canRenew;
        this.clock = clock;
        this.renewalInterval = settings.sessionKeyRenewalInterval();
        this.rolloverInterval = settings.sessionKeyRolloverInterval();
        this.thresholdPercentage = settings.cookieRenewalThresholdPercentage();
        this.current = issued;
        this.renewalAt = renewalTime(issued);
    }

    /** The key that secures what is sent now. */
    synchronized SecurityContext current() {
        return current;
    }

    /**
     * The current key, renewed first with {@code renew} when its renewal time has come (a renewal already under way is
     * joined).
     */
    synchronized CompletableFuture<SecurityContext> forSending(
            Function<SecurityContext, CompletableFuture<SecurityContext>> renew) {
        Instant now = clock.instant();
        forgetPreviousIfRolledOver(now);
        if (now.isBefore(renewalAt)) {
            return CompletableFuture.completedFuture(current);
        }
        if (!canRenew) {
            return CompletableFuture.failedFuture(new MessageSecurityException(
                    WcfText.SessionKeyRenewalNotSupported.format()));
        }
        if (renewing == null) {
            CompletableFuture<SecurityContext> r = renew.apply(current).thenApply(this::renewed);
            renewing = r;
            r.whenComplete((c, e) -> {
                synchronized (this) {
                    renewing = null;
                }
            });
            return r.exceptionally(e -> {
                throw new MessageSecurityException(WcfText.UnableToRenewSessionKey.format(), e);
            });
        }
        return renewing;
    }

    /** The service said the key must be renewed ({@code RenewNeeded}): the next message sent renews it first. */
    synchronized void renewalNeeded() {
        renewalAt = clock.instant();
    }

    /**
     * The key of generation {@code instance} of the context {@code contextId}: the current one, or the previous one
     * within its rollover interval.
     *
     * @throws MessageSecurityException for any other
     */
    synchronized byte[] keyOf(String contextId, Optional<String> instance) {
        forgetPreviousIfRolledOver(clock.instant());
        if (!contextId.equals(current.contextId())) {
            throw new MessageSecurityException("The reply is not secured with this channel's security context.");
        }
        if (current.instance().equals(instance)) {
            return current.key();
        }
        if (previous != null && previous.instance().equals(instance)) {
            return previous.key();
        }
        throw new MessageSecurityException(WcfText.SecurityContextNotRegistered.format(contextId,
                instance.orElse("")));
    }

    private synchronized SecurityContext renewed(SecurityContext next) {
        previous = current;
        previousUntil = clock.instant().plus(rolloverInterval);
        current = next;
        renewalAt = renewalTime(next);
        return next;
    }

    private void forgetPreviousIfRolledOver(Instant now) {
        if (previous != null && !now.isBefore(previousUntil)) {
            previous = null;
        }
    }

    /** {@code GetKeyRenewalTime}: the earlier of the renewal interval's end and the threshold of the lifetime. */
    private Instant renewalTime(SecurityContext token) {
        Instant from = token.validFrom() != null ? token.validFrom() : clock.instant();
        Instant byInterval = from.plus(renewalInterval);
        if (token.expires().equals(Instant.MAX) || token.expires().isBefore(from)) {
            return byInterval;
        }
        Duration lifetime = Duration.between(from, token.expires());
        Instant byThreshold = from.plus(lifetime.multipliedBy(thresholdPercentage).dividedBy(100));
        return byThreshold.isBefore(byInterval) ? byThreshold : byInterval;
    }
}

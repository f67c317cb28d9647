package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.LayeredChannelListener;
import io.github.wcf4j.runtime.channel.SessionChannel;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * What the service sides of security sessions share, over reply and over duplex inner channels: the service's
 * credentials checked at open, every inner channel accepted and read ({@link #pump}), the sessions by context id,
 * those waiting to be accepted (at most {@code maxPendingSessions}; one not accepted within {@code inactivityTimeout}
 * is reaped, as WCF's pending-session sweep reaps it, here exactly at the timeout rather than within one to two), and
 * every session aborted with the listener.
 *
 * @param <C> the session shape accepted
 * @param <S> the session channel
 */
abstract class SecuritySessionListener<C extends Channel, S extends AbstractCommunicationObject>
        extends LayeredChannelListener<C> {
    protected final SecureConversationProtocol protocol;
    protected final ServiceCredentials credentials;
    protected final Scheduler scheduler;
    protected final Executor executor;
    protected final Map<String, S> sessions = new ConcurrentHashMap<>();
    private final int maxPendingSessions;
    private final Duration inactivityTimeout;
    private final InboundQueue<C> accepted;
    private final Set<Object> pending = ConcurrentHashMap.newKeySet();

    SecuritySessionListener(ChannelType<C> type, ChannelListener<?> inner, SecureConversationProtocol protocol,
            ServiceCredentials credentials, Scheduler scheduler, int maxPendingSessions, Duration inactivityTimeout) {
        super(type, inner);
        this.inactivityTimeout = inactivityTimeout;
        this.protocol = protocol;
        this.credentials = credentials;
        this.scheduler = scheduler;
        this.executor = scheduler.executor();
        this.maxPendingSessions = maxPendingSessions;
        this.accepted = new InboundQueue<>(scheduler);
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Security.SecuritySessionServerSettings+SecuritySessionChannelListener";
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> protocol.checkServiceCredentials(credentials))
                .thenCompose(v -> innerListener.open(timeout)).thenRun(this::acceptInner);
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        return accepted.take(timeout, () -> WcfText.ReceiveTimedOut.format(WcfTimeSpan.format(timeout)))
                .thenCompose(c -> c.isPresent() && !pending.remove(c.get())
                        ? acceptChannel(timeout) // reaped while it waited: the next one
                        : CompletableFuture.completedFuture(c));
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        accepted.close();
        sessions.values().forEach(AbstractCommunicationObject::abort);
        return super.onClose(timeout);
    }

    @Override
    protected void onAbort() {
        accepted.close();
        sessions.values().forEach(AbstractCommunicationObject::abort);
        super.onAbort();
    }

    private void acceptInner() {
        innerListener.acceptChannel(WcfTimeSpan.INFINITE).whenComplete((c, e) -> {
            if (e != null || c.isEmpty()) {
                return;
            }
            Channel inner = c.get();
            inner.open(WcfTimeSpan.INFINITE).thenRun(() -> pump(inner));
            if (inner instanceof SessionChannel) {
                acceptInner();
            }
        });
    }

    /**
     * {@code verified}, its reply secured with the key {@code key} gives when the reply is sent: the session's current
     * one, whichever generation the request came with (WCF secures everything a session sends with its current session
     * token, {@code SetOutgoingSessionToken}).
     */
    protected SecurityProtocol.VerifiedRequest repliedUnder(SecurityProtocol.VerifiedRequest verified,
            java.util.function.Supplier<SecureConversationProtocol.ServiceContext> key) {
        return new SecurityProtocol.VerifiedRequest() {
            @Override
            public io.github.wcf4j.runtime.message.Message request() {
                return verified.request();
            }

            @Override
            public void secureReply(io.github.wcf4j.runtime.message.Message reply) {
                protocol.secureForClient(reply, key.get());
            }
        };
    }

    /** Reads every message of the opened {@code inner} channel, each handled on the executor. */
    protected abstract void pump(Channel inner);

    /**
     * Refuses a token request while {@code maxPendingSessions} sessions wait to be accepted.
     *
     * @throws io.github.wcf4j.runtime.security.MessageSecurityException then
     */
    protected void admit() {
        if (pending.size() >= maxPendingSessions) {
            throw new io.github.wcf4j.runtime.security.MessageSecurityException("The service has "
                    + maxPendingSessions + " security sessions waiting to be accepted (maxPendingSessions); the"
                    + " token request is refused.");
        }
    }

    /** Registers a new session under {@code contextId} and offers it to be accepted; false once the listener closed. */
    protected boolean opened(String contextId, S session) {
        sessions.put(contextId, session);
        session.onClosed(() -> sessions.remove(contextId));
        pending.add(session);
        if (!accepted.offer(typed((Channel) session))) {
            pending.remove(session);
            sessions.remove(contextId);
            return false;
        }
        scheduler.schedule(inactivityTimeout, () -> {
            if (pending.remove(session)) {
                sessions.remove(contextId);
                session.abort();
            }
        });
        return true;
    }
}

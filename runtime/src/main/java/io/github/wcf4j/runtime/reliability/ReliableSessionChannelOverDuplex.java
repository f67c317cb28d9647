package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ResumableLocalAddress;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.channel.SessionChannel;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel of one reliable session over a duplex inner channel, the base of the channels over duplex:
 *
 * <pre>
 * ReliableSessionChannelOverDuplex ─┬─ ReliableDuplexSessionChannel             client and service
 *                                   ├─ ReliableOutputSessionChannelOverDuplex   client
 *                                   └─ ReliableInputSessionChannelOverDuplex    service
 * </pre>
 *
 * On the client it owns the inner channel: opening opens it, starts its receive loop and runs the CreateSequence
 * handshake. On the service the listener created the session from a CreateSequence and routes its messages here.
 * Closing runs the session's close handshake; a session fault faults the channel with WCF's exception.
 */
abstract class ReliableSessionChannelOverDuplex extends AbstractCommunicationObject implements SessionChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ReliableSessionChannelOverDuplex.class);

    protected final DuplexReliableSession session;
    private final DuplexChannel inner;
    private final EndpointAddress remote;
    private final URI via;
    /** The client's back channel address: a resumed session's is the one its stored CreateSequence named. */
    private volatile EndpointAddress local;
    private final Runnable onEnd;

    /** A client channel over {@code inner}, whose session has {@code sequences}. */
    ReliableSessionChannelOverDuplex(SessionSettings settings, DuplexChannel inner,
            DuplexReliableSession.Sequences sequences) {
        this.inner = inner;
        this.remote = inner.remoteAddress();
        this.via = inner.via();
        this.local = inner.localAddress();
        this.onEnd = () -> { };
        this.session = DuplexReliableSession.client(settings, sequences,
                m -> inner.send(m, settings.timeouts().sendTimeout()), this::fault);
    }

    /**
     * A service channel of the session {@code accepted}, which has {@code sequences}; {@code sender} sends to the
     * client's back channel {@code remote}. The listener feeds it.
     */
    ReliableSessionChannelOverDuplex(AcceptedSession accepted, DuplexReliableSession.Sequences sequences,
            EndpointAddress remote, Function<Message, CompletableFuture<Void>> sender) {
        this.inner = null;
        this.remote = remote;
        this.via = remote.uri();
        this.local = accepted.local();
        this.onEnd = accepted.unregister();
        this.session = DuplexReliableSession.service(accepted.settings(), sequences, accepted.created(),
                accepted.offered(), sender, this::fault, accepted.resumed());
    }

    DuplexReliableSession reliableSession() {
        return session;
    }

    /**
     * Aborts the channel because its listener is aborted (the process stopping): a durable session stays in its store,
     * its peer told nothing ({@link DuplexReliableSession#abandon}).
     */
    void abandon() {
        session.abandon();
        abort();
    }

    @Override
    public Session session() {
        return session::sessionId;
    }

    public EndpointAddress remoteAddress() {
        return remote;
    }

    public URI via() {
        return via;
    }

    public EndpointAddress localAddress() {
        return local;
    }

    public CompletableFuture<Void> send(Message message, Duration timeout) {
        throwIfNotOpened();
        return session.send(message, timeout);
    }

    public CompletableFuture<Optional<Message>> receive(Duration timeout) {
        if (doneReceiving()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return session.receive(timeout);
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        if (inner == null) {
            return CompletableFuture.completedFuture(null);
        }
        // a durable client first looks for a session of this endpoint that an earlier process left in the store
        return session.resumable(remote.uri()).thenCompose(found -> {
            found.ifPresent(s -> {
                EndpointAddress back = DuplexReliableSession.backChannel(s);
                inner.property(ResumableLocalAddress.class).orElseThrow(() -> new IllegalStateException(
                        "the channel below the reliable session cannot receive at the stored back channel " + back))
                        .resumeAt(back);
                local = back;
            });
            return inner.open(timeout).thenCompose(v -> {
                ReceivePump.run(() -> inner.receive(WcfTimeSpan.INFINITE), this::dispatch, e -> {
                    if (e != null && state() == CommunicationState.Opened) {
                        session.fail(e);
                    }
                });
                if (found.isPresent()) {
                    session.resumeClient(found.get());
                    return CompletableFuture.<Void>completedFuture(null);
                }
                return session.openClient(local, remote.uri(), inner.property(SecuritySessionToken.class), timeout);
            });
        });
    }

    private void dispatch(Message m) {
        WsrmInfo info;
        try {
            info = WsrmInfo.read(m, session.wsrm());
        } catch (RuntimeException e) {
            // WCF's ProcessInfo: a client session faults on a message it cannot parse and tells the peer
            LOG.debug("an unreadable reliable-session message faults the session: {}", e.getMessage());
            session.unparsable(m, e);
            return;
        }
        session.handle(info);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        // the inner channel's close is awaited: a security session below ends with its Cancel exchange, whose
        // response comes back over the channel (WCF closes the inner channel as part of the close)
        return session.close(local, timeout).handle((v, e) -> e).thenCompose(e -> {
            onEnd.run();
            CompletableFuture<Void> closed = inner == null ? CompletableFuture.completedFuture(null)
                    : inner.close(timeout);
            return e == null ? closed : closed.handle((x, ignored) -> {
                throw e instanceof java.util.concurrent.CompletionException c ? c
                        : new java.util.concurrent.CompletionException(e);
            });
        });
    }

    @Override
    protected void onAbort() {
        session.abort();
        onEnd.run();
        if (inner != null) {
            inner.abort();
        }
    }

    @Override
    protected void onFaulted(Throwable cause) {
        onEnd.run();
        if (inner != null) {
            inner.abort();
        }
    }
}

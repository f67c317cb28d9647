package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A service channel of one reliable session over a reply channel (HTTP request/reply), the base of the channels over
 * reply; the listener created its session from a CreateSequence and hands it every request of the session:
 *
 * <pre>
 * ReliableSessionChannelOverReply ─┬─ ReliableReplySessionChannel            two-way calls
 *                                  └─ ReliableInputSessionChannelOverReply   one-way messages
 * </pre>
 */
abstract class ReliableSessionChannelOverReply extends AbstractCommunicationObject {
    protected final ReplyReliableSession session;
    private final EndpointAddress local;
    private final Runnable onEnd;

    /** The channel of the session {@code accepted}, which {@code sessions} makes given how it faults the channel. */
    ReliableSessionChannelOverReply(AcceptedSession accepted,
            Function<Consumer<Throwable>, ReplyReliableSession> sessions) {
        this.session = sessions.apply(this::fault);
        this.local = accepted.local();
        this.onEnd = accepted.unregister();
    }

    ReplyReliableSession reliableSession() {
        return session;
    }

    public Session session() {
        return session::inputId;
    }

    public EndpointAddress localAddress() {
        return local;
    }

    /** The next request the session delivers; empty once the sequence ended or the channel is done receiving. */
    protected final CompletableFuture<Optional<Message>> receiveDelivered(Duration timeout) {
        if (doneReceiving()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return session.receive(timeout).thenApply(m -> {
            m.ifPresent(session::delivered);
            return m;
        });
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return session.closeGracefully(timeout).whenComplete((v, e) -> onEnd.run());
    }

    @Override
    protected void onAbort() {
        session.close();
        onEnd.run();
    }

    @Override
    protected void onFaulted(Throwable cause) {
        onEnd.run();
    }
}

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.Session;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client channel of one reliable session over a request channel (HTTP request/reply), the base of the channels
 * over request; it owns the inner channel and the session over it:
 *
 * <pre>
 * ReliableSessionChannelOverRequest ─┬─ ReliableRequestSessionChannel             two-way calls
 *                                    └─ ReliableOutputSessionChannelOverRequest   one-way messages
 * </pre>
 */
abstract class ReliableSessionChannelOverRequest extends AbstractCommunicationObject {
    private final RequestChannel inner;
    protected final RequestReliableSession session;

    /** {@code sessions} makes the channel's session over {@code inner}, given how it faults the channel. */
    ReliableSessionChannelOverRequest(RequestChannel inner,
            Function<Consumer<Throwable>, RequestReliableSession> sessions) {
        this.inner = inner;
        this.session = sessions.apply(this::fault);
    }

    public Session session() {
        return session::sessionId;
    }

    public EndpointAddress remoteAddress() {
        return inner.remoteAddress();
    }

    public URI via() {
        return inner.via();
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return inner.open(timeout).thenCompose(v -> session.open(timeout));
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return session.close(timeout).whenComplete((v, e) -> inner.close(timeout));
    }

    @Override
    protected void onAbort() {
        session.abort();
        session.release();
        inner.abort();
    }
}

package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.runtime.time.Scheduler;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one reply channel of a datagram reply listener (HTTP, in-memory): every request the transport decodes waits in a
 * queue until the channel's user receives it. Closing or aborting ends the queue (pending receives complete empty); a
 * transport that must release what nobody will receive (an HTTP connection waiting for its response) does so in
 * {@link #unreceived}.
 */
public abstract class QueuedReplyChannel extends AbstractCommunicationObject implements ReplyChannel {
    private final InboundQueue<RequestContext> queue;
    private final Supplier<URI> uri;

    /** {@code uri}: the listener's address, asked each time (a listener on port 0 knows its port once open). */
    protected QueuedReplyChannel(Scheduler scheduler, Supplier<URI> uri) {
        this.queue = new InboundQueue<>(scheduler);
        this.uri = uri;
    }

    /** Queues a decoded request for the next receive; {@code false} once the channel is closed. */
    public boolean offer(RequestContext request) {
        return queue.offer(request);
    }

    @Override
    public EndpointAddress localAddress() {
        return EndpointAddress.of(uri.get());
    }

    @Override
    public CompletableFuture<Optional<RequestContext>> receiveRequest(Duration timeout) {
        return receiveFrom(queue, timeout);
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        end();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
        end();
    }

    private void end() {
        queue.close();
        Optional<RequestContext> c;
        while ((c = queue.take(Duration.ZERO, () -> "").getNow(Optional.empty())).isPresent()) {
            unreceived(c.get());
        }
    }

    /** A request still queued when the channel ended; by default left as it is. */
    protected void unreceived(RequestContext request) {
    }
}

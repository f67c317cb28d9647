package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two-way calls over a duplex channel (WCF's {@code DuplexChannelBinder} with its {@code RequestReplyCorrelator}):
 * each request's {@code MessageID} waits for the message that {@code RelatesTo} it. Whoever receives from the channel
 * offers every message to {@link #deliver} first (WCF's {@code HandleRequestAsReply}); what answers no pending request
 * is the receiver's to dispatch: a client's callbacks, a service's operations. Both sides use it: a proxy's calls on a
 * duplex channel and a service's request/reply callbacks to its caller. Thread-safe.
 */
public final class ReplyCorrelator {
    private final DuplexChannel channel;
    private final Scheduler scheduler;
    private final Map<String, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();

    public ReplyCorrelator(DuplexChannel channel, Scheduler scheduler) {
        this.channel = channel;
        this.scheduler = scheduler;
    }

    /** Sends {@code request} (which has a MessageID) and completes with its reply, or fails at {@code timeout}. */
    public CompletableFuture<Message> request(Message request, Duration timeout) {
        String id = request.headers().messageId();
        CompletableFuture<Message> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Scheduler.Cancellable timer = WcfTimeSpan.isInfinite(timeout) ? Scheduler.Cancellable.NONE
                : scheduler.schedule(timeout, () -> reply.completeExceptionally(new CommunicationTimeoutException(
                        WcfText.RequestTimedOut.format(WcfTimeSpan.format(timeout)))));
        reply.whenComplete((m, e) -> {
            pending.remove(id);
            timer.cancel();
        });
        channel.send(request, timeout).whenComplete((v, e) -> {
            if (e != null) {
                reply.completeExceptionally(e);
            }
        });
        return reply;
    }

    /** Completes the pending request {@code m} answers ({@code RelatesTo} its MessageID); whether there was one. */
    public boolean deliver(Message m) {
        String relatesTo = m.headers().relatesTo();
        CompletableFuture<Message> waiting = relatesTo == null ? null : pending.get(relatesTo);
        return waiting != null && waiting.complete(m);
    }

    /** The channel ended ({@code cause} {@code null}: closed): every pending request fails. */
    public void end(Throwable cause) {
        CommunicationException closed = new CommunicationException(cause == null
                ? "The channel was closed before the reply arrived." : cause.getMessage(), cause);
        pending.values().forEach(f -> f.completeExceptionally(closed));
    }
}

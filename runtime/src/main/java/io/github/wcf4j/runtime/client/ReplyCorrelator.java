package io.github.wcf4j.runtime.client;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-way calls over a duplex channel (WCF's {@code DuplexChannelBinder}): each request's {@code MessageID} waits for
 * the message that {@code RelatesTo} it; one receive loop per channel delivers replies to their callers. Messages that
 * answer nothing (a callback contract would take them) are logged and dropped.
 */
final class ReplyCorrelator {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyCorrelator.class);

    private final DuplexChannel channel;
    private final Scheduler scheduler;
    private final Map<String, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();

    ReplyCorrelator(DuplexChannel channel, Scheduler scheduler) {
        this.channel = channel;
        this.scheduler = scheduler;
    }

    /** Starts receiving; call once the channel is open. */
    void start() {
        ReceivePump.run(() -> channel.receive(WcfTimeSpan.INFINITE), this::deliver, this::ended);
    }

    /** Sends {@code request} (which has a MessageID) and completes with its reply. */
    CompletableFuture<Message> request(Message request, Duration timeout) {
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

    private void deliver(Message m) {
        String relatesTo = m.headers().relatesTo();
        CompletableFuture<Message> waiting = relatesTo == null ? null : pending.get(relatesTo);
        if (waiting != null) {
            waiting.complete(m);
        } else {
            LOG.warn("a message with action {} arrived on the duplex channel but answers no pending call: dropped",
                    m.headers().action());
        }
    }

    private void ended(Throwable cause) {
        CommunicationException closed = new CommunicationException(cause == null
                ? "The channel was closed before the reply arrived." : cause.getMessage(), cause);
        pending.values().forEach(f -> f.completeExceptionally(closed));
    }
}

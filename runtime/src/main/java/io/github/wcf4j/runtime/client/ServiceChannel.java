package io.github.wcf4j.runtime.client;

import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyCorrelator;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.SessionChannel;
import io.github.wcf4j.runtime.diagnostics.MessageLog;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.BodyWriter;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.service.CallbackDispatcher;
import io.github.wcf4j.runtime.service.OperationContext;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.metrics.CallOutcome;
import io.github.wcf4j.runtime.metrics.CallSpan;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.metrics.OperationMetrics;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxy's channel (WCF's {@code ServiceChannel}): opened on the first call, as WCF opens a proxy implicitly, and
 * shaped by what the binding built. Requests carry WCF's addressing: a {@code MessageID} and an anonymous
 * {@code ReplyTo} for two-way calls over request channels; over duplex channels one receive loop hands replies to
 * their callers ({@link ReplyCorrelator}) and everything else, the service's callbacks, to the callback instance
 * ({@link CallbackDispatcher}), one callback at a time in the order they arrived (with {@code @CallbackBehavior}
 * {@code Reentrant} or {@code Multiple}: as the instance's lock allows), each reply sent back on the channel.
 * Calls are bounded by the binding's {@code sendTimeout}. Thread-safe.
 */
final class ServiceChannel implements PayloadTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceChannel.class);

    private final Channel channel;
    private final MessageVersion version;
    private final BindingTimeouts timeouts;
    private final Scheduler scheduler;
    private final CallbackDispatcher callbacks;
    private volatile Object proxy;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private ReplyCorrelator correlator;
    private final Object callbackOrder = new Object();
    private CompletableFuture<Void> callbacksDone = CompletableFuture.completedFuture(null);
    private boolean opened;
    private final MessageLog messageLog;
    private final TextMessageEncoder logEncoder;
    private final Meters meters;

    /** The endpoint's meters and its operations' meters by request action. */
    record Meters(EndpointMetrics endpoint, Map<String, OperationMetrics> byAction) {
        static final Meters NONE = new Meters(EndpointMetrics.NONE, Map.of());

        OperationMetrics operation(String action) {
            OperationMetrics m = action == null ? null : byAction.get(action);
            return m != null ? m : OperationMetrics.NONE;
        }
    }

    /** {@code callbacks}: where the service's callbacks go, {@code null} when the contract has none. */
    ServiceChannel(Channel channel, MessageVersion version, BindingTimeouts timeouts, Scheduler scheduler,
            CallbackDispatcher callbacks) {
        this(channel, version, timeouts, scheduler, callbacks, MessageLog.none(), null);
    }

    /** With {@code messageLog} logging calls at service level, written by {@code logEncoder}. */
    ServiceChannel(Channel channel, MessageVersion version, BindingTimeouts timeouts, Scheduler scheduler,
            CallbackDispatcher callbacks, MessageLog messageLog, TextMessageEncoder logEncoder) {
        this(channel, version, timeouts, scheduler, callbacks, messageLog, logEncoder, Meters.NONE);
    }

    /** With {@code meters} timing each call and counting the channel's session. */
    ServiceChannel(Channel channel, MessageVersion version, BindingTimeouts timeouts, Scheduler scheduler,
            CallbackDispatcher callbacks, MessageLog messageLog, TextMessageEncoder logEncoder, Meters meters) {
        this.meters = meters;
        this.messageLog = messageLog;
        this.logEncoder = logEncoder;
        this.channel = channel;
        this.version = version;
        this.timeouts = timeouts;
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        channel.onClosed(() -> closed.complete(null));
    }

    Channel channel() {
        return channel;
    }

    /** The proxy whose calls come here (what a callback's {@code OperationContext.callbackChannel} returns). */
    void proxy(Object p) {
        this.proxy = p;
    }

    private synchronized void ensureOpen() {
        if (opened) {
            return;
        }
        Futures.join(channel.open(timeouts.openTimeout()));
        if (channel instanceof SessionChannel) {
            meters.endpoint().sessionOpened();
            channel.onClosed(meters.endpoint()::sessionClosed);
        }
        if (channel instanceof DuplexChannel duplex) {
            correlator = new ReplyCorrelator(duplex, scheduler);
            ReplyCorrelator c = correlator;
            ReceivePump.run(() -> duplex.receive(WcfTimeSpan.INFINITE), m -> received(duplex, m), c::end);
        }
        opened = true;
    }

    /** A message on the duplex channel: a reply to a pending call, else a callback (or, without callbacks, dropped). */
    private void received(DuplexChannel duplex, Message m) {
        if (correlator.deliver(m)) {
            return;
        }
        if (callbacks == null) {
            LOG.warn("a message with action {} arrived on the duplex channel but answers no pending call: dropped",
                    m.headers().action());
            return;
        }
        if (callbacks.concurrent()) {
            // Reentrant or Multiple: the callback instance's lock orders the calls; a nested callback must not wait
            // for the one that called out
            callback(duplex, m);
            return;
        }
        synchronized (callbackOrder) {
            callbacksDone = callbacksDone.thenCompose(v -> callback(duplex, m));
        }
    }

    /** Runs one callback and sends its reply back on the channel. */
    private CompletableFuture<Void> callback(DuplexChannel duplex, Message m) {
        return callbacks.dispatch(m, this, proxy, closed)
                .thenCompose(reply -> reply == null ? CompletableFuture.<Void>completedFuture(null)
                        : duplex.send(reply, timeouts.sendTimeout()))
                .exceptionally(e -> {
                    LOG.warn("the callback {} failed: {}", m.headers().action(), Futures.unwrap(e).toString());
                    return null;
                });
    }

    @Override
    public Message call(String action, XmlFragment body, boolean oneWay) {
        return call(Message.create(version, action, body), oneWay);
    }

    @Override
    public Message call(String action, BodyWriter body, boolean oneWay) {
        return call(Message.create(version, action, body), oneWay);
    }

    private Message call(Message request, boolean oneWay) {
        return OperationContext.callout(this, "CallbackBehaviorAttribute", oneWay, () -> send(request, oneWay));
    }

    private Message send(Message request, boolean oneWay) {
        boolean addressing = version.addressing() != AddressingVersion.NONE;
        if (!oneWay && addressing) {
            request.headers().messageId("urn:uuid:" + UUID.randomUUID());
        }
        OperationMetrics meter = meters.operation(request.headers().action());
        long started = System.nanoTime();
        CallSpan span = meter.span(request.headers().messageId());
        Message reply;
        try {
            reply = exchange(request, oneWay);
        } catch (RuntimeException | Error failed) {
            meter.record(CallOutcome.ERROR, System.nanoTime() - started);
            span.end(CallOutcome.ERROR, failed);
            throw failed;
        }
        CallOutcome outcome = reply != null && reply.isFault() ? CallOutcome.FAULT : CallOutcome.SUCCESS;
        meter.record(outcome, System.nanoTime() - started);
        span.end(outcome, null);
        messageLog.serviceLevel(MessageLog.Source.ServiceLevelReceiveReply, reply, logEncoder);
        return reply;
    }

    private Message exchange(Message request, boolean oneWay) {
        ensureOpen();
        boolean addressing = version.addressing() != AddressingVersion.NONE;
        if (channel instanceof RequestChannel requests && !oneWay && addressing) {
            request.headers().replyTo(EndpointAddress.of(version.addressing().anonymous()));
        }
        messageLog.serviceLevel(oneWay ? MessageLog.Source.ServiceLevelSendDatagram
                : MessageLog.Source.ServiceLevelSendRequest, request, logEncoder);
        if (channel instanceof RequestChannel requests) {
            Message reply = Futures.join(requests.request(request, timeouts.sendTimeout()));
            return oneWay ? null : PayloadTransport.readable(reply);
        }
        if (channel instanceof DuplexChannel && !oneWay) {
            if (!addressing) {
                throw new IllegalStateException("A request/reply call over a duplex channel needs WS-Addressing to"
                        + " match its reply (MessageID, RelatesTo), and this binding's message version is "
                        + version + ": use a request/reply transport or a message version with WS-Addressing.");
            }
            return PayloadTransport.readable(Futures.join(correlator.request(request, timeouts.sendTimeout())));
        }
        Futures.join(((OutputChannel) channel).send(request, timeouts.sendTimeout()));
        return null;
    }
}

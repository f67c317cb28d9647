package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.Timeouts;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls messages from one endpoint's channel listener and answers them, without a thread per channel (WCF's
 * {@code ChannelDispatcher} and {@code ChannelHandler}): every receive is a future, and the next one is issued when it
 * completes.
 *
 * <ul>
 *   <li>A datagram channel (HTTP's single reply channel) is pumped concurrently: each message takes a call permit
 *       ({@code maxConcurrentCalls}) before it is received, and the next receive starts at once.</li>
 *   <li>Each session channel is pumped in order, one call at a time, so a session's calls reach its service object in
 *       the order they were sent; a session takes a session permit ({@code maxConcurrentSessions}) while it lives and
 *       is closed when it stays idle past the binding's {@code receiveTimeout}.</li>
 * </ul>
 */
final class EndpointDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointDispatcher.class);

    private final ChannelListener<?> listener;
    private final ChannelShape shape;
    private final MessageDispatcher dispatcher;
    private final AsyncPermits calls;
    private final AsyncPermits sessions;
    private final Duration sendTimeout;
    private final Duration receiveTimeout;
    private final Set<Object> firstMessages = Collections.newSetFromMap(
            new ConcurrentHashMap<>());
    private final Set<Channel> openSessions = ConcurrentHashMap.newKeySet();
    private final CallbackEndpoint callbacks;
    private final EndpointMetrics metrics;

    /** {@code callbacks}: how operations call their callers back, {@code null} when the contract is not duplex. */
    EndpointDispatcher(ChannelListener<?> listener, MessageDispatcher dispatcher, AsyncPermits calls,
            AsyncPermits sessions, Duration sendTimeout, Duration receiveTimeout, CallbackEndpoint callbacks) {
        this(listener, dispatcher, calls, sessions, sendTimeout, receiveTimeout, callbacks, EndpointMetrics.NONE);
    }

    /** With {@code metrics} counting the sessions it accepts. */
    EndpointDispatcher(ChannelListener<?> listener, MessageDispatcher dispatcher, AsyncPermits calls,
            AsyncPermits sessions, Duration sendTimeout, Duration receiveTimeout, CallbackEndpoint callbacks,
            EndpointMetrics metrics) {
        this.metrics = metrics;
        this.callbacks = callbacks;
        this.listener = listener;
        this.shape = listener.channelType().shape();
        this.dispatcher = dispatcher;
        this.calls = calls;
        this.sessions = sessions;
        this.sendTimeout = sendTimeout;
        this.receiveTimeout = receiveTimeout;
    }

    ChannelListener<?> listener() {
        return listener;
    }

    ChannelShape shape() {
        return shape;
    }

    /** The sessions accepted and not yet closed or aborted. */
    int openSessions() {
        return openSessions.size();
    }

    CompletableFuture<Void> open(Duration timeout) {
        return listener.open(timeout).thenRun(() -> {
            if (shape.isSessionful()) {
                acceptSessions();
            } else {
                listener.acceptChannel(WcfTimeSpan.INFINITE).thenAccept(c -> c.ifPresent(this::startDatagram))
                        .exceptionally(this::logged);
            }
        });
    }

    /**
     * Closes the listener, then every session it accepted gracefully (WCF's {@code ChannelDispatcher.OnClose} closes
     * its channels: a reliable session ends with its own closing handshake), each within {@code timeout} on
     * {@code scheduler}'s time; a session that does not close in time, or fails to, is aborted, as WCF aborts what its
     * close timeout leaves.
     */
    CompletableFuture<Void> close(Duration timeout, Scheduler scheduler) {
        return listener.close(timeout).handle((v, listenerFailure) -> listenerFailure)
                .thenCompose(listenerFailure -> Futures.all(List.copyOf(openSessions).stream()
                        .map(session -> Timeouts.within(session.close(timeout), timeout, scheduler,
                                () -> "The session " + session + " did not close within " + timeout + ".")
                                .exceptionally(e -> {
                                    LOG.debug("session {} not closed gracefully, aborted: {}", session,
                                            Futures.unwrap(e).toString());
                                    session.abort();
                                    return null;
                                })).collect(Collectors.toList()))
                        .thenCompose(v -> listenerFailure == null ? CompletableFuture.<Void>completedFuture(null)
                                : CompletableFuture.<Void>failedFuture(listenerFailure)))
                .whenComplete((v, e) -> dispatcher.invoker().close());
    }

    void abort() {
        listener.abort();
        dispatcher.invoker().close();
    }

    // ---- datagram: one channel, many calls at once

    private void startDatagram(Channel channel) {
        CallbackChannel back = callbackChannel(channel, false);
        channel.open(WcfTimeSpan.INFINITE).thenRun(() -> pumpDatagram(channel, back)).exceptionally(this::logged);
    }

    /** The channel back to the callers of a duplex contract on {@code channel}, {@code null} if there is none. */
    private CallbackChannel callbackChannel(Channel channel, boolean session) {
        if (callbacks == null || !(channel instanceof DuplexChannel duplex)) {
            return null;
        }
        CallbackChannel back = callbacks.channel(duplex, session);
        channel.onClosed(back::ended);
        return back;
    }

    /** Receives under a call permit and dispatches without waiting; loops while receives complete at once. */
    private void pumpDatagram(Channel channel, CallbackChannel back) {
        repeat(() -> calls.acquire().thenCompose(v -> receive(channel, WcfTimeSpan.INFINITE)).handle((item, e) -> {
            if (e != null || item.isEmpty()) {
                calls.release();
                if (e != null) {
                    logged(e);
                }
                return false;
            }
            handle(channel, item.get(), null, back).whenComplete((r, x) -> calls.release());
            return true;
        }));
    }

    /**
     * Runs {@code step} until it yields {@code false}: in a loop while steps complete synchronously, from the
     * completing thread otherwise, so neither a thread waits nor the stack grows.
     */
    private static void repeat(Supplier<CompletableFuture<Boolean>> step) {
        while (true) {
            CompletableFuture<Boolean> next = step.get();
            if (!next.isDone()) {
                next.thenAccept(more -> {
                    if (more) {
                        repeat(step);
                    }
                });
                return;
            }
            if (!next.join()) {
                return;
            }
        }
    }

    // ---- sessions: many channels, one call at a time each

    private void acceptSessions() {
        sessions.acquire().thenCompose(v -> listener.acceptChannel(WcfTimeSpan.INFINITE)).whenComplete((c, e) -> {
            if (e != null || c.isEmpty()) {
                sessions.release();
                if (e != null) {
                    logged(e);
                }
                return;
            }
            Channel session = c.get();
            openSessions.add(session);
            metrics.sessionOpened();
            session.onClosed(() -> {
                metrics.sessionClosed();
                openSessions.remove(session);
                dispatcher.endSession(session);
                firstMessages.remove(session);
            });
            CallbackChannel back = callbackChannel(session, true);
            session.open(WcfTimeSpan.INFINITE).thenRun(() -> pumpSession(session, back)).exceptionally(x -> {
                session.abort();
                return logged(x);
            });
            acceptSessions();
        });
    }

    /**
     * One call at a time: receive, dispatch under a call permit, answer, then receive the next. When the service's
     * calls may overlap ({@code ConcurrencyMode} {@code Reentrant} or {@code Multiple}: WCF's
     * {@code ConcurrencyBehavior.IsConcurrent}) the next receive is issued once the call is dispatched, so replies to
     * the operation's own request/reply callbacks and nested calls arrive while it runs; the instance's lock keeps
     * the order.
     */
    private void pumpSession(Channel session, CallbackChannel back) {
        repeat(() -> receive(session, receiveTimeout).handle((item, e) -> {
            if (e != null || item.isEmpty()) {
                if (e != null) {
                    LOG.debug("session {} ended: {}", session, Futures.unwrap(e).toString());
                    session.abort();
                } else {
                    if (back != null) {
                        back.closing();
                    }
                    session.close(sendTimeout);
                }
                sessions.release();
                return CompletableFuture.completedFuture(false);
            }
            if (dispatcher.concurrent()) {
                return calls.acquire().thenApply(v -> {
                    handle(session, item.get(), session, back).whenComplete((r, x) -> released(x));
                    return true;
                });
            }
            return calls.acquire().thenCompose(v -> handle(session, item.get(), session, back)).handle((r, x) -> {
                released(x);
                return true;
            });
        }).thenCompose(f -> f));
    }

    /** A call is done: its permit returns. */
    private void released(Throwable failure) {
        calls.release();
        if (failure != null) {
            logged(failure);
        }
    }

    // ---- receiving and answering, per shape

    /**
     * The next message (or request context) of {@code channel}. A receive that throws (a channel that faulted or was
     * aborted between two calls throws WCF's text at once) fails the future instead, so the pump ends the channel
     * and releases its permit instead of losing the exception in a continuation.
     */
    private CompletableFuture<Optional<Object>> receive(Channel channel, Duration timeout) {
        CompletableFuture<? extends Optional<?>> r;
        try {
            r = channel instanceof ReplyChannel reply
                    ? reply.receiveRequest(timeout) : ((InputChannel) channel).receive(timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return r.thenApply(o -> o.map(x -> (Object) x));
    }

    /**
     * Dispatches one received item and sends its reply the way the channel shape answers; on a duplex contract's
     * channel ({@code back}), a reply to one of the service's request/reply callbacks goes to its caller instead.
     */
    private CompletableFuture<Void> handle(Channel channel, Object item, Object session, CallbackChannel back) {
        try {
            if (item instanceof RequestContext context) {
                return answer(context, session);
            }
            Message request = (Message) item;
            if (back != null && back.deliverReply(request)) {
                return CompletableFuture.completedFuture(null);
            }
            return dispatcher.dispatch(request, session, established(session), back).thenCompose(reply -> {
                if (reply == null) {
                    return CompletableFuture.completedFuture(null);
                }
                if (channel instanceof DuplexChannel duplex && (reply.headers().to() != null || shape.isSessionful())) {
                    return duplex.send(reply, sendTimeout)
                            .whenComplete((v, e) -> endIfUnhandled(reply, session));
                }
                LOG.debug("no way back for the reply to {} ({}): dropped", request.headers().action(),
                        reply.isFault() ? reply.fault().orElseThrow() : "reply");
                return CompletableFuture.completedFuture(null);
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Request/reply: a one-way operation is acknowledged (HTTP 202) before it runs, as WCF does. */
    private CompletableFuture<Void> answer(RequestContext context, Object session) {
        Message request = context.requestMessage();
        boolean oneWay = dispatcher.operation(request).map(o -> o.oneWay()).orElse(false);
        if (oneWay) {
            return context.reply(null, sendTimeout)
                    .thenCompose(v -> dispatcher.dispatch(request, session, established(session), null))
                    .thenApply(r -> null);
        }
        return dispatcher.dispatch(request, session, established(session), null)
                .thenCompose(reply -> dispatcher.sendReply(reply, () -> context.reply(reply, sendTimeout))
                        .whenComplete((v, e) -> endIfUnhandled(reply, session)))
                .exceptionally(e -> {
                    context.abort();
                    throw Futures.rethrow(e);
                });
    }

    /** After WCF's fault of last resort a session is torn down, as WCF aborts the channel of an unhandled error. */
    private static void endIfUnhandled(Message reply, Object session) {
        if (session instanceof Channel channel && reply != null && reply.fault().flatMap(f -> f.subcode())
                .filter(q -> q.getLocalPart().equals("InternalServiceFault")
                        && q.getNamespaceURI().equals(DispatchFaults.DISPATCHER_NS)).isPresent()) {
            channel.abort();
        }
    }

    /** Whether {@code session} already dispatched a message (the first one chose this endpoint). */
    private boolean established(Object session) {
        return session != null && !firstMessages.add(session);
    }

    private Void logged(Throwable e) {
        LOG.warn("endpoint {} ({}): {}", listener.uri(), shape.wcfName(), Futures.unwrap(e).toString());
        return null;
    }
}

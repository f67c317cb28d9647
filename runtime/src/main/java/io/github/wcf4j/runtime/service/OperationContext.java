package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The context of the operation running on the current thread (WCF {@code OperationContext.Current}): set by the
 * dispatcher while a service operation runs (the making of its service object included, as a constructor may ask for
 * the callback channel) and on a client while a callback runs.
 * Its main use is the channel back to the caller of a duplex contract, WCF's {@code GetCallbackChannel<T>()}:
 *
 * <pre>{@code
 * public void join(String name) {                      // an operation of a contract whose callback is IChatCallback
 *     IChatCallback caller = OperationContext.current().callbackChannel(IChatCallback.class);
 *     members.put(name, caller);                        // usable later, from any thread, until the session ends
 *     caller.receive("host", "welcome " + name);
 * }
 * }</pre>
 *
 * <p>A callback channel is the caller's own: over a duplex session (a reliable session, net.tcp, the in-memory duplex
 * transport) its messages travel on that session, over a datagram composite duplex channel to the {@code ReplyTo} the
 * caller sent. It stays usable after the operation returns, until the session ends; then calls fail as WCF's do (the
 * session closed: {@link io.github.wcf4j.runtime.channel.ObjectDisposedException} naming
 * {@code System.ServiceModel.Channels.ServiceChannel}; it faulted or was aborted: the faulted or aborted
 * {@code CommunicationException}). As in WCF ({@code ConcurrencyMode.Single}), an operation must not make a
 * request/reply call on the channel it is answering: the reply could not be received before the operation returns, so
 * the call fails at once with WCF's {@code InvalidOperationException} text ({@link IllegalStateException}); one-way
 * callbacks, and request/reply callbacks on other callers' channels or from other threads, are fine. Under
 * {@code ConcurrencyMode.Reentrant} or {@code Multiple} ({@code @ServiceBehavior}, {@code @CallbackBehavior}) the call
 * is allowed: the channel keeps receiving while operations run, and a {@code Reentrant} object is unlocked while its
 * operation waits ({@link #callout}).
 *
 * <p>A context belongs to its thread and its operation; keep the channels, not the context.
 */
public final class OperationContext {
    private static final ThreadLocal<OperationContext> CURRENT = new ThreadLocal<>();

    private final Message request;
    private final Callbacks callbacks;
    private final InstanceContext instance;

    /** {@code instance}: the context the operation runs in, {@code null} for none (then as {@code Single}). */
    OperationContext(Message request, Callbacks callbacks, InstanceContext instance) {
        this.request = request;
        this.callbacks = callbacks;
        this.instance = instance;
    }

    /**
     * The context of the operation running on this thread.
     *
     * @throws IllegalStateException outside an operation (where WCF's {@code OperationContext.Current} is null)
     */
    public static OperationContext current() {
        OperationContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("OperationContext.current() is only available on the thread of an"
                    + " operation (or a callback) while it runs; keep the callback channel, not the context");
        }
        return c;
    }

    /** The context of the operation running on this thread, if one is. */
    public static Optional<OperationContext> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The channel to the caller of the current operation, typed as its contract's callback contract (WCF
     * {@code GetCallbackChannel<T>()}); on a client, during a callback, the proxy the callback arrived on. The same
     * object for every call on one session.
     *
     * @throws IllegalStateException when the endpoint's contract has no callback contract, or {@code type} is not it
     */
    public <T> T callbackChannel(Class<T> type) {
        if (callbacks == null) {
            throw new IllegalStateException("The operation's contract has no callback contract: it has no callback"
                    + " channel (declare one with @ServiceContract(callbackContract = ...))");
        }
        return type.cast(callbacks.channel(type, request));
    }

    /**
     * Completes when the channel the operation's message arrived on closes, faults or is aborted: for a session, when
     * the caller's session ends, after which its callback channel refuses calls (WCF's {@code Closed} and
     * {@code Faulted} events of {@code OperationContext.Channel}, which chat services use to drop a member).
     *
     * @throws IllegalStateException when the endpoint's contract has no callback contract
     */
    public CompletableFuture<Void> channelClosed() {
        if (callbacks == null) {
            throw new IllegalStateException("The operation's contract has no callback contract: its channel's end is"
                    + " not tracked");
        }
        return callbacks.closed();
    }

    /**
     * Who sent the message the operation is answering, when the endpoint's binding has message security (WCF's
     * {@code ServiceSecurityContext.Current}; empty where WCF's is anonymous or null): e.g.
     * {@code serviceSecurityContext().orElseThrow().primaryIdentityName()}.
     */
    public Optional<ServiceSecurityContext> serviceSecurityContext() {
        return request.properties().get(ServiceSecurityContext.class);
    }

    /** The message the operation is answering. */
    public Message requestMessage() {
        return request;
    }

    /** Runs {@code work} with {@code context} as the current one on this thread. */
    static <R> R run(OperationContext context, Supplier<R> work) {
        OperationContext outer = CURRENT.get();
        CURRENT.set(context);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Makes an outgoing call ({@code call}) on {@code channel} from the current thread, as WCF's
     * {@code ServiceChannel.Call} does around its send: under {@code ConcurrencyMode.Single} a request/reply call on
     * the channel the current operation answers fails at once ({@code PrepareCall}: its reply could only be received
     * once the operation returned); under {@code Reentrant} the operation's object is unlocked while the call is out, so
     * a nested call (the callback calling back in) runs meanwhile, and locked again before the operation continues.
     * {@code behavior} names where WCF says to allow it: {@code ServiceBehaviorAttribute} for a service,
     * {@code CallbackBehaviorAttribute} for a client's callback. Outside an operation the call just runs.
     *
     * @throws IllegalStateException with WCF's text when it would deadlock
     */
    public static <R> R callout(Object channel, String behavior, boolean oneWay, Supplier<R> call) {
        OperationContext c = CURRENT.get();
        if (c == null) {
            return call.get();
        }
        ConcurrencyMode mode = c.instance == null ? ConcurrencyMode.Single : c.instance.concurrency();
        if (!oneWay && mode == ConcurrencyMode.Single && c.callbacks != null && c.callbacks.channel() == channel) {
            throw new IllegalStateException(WcfText.SFxCallbackRequestReplyInOrder1.format(behavior));
        }
        if (mode != ConcurrencyMode.Reentrant) {
            return call.get();
        }
        c.instance.unlockBeforeCallout();
        try {
            return call.get();
        } finally {
            Futures.join(c.instance.lockAfterCallout());
        }
    }

    /** Where a context finds the channel back to its caller: the channel the message arrived on. */
    interface Callbacks {
        /** The channel the operation answers a message of (identity for the in-order check). */
        Object channel();

        /** The callback channel of the caller of {@code request}, as {@code type}. */
        Object channel(Class<?> type, Message request);

        /** Completes when the channel ends. */
        CompletableFuture<Void> closed();
    }
}

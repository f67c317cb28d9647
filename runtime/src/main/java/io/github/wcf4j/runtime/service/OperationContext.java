package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.WcfText;
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
 * callbacks, and request/reply callbacks on other callers' channels or from other threads, are fine.
 *
 * <p>A context belongs to its thread and its operation; keep the channels, not the context.
 */
public final class OperationContext {
    private static final ThreadLocal<OperationContext> CURRENT = new ThreadLocal<>();

    private final Message request;
    private final Callbacks callbacks;

    OperationContext(Message request, Callbacks callbacks) {
        this.request = request;
        this.callbacks = callbacks;
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
     * Fails a request/reply call on {@code channel} made while an operation answers a message of that same channel
     * (WCF's {@code ServiceChannel.PrepareCall} under {@code ConcurrencyMode.Single}): its reply could only be received
     * once the operation returned. {@code behavior} names where WCF says to allow it: {@code ServiceBehaviorAttribute}
     * for a service, {@code CallbackBehaviorAttribute} for a client's callback.
     *
     * @throws IllegalStateException with WCF's text when it would deadlock
     */
    public static void checkRequestReplyAllowed(Object channel, String behavior) {
        OperationContext c = CURRENT.get();
        if (c != null && c.callbacks != null && c.callbacks.channel() == channel) {
            throw new IllegalStateException(WcfText.SFxCallbackRequestReplyInOrder1.format(behavior));
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

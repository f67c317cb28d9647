package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.contract.CallbackBehavior;
import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.metro.MetroOperationInvoker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs a service's callbacks on a client's callback instance (WCF's client-side callback {@code DispatchRuntime}, the
 * one a {@code DuplexChannelFactory} builds for its {@code InstanceContext}): the same dispatcher and Metro invoker a
 * service uses, with the callback contract as the contract and the one instance as the service object. Messages were
 * routed to the client's channel already, so no address filter applies; unknown actions are answered with WCF's
 * fault, request/reply callbacks with their reply (which the caller sends back on the channel). Calls to the instance
 * are serialized, as WCF's {@code ConcurrencyMode.Single}, unless the instance's class says otherwise
 * ({@link CallbackBehavior}). Thread-safe.
 */
public final class CallbackDispatcher implements AutoCloseable {
    private final MessageDispatcher dispatcher;

    private CallbackDispatcher(MessageDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * A dispatcher of {@code callback}'s operations ({@link ContractDescription#callback()}) to {@code instance},
     * which implements it; callbacks run on {@code executor}.
     */
    public static CallbackDispatcher create(ContractDescription callback, Object instance, MessageVersion version,
            Executor executor) {
        OperationInvoker invoker = MetroOperationInvoker.create(instance.getClass(), callback, () -> instance,
                InstanceContextMode.Single, false);
        CallbackBehavior behavior = instance.getClass().getAnnotation(CallbackBehavior.class);
        ConcurrencyMode concurrency = behavior == null ? ConcurrencyMode.Single : behavior.concurrencyMode();
        return new CallbackDispatcher(new MessageDispatcher(invoker, () -> null, AddressFilter.NONE, version, executor,
                InstanceContexts.single(concurrency)));
    }

    /**
     * Whether callbacks may be dispatched before the previous one is done ({@code @CallbackBehavior} {@code Reentrant}
     * or {@code Multiple}); otherwise the caller runs them one at a time in arrival order.
     */
    public boolean concurrent() {
        return dispatcher.concurrent();
    }

    /**
     * Runs the callback {@code message} asks for; completes with its reply ({@code null} for a one-way callback).
     * {@code channel} is the client channel it arrived on (a request/reply call on that same channel from within the
     * callback fails, as WCF's in-order rule says); {@code proxy} is that channel's proxy, what the callback's
     * {@link OperationContext#callbackChannel} returns; {@code closed} completes when that channel ends.
     */
    public CompletableFuture<Message> dispatch(Message message, Object channel, Object proxy,
            CompletableFuture<Void> closed) {
        return dispatcher.dispatch(message, null, true, new OperationContext.Callbacks() {
            @Override
            public Object channel() {
                return channel;
            }

            @Override
            public Object channel(Class<?> type, Message request) {
                if (!type.isInstance(proxy)) {
                    throw new IllegalArgumentException("The callback arrived on a proxy of "
                            + proxy.getClass().getInterfaces()[0].getName() + ", not " + type.getName());
                }
                return proxy;
            }

            @Override
            public CompletableFuture<Void> closed() {
                return closed;
            }
        });
    }

    @Override
    public void close() {
        dispatcher.invoker().close();
    }
}

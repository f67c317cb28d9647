package io.github.wcf4j.runtime.service;

import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance contexts of one service (WCF's instance context providers with the host's {@code ServiceThrottle}): which
 * context a call runs in, by {@link InstanceContextMode} and session, and how many live at once.
 *
 * <ul>
 *   <li>{@code PerCall} (and {@code PerSession} on a channel without a session): a new context per call, ended when the
 *       call is done.</li>
 *   <li>{@code PerSession}: one context per session, made by its first call, ended when the session ends.</li>
 *   <li>{@code Single}: one context for the host, never counted (WCF's well-known singleton context takes no
 *       permit).</li>
 * </ul>
 *
 * <p>A new context first takes a permit of {@code maxConcurrentInstances}; as WCF's {@code ChannelHandler} waits for
 * {@code ServiceThrottle.AcquireInstanceContextAndDynamic}, the call waits (a future, no thread) until a context ends.
 * Calls enter in the order they are dispatched: the context's lock is requested at once, so a session's calls keep
 * their order while its context waits for its permit. Thread-safe.
 */
final class InstanceContexts {
    private final InstanceContextMode mode;
    private final ConcurrencyMode concurrency;
    private final AsyncPermits throttle;
    private final ConcurrentHashMap<Object, InstanceContext> sessions = new ConcurrentHashMap<>();
    private final InstanceContext single;

    /** {@code throttle}: the host's {@code maxConcurrentInstances} permits, {@code null} for none. */
    InstanceContexts(InstanceContextMode mode, ConcurrencyMode concurrency, AsyncPermits throttle) {
        this.mode = mode;
        this.concurrency = concurrency;
        this.throttle = throttle;
        this.single = new InstanceContext(concurrency, CompletableFuture.completedFuture(null), false);
    }

    /** One context for every call, no throttle: a client's callback instance, the metadata endpoint. */
    static InstanceContexts single(ConcurrencyMode concurrency) {
        return new InstanceContexts(InstanceContextMode.Single, concurrency, null);
    }

    ConcurrencyMode concurrency() {
        return concurrency;
    }

    /**
     * The context a call of {@code session} ({@code null}: a datagram channel) runs in; completes when the call may
     * run: its context is activated and the call holds its lock. Every entered call must {@link #exit}.
     */
    CompletableFuture<InstanceContext> enter(Object session) {
        InstanceContext context;
        if (mode == InstanceContextMode.Single) {
            context = single;
        } else if (mode == InstanceContextMode.PerSession && session != null) {
            context = sessions.computeIfAbsent(session, s -> newContext(false));
        } else {
            context = newContext(true);
        }
        CompletableFuture<Void> turn = context.lock();
        return context.activated().thenCombine(turn, (a, b) -> context);
    }

    /** The call that entered {@code context} is done: its lock is passed on, a per-call context ends. */
    void exit(InstanceContext context) {
        context.unlock();
        if (context.perCall()) {
            release(context);
        }
    }

    /** {@code session} ended: its context ends (its permit returns once it was granted). */
    void endSession(Object session) {
        InstanceContext context = sessions.remove(session);
        if (context != null) {
            release(context);
        }
    }

    private InstanceContext newContext(boolean perCall) {
        CompletableFuture<Void> activated = throttle == null ? CompletableFuture.completedFuture(null)
                : throttle.acquire();
        return new InstanceContext(concurrency, activated, perCall);
    }

    private void release(InstanceContext context) {
        if (throttle != null) {
            context.activated().thenRun(throttle::release);
        }
    }
}

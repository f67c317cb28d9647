package io.github.wcf4j.runtime.service;

import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One service object's admission of calls (WCF {@code InstanceContext} with its concurrency facet): under
 * {@link ConcurrencyMode#Single} and {@link ConcurrencyMode#Reentrant} one call holds the object's lock at a time, the
 * others wait as futures in arrival order (WCF's {@code ConcurrencyBehavior.LockInstance}, a paused {@code MessageRpc},
 * no thread); under {@code Reentrant} an operation gives the lock up while it waits on an outgoing call and queues
 * for it again afterwards, ahead of new calls (WCF's {@code UnlockInstanceBeforeCallout} /
 * {@code LockInstanceAfterCallout}: "finishing old work takes precedence over new work"). Under
 * {@link ConcurrencyMode#Multiple} there is no lock.
 *
 * <p>{@link #activated()} completes once the context holds its instance-throttle permit
 * ({@code maxConcurrentInstances}), at once for a context that needs none. Thread-safe; waiters are completed outside
 * the monitor.
 */
final class InstanceContext {
    private final ConcurrencyMode concurrency;
    private final CompletableFuture<Void> activated;
    private final boolean perCall;
    // sized for a session's instance (one call at a time); they grow as needed
    private final ArrayDeque<CompletableFuture<Void>> newCalls = new ArrayDeque<>(1);
    private final ArrayDeque<CompletableFuture<Void>> callouts = new ArrayDeque<>(1);
    private boolean locked;

    InstanceContext(ConcurrencyMode concurrency, CompletableFuture<Void> activated, boolean perCall) {
        this.concurrency = concurrency;
        this.activated = activated;
        this.perCall = perCall;
    }

    ConcurrencyMode concurrency() {
        return concurrency;
    }

    /** Completes when the context holds its instance-throttle permit (if it needs one). */
    CompletableFuture<Void> activated() {
        return activated;
    }

    /** Whether the context ends with its call (per-call instancing) rather than with its session or host. */
    boolean perCall() {
        return perCall;
    }

    /** A new call's turn: completes when it holds the lock (at once under {@code Multiple}). */
    CompletableFuture<Void> lock() {
        return acquire(newCalls);
    }

    /** The call holding the lock is done. */
    void unlock() {
        if (concurrency == ConcurrencyMode.Multiple) {
            return;
        }
        CompletableFuture<Void> next;
        synchronized (this) {
            next = callouts.isEmpty() ? newCalls.poll() : callouts.poll();
            if (next == null) {
                locked = false;
                return;
            }
        }
        next.complete(null);
    }

    /** Under {@code Reentrant}, the running operation calls out: the lock passes to the next waiting call. */
    void unlockBeforeCallout() {
        if (concurrency == ConcurrencyMode.Reentrant) {
            unlock();
        }
    }

    /** Under {@code Reentrant}, the running operation's outgoing call is done: completes when it holds the lock again. */
    CompletableFuture<Void> lockAfterCallout() {
        if (concurrency != ConcurrencyMode.Reentrant) {
            return CompletableFuture.completedFuture(null);
        }
        return acquire(callouts);
    }

    private CompletableFuture<Void> acquire(ArrayDeque<CompletableFuture<Void>> queue) {
        if (concurrency == ConcurrencyMode.Multiple) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            if (!locked) {
                locked = true;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> turn = new CompletableFuture<>();
            queue.add(turn);
            return turn;
        }
    }
}

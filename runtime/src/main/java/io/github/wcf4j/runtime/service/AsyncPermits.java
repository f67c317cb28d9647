package io.github.wcf4j.runtime.service;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * A counting semaphore whose waiters are futures, not threads (WCF's {@code ServiceThrottle} queues callers the same
 * way): {@link #acquire} completes when a permit is free, in arrival order; {@link #release} hands the permit to the
 * oldest waiter. Thread-safe; waiters are completed outside the lock.
 */
public final class AsyncPermits {
    private final int limit;
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int inUse;

    public AsyncPermits(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    public CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (inUse < limit) {
                inUse++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            waiters.add(f);
            return f;
        }
    }

    public void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiters.poll();
            if (next == null) {
                if (inUse == 0) {
                    throw new IllegalStateException("released more permits than acquired");
                }
                inUse--;
                return;
            }
        }
        next.complete(null);
    }

    public synchronized int inUse() {
        return inUse;
    }

    public synchronized int waiting() {
        return waiters.size();
    }

    public int limit() {
        return limit;
    }
}

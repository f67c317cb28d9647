package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Items waiting to be received, and receivers waiting for items, without a thread per receiver: a pending receive is a
 * future. Closing completes every pending receive with empty (WCF's "null on close"); failing fails them.
 *
 * <p>Thread-safe. Futures are completed outside the queue's lock.
 *
 * @param <T> the item type
 */
public final class InboundQueue<T> {
    // sized for an idle session's queue (at most one item or waiter); they grow as needed
    private final ArrayDeque<T> items = new ArrayDeque<>(1);
    private final ArrayDeque<CompletableFuture<Optional<T>>> waiters = new ArrayDeque<>(1);
    private final Scheduler scheduler;
    private boolean closed;
    private Throwable failure;

    public InboundQueue(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Adds an item, handing it to the oldest waiting receiver if any; returns {@code false} once closed. */
    public boolean offer(T item) {
        CompletableFuture<Optional<T>> waiter;
        synchronized (this) {
            if (closed) {
                return false;
            }
            waiter = pollLiveWaiter();
            if (waiter == null) {
                items.add(item);
                return true;
            }
        }
        waiter.complete(Optional.of(item));
        return true;
    }

    private CompletableFuture<Optional<T>> pollLiveWaiter() {
        CompletableFuture<Optional<T>> w;
        while ((w = waiters.poll()) != null) {
            if (!w.isDone()) {
                return w;
            }
        }
        return null;
    }

    /**
     * The next item; empty once the queue is closed and drained; fails with {@link CommunicationTimeoutException}
     * (text from {@code timeoutMessage}) when none arrives in time.
     */
    public CompletableFuture<Optional<T>> take(Duration timeout, Supplier<String> timeoutMessage) {
        CompletableFuture<Optional<T>> f;
        synchronized (this) {
            T item = items.poll();
            if (item != null) {
                return CompletableFuture.completedFuture(Optional.of(item));
            }
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            if (closed) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            f = new CompletableFuture<>();
            waiters.add(f);
        }
        if (!WcfTimeSpan.isInfinite(timeout) && timeout.compareTo(WcfTimeSpan.MAX_WAIT) <= 0) {
            Scheduler.Cancellable timer = scheduler.schedule(timeout,
                    () -> f.completeExceptionally(new CommunicationTimeoutException(timeoutMessage.get())));
            f.whenComplete((v, e) -> timer.cancel());
        }
        return f;
    }

    /** The items not yet received. */
    public synchronized int size() {
        return items.size();
    }

    /** No more items: pending and later receives complete empty after the remaining items. */
    public void close() {
        ArrayDeque<CompletableFuture<Optional<T>>> pending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = new ArrayDeque<>(waiters);
            waiters.clear();
        }
        pending.forEach(w -> w.complete(Optional.empty()));
    }

    /** Fails pending and later receives with {@code cause}. */
    public void fail(Throwable cause) {
        ArrayDeque<CompletableFuture<Optional<T>>> pending;
        synchronized (this) {
            closed = true;
            failure = cause;
            pending = new ArrayDeque<>(waiters);
            waiters.clear();
        }
        pending.forEach(w -> w.completeExceptionally(cause));
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}

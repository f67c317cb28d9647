package io.github.wcf4j.runtime.channel;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Receives item after item without a thread: each receive is a future, and the next receive is issued when it
 * completes. Receives that complete at once are handled in a loop, not by recursion, so a full queue cannot overflow
 * the stack.
 */
public final class ReceivePump {
    private ReceivePump() {
    }

    /**
     * Calls {@code receive} repeatedly and hands each item to {@code sink}, until a receive yields empty (closed: then
     * {@code end} gets {@code null}) or fails ({@code end} gets the cause).
     */
    public static <T> void run(Supplier<CompletableFuture<Optional<T>>> receive, Consumer<T> sink,
            Consumer<Throwable> end) {
        while (true) {
            CompletableFuture<Optional<T>> next;
            try {
                next = receive.get();
            } catch (RuntimeException e) {
                end.accept(e);
                return;
            }
            if (!next.isDone()) {
                next.whenComplete((item, e) -> {
                    if (handle(item, e, sink, end)) {
                        run(receive, sink, end);
                    }
                });
                return;
            }
            Optional<T> item = null;
            Throwable failure = null;
            try {
                item = next.join();
            } catch (RuntimeException e) {
                failure = Futures.unwrap(e);
            }
            if (!handle(item, failure, sink, end)) {
                return;
            }
        }
    }

    private static <T> boolean handle(Optional<T> item, Throwable e, Consumer<T> sink, Consumer<Throwable> end) {
        if (e != null) {
            end.accept(Futures.unwrap(e));
            return false;
        }
        if (item.isEmpty()) {
            end.accept(null);
            return false;
        }
        sink.accept(item.get());
        return true;
    }
}

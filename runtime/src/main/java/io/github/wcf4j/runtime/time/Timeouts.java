package io.github.wcf4j.runtime.time;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Bounds an asynchronous operation by a WCF timeout: the returned future fails with
 * {@link CommunicationTimeoutException} (WCF's {@code TimeoutException}) when the time runs out first. Infinite
 * timeouts ({@code TimeSpan.MaxValue}) schedule nothing.
 */
public final class Timeouts {
    private Timeouts() {
    }

    public static <T> CompletableFuture<T> within(CompletableFuture<T> operation, Duration timeout, Scheduler scheduler,
            Supplier<String> message) {
        if (operation.isDone() || WcfTimeSpan.isInfinite(timeout)
                || timeout.compareTo(WcfTimeSpan.MAX_WAIT) > 0) {
            return operation;
        }
        CompletableFuture<T> bounded = new CompletableFuture<>();
        Scheduler.Cancellable timer = scheduler.schedule(timeout,
                () -> bounded.completeExceptionally(new CommunicationTimeoutException(message.get())));
        operation.whenComplete((v, e) -> {
            timer.cancel();
            if (e != null) {
                bounded.completeExceptionally(e);
            } else {
                bounded.complete(v);
            }
        });
        return bounded;
    }
}

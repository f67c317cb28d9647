package io.github.wcf4j.runtime.channel;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwrapping and rethrowing the failures of {@link CompletableFuture}s without losing their type. */
public final class Futures {
    private Futures() {
    }

    /** The real cause behind {@link CompletionException}/{@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** {@code e}, unwrapped, as an unchecked exception to throw from a completion stage. */
    public static RuntimeException rethrow(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new CompletionException(t);
    }

    /** Waits for {@code f} and returns its value, rethrowing its failure unwrapped (for synchronous callers). */
    public static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw rethrow(e);
        }
    }

    /** A future completed when every one of {@code futures} has, failing with the first failure. */
    public static CompletableFuture<Void> all(Collection<? extends CompletableFuture<?>> futures) {
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]));
    }
}

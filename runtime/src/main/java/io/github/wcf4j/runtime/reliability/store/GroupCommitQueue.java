package io.github.wcf4j.runtime.reliability.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one writer of a durable store (group commit): {@link #submit} queues a write and returns when it is queued; one
 * thread takes what queued while it committed the last batch, hands it to the store's {@link Commit} in the order it
 * was submitted, and completes the writes the commit left open once it returned (so the writes complete in the order
 * they were made). {@link #close} commits what queued before it, stops the thread and fails what came later. Used by
 * {@link LogSequenceStore} (a batch is one gathering write and one force) and the {@code durable-postgres} module's
 * store (a batch is one transaction).
 *
 * <p>Thread-safe.
 *
 * @param <W> what the store writes (a key and its change)
 */
public final class GroupCommitQueue<W> {

    /** A queued write: the store's item and the future its caller waits on. */
    public record Write<W>(W item, CompletableFuture<Void> done) {
    }

    /**
     * What the store does with a batch, on the writer's thread. It may complete some writes itself (exceptionally: a
     * write refused alone); the queue completes the rest normally once it returned, or fails them with what it threw.
     */
    @FunctionalInterface
    public interface Commit<W> {
        void commit(List<Write<W>> batch) throws Exception;
    }

    /** How many writes a batch takes. */
    public enum Batching {
        /** Every write queued while the last batch was committed (group commit). */
        GROUP,
        /** One write per batch (a force per write: {@link FsyncPolicy#EVERY_WRITE}). */
        ONE
    }

    private final String store;
    private final Batching batching;
    private final Commit<W> commit;
    private final LinkedBlockingQueue<Write<W>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /** Queued by {@link #close}: the writer commits what queued before it, then stops. */
    private final Write<W> stop = new Write<>(null, null);

    /**
     * Starts the writer thread of {@code store} (its name in thread names and errors, never a password), which commits
     * batches as {@code batching} says with {@code commit}.
     */
    public GroupCommitQueue(String store, Batching batching, Commit<W> commit) {
        this.store = store;
        this.batching = batching;
        this.commit = commit;
        writer = new Thread(this::writeLoop, "wcf4j-rm-store " + store);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues {@code item}; the future completes once its batch is committed (fails if it could not be, or closed). */
    public CompletableFuture<Void> submit(W item) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(closedError());
            return done;
        }
        queue.add(new Write<>(item, done));
        if (closed && !writer.isAlive()) {
            failLate(); // closed while this was queued, after close drained the queue
        }
        return done;
    }

    /** Whether {@link #close} was called. */
    public boolean closed() {
        return closed;
    }

    /** Why a write after {@link #close} fails. */
    public IllegalStateException closedError() {
        return new IllegalStateException("The reliable session store " + store + " is closed.");
    }

    private void writeLoop() {
        List<Write<W>> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close stops the writer (an interrupt would close a file channel under a write)
            }
            if (batching == Batching.GROUP || batch.get(0) == stop) {
                queue.drainTo(batch);
            }
            stopping = batch.remove(stop);
            if (!batch.isEmpty()) {
                commitAndComplete(List.copyOf(batch));
            }
            batch.clear();
        }
    }

    private void commitAndComplete(List<Write<W>> batch) {
        try {
            commit.commit(batch);
            batch.forEach(w -> w.done().complete(null));
        } catch (Exception | Error e) {
            IllegalStateException failure = new IllegalStateException("Cannot write to the reliable session store "
                    + store + ": " + e.getMessage(), e);
            batch.forEach(w -> w.done().completeExceptionally(failure));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /**
     * Commits what was queued, then stops the writer; later writes fail. Returns once the writer stopped; whether this
     * call closed the queue (false: it was closed before).
     */
    public boolean close() {
        synchronized (queue) {
            if (closed) {
                return false;
            }
            closed = true;
        }
        queue.add(stop);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        failLate();
        return true;
    }

    private void failLate() {
        List<Write<W>> late = new ArrayList<>();
        queue.drainTo(late);
        late.forEach(w -> w.done().completeExceptionally(closedError()));
    }
}

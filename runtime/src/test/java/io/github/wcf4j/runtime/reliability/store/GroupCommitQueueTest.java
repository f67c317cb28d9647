package io.github.wcf4j.runtime.reliability.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The stores' one writer: what queued while a batch was committed is the next batch (one write per batch under
 * {@code ONE}), writes complete in order after their commit, a failed commit fails its batch only, a write the commit
 * refused alone stays refused, and close commits what queued before it and refuses the rest.
 */
class GroupCommitQueueTest {

    /** A commit that blocks until released the first time, so that writes queue behind it. */
    private static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

        void commit(List<GroupCommitQueue.Write<Integer>> batch) throws InterruptedException {
            batches.add(batch.stream().map(GroupCommitQueue.Write::item).toList());
            entered.countDown();
            release.await();
            for (GroupCommitQueue.Write<Integer> w : batch) {
                if (w.item() < 0) {
                    w.done().completeExceptionally(new IllegalArgumentException("refused " + w.item()));
                }
            }
        }
    }

    @Test
    void whatQueuedDuringACommitIsTheNextBatchAndWritesCompleteInOrder() throws Exception {
        Gate gate = new Gate();
        GroupCommitQueue<Integer> q = new GroupCommitQueue<>("test", GroupCommitQueue.Batching.GROUP, gate::commit);
        List<Integer> completed = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        writes.add(q.submit(0).thenRun(() -> completed.add(0)));
        gate.entered.await();
        for (int i = 1; i <= 5; i++) {
            int n = i;
            writes.add(q.submit(n).thenRun(() -> completed.add(n)));
        }
        CompletableFuture<Void> refused = q.submit(-1);
        assertFalse(writes.get(1).isDone(), "not before its commit");
        gate.release.countDown();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4, 5, -1)), gate.batches);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), completed);
        CompletionException e = assertThrows(CompletionException.class, refused::join);
        assertEquals("refused -1", e.getCause().getMessage());
        assertTrue(q.close());
        assertFalse(q.close(), "closed once");
        assertTrue(q.submit(7).isCompletedExceptionally());
    }

    @Test
    void oneAtATimeCommitsEachWriteAlone() throws Exception {
        Gate gate = new Gate();
        GroupCommitQueue<Integer> q = new GroupCommitQueue<>("test", GroupCommitQueue.Batching.ONE, gate::commit);
        CompletableFuture<Void> first = q.submit(1);
        gate.entered.await();
        CompletableFuture<Void> second = q.submit(2);
        CompletableFuture<Void> third = q.submit(3);
        gate.release.countDown();
        CompletableFuture.allOf(first, second, third).join();
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), gate.batches);
        q.close();
    }

    @Test
    void aFailedCommitFailsItsBatchOnlyAndCloseCommitsWhatQueuedBeforeIt() throws Exception {
        List<Integer> committed = new CopyOnWriteArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        GroupCommitQueue<Integer> q = new GroupCommitQueue<>("test-store", GroupCommitQueue.Batching.GROUP, b -> {
            if (b.get(0).item() == 1) {
                entered.countDown();
                hold.await();
                throw new java.io.IOException("disk full");
            }
            b.forEach(w -> committed.add(w.item()));
        });
        CompletableFuture<Void> failing = q.submit(1);
        entered.await();
        CompletableFuture<Void> next = q.submit(2);
        hold.countDown();
        CompletionException e = assertThrows(CompletionException.class, failing::join);
        assertTrue(e.getCause().getMessage().contains("Cannot write to the reliable session store test-store: disk"
                + " full"), e.getCause().getMessage());
        next.join();
        CompletableFuture<Void> beforeClose = q.submit(3);
        q.close();
        assertTrue(beforeClose.isDone() && !beforeClose.isCompletedExceptionally(), "committed by close");
        assertEquals(List.of(2, 3), committed);
        CompletionException late = assertThrows(CompletionException.class, () -> q.submit(4).join());
        assertTrue(late.getCause().getMessage().contains("is closed"));
    }
}

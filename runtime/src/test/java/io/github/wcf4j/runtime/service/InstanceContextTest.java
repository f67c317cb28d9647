package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The instance lock of each {@code ConcurrencyMode}, as WCF's {@code ConcurrencyBehavior} orders calls. */
class InstanceContextTest {

    private static InstanceContext context(ConcurrencyMode mode) {
        return new InstanceContext(mode, CompletableFuture.completedFuture(null), false);
    }

    @Test
    void singleAdmitsOneCallAtATimeInArrivalOrder() {
        InstanceContext c = context(ConcurrencyMode.Single);
        assertTrue(c.lock().isDone());
        CompletableFuture<Void> second = c.lock();
        CompletableFuture<Void> third = c.lock();
        c.unlockBeforeCallout();
        assertFalse(second.isDone(), "Single keeps the lock during an outgoing call");
        c.unlock();
        assertTrue(second.isDone());
        assertFalse(third.isDone());
        c.unlock();
        assertTrue(third.isDone());
    }

    @Test
    void reentrantHandsTheLockOnDuringACalloutAndResumesItBeforeNewCalls() {
        InstanceContext c = context(ConcurrencyMode.Reentrant);
        assertTrue(c.lock().isDone());
        CompletableFuture<Void> nested = c.lock();
        CompletableFuture<Void> later = c.lock();
        c.unlockBeforeCallout();
        assertTrue(nested.isDone(), "the nested call runs while the first one is out");
        CompletableFuture<Void> resumed = c.lockAfterCallout();
        assertFalse(resumed.isDone(), "the first one waits for the nested call to finish");
        c.unlock();
        assertTrue(resumed.isDone(), "old work before new work");
        assertFalse(later.isDone());
        c.unlock();
        assertTrue(later.isDone());
    }

    @Test
    void multipleHasNoLock() {
        InstanceContext c = context(ConcurrencyMode.Multiple);
        assertTrue(c.lock().isDone());
        assertTrue(c.lock().isDone());
        c.unlock();
        assertTrue(c.lock().isDone());
    }
}

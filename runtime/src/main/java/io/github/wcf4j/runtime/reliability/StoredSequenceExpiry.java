package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's housekeeping of its stored sequences (issue 19): every quarter of the binding's
 * {@code inactivityTimeout} it asks the store to {@link SequenceStore#expire} the sequences of its role at its
 * endpoint that nothing wrote or touched for {@link #idle} — those whose session was abandoned, which WCF's session
 * would have faulted by inactivity, but whose process died (or, in a farm, whose hosts' sessions went idle one by one)
 * so that no timer of theirs runs. Sessions {@linkplain ReplyReliableSession touch} their sequence at most every
 * quarter of the timeout while messages arrive, hence the quarter of slack. Runs on the listener's scheduler (virtual
 * time in tests); stopped when the listener closes.
 */
final class StoredSequenceExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(StoredSequenceExpiry.class);

    private final SequenceStore store;
    private final Scheduler scheduler;
    private final SequenceChange.Role role;
    private final String endpoint;
    private final Duration inactivity;
    private volatile boolean stopped;
    private volatile Scheduler.Cancellable next = Scheduler.Cancellable.NONE;

    private StoredSequenceExpiry(SequenceStore store, Scheduler scheduler, SequenceChange.Role role, String endpoint,
            Duration inactivity) {
        this.store = store;
        this.scheduler = scheduler;
        this.role = role;
        this.endpoint = endpoint;
        this.inactivity = inactivity;
    }

    /** How often a session touches its stored sequence at most, while messages arrive: a quarter of the timeout. */
    static Duration touchInterval(Duration inactivity) {
        return inactivity.dividedBy(4);
    }

    /** How long a stored sequence stays untouched before it expires: the timeout and the touches' slack. */
    static Duration idle(Duration inactivity) {
        return inactivity.plus(touchInterval(inactivity));
    }

    /** Starts the housekeeping of the sequences of {@code role} at {@code endpoint}. */
    static StoredSequenceExpiry start(SequenceStore store, Scheduler scheduler, SequenceChange.Role role,
            String endpoint, Duration inactivity) {
        StoredSequenceExpiry e = new StoredSequenceExpiry(store, scheduler, role, endpoint, inactivity);
        e.schedule();
        return e;
    }

    private void schedule() {
        if (!stopped) {
            next = scheduler.schedule(touchInterval(inactivity), this::sweep);
        }
    }

    private void sweep() {
        if (stopped) {
            return;
        }
        store.expire(role, endpoint, idle(inactivity)).whenCompleteAsync((List<String> removed, Throwable e) -> {
            if (e != null) {
                LOG.warn("could not expire the abandoned reliable sessions of {} in the store: {}", endpoint,
                        e.toString());
            } else if (!removed.isEmpty()) {
                LOG.info("expired {} abandoned reliable session(s) of {} from the store (no message for {}): {}",
                        removed.size(), endpoint, idle(inactivity), removed);
            }
            schedule();
        }, scheduler.executor());
    }

    /** Stops the housekeeping (the listener closed). */
    void stop() {
        stopped = true;
        next.cancel();
    }
}

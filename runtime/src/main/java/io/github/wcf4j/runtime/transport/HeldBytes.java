package io.github.wcf4j.runtime.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a transport holds for streamed messages at one time (a received body queued for its reader, the prefix
 * kept until an envelope's headers are in, a chunk being filled or written), and the most it ever held: what bounds a
 * streamed transfer's memory, whatever the size of its body. A stack's {@link
 * io.github.wcf4j.runtime.stack.BindingParameters} may carry one (a test, a metrics port); otherwise each transport
 * keeps its own. Thread-safe.
 */
public final class HeldBytes {
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    /** {@code n} more bytes are held. */
    public void hold(long n) {
        long now = held.addAndGet(n);
        peak.accumulateAndGet(now, Math::max);
    }

    /** {@code n} bytes held are given up. */
    public void release(long n) {
        held.addAndGet(-n);
    }

    /** The bytes held now. */
    public long held() {
        return held.get();
    }

    /** The most bytes held at one time. */
    public long peak() {
        return peak.get();
    }
}

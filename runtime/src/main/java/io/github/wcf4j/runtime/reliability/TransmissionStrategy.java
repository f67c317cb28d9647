package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.time.RestartableTimer;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The sending half of one sequence (WCF {@code TransmissionStrategy}): numbers messages, keeps every unacknowledged one
 * in a window, retransmits on a TCP-like timer and on acknowledgement gaps, and grows the window from 1 to
 * {@code maxTransferWindowSize} (slow start, then linear). Numbers and formulas are WCF's:
 *
 * <ul>
 *   <li>RTO = max(400 ms + meanRtt, meanRtt + 4·serrRtt), serrRtt starting at meanRtt/2, both updated with gain 1/8
 *       when the window slides. Unlike WCF, which samples from the last transmission to the slide, a sample is only
 *       taken for messages sent once, up to their own acknowledgement (Karn's rule): under loss WCF's samples include
 *       the wait for earlier gaps, which feeds back into ever longer timeouts;</li>
 *   <li>on timeout only the first unacknowledged message is resent, the RTO doubles and the window drops to 1; after a
 *       timeout, sliding acknowledgements resend the unacknowledged messages inside the window;</li>
 *   <li>a message is sent at most 1 + {@code maxRetryCount} times, then the session faults with WCF's texts;</li>
 *   <li>with flow control, the receiver's {@code BufferRemaining} bounds what is added; a sender that asks for acks
 *       piggy-backs {@code AckRequested} on the message that fills the window or uses the last of the quota.</li>
 * </ul>
 *
 * <p>Thread-safe (one lock); transmissions and completions happen outside it. No thread: waiting to add is a future,
 * the retry timer a scheduled task.
 */
final class TransmissionStrategy {
    private static final long MIN_RTO_NANOS = Duration.ofMillis(400).toNanos();

    /** Where the strategy's transmissions and failures go. */
    interface Transmitter {
        /** Sends {@code message} (a fresh copy, carrying its Sequence header); {@code retry}: a retransmission. */
        void transmit(long number, Message message, boolean retry);

        /** The sequence cannot continue: raise {@code local}, tell the peer {@code remote}. */
        void fault(RuntimeException local, WsrmFault remote);
    }

    /** What an acknowledgement did. */
    enum AckResult { VALID, INVALID }

    private static final class Slot {
        final long number;
        final Message message;
        long lastAttempt;
        long transferredAt;
        int retries;
        boolean resentAtOnce;
        boolean transferred;
        boolean queuedForRetry;

        Slot(long number, Message message, long now) {
            this.number = number;
            this.message = message;
            this.lastAttempt = now;
        }
    }

    private static final class Waiter {
        final Message message;
        final boolean last;
        final CompletableFuture<Long> added = new CompletableFuture<>();

        Waiter(Message message, boolean last) {
            this.message = message;
            this.last = last;
        }
    }

    private final Wsrm wsrm;
    private final String id;
    private final int maxWindow;
    private final int maxRetryCount;
    private final boolean requestAcks;
    private final Scheduler scheduler;
    private final Transmitter transmitter;
    private final EndpointMetrics metrics;

    private final List<Slot> window = new ArrayList<>();
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>(1); // grows when senders wait for the window
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private long windowStart = 1;
    private long lastSent;
    private long last;
    private SequenceRanges acknowledged = SequenceRanges.EMPTY;
    private int cwnd = 1;
    private int ssthresh;
    private int lossWindow;
    private int congestionAcks;
    private int quota = Integer.MAX_VALUE;
    private long meanRtt;
    private long serrRtt;
    private long rto;
    private boolean startup = true;
    private final RestartableTimer retryTimer;
    private boolean ended;

    TransmissionStrategy(Wsrm wsrm, String id, int maxWindow, int maxRetryCount, boolean requestAcks,
            Duration initialRtt, Scheduler scheduler, Transmitter transmitter) {
        this(wsrm, id, maxWindow, maxRetryCount, requestAcks, initialRtt, scheduler, transmitter, EndpointMetrics.NONE);
    }

    /** With {@code metrics} told the window's occupancy as messages enter it. */
    TransmissionStrategy(Wsrm wsrm, String id, int maxWindow, int maxRetryCount, boolean requestAcks,
            Duration initialRtt, Scheduler scheduler, Transmitter transmitter, EndpointMetrics metrics) {
        this.metrics = metrics;
        this.wsrm = wsrm;
        this.id = id;
        this.maxWindow = maxWindow;
        this.maxRetryCount = maxRetryCount;
        this.requestAcks = requestAcks;
        this.scheduler = scheduler;
        this.retryTimer = scheduler.restartable(this::onRetryTimer);
        this.transmitter = transmitter;
        this.ssthresh = maxWindow;
        this.lossWindow = maxWindow;
        this.meanRtt = Math.max(1, initialRtt.toNanos());
        this.serrRtt = meanRtt / 2;
        this.rto = computeRto();
    }

    String id() {
        return id;
    }

    private long computeRto() {
        return Math.max(MIN_RTO_NANOS + meanRtt, meanRtt + 4 * serrRtt);
    }

    /** The current retransmission timeout. */
    synchronized Duration retransmissionTimeout() {
        return Duration.ofNanos(rto);
    }

    synchronized int windowSize() {
        return cwnd;
    }

    synchronized int quotaRemaining() {
        return quota;
    }

    synchronized long lastSent() {
        return lastSent;
    }

    /**
     * Adds {@code message} to the window when there is room (FIFO), numbers it, and transmits it; the future
     * completes with its number, or fails with WCF's {@code TimeoutOnAddToWindow} text when no room is made in time.
     */
    CompletableFuture<Long> add(Message message, Duration timeout) {
        return enqueue(new Waiter(message, false), timeout);
    }

    /** February 2005: adds the empty-bodied {@code LastMessage} that ends the sequence. */
    CompletableFuture<Long> addLast(Message lastMessage, Duration timeout) {
        return enqueue(new Waiter(lastMessage, true), timeout);
    }

    private CompletableFuture<Long> enqueue(Waiter w, Duration timeout) {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            if (ended) {
                return CompletableFuture.failedFuture(new CommunicationException(
                        "The reliable session has ended; no more messages can be sent."));
            }
            if (windowStart + window.size() + waiting.size() == Long.MAX_VALUE) {
                return CompletableFuture.failedFuture(new ProtocolException(WcfText.MessageNumberRollover.format()));
            }
            waiting.add(w);
            admit(actions);
        }
        actions.forEach(Runnable::run);
        if (!w.added.isDone() && !WcfTimeSpan.isInfinite(timeout) && timeout.compareTo(WcfTimeSpan.MAX_WAIT) <= 0) {
            Scheduler.Cancellable t = scheduler.schedule(timeout, () -> {
                boolean removed;
                synchronized (this) {
                    removed = waiting.remove(w);
                }
                if (removed) {
                    w.added.completeExceptionally(new CommunicationTimeoutException(
                            WcfText.TimeoutOnAddToWindow.format(WcfTimeSpan.format(timeout))));
                }
            });
            w.added.whenComplete((n, e) -> t.cancel());
        }
        return w.added;
    }

    /**
     * A sequence resumed from a store after its process restarted: {@code lastSent} were numbered, {@code unacknowledged}
     * (carrying their Sequence headers) are in the window again and sent again at once; the numbers between them were
     * acknowledged. Called before anything is added.
     */
    void restore(long lastSentNumber, java.util.SortedMap<Long, Message> unacknowledged) {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            lastSent = lastSentNumber;
            windowStart = unacknowledged.isEmpty() ? lastSentNumber + 1 : unacknowledged.firstKey();
            long now = scheduler.nanoTime();
            for (long n = windowStart; n <= lastSentNumber; n++) {
                Message m = unacknowledged.get(n);
                Slot slot = new Slot(n, m, now);
                slot.transferred = m == null;
                slot.retries = 1; // no round-trip sample from a message sent before the restart (Karn)
                window.add(slot);
                if (m != null) {
                    long number = n;
                    Message copy = m.copy();
                    actions.add(() -> transmitter.transmit(number, copy, true));
                }
            }
            cwnd = Math.max(1, Math.min(maxWindow, window.size()));
            if (!window.isEmpty()) {
                armTimer();
            }
        }
        actions.forEach(Runnable::run);
    }

    /** Moves waiters into the window while there is room; the transmissions run after the lock is released. */
    private void admit(List<Runnable> actions) {
        while (!waiting.isEmpty() && window.size() < cwnd && quota > 0) {
            Waiter w = waiting.poll();
            long number = windowStart + window.size();
            Message m = w.message;
            boolean ackRequested = requestAcks && (window.size() == cwnd - 1 || quota == 1);
            m.headers().addFirst(new SequenceHeader(id, number, w.last).toHeader(wsrm));
            if (ackRequested) {
                m.headers().addFirst(new AckRequestedHeader(id).toHeader(wsrm));
            }
            Slot s = new Slot(number, m, scheduler.nanoTime());
            if (window.isEmpty()) {
                armTimer();
            }
            window.add(s);
            metrics.windowOccupancy(window.size());
            lastSent = number;
            if (w.last) {
                last = number;
            }
            if (quota != Integer.MAX_VALUE) {
                quota--;
            }
            Message copy = m.copy();
            actions.add(() -> {
                w.added.complete(number);
                transmitter.transmit(number, copy, false);
            });
        }
    }

    /**
     * Request/reply: sends message {@code number} again at once, when the exchange that carried its first transmission
     * failed without a response (the connection was reset or closed). WCF waits for the retransmission timeout (at
     * least 400 ms) instead; the wire is the same either way (a retransmission the destination handles as a
     * duplicate if the first copy arrived). Once per message, not counted as a retry (so the backoff, and how long a
     * session survives an outage, stay WCF's), and no round-trip sample (Karn).
     */
    void resendAtOnce(long number) {
        Message copy;
        synchronized (this) {
            int i = (int) (number - windowStart);
            if (ended || i < 0 || i >= window.size()) {
                return;
            }
            Slot s = window.get(i);
            if (s.transferred || s.retries > 0 || s.resentAtOnce) {
                return;
            }
            s.resentAtOnce = true;
            copy = s.message.copy();
        }
        transmitter.transmit(number, copy, true);
    }

    private void armTimer() {
        retryTimer.restart(Duration.ofNanos(rto));
    }

    private void onRetryTimer() {
        Slot resend;
        int retries;
        synchronized (this) {
            if (ended || window.isEmpty()) {
                return;
            }
            resend = window.get(0);
            resend.retries++;
            resend.lastAttempt = scheduler.nanoTime();
            retries = resend.retries;
            congestionAcks = 0;
            ssthresh = Math.max(1, cwnd >> 1);
            lossWindow = cwnd;
            cwnd = 1;
            rto = rto << 1 > 0 ? rto << 1 : Long.MAX_VALUE / 2;
            startup = false;
            if (retries <= maxRetryCount) {
                armTimer();
            }
        }
        if (retries > maxRetryCount) {
            exhausted();
            return;
        }
        transmitter.transmit(resend.number, resend.message.copy(), true);
    }

    private void exhausted() {
        synchronized (this) {
            ended = true;
            retryTimer.stop();
        }
        transmitter.fault(new CommunicationException(WcfText.MaximumRetryCountExceeded.format()),
                WsrmFault.sequenceTerminated(wsrm, id, false,
                        WcfText.SequenceTerminatedMaximumRetryCountExceeded.format()));
    }

    /**
     * Applies an acknowledgement of this sequence: slides the window, samples the round trip, grows the window,
     * resends gaps after a loss, and admits waiting messages. An acknowledgement of numbers never sent, or one that
     * drops numbers acknowledged before, is {@link AckResult#INVALID} (WCF answers InvalidAcknowledgement).
     */
    AckResult acknowledge(SequenceRanges ranges, int bufferRemaining) {
        List<Runnable> actions = new ArrayList<>();
        boolean finished;
        synchronized (this) {
            if (ranges.last() > lastSent) {
                return AckResult.INVALID;
            }
            if (!ranges.containsAll(acknowledged)) {
                // an older acknowledgement overtaken by a newer one is ignored; one that both forgets and adds
                // numbers violates the cumulative invariant
                return acknowledged.containsAll(ranges) ? AckResult.VALID : AckResult.INVALID;
            }
            acknowledged = ranges;
            long now = scheduler.nanoTime();
            int slide = 0;
            for (Slot s : window) {
                if (!s.transferred && ranges.contains(s.number)) {
                    s.transferred = true;
                    s.transferredAt = now;
                }
            }
            while (!window.isEmpty() && window.get(0).transferred) {
                Slot s = window.remove(0);
                // the round trip ends when the message's acknowledgement arrived, even if the window could only
                // slide later (a gap before it); retransmitted messages give no sample (Karn)
                if (s.retries == 0 && !s.resentAtOnce) {
                    sample(s.transferredAt - s.lastAttempt);
                }
                slide++;
            }
            long oldWindowEnd = windowStart + cwnd;
            windowStart += slide;
            int untransferred = 0;
            for (Slot s : window) {
                if (!s.transferred) {
                    untransferred++;
                }
            }
            if (bufferRemaining >= 0) {
                quota = Math.max(0, bufferRemaining - untransferred);
            }
            if (slide > 0) {
                int sendBegin;
                if (cwnd <= ssthresh) {
                    cwnd = Math.min(maxWindow, Math.min(ssthresh + 1, cwnd + slide));
                    sendBegin = startup ? (int) Math.max(0, oldWindowEnd - windowStart) : 0;
                } else {
                    congestionAcks += slide;
                    int segment = Math.max(1, (lossWindow - ssthresh) / 8);
                    if (congestionAcks > (cwnd - ssthresh) * cwnd / segment) {
                        congestionAcks = 0;
                        cwnd = Math.min(maxWindow, cwnd + 1);
                    }
                    sendBegin = (int) Math.max(0, oldWindowEnd - windowStart);
                }
                if (!startup) {
                    int end = Math.min(cwnd, window.size());
                    for (int i = sendBegin; i < end; i++) {
                        Slot s = window.get(i);
                        if (!s.transferred) {
                            s.retries++;
                            s.lastAttempt = now;
                            if (s.retries > maxRetryCount) {
                                actions.add(this::exhausted);
                                break;
                            }
                            Message copy = s.message.copy();
                            long number = s.number;
                            actions.add(() -> transmitter.transmit(number, copy, true));
                        }
                    }
                }
                if (window.isEmpty()) {
                    retryTimer.disarm(); // lazily: the next message usually re-arms it within the timeout
                } else {
                    armTimer();
                }
            }
            admit(actions);
            finished = last != 0 && windowStart == last + 1;
        }
        actions.forEach(Runnable::run);
        if (finished) {
            done.complete(null);
        }
        return AckResult.VALID;
    }

    private void sample(long rtt) {
        long err = rtt - meanRtt;
        serrRtt = Math.max(0, serrRtt + ((Math.abs(err) - serrRtt) >> 3));
        meanRtt = Math.max(1, meanRtt + (err >> 3));
        rto = computeRto();
    }

    /** 1.1: no more messages; the sequence is done when everything sent is acknowledged. */
    void setLast() {
        boolean finished;
        synchronized (this) {
            last = windowStart + window.size() - 1;
            finished = window.isEmpty();
        }
        if (finished) {
            done.complete(null);
        }
    }

    /** The last message number (0 while unknown, or when nothing was sent). */
    synchronized long last() {
        return last;
    }

    /** Completes when the last message is known and everything up to it is acknowledged. */
    CompletableFuture<Void> done() {
        return done;
    }

    synchronized boolean isDone() {
        return done.isDone();
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder("sender[windowStart=" + windowStart + ", inFlight=" + window.size()
                + ", cwnd=" + cwnd + ", ssthresh=" + ssthresh + ", quota=" + quota + ", waiting=" + waiting.size()
                + ", rto=" + Duration.ofNanos(rto) + ", acknowledged=" + acknowledged);
        if (!window.isEmpty()) {
            Slot s = window.get(0);
            b.append(", first=#").append(s.number).append(" retries=").append(s.retries);
        }
        return b.append(']').toString();
    }

    /** Stops: timers cancelled, waiting sends failed with {@code cause}. */
    void end(Throwable cause) {
        List<Waiter> failed;
        synchronized (this) {
            ended = true;
            retryTimer.stop();
            failed = new ArrayList<>(waiting);
            waiting.clear();
        }
        failed.forEach(w -> w.added.completeExceptionally(cause));
        if (!done.isDone()) {
            done.completeExceptionally(cause);
        }
    }
}

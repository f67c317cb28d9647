package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The receiving half of one sequence (WCF {@code ReliableInputConnection}, {@code DeliveryStrategy} and the
 * acknowledgement logic of the reliable channels): each message is accepted once, delivered in order when the session
 * is ordered (held until the gap before it fills) or as it arrives otherwise, and never beyond the buffer of
 * {@code maxTransferWindowSize} (a message that does not fit is dropped unacknowledged, so the source resends it).
 *
 * <p>Acknowledgements are sent at once when the message asked for one, was a duplicate, when the last message is known,
 * or when {@code maxTransferWindowSize} messages wait for one; otherwise once after {@code acknowledgementInterval}.
 * One addition to WCF's rules (after TCP's, RFC 5681 §4.2): after an acknowledgement that showed a gap, the message
 * that closes the last gap is acknowledged at once. Messages sent over several HTTP connections arrive out of order, so the
 * one that asked for an acknowledgement often arrives before an earlier one; WCF's receiver then leaves the source's
 * window stuck until its acknowledgement interval (200 ms) passes. An extra acknowledgement is valid for any source.
 * With flow control each acknowledgement carries the free buffer space ({@code BufferRemaining}); when the
 * application frees space after 0 was advertised, an acknowledgement goes out at once.
 *
 * <p>Thread-safe; the acknowledgement sender is called outside the lock.
 */
final class InputConnection {
    /** What happened to a received message. */
    enum Outcome {
        /** Accepted (delivered, or held for in-order delivery). */
        ACCEPTED,
        /** Received before: acknowledged again, not delivered. */
        DUPLICATE,
        /** No room: not acknowledged, the source resends it. */
        DROPPED,
        /** February 2005: beyond the LastMessage number (LastMessageNumberExceeded). */
        LAST_EXCEEDED,
        /** 1.1: the sequence is closed (SequenceClosed). */
        CLOSED
    }

    /** Sends a standalone acknowledgement (or lets the next outgoing message carry it). */
    interface AckSender {
        /** Over request/reply every acknowledgement rides on a response: nothing to send, no timer to run. */
        AckSender ON_RESPONSES = () -> { };

        void sendAck();
    }

    private static final int MAX_SEQUENCE_RANGES = 128;

    private final Wsrm wsrm;
    private final String id;
    private final boolean ordered;
    private final int quota;
    private final Scheduler scheduler;
    private final Duration ackInterval;
    private final boolean flowControl;
    private final AckSender ackSender;
    private final InboundQueue<Message> delivered;
    private final TreeMap<Long, Message> held = new TreeMap<>();

    private SequenceRanges ranges = SequenceRanges.EMPTY;
    private long nextToDeliver = 1;
    private long last;
    private int pendingAcks;
    private boolean advertisedFull;
    /** Whether the last acknowledgement showed a gap. */
    private boolean advertisedGap;
    private Scheduler.Cancellable ackTimer = Scheduler.Cancellable.NONE;
    private boolean ackTimerRunning;

    InputConnection(Wsrm wsrm, String id, boolean ordered, int maxTransferWindowSize, Scheduler scheduler,
            Duration ackInterval, boolean flowControl, AckSender ackSender) {
        this.wsrm = wsrm;
        this.id = id;
        this.ordered = ordered;
        this.quota = maxTransferWindowSize;
        this.scheduler = scheduler;
        this.ackInterval = ackInterval;
        this.flowControl = flowControl;
        this.ackSender = ackSender;
        this.delivered = new InboundQueue<>(scheduler);
    }

    String id() {
        return id;
    }

    /**
     * Takes a sequenced message. {@code deliver}: whether the message is for the application (false for February
     * 2005's LastMessage, which only takes its number). Schedules or sends the acknowledgement the outcome needs. The
     * message that completes a sequence whose last number is known (February 2005: every number up to LastMessage
     * arrived) {@linkplain #shutdown shuts} the input down.
     */
    Outcome accept(SequenceHeader seq, Message message, boolean deliver, boolean ackRequested) {
        Outcome outcome;
        boolean ackNow;
        boolean complete;
        List<Message> release = new ArrayList<>();
        synchronized (this) {
            long n = seq.number();
            Optional<Outcome> beyond = wsrm.beyondTheEnd(seq, ranges, last);
            if (beyond.isPresent()) {
                return beyond.get();
            }
            if (ranges.contains(n)) {
                outcome = Outcome.DUPLICATE;
            } else if (!fits(n) || !canMerge(n)) {
                return Outcome.DROPPED;
            } else {
                outcome = Outcome.ACCEPTED;
                ranges = ranges.with(n);
                if (seq.lastMessage()) {
                    last = n;
                }
                if (ordered) {
                    held.put(n, deliver ? message : null);
                    while (held.containsKey(nextToDeliver)) {
                        Message m = held.remove(nextToDeliver);
                        if (m != null) {
                            release.add(m);
                        }
                        nextToDeliver++;
                    }
                } else if (deliver) {
                    release.add(message);
                }
                pendingAcks++;
            }
            ackNow = ackRequested || outcome == Outcome.DUPLICATE || last != 0 || pendingAcks >= quota
                    || fillsAdvertisedGap();
            if (!ackNow && !ackTimerRunning && pendingAcks > 0 && ackSender != AckSender.ON_RESPONSES) {
                ackTimerRunning = true;
                ackTimer = scheduler.schedule(ackInterval, this::onAckTimer);
            }
            complete = outcome == Outcome.ACCEPTED && last != 0 && ranges.isComplete(last);
        }
        release.forEach(delivered::offer);
        if (ackNow) {
            ackSender.sendAck();
        }
        if (complete) {
            shutdown();
        }
        return outcome;
    }

    /**
     * A resumed sequence (its process restarted): {@code answered} were received and need no delivery, the sequence
     * ends at {@code lastNumber} (0: not known). The messages still to deliver are {@linkplain #accept accepted} after
     * it, in ascending order. Ordered delivery resumes at the first number not answered; answered numbers beyond it
     * (at most a window of them) are held as delivered.
     */
    synchronized void restore(SequenceRanges answered, long lastNumber) {
        ranges = answered;
        last = lastNumber;
        if (ordered) {
            nextToDeliver = contiguous() + 1;
            for (SequenceRange r : answered.ranges()) {
                for (long n = Math.max(r.lower(), nextToDeliver); n <= r.upper(); n++) {
                    held.put(n, null);
                }
            }
        }
    }

    /**
     * A farm: {@code elsewhere} were received (and are delivered) by other hosts of the sequence; they count as
     * received and delivered here, and ordered delivery continues after them.
     */
    synchronized void receivedElsewhere(SequenceRanges elsewhere) {
        for (SequenceRange r : elsewhere.ranges()) {
            for (long n = r.lower(); n <= r.upper(); n++) {
                if (!ranges.contains(n)) {
                    ranges = ranges.with(n);
                    if (ordered && n >= nextToDeliver) {
                        held.put(n, null);
                    }
                }
            }
        }
        if (ordered) {
            while (held.containsKey(nextToDeliver) && held.get(nextToDeliver) == null) {
                held.remove(nextToDeliver);
                nextToDeliver++;
            }
        }
    }

    /** Whether the last acknowledgement showed a gap and every number is now received. */
    private boolean fillsAdvertisedGap() {
        return advertisedGap && contiguous() == ranges.last();
    }

    /** The highest number up to which every number from 1 was received (0 when 1 was not). */
    private long contiguous() {
        if (ranges.isEmpty()) {
            return 0;
        }
        SequenceRange first = ranges.ranges().get(0);
        return first.lower() <= 1 ? first.upper() : 0;
    }

    /** Room in the buffer ({@code DeliveryStrategy.CanEnqueue}). */
    private boolean fits(long n) {
        int enqueued = delivered.size() + held.size();
        if (ordered) {
            return enqueued < quota && delivered.size() + (n - nextToDeliver) < quota;
        }
        return delivered.size() < quota;
    }

    private boolean canMerge(long n) {
        return ordered || ranges.count() < MAX_SEQUENCE_RANGES || ranges.with(n).count() <= MAX_SEQUENCE_RANGES;
    }

    private void onAckTimer() {
        synchronized (this) {
            ackTimerRunning = false;
            if (pendingAcks == 0) {
                return;
            }
        }
        ackSender.sendAck();
    }

    /**
     * The acknowledgement to send now (standalone or piggy-backed); the pending count and the timer reset. Final when
     * the last message is known (1.1).
     */
    AckHeader takeAck() {
        synchronized (this) {
            pendingAcks = 0;
            ackTimer.cancel();
            ackTimerRunning = false;
            int remaining = bufferRemaining();
            advertisedFull = flowControl && remaining == 0;
            advertisedGap = contiguous() != ranges.last();
            return new AckHeader(id, ranges, last != 0 && wsrm.defines(Wsrm.FINAL), flowControl ? remaining : -1);
        }
    }

    /** The acknowledgement without resetting anything (e.g. the final acknowledgement of a response). */
    synchronized AckHeader currentAck(boolean isFinal, boolean withBuffer) {
        return new AckHeader(id, ranges, isFinal, withBuffer ? bufferRemaining() : -1);
    }

    /** Whether an acknowledgement is owed (an outgoing message should carry it). */
    synchronized boolean ackPending() {
        return pendingAcks > 0;
    }

    synchronized int bufferRemaining() {
        return Math.max(0, quota - (delivered.size() + held.size()));
    }

    /** The next delivered message; an acknowledgement goes out when this frees space after 0 was advertised. */
    CompletableFuture<Optional<Message>> receive(Duration timeout) {
        CompletableFuture<Optional<Message>> f = delivered.take(timeout,
                () -> WcfText.ReceiveTimedOut.format(WcfTimeSpan.format(timeout)));
        return f.thenApply(m -> {
            boolean ack;
            synchronized (this) {
                ack = m.isPresent() && advertisedFull;
                if (ack) {
                    advertisedFull = false;
                }
            }
            if (ack) {
                ackSender.sendAck();
            }
            return m;
        });
    }

    synchronized SequenceRanges ranges() {
        return ranges;
    }

    /**
     * 1.1: takes the source's last number from its CloseSequence or TerminateSequence ({@code LastMsgNumber}; without
     * one, the highest number received); the violation, taking nothing, when it is below a number received or unlike
     * the one taken before.
     */
    synchronized Optional<ProtocolViolation> takeLastNumber(OptionalLong given) {
        long n = given.orElse(ranges.last());
        if (n < ranges.last()) {
            return Optional.of(ProtocolViolation.SMALL_LAST_MSG_NUMBER);
        }
        if (last != 0 && last != n) {
            return Optional.of(ProtocolViolation.INCONSISTENT_LAST_MSG_NUMBER);
        }
        last = n;
        return Optional.empty();
    }

    /** Whether the last message is known and every number up to it was received. */
    synchronized boolean allReceived() {
        return last == 0 ? ranges.isEmpty() : ranges.isComplete(last);
    }

    /** Whether the last message is known (so the next acknowledgement is final). */
    synchronized boolean lastKnown() {
        return last != 0;
    }

    @Override
    public synchronized String toString() {
        return "receiver[ranges=" + ranges + ", nextToDeliver=" + nextToDeliver + ", held=" + held.keySet()
                + ", delivered=" + delivered.size() + ", pendingAcks=" + pendingAcks + ", last=" + last + "]";
    }

    /**
     * The sequence is complete (February 2005: every number up to LastMessage arrived; 1.1: CloseSequence): receives
     * complete empty after the delivered messages; acknowledgements continue until the sequence is terminated.
     */
    void shutdown() {
        delivered.close();
    }

    /** No more messages: pending and later receives complete empty after the delivered ones. */
    void close() {
        synchronized (this) {
            ackTimer.cancel();
        }
        delivered.close();
    }

    /** Fails pending and later receives. */
    void fail(Throwable cause) {
        synchronized (this) {
            ackTimer.cancel();
        }
        delivered.fail(cause);
    }
}

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.time.RestartableTimer;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.Timeouts;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What every reliable session shares whatever its shape (WCF's {@code ChannelReliableSession}): the settings and the
 * {@link Wsrm} version it speaks, its sequences and their halves (the sending {@link TransmissionStrategy}, the
 * receiving {@link InputConnection}), the inactivity timer, a client's keep-alive polling, deadlines, the checks of an
 * acknowledgement of the output sequence, the steps that end it, and how a session ends: a {@linkplain #fault fault}
 * tells the peer and {@linkplain #fail fails} the halves and whatever waits; an {@linkplain #abort abort} ends it at
 * once. A shape adds how its messages travel:
 *
 * <pre>
 * ReliableSession ─┬─ DuplexReliableSession    over a duplex channel, client or service, one or both sequences
 *                  ├─ RequestReliableSession   a client whose every message is a request (HTTP)
 *                  └─ ReplyReliableSession     a service that answers every message on its request (HTTP)
 * </pre>
 *
 * <p>Thread-safe; no thread: timers and futures only.
 */
abstract class ReliableSession {
    /** WCF's {@code RequestorIterationTime}: a CreateSequence/Close/Terminate attempt waits this long for an answer. */
    static final Duration ITERATION = Duration.ofSeconds(10);

    /** Which end of the session this is; only a client polls. */
    enum Side { CLIENT, SERVICE }

    private enum Polling { IDLE, KEEP_ALIVE, FAST }

    protected final SessionSettings settings;
    protected final Wsrm wsrm;
    protected final WsrmMessages messages;
    protected final Scheduler scheduler;
    private final Side side;
    private final Consumer<Throwable> onFault;
    private final RestartableTimer inactivity;
    /** The client's keep-alive; none on a service. */
    private final RestartableTimer poll;
    private Polling polling = Polling.IDLE;

    protected volatile String outputId;
    protected volatile String inputId;
    protected volatile TransmissionStrategy out;
    protected volatile InputConnection in;
    /** This side closes the session: a final acknowledgement of its output is expected. */
    protected volatile boolean closing;
    private volatile boolean ended;

    /** {@code onFault}: how the session's channel learns that it failed. */
    ReliableSession(SessionSettings settings, Side side, Consumer<Throwable> onFault) {
        this.settings = settings;
        this.wsrm = settings.wsrm();
        this.messages = new WsrmMessages(wsrm, settings.version());
        this.scheduler = settings.scheduler();
        this.side = side;
        this.onFault = onFault;
        this.inactivity = scheduler.restartable(this::onInactivity);
        this.poll = side == Side.CLIENT ? scheduler.restartable(this::onPoll) : null;
    }

    /** The session id its channel reports: the input sequence's identifier, else the output's (WCF's). */
    String sessionId() {
        String i = inputId;
        return i != null ? i : outputId;
    }

    /** The sequence this session receives (for a service session, the one its CreateSequence created). */
    String inputId() {
        return inputId;
    }

    final boolean ended() {
        return ended;
    }

    // ---------------------------------------------------------------- the halves

    /** The sending half of output sequence {@code id}; {@code requestAcks}: its messages ask for acknowledgements. */
    protected final TransmissionStrategy output(String id, boolean requestAcks, Duration initialRtt,
            TransmissionStrategy.Transmitter transmitter) {
        EndpointMetrics metrics = settings.metrics();
        TransmissionStrategy.Transmitter metered = metrics == EndpointMetrics.NONE ? transmitter
                : new TransmissionStrategy.Transmitter() {
                    @Override
                    public void transmit(long number, Message message, boolean retry) {
                        if (retry) {
                            metrics.retransmission();
                        }
                        transmitter.transmit(number, message, retry);
                    }

                    @Override
                    public void fault(RuntimeException local, WsrmFault remote) {
                        transmitter.fault(local, remote);
                    }
                };
        return new TransmissionStrategy(wsrm, id, settings.rm().maxTransferWindowSize(), settings.rm().maxRetryCount(),
                requestAcks, initialRtt, scheduler, metered, metrics);
    }

    /** The receiving half of input sequence {@code id}. */
    protected final InputConnection input(String id, boolean flowControl, InputConnection.AckSender acks) {
        EndpointMetrics metrics = settings.metrics();
        InputConnection.AckSender metered = acks == InputConnection.AckSender.ON_RESPONSES
                || metrics == EndpointMetrics.NONE ? acks : () -> {
                    metrics.acknowledgementSent();
                    acks.sendAck();
                };
        return new InputConnection(wsrm, id, settings.rm().ordered(), settings.rm().maxTransferWindowSize(), scheduler,
                settings.rm().acknowledgementInterval(), flowControl, metered);
    }

    /**
     * Checks an acknowledgement of the output sequence as WCF does: it must name the output sequence (else
     * UnknownSequence), be one the sequence {@code accepts} (else InvalidAcknowledgement; a shape that applies
     * acknowledgements at once applies it there), and be final only while this side closes; false when it ended the
     * session.
     */
    protected final boolean acknowledgementAccepted(AckHeader ack, Predicate<AckHeader> accepts) {
        if (out == null || !ack.id().equals(outputId)) {
            unknownSequence(ack.id());
            return false;
        }
        if (!accepts.test(ack)) {
            fault(new ProtocolException(WcfText.InvalidAcknowledgementReceived.format()),
                    WsrmFault.invalidAcknowledgement(wsrm, ack));
            return false;
        }
        if (ack.isFinal() && !closing) {
            violation(ProtocolViolation.UNSUPPORTED_CLOSE, outputId);
            return false;
        }
        settings.metrics().acknowledgementReceived();
        return true;
    }

    // ---------------------------------------------------------------- timers

    /** (Re)starts the inactivity timer: the session faults when nothing arrives for {@code inactivityTimeout}. */
    protected final synchronized void armInactivity() {
        Duration t = settings.rm().inactivityTimeout();
        if (ended || WcfTimeSpan.isInfinite(t) || t.compareTo(WcfTimeSpan.MAX_WAIT) > 0) {
            inactivity.stop();
            return;
        }
        inactivity.restart(t);
    }

    /** Whether the session faulted because nothing arrived for {@code inactivityTimeout}. */
    private volatile boolean inactive;

    /** Whether the session's fault is its inactivity timer's (a farm host's idle session is not the sequence's end). */
    protected final boolean faultedByInactivity() {
        return inactive;
    }

    private void onInactivity() {
        inactive = true;
        String text = WcfText.SequenceTerminatedInactivityTimeoutExceeded.format(
                WcfTimeSpan.format(settings.rm().inactivityTimeout()));
        fault(new CommunicationException(text), WsrmFault.sequenceTerminated(wsrm, sessionId(), false, text));
    }

    /**
     * Something arrived from the peer: the inactivity timer restarts and a client's keep-alive goes back to idle, or
     * to WCF's fast polling when {@code fastPolling} (the peer's buffer is full).
     */
    protected final void remoteActivity(boolean fastPolling) {
        armInactivity();
        if (poll != null) {
            synchronized (this) {
                polling = fastPolling ? Polling.FAST : Polling.IDLE;
            }
            armPoll();
        }
    }

    /** Something was sent: a client's keep-alive restarts. */
    protected final void localActivity() {
        if (poll != null) {
            armPoll();
        }
    }

    /**
     * (Re)starts a client's keep-alive once it has an output sequence (wcf-reference.md §4.7): an AckRequested after
     * {@code inactivityTimeout/2} idle, then every {@code inactivityTimeout/2/maxRetryCount}, faster while polling
     * fast.
     */
    protected final synchronized void armPoll() {
        SessionSettings.PollIntervals intervals = settings.poll();
        if (poll == null) {
            return;
        }
        if (ended || outputId == null || intervals == null) {
            poll.stop();
            return;
        }
        Duration interval = switch (polling) {
            case KEEP_ALIVE -> intervals.keepAlive();
            case FAST -> intervals.fast();
            case IDLE -> intervals.idle();
        };
        poll.restart(interval);
    }

    private void onPoll() {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (polling == Polling.IDLE) {
                polling = Polling.KEEP_ALIVE;
            }
        }
        keepAlive();
        armPoll();
    }

    /** A client's keep-alive: an AckRequested of the output sequence (a service never polls). */
    protected void keepAlive() {
    }

    // ---------------------------------------------------------------- deadlines

    /** The instant {@code timeout} from now; an infinite timeout's lies beyond any wait. */
    protected final long deadline(Duration timeout) {
        return scheduler.nanoTime() + (WcfTimeSpan.isInfinite(timeout) ? Long.MAX_VALUE / 4 : timeout.toNanos());
    }

    /** The time left until {@code deadline}, zero once it passed (WCF's {@code TimeoutHelper.RemainingTime}). */
    protected final Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - scheduler.nanoTime()));
    }

    /** {@code f}, failing with {@code timeoutText} unless it completes by {@code deadline}. */
    protected final <T> CompletableFuture<T> within(CompletableFuture<T> f, long deadline,
            Supplier<String> timeoutText) {
        return Timeouts.within(f, remaining(deadline), scheduler, timeoutText);
    }

    /**
     * Ending the output sequence by {@code deadline}: the steps every shape takes alike; a shape adds how CloseSequence
     * and TerminateSequence travel. The version takes the steps ({@link Wsrm#endOutput}).
     */
    protected abstract class OutputEnd implements OutputEnding {
        protected final TransmissionStrategy o = out;
        protected final long deadline;
        private final Supplier<String> timeoutText;

        /** {@code timeoutText}: the failure when the acknowledgements do not all arrive by {@code deadline}. */
        protected OutputEnd(long deadline, Supplier<String> timeoutText) {
            this.deadline = deadline;
            this.timeoutText = timeoutText;
        }

        @Override
        public CompletableFuture<?> sendLastMessage() {
            return o.addLast(messages.lastMessage(), remaining(deadline));
        }

        @Override
        public void markLastSent() {
            o.setLast();
        }

        @Override
        public CompletableFuture<?> allAcknowledged() {
            return within(o.done(), deadline, timeoutText);
        }
    }

    // ---------------------------------------------------------------- ending

    /** A local fault: tells the peer {@code remote} (if any), then fails the session with {@code local}. */
    public final void fault(RuntimeException local, WsrmFault remote) {
        if (ended) {
            return;
        }
        if (remote != null) {
            tellPeer(messages.fault(remote));
        }
        fail(local);
    }

    /** Sends {@code fault}, a fault of this session, to the peer, where the shape can send one of its own. */
    protected abstract void tellPeer(Message fault);

    /** A breach of the protocol in sequence {@code id}: the peer is told SequenceTerminated, and the session fails. */
    protected final void violation(ProtocolViolation v, String id) {
        fault(new ProtocolException(v.exception()), WsrmFault.sequenceTerminated(wsrm, id, true, v.reason()));
    }

    /**
     * A message of this session that could not be parsed (WCF's {@code ProcessInfo}): the session faults with a
     * ProtocolException; the peer is told WCF's answer to what could not be read (ReadFailure) or, once the session
     * has a sequence, a Sender SequenceTerminated "could not be parsed".
     */
    final void unparsable(Message m, RuntimeException e) {
        ProtocolException local = new ProtocolException(WcfText.MessageExceptionOccurred.format(), e);
        Optional<Message> reply = ReadFailure.faultReply(e, settings.version(), messages);
        if (reply.isPresent()) {
            tellPeer(reply.get());
            fault(local, null);
            return;
        }
        String id = sessionId();
        fault(local, id == null ? null : WsrmFault.sequenceTerminated(wsrm, id, true,
                WcfText.CouldNotParseWithAction.format(m.headers().action())));
    }

    /** A message of a sequence this session does not have: the peer is told UnknownSequence, and the session fails. */
    protected final void unknownSequence(String id) {
        fault(new CommunicationException(WcfText.UnknownSequenceMessageReceived.format()),
                WsrmFault.unknownSequence(wsrm, id));
    }

    /** Ends the session with {@code cause}: its halves and whatever waits for the peer fail, its channel faults. */
    final void fail(Throwable cause) {
        if (ended) {
            return;
        }
        end();
        TransmissionStrategy o = out;
        if (o != null) {
            o.end(cause);
        }
        InputConnection i = in;
        if (i != null) {
            i.fail(cause);
        }
        failWaiting(cause);
        onFault.accept(cause);
    }

    /** Fails what waits for the peer besides the halves (requests, replies, the peer's end of the session). */
    protected abstract void failWaiting(Throwable cause);

    /** Abort: the session ends at once; sends waiting for the window and requests waiting for answers fail. */
    void abort() {
        if (ended) {
            return;
        }
        end();
        CommunicationException aborted = new CommunicationException("The reliable session was aborted.");
        TransmissionStrategy o = out;
        if (o != null) {
            o.end(aborted);
        }
        InputConnection i = in;
        if (i != null) {
            i.close();
        }
        failRequests(aborted);
    }

    /** Fails the session's requests that wait for an answer (a shape that sends requests of its own has them). */
    protected void failRequests(Throwable cause) {
    }

    /** Stops the timers: nothing more happens on them. */
    protected final synchronized void end() {
        ended = true;
        inactivity.stop();
        if (poll != null) {
            poll.stop();
        }
    }

    @Override
    public String toString() {
        return (side == Side.CLIENT ? "client" : "service") + " session[out=" + out + ", in=" + in + ", ended="
                + ended + "]";
    }
}

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.RestartableTimer;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reliable session over a duplex inner channel, on either side (WCF {@code ReliableDuplexSessionChannel},
 * {@code ClientReliableSession}/{@code ServerReliableSession} and, with one half switched off, the output and input
 * session channels over duplex): an output sequence (the {@link TransmissionStrategy}) and an input sequence (the
 * {@link InputConnection}), acknowledgements piggy-backed on outgoing messages, the inactivity timer, the client's
 * keep-alive polling, the close handshakes of both WS-RM versions, and WCF's faults.
 *
 * <p>Messages for the session arrive through {@link #handle}; everything it sends goes through {@code sender}, which
 * addresses it to the peer. No thread: timers and futures only.
 */
final class DuplexReliableSession {
    private static final Logger LOG = LoggerFactory.getLogger(DuplexReliableSession.class);
    /** WCF's {@code RequestorIterationTime}: a CreateSequence/Close/Terminate attempt waits this long for an answer. */
    static final Duration ITERATION = Duration.ofSeconds(10);
    /** WCF's {@code UnknownInitiationTime}: the RTT assumed for a sequence whose round trip was never measured. */
    static final Duration UNKNOWN_RTT = Duration.ofSeconds(2);

    private enum Polling { IDLE, KEEP_ALIVE, FAST }

    private final SessionSettings settings;
    private final Wsrm wsrm;
    private final WsrmMessages messages;
    private final Scheduler scheduler;
    private final boolean client;
    private final boolean hasOutput;
    private final boolean hasInput;
    private final Function<Message, CompletableFuture<Void>> sender;
    private final Consumer<Throwable> onFault;
    private final Map<String, CompletableFuture<WsrmInfo>> requests = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> inputTerminated = new CompletableFuture<>();
    /** The client's CreateSequence MessageID while it waits for the response. */
    private volatile String creating;

    private volatile String outputId;
    private volatile String inputId;
    private volatile TransmissionStrategy out;
    private volatile InputConnection in;
    private volatile boolean closing;
    private volatile boolean ended;
    private final RestartableTimer inactivity;
    private final RestartableTimer poll;
    private Polling polling = Polling.IDLE;

    DuplexReliableSession(SessionSettings settings, boolean client, boolean hasOutput, boolean hasInput,
            Function<Message, CompletableFuture<Void>> sender, Consumer<Throwable> onFault) {
        this.settings = settings;
        this.wsrm = settings.wsrm();
        this.messages = new WsrmMessages(wsrm, settings.version());
        this.scheduler = settings.scheduler();
        this.inactivity = scheduler.restartable(this::onInactivity);
        this.poll = scheduler.restartable(this::onPoll);
        this.client = client;
        this.hasOutput = hasOutput;
        this.hasInput = hasInput;
        this.sender = sender;
        this.onFault = onFault;
    }

    /** Makes the session of a service channel once the channel supplies its fault handler. */
    interface Factory {
        DuplexReliableSession create(Consumer<Throwable> onFault);
    }

    Wsrm wsrm() {
        return wsrm;
    }

    String outputId() {
        return outputId;
    }

    String inputId() {
        return inputId;
    }

    /** The session id the channel reports: the input sequence's id, else the output's (WCF's). */
    String sessionId() {
        return inputId != null ? inputId : outputId;
    }

    // ---------------------------------------------------------------- establishing

    /**
     * Client: sends CreateSequence (with an offer when the session has an input) and waits for the response, trying
     * again every 10 s until {@code timeout}, as WCF's requestor does.
     */
    CompletableFuture<Void> openClient(EndpointAddress localAddress, URI remote, Duration timeout) {
        Optional<String> offer = hasInput ? Optional.of(WsrmMessages.newId()) : Optional.empty();
        CreateSequence cs = CreateSequence.of(wsrm, localAddress, offer, settings.rm().ordered());
        String messageId = WsrmMessages.newId();
        long started = scheduler.nanoTime();
        creating = messageId;
        return request(() -> messages.createSequence(cs, messageId, localAddress), messageId, timeout,
                WcfText.TimeoutOnOpen.format(WcfTimeSpan.format(timeout)), true).thenAccept(info -> {
                    creating = null;
                    CreateSequenceResponse csr = CreateSequenceAnswer.check(info.message(), messages, messageId,
                            offer, remote, this::send);
                    Duration rtt = Duration.ofNanos(Math.max(1, scheduler.nanoTime() - started));
                    establish(csr.id(), offer.orElse(null), rtt);
                    armPoll();
                });
    }

    /** Server: the session a CreateSequence opened; the output sequence is the client's offer. */
    void openServer(String createdId, String offeredId) {
        establish(offeredId, createdId, UNKNOWN_RTT);
    }

    private void establish(String output, String input, Duration rtt) {
        if (hasOutput && output != null) {
            outputId = output;
            out = new TransmissionStrategy(wsrm, output, settings.rm().maxTransferWindowSize(),
                    settings.rm().maxRetryCount(), true, rtt, scheduler, new Transmitter());
        }
        if (hasInput && input != null) {
            inputId = input;
            in = new InputConnection(wsrm, input, settings.rm().ordered(), settings.rm().maxTransferWindowSize(),
                    scheduler,
                    settings.rm().acknowledgementInterval(), settings.rm().flowControlEnabled(), this::sendAck);
        }
        armInactivity();
    }

    /** Adapts the strategy's callbacks to this session. */
    private final class Transmitter implements TransmissionStrategy.Transmitter {
        @Override
        public void transmit(long number, Message message, boolean retry) {
            InputConnection i = in;
            if (i != null && i.ackPending()) {
                message.headers().addFirst(i.takeAck().toHeader(wsrm));
            }
            localActivity();
            sender.apply(message).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.debug("transmission of message {} failed (it will be retried): {}", number,
                            Futures.unwrap(e).toString());
                }
            });
        }

        @Override
        public void fault(RuntimeException local, WsrmFault remote) {
            DuplexReliableSession.this.fault(local, remote);
        }
    }

    // ---------------------------------------------------------------- application traffic

    /** Sends an application message on the output sequence; completes when it entered the window. */
    CompletableFuture<Void> send(Message message, Duration timeout) {
        TransmissionStrategy o = out;
        if (o == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this session has no output sequence"));
        }
        return o.add(message, timeout).thenApply(n -> null);
    }

    CompletableFuture<Optional<Message>> receive(Duration timeout) {
        InputConnection i = in;
        if (i == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this session has no input sequence"));
        }
        return i.receive(timeout);
    }

    private void sendAck() {
        InputConnection i = in;
        if (i == null || ended) {
            return;
        }
        send(messages.acknowledgement(i.takeAck()));
    }

    /** Sends a protocol message of this session (e.g. the listener's CreateSequenceResponse). */
    void send(Message m) {
        localActivity();
        sender.apply(m).whenComplete((v, e) -> {
            if (e != null) {
                LOG.debug("sending {} failed: {}", m.headers().action(), Futures.unwrap(e).toString());
            }
        });
    }

    // ---------------------------------------------------------------- receiving

    /** Processes a message of this session (the listener or the client's receive loop routes it here). */
    void handle(WsrmInfo info) {
        if (ended) {
            return;
        }
        remoteActivity();
        Message m = info.message();
        if (info.ack().isPresent() && !acknowledge(info.ack().get())) {
            return;
        }
        boolean ackRequested = info.ackRequested().filter(a -> a.id().equals(inputId)).isPresent();
        switch (info.kind()) {
            case APPLICATION:
            case LAST_MESSAGE: {
                SequenceHeader seq = info.sequence().orElseThrow();
                InputConnection i = in;
                if (i == null || !seq.id().equals(inputId)) {
                    unknownSequence(seq.id());
                    return;
                }
                if (closing && info.kind() == WsrmInfo.Kind.APPLICATION && i.lastKnown()
                        && !i.ranges().contains(seq.number())) {
                    Optional<ProtocolViolation> v = wsrm.unreceivedWhileClosing();
                    if (v.isPresent()) {
                        violation(v.get(), inputId);
                        return;
                    }
                }
                InputConnection.Outcome o = i.accept(seq, m, info.kind() == WsrmInfo.Kind.APPLICATION,
                        ackRequested);
                if (o == InputConnection.Outcome.LAST_EXCEEDED) {
                    fault(new ProtocolException(WcfText.LastMessageNumberExceeded.format()),
                            WsrmFault.lastMessageNumberExceeded(wsrm, inputId));
                } else if (o == InputConnection.Outcome.CLOSED) {
                    Message fault = messages.fault(WsrmFault.sequenceClosed(wsrm, inputId));
                    fault.headers().addFirst(i.currentAck(true, settings.rm().flowControlEnabled()).toHeader(wsrm));
                    send(fault);
                }
                return;
            }
            case ACKNOWLEDGEMENT:
            case ACK_REQUESTED:
                if (ackRequested) {
                    sendAck();
                } else if (info.ackRequested().isPresent() && !info.ackRequested().get().id().equals(inputId)) {
                    unknownSequence(info.ackRequested().get().id());
                }
                return;
            case TERMINATE_SEQUENCE:
                terminateReceived(info);
                return;
            case CLOSE_SEQUENCE:
                closeReceived(info);
                return;
            case CREATE_SEQUENCE_RESPONSE:
            case CLOSE_SEQUENCE_RESPONSE:
            case TERMINATE_SEQUENCE_RESPONSE:
            case FAULT:
                // while opening, any CreateSequenceResponse answers the CreateSequence (its RelatesTo is checked)
                String key = info.kind() == WsrmInfo.Kind.CREATE_SEQUENCE_RESPONSE && creating != null ? creating
                        : m.headers().relatesTo();
                if (key != null) {
                    CompletableFuture<WsrmInfo> waiting = requests.remove(key);
                    if (waiting != null) {
                        waiting.complete(info);
                        return;
                    }
                }
                if (info.kind() == WsrmInfo.Kind.FAULT) {
                    faultReceived(info);
                }
                return;
            default:
                LOG.debug("dropped a message the reliable session does not process: {}", info);
        }
    }

    /** Applies an acknowledgement of the output sequence; false when it ended the session. */
    private boolean acknowledge(AckHeader ack) {
        TransmissionStrategy o = out;
        if (o == null || !ack.id().equals(outputId)) {
            unknownSequence(ack.id());
            return false;
        }
        if (o.acknowledge(ack.ranges(), ack.bufferRemaining()) == TransmissionStrategy.AckResult.INVALID) {
            fault(new ProtocolException(WcfText.InvalidAcknowledgementReceived.format()),
                    WsrmFault.invalidAcknowledgement(wsrm, ack));
            return false;
        }
        if (ack.isFinal() && !closing) {
            violation(ProtocolViolation.UNSUPPORTED_CLOSE, outputId);
            return false;
        }
        return true;
    }

    private void terminateReceived(WsrmInfo info) {
        SequenceEnd t = info.sequenceEnd();
        InputConnection i = in;
        if (t.id().equals(outputId)) {
            Optional<ProtocolViolation> v = wsrm.terminateOfOwnOutput();
            if (v.isPresent()) {
                violation(v.get(), outputId);
                return;
            }
        }
        if (i == null || !t.id().equals(inputId)) {
            unknownSequence(t.id());
            return;
        }
        Optional<ProtocolViolation> v = wsrm.checkTerminate(i, t);
        if (v.isPresent()) {
            violation(v.get(), inputId);
            return;
        }
        if (wsrm.defines(Wsrm.TERMINATE_SEQUENCE_RESPONSE)) {
            send(messages.response(Wsrm.TERMINATE_SEQUENCE_RESPONSE, inputId,
                    info.message().headers().messageId(), i.currentAck(true, settings.rm().flowControlEnabled())));
        }
        i.close();
        inputTerminated.complete(null);
    }

    private void closeReceived(WsrmInfo info) {
        SequenceEnd c = info.sequenceEnd();
        InputConnection i = in;
        if (c.id().equals(outputId)) {
            violation(ProtocolViolation.UNSUPPORTED_CLOSE, outputId);
            return;
        }
        if (i == null || !c.id().equals(inputId)) {
            unknownSequence(c.id());
            return;
        }
        Optional<ProtocolViolation> v = i.takeLastNumber(c.lastMsgNumber());
        if (v.isPresent()) {
            violation(v.get(), inputId);
            return;
        }
        i.shutdown();
        send(messages.response(Wsrm.CLOSE_SEQUENCE_RESPONSE, inputId, info.message().headers().messageId(),
                i.currentAck(true, settings.rm().flowControlEnabled())));
    }

    private void violation(ProtocolViolation v, String id) {
        fault(new ProtocolException(v.exception()), WsrmFault.sequenceTerminated(wsrm, id, true, v.reason()));
    }

    private void faultReceived(WsrmInfo info) {
        fail(ReceivedFault.read(info.message(), wsrm).sessionException(inputId, outputId));
    }

    private void unknownSequence(String id) {
        send(messages.fault(WsrmFault.unknownSequence(wsrm, id)));
        fail(new CommunicationException(WcfText.UnknownSequenceMessageReceived.format()));
    }

    // ---------------------------------------------------------------- timers

    private synchronized void armInactivity() {
        Duration t = settings.rm().inactivityTimeout();
        if (ended || WcfTimeSpan.isInfinite(t) || t.compareTo(WcfTimeSpan.MAX_WAIT) > 0) {
            inactivity.stop();
            return;
        }
        inactivity.restart(t);
    }

    private void onInactivity() {
        String text = WcfText.SequenceTerminatedInactivityTimeoutExceeded.format(
                WcfTimeSpan.format(settings.rm().inactivityTimeout()));
        fault(new CommunicationException(text), WsrmFault.sequenceTerminated(wsrm, sessionId(), false, text));
    }

    private void remoteActivity() {
        armInactivity();
        if (client) {
            synchronized (this) {
                TransmissionStrategy o = out;
                polling = o != null && o.quotaRemaining() == 0 ? Polling.FAST : Polling.IDLE;
            }
            armPoll();
        }
    }

    private void localActivity() {
        if (client) {
            armPoll();
        }
    }

    /** The client's keep-alive: AckRequested after inactivityTimeout/2 idle, then every /2/maxRetryCount. */
    private void armPoll() {
        synchronized (this) {
            SessionSettings.PollIntervals intervals = settings.poll();
            if (ended || outputId == null || intervals == null) {
                poll.stop();
                return;
            }
            Duration interval = switch (polling) {
                case KEEP_ALIVE -> intervals.keepAlive();
                case FAST -> intervals.fast();
                default -> intervals.idle();
            };
            poll.restart(interval);
        }
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
        InputConnection i = in;
        send(messages.ackRequested(outputId, i != null && i.ackPending() ? i.takeAck() : null));
        armPoll();
    }

    // ---------------------------------------------------------------- requests (CreateSequence, Close, Terminate)

    /**
     * Sends a request and waits for the message that RelatesTo it, sending it again every 10 s (WCF's requestor); the
     * last failure surfaces when {@code timeout} is reached, or {@code timeoutText} as a timeout.
     */
    private CompletableFuture<WsrmInfo> request(Supplier<Message> make, String messageId,
            Duration timeout, String timeoutText, boolean exposeLastFailure) {
        CompletableFuture<WsrmInfo> result = new CompletableFuture<>();
        requests.put(messageId, result);
        long deadline = WcfTimeSpan.isInfinite(timeout) ? Long.MAX_VALUE : scheduler.nanoTime() + timeout.toNanos();
        attempt(make, messageId, deadline, timeoutText, result, exposeLastFailure);
        result.whenComplete((v, e) -> requests.remove(messageId));
        return result;
    }

    private void attempt(Supplier<Message> make, String messageId, long deadline,
            String timeoutText, CompletableFuture<WsrmInfo> result, boolean exposeLastFailure) {
        if (result.isDone()) {
            return;
        }
        long now = scheduler.nanoTime();
        long remaining = deadline - now;
        boolean lastAttempt = remaining <= ITERATION.toNanos();
        sender.apply(make.get()).whenComplete((v, e) -> {
            if (e != null && lastAttempt && exposeLastFailure) {
                result.completeExceptionally(Futures.unwrap(e));
            }
        });
        localActivity();
        Duration wait = Duration.ofNanos(Math.max(0, Math.min(remaining, ITERATION.toNanos())));
        scheduler.schedule(wait, () -> {
            if (result.isDone()) {
                return;
            }
            if (scheduler.nanoTime() >= deadline) {
                result.completeExceptionally(new CommunicationTimeoutException(timeoutText));
            } else {
                attempt(make, messageId, deadline, timeoutText, result, exposeLastFailure);
            }
        });
    }

    // ---------------------------------------------------------------- closing

    /** The graceful close: the output sequence's handshake, then the peer's end of the input sequence. */
    CompletableFuture<Void> close(EndpointAddress localAddress, Duration timeout) {
        closing = true;
        long deadline = scheduler.nanoTime() + (WcfTimeSpan.isInfinite(timeout) ? Long.MAX_VALUE / 4
                : timeout.toNanos());
        CompletableFuture<Void> output = hasOutput && out != null ? closeOutput(localAddress, deadline, timeout)
                : CompletableFuture.completedFuture(null);
        return output.thenCompose(v -> hasInput && in != null ? waitFor(inputTerminated, deadline, timeout)
                : CompletableFuture.completedFuture(null)).whenComplete((v, e) -> end());
    }

    private CompletableFuture<Void> closeOutput(EndpointAddress localAddress, long deadline, Duration timeout) {
        TransmissionStrategy o = out;
        return wsrm.endOutput(new OutputEnding() {
            @Override
            public CompletableFuture<?> sendLastMessage() {
                return o.addLast(messages.lastMessage(), remaining(deadline));
            }

            @Override
            public void markLastSent() {
                o.setLast();
                if (!o.isDone()) {
                    send(messages.ackRequested(outputId, null));
                }
            }

            @Override
            public CompletableFuture<?> allAcknowledged() {
                return waitFor(o.done(), deadline, timeout);
            }

            @Override
            public CompletableFuture<?> closeSequence() {
                String closeId = WsrmMessages.newId();
                return request(() -> messages.closeSequence(outputId, o.last(), closeId, localAddress), closeId,
                        remaining(deadline), WcfText.TimeoutOnClose.format(WcfTimeSpan.format(timeout)), false)
                        .thenAccept(closed -> checkResponse(closed, Wsrm.CLOSE_SEQUENCE, o.last()));
            }

            @Override
            public CompletableFuture<?> terminateSequence() {
                if (!wsrm.defines(Wsrm.TERMINATE_SEQUENCE_RESPONSE)) {
                    // February 2005: one-way, nothing answers it
                    send(messages.terminateSequence(outputId, o.last(), null, null));
                    return CompletableFuture.completedFuture(null);
                }
                String terminateId = WsrmMessages.newId();
                return request(() -> messages.terminateSequence(outputId, o.last(), terminateId, localAddress),
                        terminateId, remaining(deadline), "", false).handle((r, e) -> null);
            }
        });
    }

    /** 1.1: a Close/Terminate response must be one, and carry the final acknowledgement [1..last]. */
    private void checkResponse(WsrmInfo info, String request, long last) {
        if (info.kind() == WsrmInfo.Kind.FAULT) {
            throw ReceivedFault.read(info.message(), wsrm).sessionException(inputId, outputId);
        }
        if (info.kind() != WsrmInfo.Kind.CLOSE_SEQUENCE_RESPONSE && info.kind() != WsrmInfo.Kind.TERMINATE_SEQUENCE_RESPONSE) {
            throw new ProtocolException(WcfText.InvalidWsrmResponseSessionFaultedExceptionString.format(request,
                    info.message().headers().action(), wsrm.action(request + "Response")));
        }
        Optional<AckHeader> ack = info.ack();
        if (ack.isEmpty() || !ack.get().isFinal() || !ack.get().ranges().isComplete(last)) {
            throw new ProtocolException(WcfText.MissingFinalAckExceptionString.format());
        }
    }

    private Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - scheduler.nanoTime()));
    }

    private <T> CompletableFuture<T> waitFor(CompletableFuture<T> f, long deadline, Duration timeout) {
        return Timeouts.within(f, remaining(deadline), scheduler,
                () -> WcfText.TimeoutOnOperation.format(WcfTimeSpan.format(timeout)));
    }

    // ---------------------------------------------------------------- ending

    /** A local fault: tells the peer, fails the session and its callers. */
    void fault(RuntimeException local, WsrmFault remote) {
        if (ended) {
            return;
        }
        if (remote != null) {
            send(messages.fault(remote));
        }
        fail(local);
    }

    /**
     * A message of this session that could not be parsed (WCF's {@code ProcessInfo}): the session faults with
     * a ProtocolException and, once it has a sequence, sends a Sender SequenceTerminated "could not be parsed".
     */
    void unparsable(Message m, RuntimeException e) {
        ProtocolException local = new ProtocolException(WcfText.MessageExceptionOccurred.format(), e);
        Optional<Message> reply = ReadFailure.faultReply(e, settings.version(), messages);
        if (reply.isPresent()) {
            send(reply.get());
            fault(local, null);
            return;
        }
        String id = sessionId();
        fault(local, id == null ? null : WsrmFault.sequenceTerminated(wsrm, id, true,
                WcfText.CouldNotParseWithAction.format(m.headers().action())));
    }

    /** Ends the session with {@code cause}: pending sends and receives fail, the channel faults. */
    void fail(Throwable cause) {
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
        requests.values().forEach(r -> r.completeExceptionally(cause));
        inputTerminated.completeExceptionally(cause);
        onFault.accept(cause);
    }

    /** Abort: tells the peer (WCF's SequenceTerminated "user abort"), then stops. */
    void abort() {
        if (ended) {
            return;
        }
        String id = sessionId();
        if (id != null && !closing) {
            send(messages.fault(WsrmFault.sequenceTerminated(wsrm, id, false,
                    WcfText.SequenceTerminatedOnAbort.format())));
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
        requests.values().forEach(r -> r.completeExceptionally(aborted));
    }

    private synchronized void end() {
        ended = true;
        inactivity.stop();
        poll.stop();
    }

    @Override
    public String toString() {
        return (client ? "client " : "service ") + "session[out=" + out + ", in=" + in + ", ended=" + ended + "]";
    }

}

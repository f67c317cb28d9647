package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.RestartableTimer;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.Timeouts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of a reliable session over a request channel (HTTP), WCF's {@code ReliableRequestSessionChannel} and
 * {@code ReliableOutputSessionChannelOverRequest}: every message is a request whose HTTP response carries what the
 * service has to say (its acknowledgement, and for request/reply sessions the reply on the offered reply sequence).
 * Retransmissions are further requests. For request/reply a window slot is freed only by the request's reply, not by
 * an acknowledgement, so a request is resent until its reply arrives. Every request carries the acknowledgement of
 * the replies received so far.
 */
final class RequestReliableSession {
    private static final Logger LOG = LoggerFactory.getLogger(RequestReliableSession.class);

    private final SessionSettings settings;
    private final Wsrm wsrm;
    private final WsrmMessages messages;
    private final Scheduler scheduler;
    private final RequestChannel inner;
    private final boolean replies;
    private final Consumer<Throwable> onFault;
    private final Map<Long, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
    private volatile String outputId;
    private volatile String inputId;
    private volatile TransmissionStrategy out;
    private volatile InputConnection in;
    private volatile boolean ended;
    private volatile boolean closing;
    private SequenceRanges replied = SequenceRanges.EMPTY;
    private final RestartableTimer inactivity;
    private final RestartableTimer poll;
    private boolean keepAlive;

    RequestReliableSession(SessionSettings settings, RequestChannel inner, boolean replies, Consumer<Throwable> onFault) {
        this.settings = settings;
        this.wsrm = settings.wsrm();
        this.messages = new WsrmMessages(wsrm, settings.version());
        this.scheduler = settings.scheduler();
        this.inactivity = scheduler.restartable(this::onInactivity);
        this.poll = scheduler.restartable(this::onPoll);
        this.inner = inner;
        this.replies = replies;
        this.onFault = onFault;
    }

    String sessionId() {
        return inputId != null ? inputId : outputId;
    }

    // ---------------------------------------------------------------- opening

    /**
     * CreateSequence as a request; over HTTP one attempt may take the whole remaining time, and a failed attempt is
     * retried after the rest of WCF's 10 s iteration, the last attempt's failure surfacing.
     */
    CompletableFuture<Void> open(Duration timeout) {
        Optional<String> offer = replies ? Optional.of(WsrmMessages.newId()) : Optional.empty();
        EndpointAddress anonymous = EndpointAddress.of(settings.version().addressing().anonymous());
        CreateSequence cs = CreateSequence.of(wsrm, anonymous, offer, settings.rm().ordered());
        String messageId = WsrmMessages.newId();
        long started = scheduler.nanoTime();
        long deadline = started + (WcfTimeSpan.isInfinite(timeout) ? Long.MAX_VALUE / 4 : timeout.toNanos());
        CompletableFuture<Message> response = new CompletableFuture<>();
        attemptCreate(cs, messageId, deadline, timeout, response);
        return response.thenAccept(reply -> {
            if (reply == null) {
                throw new CommunicationTimeoutException(WcfText.TimeoutOnOpen.format(WcfTimeSpan.format(timeout)));
            }
            CreateSequenceResponse csr = CreateSequenceAnswer.check(reply, messages, messageId, offer,
                    inner.remoteAddress().uri(), m -> inner.request(m, settings.timeouts().sendTimeout()));
            Duration rtt = Duration.ofNanos(Math.max(1, scheduler.nanoTime() - started));
            outputId = csr.id();
            out = new TransmissionStrategy(wsrm, outputId, settings.rm().maxTransferWindowSize(),
                    settings.rm().maxRetryCount(), false, rtt, scheduler, new Transmitter());
            if (offer.isPresent()) {
                inputId = offer.get();
                in = new InputConnection(wsrm, inputId, settings.rm().ordered(), settings.rm().maxTransferWindowSize(),
                        scheduler, settings.rm().acknowledgementInterval(), false,
                        InputConnection.AckSender.ON_RESPONSES);
            }
            armInactivity();
            armPoll();
        });
    }

    private void attemptCreate(CreateSequence cs, String messageId, long deadline, Duration timeout,
            CompletableFuture<Message> response) {
        long remaining = deadline - scheduler.nanoTime();
        boolean last = remaining <= DuplexReliableSession.ITERATION.toNanos();
        long begun = scheduler.nanoTime();
        inner.request(messages.createSequence(cs, messageId, null), Duration.ofNanos(Math.max(1, remaining)))
                .whenComplete((reply, e) -> {
                    if (e == null && reply != null) {
                        response.complete(reply);
                        return;
                    }
                    if (last || scheduler.nanoTime() >= deadline) {
                        if (e != null) {
                            response.completeExceptionally(Futures.unwrap(e));
                        } else {
                            response.complete(null);
                        }
                        return;
                    }
                    long wait = Math.max(0, DuplexReliableSession.ITERATION.toNanos()
                            - (scheduler.nanoTime() - begun));
                    scheduler.schedule(Duration.ofNanos(wait), () -> attemptCreate(cs, messageId, deadline, timeout,
                            response));
                });
    }

    // ---------------------------------------------------------------- sending

    /** Request/reply: the reply to {@code message}, retransmitting the request until it arrives. */
    CompletableFuture<Message> request(Message message, Duration timeout) {
        CompletableFuture<Message> reply = out.add(message, timeout)
                .thenCompose(n -> {
                    CompletableFuture<Message> awaited = pending.computeIfAbsent(n, k -> new CompletableFuture<>());
                    // once the caller has its reply the entry goes: a long session keeps no entry per request
                    awaited.whenComplete((m, e) -> pending.remove(n, awaited));
                    return awaited;
                });
        return Timeouts.within(reply, timeout, scheduler, () -> WcfText.RequestTimedOut.format(
                WcfTimeSpan.format(timeout))).whenComplete((m, e) -> {
                    if (e != null && Futures.unwrap(e) instanceof CommunicationTimeoutException) {
                        // WCF: a request that stopped waiting for its reply faults the whole session
                        fail(new CommunicationException(WcfText.SequenceTerminatedReliableRequestThrew.format()));
                    }
                });
    }

    /** One-way: completes when the message entered the window (the acknowledgement comes on the response). */
    CompletableFuture<Void> send(Message message, Duration timeout) {
        return out.add(message, timeout).thenApply(n -> null);
    }

    /** Sends copies of a window slot as requests and processes each response. */
    private final class Transmitter implements TransmissionStrategy.Transmitter {
        @Override
        public void transmit(long number, Message message, boolean retry) {
            attachReplyAck(message, false);
            localActivity();
            inner.request(message, settings.timeouts().sendTimeout()).whenComplete((response, e) -> {
                if (e != null) {
                    Throwable cause = Futures.unwrap(e);
                    LOG.debug("request {} failed (it will be retried): {}", number, cause.toString());
                    // the connection failed under the exchange (reset, closed without a response): not a timeout, a
                    // refused connection, a busy or faulting service, which the retransmission timer handles
                    if (!retry && number > 0 && cause.getClass() == CommunicationException.class) {
                        out.resendAtOnce(number);
                    }
                    return;
                }
                onResponse(number, response);
            });
        }

        @Override
        public void fault(RuntimeException local, WsrmFault remote) {
            RequestReliableSession.this.fault(local, remote);
        }
    }

    /** Every request carries the acknowledgement of the replies received so far (final on Close/Terminate). */
    private void attachReplyAck(Message message, boolean isFinal) {
        InputConnection i = in;
        if (i != null && !i.ranges().isEmpty()) {
            message.headers().addFirst(i.currentAck(isFinal && wsrm.defines(Wsrm.FINAL), false).toHeader(wsrm));
        }
    }

    private void onResponse(long number, Message response) {
        if (response == null || ended) {
            return;
        }
        remoteActivity();
        WsrmInfo info;
        try {
            info = WsrmInfo.read(response, wsrm);
        } catch (RuntimeException e) {
            ProtocolException local = new ProtocolException(WcfText.MessageExceptionOccurred.format(), e);
            Optional<Message> reply = ReadFailure.faultReply(e, settings.version(), messages);
            if (reply.isPresent()) {
                inner.request(reply.get(), settings.timeouts().sendTimeout());
                fail(local);
            } else {
                fault(local, WsrmFault.sequenceTerminated(wsrm, sessionId(), true,
                        WcfText.CouldNotParseWithAction.format(response.headers().action())));
            }
            return;
        }
        if (info.kind() == WsrmInfo.Kind.FAULT && info.sequence().isEmpty()) {
            // WCF's ProcessInfo: any fault outside the reply sequence faults the session
            fail(ReceivedFault.read(response, wsrm).sessionException(inputId, outputId));
            return;
        }
        if (info.ack().isPresent() && !acknowledge(info.ack().get())) {
            return;
        }
        if (!replies) {
            return;
        }
        if (info.sequence().isEmpty() && closing && wsrm.defines(Wsrm.LAST_MESSAGE) && number > 0 && number == out.last()
                && info.ack().isPresent() && info.ack().get().ranges().contains(number)) {
            // WCF's ProcessTransferred: an acknowledged LastMessage is done, whether or not the service answers it
            // with its own LastMessage (WCF does; CXF answers with an acknowledgement)
            complete(number, null);
            return;
        }
        if (info.sequence().isPresent()) {
            SequenceHeader seq = info.sequence().get();
            if (!seq.id().equals(inputId)) {
                fault(new CommunicationException(WcfText.UnknownSequenceMessageReceived.format()),
                        WsrmFault.unknownSequence(wsrm, seq.id()));
                return;
            }
            if (info.ack().isEmpty()) {
                fault(new ProtocolException(WcfText.ReplyMissingAcknowledgement.format()),
                        WsrmFault.sequenceTerminated(wsrm, outputId, true,
                                WcfText.SequenceTerminatedReplyMissingAcknowledgement.format()));
                return;
            }
            InputConnection.Outcome o = in.accept(seq, response, false, false);
            if (o == InputConnection.Outcome.DROPPED) {
                return;
            }
            complete(number, info.kind() == WsrmInfo.Kind.LAST_MESSAGE ? null : response);
        }
    }

    /** The reply to request {@code number} arrived: its caller gets it and its window slot is freed. */
    private void complete(long number, Message reply) {
        SequenceRanges r;
        synchronized (this) {
            if (replied.contains(number)) {
                return; // answered already (and its entry gone): nothing to complete or acknowledge anew
            }
            replied = replied.with(number);
            r = replied;
        }
        pending.computeIfAbsent(number, k -> new CompletableFuture<>()).complete(reply);
        out.acknowledge(r, -1);
    }

    /** Applies an acknowledgement; false when it ended the session. */
    private boolean acknowledge(AckHeader ack) {
        if (!ack.id().equals(outputId)) {
            fault(new CommunicationException(WcfText.UnknownSequenceMessageReceived.format()),
                    WsrmFault.unknownSequence(wsrm, ack.id()));
            return false;
        }
        if (ack.ranges().last() > out.lastSent()) {
            fault(new ProtocolException(WcfText.InvalidAcknowledgementReceived.format()),
                    WsrmFault.invalidAcknowledgement(wsrm, ack));
            return false;
        }
        if (ack.isFinal() && !closing) {
            fault(new ProtocolException(WcfText.UnsupportedCloseExceptionString.format()),
                    WsrmFault.sequenceTerminated(wsrm, outputId, true,
                            WcfText.SequenceTerminatedUnsupportedClose.format()));
            return false;
        }
        if (!replies) {
            out.acknowledge(ack.ranges(), ack.bufferRemaining());
        }
        return true;
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
        synchronized (this) {
            keepAlive = false;
        }
        armInactivity();
        armPoll();
    }

    private void localActivity() {
        armPoll();
    }

    /** Keep-alive: an AckRequested request after inactivityTimeout/2 idle, then every /2/maxRetryCount. */
    private synchronized void armPoll() {
        SessionSettings.PollIntervals intervals = settings.poll();
        if (ended || outputId == null || intervals == null) {
            poll.stop();
            return;
        }
        poll.restart(keepAlive ? intervals.keepAlive() : intervals.idle());
    }

    private void onPoll() {
        synchronized (this) {
            keepAlive = true;
        }
        Message m = messages.ackRequested(outputId, null);
        attachReplyAck(m, false);
        inner.request(m, settings.timeouts().sendTimeout()).whenComplete((r, e) -> {
            if (e == null && r != null) {
                onResponse(-1, r);
            }
        });
        armPoll();
    }

    // ---------------------------------------------------------------- closing

    CompletableFuture<Void> close(Duration timeout) {
        closing = true;
        long deadline = scheduler.nanoTime() + (WcfTimeSpan.isInfinite(timeout) ? Long.MAX_VALUE / 4
                : timeout.toNanos());
        TransmissionStrategy o = out;
        return wsrm.endOutput(new OutputEnding() {
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
                return waitFor(o.done(), deadline, timeout);
            }

            @Override
            public CompletableFuture<?> closeSequence() {
                return endRequest(messages.closeSequence(outputId, o.last(), WsrmMessages.newId(), null), deadline)
                        .thenAccept(r -> checkFinal(r, Wsrm.CLOSE_SEQUENCE, o.last()));
            }

            @Override
            public CompletableFuture<?> terminateSequence() {
                Message t = messages.terminateSequence(outputId, o.last(), WsrmMessages.newId(), null);
                return endRequest(t, deadline).handle((r, e) -> null);
            }
        }).whenComplete((v, e) -> end());
    }

    /** Close/Terminate requests carry the final acknowledgement of the replies. */
    private CompletableFuture<Message> endRequest(Message m, long deadline) {
        attachReplyAck(m, true);
        return inner.request(m, remaining(deadline)).thenApply(r -> {
            if (r != null) {
                try {
                    WsrmInfo info = WsrmInfo.read(r, wsrm);
                    info.ack().filter(a -> a.id().equals(outputId)).ifPresent(this::acknowledge);
                } catch (RuntimeException ignored) {
                    // the response's own check reports it
                }
            }
            return r;
        });
    }

    private void checkFinal(Message response, String request, long last) {
        if (response == null) {
            throw new ProtocolException(WcfText.MissingFinalAckExceptionString.format());
        }
        WsrmInfo info = WsrmInfo.read(response, wsrm);
        if (info.kind() == WsrmInfo.Kind.FAULT) {
            throw ReceivedFault.read(response, wsrm).sessionException(inputId, outputId);
        }
        Optional<AckHeader> ack = info.ack().filter(a -> a.id().equals(outputId));
        if (ack.isEmpty() || !ack.get().isFinal() || !ack.get().ranges().isComplete(last)) {
            // WCF's ValidateFinalAck: the session faults and tells the peer
            ProtocolException e = new ProtocolException(WcfText.MissingFinalAckExceptionString.format());
            fault(e, WsrmFault.sequenceTerminated(wsrm, outputId, true,
                    WcfText.SequenceTerminatedMissingFinalAck.format()));
            throw e;
        }
    }

    private Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - scheduler.nanoTime()));
    }

    private <T> CompletableFuture<T> waitFor(CompletableFuture<T> f, long deadline, Duration timeout) {
        return Timeouts.within(f, remaining(deadline), scheduler,
                () -> WcfText.TimeoutOnClose.format(WcfTimeSpan.format(timeout)));
    }

    // ---------------------------------------------------------------- ending

    void fault(RuntimeException local, WsrmFault remote) {
        if (ended) {
            return;
        }
        if (remote != null) {
            inner.request(messages.fault(remote), settings.timeouts().sendTimeout());
        }
        fail(local);
    }

    void fail(Throwable cause) {
        if (ended) {
            return;
        }
        end();
        if (out != null) {
            out.end(cause);
        }
        if (in != null) {
            in.fail(cause);
        }
        pending.values().forEach(p -> p.completeExceptionally(cause));
        onFault.accept(cause);
    }

    void abort() {
        if (ended) {
            return;
        }
        end();
        CommunicationException aborted = new CommunicationException("The reliable session was aborted.");
        if (out != null) {
            out.end(aborted);
        }
        pending.values().forEach(p -> p.completeExceptionally(aborted));
    }

    private synchronized void end() {
        ended = true;
        inactivity.stop();
        poll.stop();
    }
}

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import io.github.wcf4j.runtime.time.Timeouts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of a reliable session over a request channel (HTTP), WCF's {@code ReliableRequestSessionChannel} and
 * {@code ReliableOutputSessionChannelOverRequest}: every message is a request whose HTTP response carries what the
 * service has to say (its acknowledgement, and for request/reply sessions the reply on the offered reply sequence).
 * Retransmissions are further requests. For request/reply a window slot is freed only by the request's reply, not by
 * an acknowledgement, so a request is resent until its reply arrives. Every request carries the acknowledgement of
 * the replies received so far. The rest is the {@link ReliableSession} core's.
 *
 * <p>With a durable {@link SequenceStore} a one-way session keeps its output sequence: {@code send} completes once the
 * numbered message is written, acknowledgements are recorded, and a session opened after its process restarted
 * resumes an unfinished sequence of the same endpoint instead of creating one: the messages its {@code send} had
 * accepted and the service had not acknowledged are sent again (the service's duplicate detection makes it exactly
 * once), then the new ones follow in the same sequence.
 */
final class RequestReliableSession extends ReliableSession implements TransmissionStrategy.Transmitter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestReliableSession.class);

    private final RequestChannel inner;
    private final boolean replies;
    private final Map<Long, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
    private SequenceRanges replied = SequenceRanges.EMPTY;
    /** The sequences this process's sessions resumed or created: a stored one is resumed by one session only. */
    private static final Set<String> CLAIMED = ConcurrentHashMap.newKeySet();
    private final SequenceStore store;
    private final boolean durable;
    private final StoredMessages stored;

    private RequestReliableSession(SessionSettings settings, RequestChannel inner, boolean replies,
            Consumer<Throwable> onFault) {
        super(settings, Side.CLIENT, onFault);
        this.inner = inner;
        this.replies = replies;
        this.store = settings.store();
        this.durable = store.durable() && !replies;
        this.stored = durable ? new StoredMessages(settings.version()) : null;
    }

    /** The endpoint a stored client sequence belongs to. */
    private String endpoint() {
        return inner.remoteAddress().uri().toString();
    }

    /** A session of two-way calls: each request waits for its reply, on the reply sequence it offers. */
    static RequestReliableSession withReplies(SessionSettings settings, RequestChannel inner,
            Consumer<Throwable> onFault) {
        return new RequestReliableSession(settings, inner, true, onFault);
    }

    /** A session of one-way messages, each acknowledged on its request's response. */
    static RequestReliableSession oneWay(SessionSettings settings, RequestChannel inner, Consumer<Throwable> onFault) {
        return new RequestReliableSession(settings, inner, false, onFault);
    }

    // ---------------------------------------------------------------- opening

    /**
     * CreateSequence as a request; over HTTP one attempt may take the whole remaining time, and a failed attempt is
     * retried after the rest of WCF's 10 s iteration, the last attempt's failure surfacing.
     */
    CompletableFuture<Void> open(Duration timeout) {
        if (!durable) {
            return create(timeout);
        }
        return store.unfinished(SequenceChange.Role.CLIENT_OUTPUT, endpoint()).thenCompose(found -> {
            for (StoredSequence s : found) {
                if (s.opened().wsrm().equals(wsrm.ns()) && CLAIMED.add(s.opened().inputId())) {
                    resume(s);
                    return CompletableFuture.<Void>completedFuture(null);
                }
            }
            return create(timeout).thenCompose(v -> {
                CLAIMED.add(outputId);
                return store.write(outputId, new SequenceChange.Opened(SequenceChange.Role.CLIENT_OUTPUT,
                        wsrm.ns(), outputId, outputId, endpoint()));
            });
        });
    }

    /** Continues the stored sequence {@code s}: its unacknowledged messages are sent again at once. */
    private void resume(StoredSequence s) {
        outputId = s.opened().inputId();
        LOG.info("resuming reliable sequence {} from the store ({} messages unacknowledged)", outputId,
                s.unacknowledged().size());
        out = output(outputId, false, Duration.ofMillis(1), this);
        SortedMap<Long, Message> window = new TreeMap<>();
        s.unacknowledged().forEach((n, bytes) -> window.put(n, stored.read(bytes)));
        out.restore(s.lastSent(), window);
        armInactivity();
        armPoll();
    }

    private CompletableFuture<Void> create(Duration timeout) {
        Optional<String> offer = replies ? Optional.of(WsrmMessages.newId()) : Optional.empty();
        EndpointAddress anonymous = EndpointAddress.of(settings.version().addressing().anonymous());
        CreateSequence cs = CreateSequence.of(wsrm, anonymous, offer, settings.rm().ordered())
                .boundTo(inner.property(SecuritySessionToken.class));
        String messageId = WsrmMessages.newId();
        long started = scheduler.nanoTime();
        CompletableFuture<Message> response = new CompletableFuture<>();
        attemptCreate(cs, messageId, deadline(timeout), response);
        return response.thenAccept(reply -> {
            if (reply == null) {
                throw new CommunicationTimeoutException(WcfText.TimeoutOnOpen.format(WcfTimeSpan.format(timeout)));
            }
            CreateSequenceResponse csr = CreateSequenceAnswer.check(reply, messages, messageId, offer,
                    inner.remoteAddress().uri(), m -> inner.request(m, settings.timeouts().sendTimeout()));
            Duration rtt = Duration.ofNanos(Math.max(1, scheduler.nanoTime() - started));
            outputId = csr.id();
            out = output(outputId, false, rtt, this);
            if (offer.isPresent()) {
                inputId = offer.get();
                in = input(inputId, false, InputConnection.AckSender.ON_RESPONSES);
            }
            armInactivity();
            armPoll();
        });
    }

    private void attemptCreate(CreateSequence cs, String messageId, long deadline,
            CompletableFuture<Message> response) {
        Duration remaining = remaining(deadline);
        boolean last = remaining.compareTo(ITERATION) <= 0;
        long begun = scheduler.nanoTime();
        inner.request(messages.createSequence(cs, messageId, null), remaining).whenComplete((reply, e) -> {
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
            Duration wait = Duration.ofNanos(Math.max(0, ITERATION.toNanos() - (scheduler.nanoTime() - begun)));
            scheduler.schedule(wait, () -> attemptCreate(cs, messageId, deadline, response));
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
        if (durable) {
            // the send is accepted once the numbered message is stored: a restarted process sends it again
            return out.add(message, timeout).thenCompose(n -> store.write(outputId,
                    new SequenceChange.Sent(n, stored.write(message))));
        }
        return out.add(message, timeout).thenApply(n -> null);
    }

    /** Sends a copy of a window slot as a request and processes its response. */
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

    /** Every request carries the acknowledgement of the replies received so far (final on Close/Terminate). */
    private void attachReplyAck(Message message, boolean isFinal) {
        InputConnection i = in;
        if (i != null && !i.ranges().isEmpty()) {
            message.headers().addFirst(i.currentAck(isFinal && wsrm.defines(Wsrm.FINAL), false).toHeader(wsrm));
        }
    }

    @Override
    protected void tellPeer(Message fault) {
        inner.request(fault, settings.timeouts().sendTimeout());
    }

    /** An AckRequested request, whose response carries the service's acknowledgement. */
    @Override
    protected void keepAlive() {
        Message m = messages.ackRequested(outputId, null);
        attachReplyAck(m, false);
        inner.request(m, settings.timeouts().sendTimeout()).whenComplete((r, e) -> {
            if (e == null && r != null) {
                onResponse(-1, r);
            }
        });
    }

    // ---------------------------------------------------------------- receiving

    private void onResponse(long number, Message response) {
        if (response == null || ended()) {
            return;
        }
        remoteActivity(false);
        WsrmInfo info;
        try {
            info = WsrmInfo.read(response, wsrm);
        } catch (RuntimeException e) {
            unparsable(response, e);
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
        if (info.sequence().isEmpty() && closing && wsrm.defines(Wsrm.LAST_MESSAGE) && number > 0
                && number == out.last() && info.ack().isPresent() && info.ack().get().ranges().contains(number)) {
            // WCF's ProcessTransferred: an acknowledged LastMessage is done, whether or not the service answers it
            // with its own LastMessage (WCF does; CXF answers with an acknowledgement)
            complete(number, null);
            return;
        }
        if (info.sequence().isPresent()) {
            SequenceHeader seq = info.sequence().get();
            if (!seq.id().equals(inputId)) {
                unknownSequence(seq.id());
                return;
            }
            if (info.ack().isEmpty()) {
                violation(ProtocolViolation.REPLY_MISSING_ACK, outputId);
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

    /**
     * Applies an acknowledgement; false when it ended the session. It may not acknowledge a request never sent; for
     * request/reply only replies free window slots, so the acknowledgement frees none.
     */
    private boolean acknowledge(AckHeader ack) {
        if (!acknowledgementAccepted(ack, a -> a.ranges().last() <= out.lastSent())) {
            return false;
        }
        if (!replies) {
            out.acknowledge(ack.ranges(), ack.bufferRemaining());
            if (durable) {
                List<SequenceChange.Range> r = new ArrayList<>(ack.ranges().count());
                ack.ranges().ranges().forEach(x -> r.add(new SequenceChange.Range(x.lower(), x.upper())));
                store.write(outputId, new SequenceChange.Acknowledged(r));
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- closing

    CompletableFuture<Void> close(Duration timeout) {
        closing = true;
        return wsrm.endOutput(new RequestOutputEnd(deadline(timeout),
                () -> WcfText.TimeoutOnClose.format(WcfTimeSpan.format(timeout)))).whenComplete((v, e) -> {
                    end();
                    if (e == null) {
                        forget();
                    }
                });
    }

    /** The channel was aborted (its process stopping): the stored sequence stays, for a later session to resume. */
    void release() {
        if (durable && outputId != null) {
            CLAIMED.remove(outputId);
        }
    }

    /** The sequence is over: it leaves the store. */
    private void forget() {
        if (durable && outputId != null) {
            store.write(outputId, new SequenceChange.Ended());
            CLAIMED.remove(outputId);
        }
    }

    /** Closing the output with requests: CloseSequence and TerminateSequence carry the final reply acknowledgement. */
    private final class RequestOutputEnd extends OutputEnd {
        RequestOutputEnd(long deadline, Supplier<String> timeoutText) {
            super(deadline, timeoutText);
        }

        @Override
        public CompletableFuture<?> closeSequence() {
            return endRequest(messages.closeSequence(outputId, o.last(), WsrmMessages.newId(), null), deadline)
                    .thenAccept(r -> checkCloseResponse(r, o.last()));
        }

        @Override
        public CompletableFuture<?> terminateSequence() {
            Message t = messages.terminateSequence(outputId, o.last(), WsrmMessages.newId(), null);
            return endRequest(t, deadline).handle((r, e) -> null);
        }
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

    /** 1.1: the response to CloseSequence must carry the final acknowledgement [1..last] (WCF's ValidateFinalAck). */
    private void checkCloseResponse(Message response, long last) {
        if (response == null) {
            throw new ProtocolException(ProtocolViolation.MISSING_FINAL_ACK.exception());
        }
        WsrmInfo info = WsrmInfo.read(response, wsrm);
        if (info.kind() == WsrmInfo.Kind.FAULT) {
            throw ReceivedFault.read(response, wsrm).sessionException(inputId, outputId);
        }
        if (!info.ack().filter(a -> a.id().equals(outputId) && a.finallyAcknowledges(last)).isPresent()) {
            // the session faults and tells the peer
            ProtocolException e = new ProtocolException(ProtocolViolation.MISSING_FINAL_ACK.exception());
            fault(e, WsrmFault.sequenceTerminated(wsrm, outputId, true, ProtocolViolation.MISSING_FINAL_ACK.reason()));
            throw e;
        }
    }

    // ---------------------------------------------------------------- ending

    @Override
    protected void failWaiting(Throwable cause) {
        // a faulted sequence cannot be continued by anyone: it leaves the store
        forget();
        failRequests(cause);
    }

    @Override
    protected void failRequests(Throwable cause) {
        pending.values().forEach(p -> p.completeExceptionally(cause));
    }
}

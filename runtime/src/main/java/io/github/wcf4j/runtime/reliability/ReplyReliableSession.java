package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.StoreHost;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import io.github.wcf4j.runtime.time.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The service end of a reliable session over a reply channel (HTTP), WCF's {@code ReliableReplySessionChannel} and
 * {@code ReliableInputSessionChannelOverReply}: every request is answered on its own HTTP response, with the
 * acknowledgement of the request sequence ({@code BufferRemaining} always, for reply sessions) and, for reply
 * sessions, the application's reply on the reply sequence. A request is invoked once: a duplicate whose reply is ready
 * gets that reply again, one whose reply is not ready waits for it, one whose reply the client already acknowledged
 * gets the acknowledgement. Ordered reply sessions accept only the next request in order; a request that does not fit
 * is answered with an empty 202 and resent by the client. The rest is the {@link ReliableSession} core's.
 *
 * <p>With a durable {@link SequenceStore} every request is written before it is accepted (so before any response
 * acknowledges it), every reply before it is sent, 1.1's close before it is answered; a session {@link #resumed} from
 * the store after its process restarted answers the replies it had and delivers again the requests it had not
 * answered (their invocations may run twice: once before the crash, unanswered, once after).
 */
final class ReplyReliableSession extends ReliableSession {
    private final boolean replies;
    private final Map<Long, Exchange> exchanges = new ConcurrentHashMap<>();
    /** Answered exchanges by reply number, until the client acknowledges the reply (guarded by this). */
    private final NavigableMap<Long, Exchange> unacknowledgedReplies = new TreeMap<>();
    private long nextReplyNumber;
    /** Completes when the client's TerminateSequence ended the session. */
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    /** Where the session is kept; its key is the input sequence's identifier. */
    private final SequenceStore store;
    private final boolean durable;
    private final StoredMessages stored;
    /**
     * Requests of a reply session accepted while their {@code Received} write is under way: no acknowledgement names
     * them until it completed. Their replies wait for their {@code Replied} write, which a store completes after the
     * earlier write of the same key, so a reply never goes out before its request is stored.
     */
    private final java.util.Set<Long> unwritten = ConcurrentHashMap.newKeySet();
    /**
     * A farm ({@link SequenceStore#shared()}): the requests other hosts accepted and have not answered, as of the last
     * read of the store; an ordered reply session accepts no later request meanwhile (its reply number would collide
     * with theirs, and delivery would not be in order).
     */
    private volatile java.util.SortedSet<Long> pendingElsewhere = java.util.Collections.emptySortedSet();
    /**
     * When this session last {@linkplain SequenceStore#touch touched} its stored sequence (scheduler nanos), so that
     * the store's housekeeping ({@link StoredSequenceExpiry}) does not take a sequence whose client is still sending;
     * null: not yet (a resumed session touches on its first message).
     */
    private Long touchedAt;

    /**
     * One request of the sequence: the HTTP contexts waiting for its answer, and the answer once known. It does not
     * hold the request (the request holds it, as a property): an answered exchange lives until the client
     * acknowledges the reply, and an idle session would otherwise keep its last request, parsed, all that time.
     */
    final class Exchange {
        final long number;
        final List<RequestContext> waiting = new ArrayList<>(1);
        Message reply;
        /** Its answer is decided (a reply numbered), perhaps still being written to the store. */
        boolean completing;
        boolean answered;
        long replyNumber;

        Exchange(long number) {
            this.number = number;
        }
    }

    private ReplyReliableSession(SessionSettings settings, String inputId, String outputId,
            Consumer<Throwable> onFault) {
        super(settings, Side.SERVICE, onFault);
        this.replies = outputId != null;
        this.inputId = inputId;
        this.outputId = outputId;
        this.in = input(inputId, settings.rm().flowControlEnabled(), InputConnection.AckSender.ON_RESPONSES);
        this.store = settings.store();
        this.durable = store.durable();
        this.stored = durable ? new StoredMessages(settings.version()) : null;
        armInactivity();
        touchedAt = scheduler.nanoTime(); // its Opened is being written
    }

    /** The change that opens this session in the store, written before its CreateSequenceResponse is sent. */
    static SequenceChange.Opened opened(SessionSettings settings, String inputId, String offered, String endpoint) {
        return new SequenceChange.Opened(offered != null ? SequenceChange.Role.SERVICE_REPLY
                : SequenceChange.Role.SERVICE_INPUT, settings.wsrm().ns(), inputId, offered, endpoint);
    }

    /**
     * The session {@code s} kept in the store, after its process restarted: the replies the client has not
     * acknowledged are answered again, the requests not answered are delivered again, in order.
     */
    static ReplyReliableSession resumed(SessionSettings settings, StoredSequence s, Consumer<Throwable> onFault) {
        ReplyReliableSession r = new ReplyReliableSession(settings, s.opened().inputId(), s.opened().outputId(),
                onFault);
        r.touchedAt = null;
        r.restore(s);
        return r;
    }

    private void restore(StoredSequence s) {
        SequenceRanges answered = SequenceRanges.EMPTY;
        for (SequenceChange.Range range : s.received()) {
            answered = answered.with(new SequenceRange(range.lower(), range.upper()));
        }
        // in a farm, a message another host accepted is that host's to deliver (docs: who delivers message n)
        List<SequenceChange.Received> mine = new ArrayList<>();
        java.util.TreeSet<Long> elsewhere = new java.util.TreeSet<>();
        for (SequenceChange.Received p : s.pending().values()) {
            if (store.shared() && !p.host().equals(StoreHost.ID)) {
                elsewhere.add(p.number());
            } else {
                mine.add(p);
            }
        }
        pendingElsewhere = elsewhere;
        for (long n : elsewhere) {
            // not received here: its retransmission is written again, which takes it over if its host is gone
            answered = answered.without(n);
        }
        SequenceRanges delivered = answered;
        for (SequenceChange.Received p : mine) {
            delivered = delivered.without(p.number());
        }
        boolean lastPending = mine.stream().anyMatch(p -> p.number() == s.inputLast());
        in.restore(delivered, s.inputClosed() || lastPending ? 0 : s.inputLast());
        synchronized (this) {
            nextReplyNumber = s.lastReplyNumber();
            for (SequenceChange.Replied r : s.replies().values()) {
                Exchange x = new Exchange(r.number());
                x.reply = stored.read(r.reply());
                WsrmInfo.read(x.reply, wsrm);
                x.replyNumber = r.replyNumber();
                x.completing = true;
                x.answered = true;
                exchanges.put(x.number, x);
                unacknowledgedReplies.put(x.replyNumber, x);
            }
        }
        for (SequenceChange.Received p : mine) {
            Message m = stored.read(p.message());
            WsrmInfo.read(m, wsrm);
            Exchange x = new Exchange(p.number());
            m.properties().put(Exchange.class, x);
            exchanges.put(x.number, x);
            in.accept(new SequenceHeader(inputId, p.number(), p.last()), m, !p.last(), false);
            if (p.last()) {
                complete(x, replies ? messages.lastMessage() : null, true);
            } else if (!replies) {
                complete(x, null, false);
            }
        }
        if (s.inputClosed()) {
            in.takeLastNumber(OptionalLong.of(s.inputLast()));
            in.shutdown();
        } else if (in.lastKnown() && in.allReceived()) {
            in.shutdown();
        }
    }

    /**
     * Runs {@code then} once {@code change} is in the store (at once when there is none); a failed write fails the
     * session, since what it would acknowledge could be lost.
     */
    private void persisted(SequenceChange change, Runnable then) {
        if (!durable) {
            then.run();
            return;
        }
        store.write(inputId, change).whenCompleteAsync((v, e) -> {
            if (e != null) {
                fail(storeFailure(e));
            } else {
                then.run();
            }
        }, scheduler.executor());
    }

    /** Whether {@code e} says another host of a farm accepted the message first. */
    private static boolean takenElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.github.wcf4j.runtime.reliability.store.SequenceNumberTakenException) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException storeFailure(Throwable e) {
        return new io.github.wcf4j.runtime.channel.CommunicationException("The reliable session could not write to"
                + " its store, so it stops rather than acknowledge what a crash could lose: " + e.getMessage(), e);
    }

    /** {@code a} without the requests whose write is under way. */
    private AckHeader written(AckHeader a) {
        if (unwritten.isEmpty()) {
            return a;
        }
        SequenceRanges r = a.ranges();
        for (long n : unwritten) {
            r = r.without(n);
        }
        return new AckHeader(a.id(), r, a.isFinal(), a.bufferRemaining());
    }

    /** A message arrived: the stored sequence is touched, at most every quarter of the inactivity timeout. */
    private void touchStore() {
        Duration t = settings.rm().inactivityTimeout();
        if (!durable || WcfTimeSpan.isInfinite(t)) {
            return;
        }
        long now = scheduler.nanoTime();
        synchronized (this) {
            if (touchedAt != null && now - touchedAt < StoredSequenceExpiry.touchInterval(t).toNanos()) {
                return;
            }
            touchedAt = now;
        }
        store.touch(inputId);
    }

    /** Writes {@code change} without waiting (what it records is not acknowledged by it). */
    private void record(SequenceChange change) {
        if (durable) {
            store.write(inputId, change);
        }
    }

    /** A one-way session handed request {@code delivered} to the application: a resumed session delivers it no more. */
    void delivered(Message delivered) {
        if (durable && !replies) {
            delivered.properties().get(Exchange.class).ifPresent(x -> record(new SequenceChange.Delivered(x.number)));
        }
    }

    /** A session of two-way calls: requests on sequence {@code inputId}, replies on the client's offer. */
    static ReplyReliableSession withReplies(SessionSettings settings, String inputId, String offered,
            Consumer<Throwable> onFault) {
        return new ReplyReliableSession(settings, inputId, offered, onFault);
    }

    /** A session of one-way messages on sequence {@code inputId}, each acknowledged on its request's response. */
    static ReplyReliableSession oneWay(SessionSettings settings, String inputId, Consumer<Throwable> onFault) {
        return new ReplyReliableSession(settings, inputId, null, onFault);
    }

    /** The next delivered request (with its exchange), or empty when the sequence ended. */
    CompletableFuture<Optional<Message>> receive(Duration timeout) {
        return in.receive(timeout);
    }

    /** The exchange a delivered request belongs to. */
    Exchange exchangeOf(Message delivered) {
        return delivered.properties().get(Exchange.class).orElseThrow();
    }

    private synchronized long sentReplies() {
        return nextReplyNumber;
    }

    /**
     * An acknowledgement of replies never sent (WCF's {@code InvalidAcknowledgement}): the client is told on this
     * request's response, and the session faults; the request is not processed.
     */
    private void refuseAcknowledgement(AckHeader ack, RequestContext context) {
        Message fault = messages.fault(WsrmFault.invalidAcknowledgement(wsrm, ack));
        if (context.requestMessage().headers().messageId() != null) {
            fault.headers().relatesTo(context.requestMessage().headers().messageId());
        }
        answer(context, fault);
        fail(new ProtocolException(WcfText.InvalidAcknowledgementReceived.format()));
    }

    /**
     * Processes one HTTP request of this session and answers it (now or when the reply is ready). In a farm the
     * session first reads the sequence again: other hosts may have served it since (this session is a cache).
     */
    void onRequest(WsrmInfo info, RequestContext context) {
        if (!durable || !store.shared() || ended()) {
            handle(info, context);
            return;
        }
        store.load(inputId).whenCompleteAsync((s, e) -> {
            if (e != null) {
                answer(context, null); // the client resends; the store may answer then
            } else if (s.isEmpty()) {
                // ended by another host (terminated or faulted there)
                answer(context, messages.fault(WsrmFault.unknownSequence(wsrm, inputId)));
                close();
            } else {
                refresh(s.get());
                handle(info, context);
            }
        }, scheduler.executor());
    }

    /** A farm: what other hosts did to the sequence since this session last read it. */
    private void refresh(StoredSequence s) {
        java.util.TreeSet<Long> elsewhere = new java.util.TreeSet<>();
        for (long n : s.pending().keySet()) {
            if (!exchanges.containsKey(n)) {
                elsewhere.add(n);
            }
        }
        SequenceRanges received = SequenceRanges.EMPTY;
        for (SequenceChange.Range r : s.received()) {
            received = received.with(new SequenceRange(r.lower(), r.upper()));
        }
        for (long n : elsewhere) {
            // accepted by another host, not answered: left out, so that its retransmission here is written again
            // (which fails while that host lives, and takes the message over once it is gone)
            received = received.without(n);
        }
        SequenceRanges accepted = in.ranges();
        for (long n : exchanges.keySet()) {
            if (!accepted.contains(n)) {
                // this session's own write of n, committed but its completion not yet here (a slow commit, a batch
                // retried after PostgreSQL restarted): n is accepted here when it completes; counting it received
                // now would drop it then as a duplicate, acknowledged and never invoked
                received = received.without(n);
            }
        }
        in.receivedElsewhere(received);
        synchronized (this) {
            nextReplyNumber = Math.max(nextReplyNumber, s.lastReplyNumber());
            for (SequenceChange.Replied r : s.replies().values()) {
                if (!exchanges.containsKey(r.number())) {
                    Exchange x = new Exchange(r.number());
                    x.reply = stored.read(r.reply());
                    WsrmInfo.read(x.reply, wsrm);
                    x.replyNumber = r.replyNumber();
                    x.completing = true;
                    x.answered = true;
                    exchanges.put(x.number, x);
                    unacknowledgedReplies.put(x.replyNumber, x);
                }
            }
        }
        pendingElsewhere = elsewhere;
    }

    private void handle(WsrmInfo info, RequestContext context) {
        if (ended()) {
            answer(context, messages.fault(WsrmFault.unknownSequence(wsrm, inputId)));
            return;
        }
        armInactivity();
        touchStore();
        if (info.ack().isPresent() && replies) {
            AckHeader a = info.ack().get();
            if (a.id().equals(outputId) && a.ranges().last() > sentReplies()) {
                refuseAcknowledgement(a, context);
                return;
            }
            if (a.id().equals(outputId)) {
                forgetAcknowledged(a.ranges());
            }
        }
        switch (info.kind()) {
            case APPLICATION, LAST_MESSAGE -> sequenced(info, context);
            case ACK_REQUESTED -> answer(context, ackOnly());
            case ACKNOWLEDGEMENT -> answer(context, info.ackRequested().isPresent() ? ackOnly() : null);
            case CLOSE_SEQUENCE -> closeSequence(info, context);
            case TERMINATE_SEQUENCE -> terminate(info, context);
            case FAULT -> {
                answer(context, null);
                fail(ReceivedFault.read(info.message(), wsrm).sessionException(inputId, outputId));
            }
            default -> answer(context, null);
        }
    }

    /** The client acknowledged the replies {@code ranges}: their exchanges are forgotten. */
    private void forgetAcknowledged(SequenceRanges ranges) {
        List<Exchange> done = new ArrayList<>();
        synchronized (this) {
            for (SequenceRange r : ranges.ranges()) {
                NavigableMap<Long, Exchange> acknowledged = unacknowledgedReplies.subMap(r.lower(), true,
                        r.upper(), true);
                done.addAll(acknowledged.values());
                acknowledged.clear();
            }
        }
        done.forEach(x -> exchanges.remove(x.number, x));
        if (!done.isEmpty()) {
            List<SequenceChange.Range> r = new ArrayList<>(ranges.count());
            ranges.ranges().forEach(x -> r.add(new SequenceChange.Range(x.lower(), x.upper())));
            record(new SequenceChange.Acknowledged(r));
        }
    }

    private void sequenced(WsrmInfo info, RequestContext context) {
        SequenceHeader seq = info.sequence().orElseThrow();
        if (!seq.id().equals(inputId)) {
            answer(context, messages.fault(WsrmFault.unknownSequence(wsrm, seq.id())));
            return;
        }
        boolean last = info.kind() == WsrmInfo.Kind.LAST_MESSAGE;
        Exchange existing = exchanges.get(seq.number());
        if (existing == null && in.ranges().contains(seq.number())) {
            answer(context, ackOnly());
            return;
        }
        if (existing != null) {
            synchronized (existing) {
                if (!existing.answered) {
                    existing.waiting.add(context);
                    return;
                }
            }
            answer(context, existing.reply != null ? existing.reply.copy() : ackOnly());
            return;
        }
        Exchange x = new Exchange(seq.number());
        info.message().properties().put(Exchange.class, x);
        if (replies && settings.rm().ordered() && !last && (seq.number() != in.ranges().last() + 1
                || !pendingElsewhere.headSet(seq.number()).isEmpty())) {
            // ordered request/reply accepts only the next request; the client resends the others
            answer(context, null);
            return;
        }
        synchronized (x) {
            x.waiting.add(context);
        }
        exchanges.put(seq.number(), x);
        if (durable && store.shared()) {
            // a farm: another host may accept the same number first; the one whose write wins delivers it, so
            // nothing is invoked before the write completed, and a host whose write lost answers as for a duplicate
            // not yet answered (an empty response: the client resends; the winner's reply is in the store)
            store.write(inputId, new SequenceChange.Received(seq.number(), last, StoreHost.ID,
                    stored.write(info.message()))).whenCompleteAsync((v, e) -> {
                        if (e == null) {
                            accept(seq, info, x, context, last);
                        } else if (takenElsewhere(e)) {
                            exchanges.remove(seq.number(), x);
                            List<RequestContext> waiting;
                            synchronized (x) {
                                waiting = new ArrayList<>(x.waiting);
                                x.waiting.clear();
                            }
                            waiting.forEach(c -> answer(c, null));
                        } else {
                            fail(storeFailure(e));
                        }
                    }, scheduler.executor());
        } else if (durable && replies) {
            // the invocation need not wait for the write: the acknowledgement and the reply do (see unwritten)
            long n = seq.number();
            unwritten.add(n);
            store.write(inputId, new SequenceChange.Received(n, last, StoreHost.ID, stored.write(info.message())))
                    .whenComplete((v, e) -> {
                        if (e != null) {
                            scheduler.executor().execute(() -> fail(storeFailure(e)));
                        } else {
                            unwritten.remove(n);
                        }
                    });
            accept(seq, info, x, context, last);
        } else if (durable) {
            // one-way: the response acknowledges the message at once, so it is stored first
            persisted(new SequenceChange.Received(seq.number(), last, StoreHost.ID, stored.write(info.message())),
                    () -> accept(seq, info, x, context, last));
        } else {
            accept(seq, info, x, context, last);
        }
    }

    private void accept(SequenceHeader seq, WsrmInfo info, Exchange x, RequestContext context, boolean last) {
        switch (in.accept(seq, info.message(), !last, false)) {
            case DROPPED -> {
                exchanges.remove(seq.number(), x);
                answer(context, null);
                return;
            }
            case LAST_EXCEEDED -> {
                exchanges.remove(seq.number(), x);
                answer(context, messages.fault(WsrmFault.lastMessageNumberExceeded(wsrm, inputId)));
                fail(new ProtocolException(WcfText.LastMessageNumberExceeded.format()));
                return;
            }
            case CLOSED -> {
                exchanges.remove(seq.number(), x);
                Message f = messages.fault(WsrmFault.sequenceClosed(wsrm, inputId));
                f.headers().addFirst(finalAck().toHeader(wsrm));
                answer(context, f);
                return;
            }
            default -> { }
        }
        if (last) {
            // February 2005: the request sequence's LastMessage is answered with the reply sequence's
            complete(x, replies ? messages.lastMessage() : null, true);
        } else if (!replies) {
            complete(x, null, false);
        }
    }

    /** The application's answer to {@code x} ({@code null}: one-way, the acknowledgement alone). */
    void reply(Exchange x, Message reply) {
        complete(x, reply, reply != null);
    }

    private void complete(Exchange x, Message reply, boolean sequenced) {
        synchronized (x) {
            if (x.completing) {
                return;
            }
            x.completing = true;
            if (sequenced && replies) {
                synchronized (this) {
                    x.replyNumber = ++nextReplyNumber;
                    unacknowledgedReplies.put(x.replyNumber, x);
                }
                reply.headers().addFirst(ackHeader().toHeader(wsrm));
                reply.headers().addFirst(new SequenceHeader(outputId, x.replyNumber,
                        wsrm.action(Wsrm.LAST_MESSAGE).equals(reply.headers().action())).toHeader(wsrm));
                x.reply = reply;
            }
        }
        if (durable && x.reply != null) {
            persisted(new SequenceChange.Replied(x.number, x.replyNumber, stored.write(x.reply)), () -> publish(x));
        } else {
            publish(x);
        }
    }

    /** The answer to {@code x} goes to every HTTP request waiting for it, and to its duplicates from now on. */
    private void publish(Exchange x) {
        List<RequestContext> waiting;
        Message answer;
        synchronized (x) {
            x.answered = true;
            answer = x.reply != null ? x.reply : ackOnly();
            waiting = new ArrayList<>(x.waiting);
            x.waiting.clear();
        }
        for (RequestContext c : waiting) {
            answer(c, answer.copy());
        }
        if (x.reply == null) {
            exchanges.remove(x.number, x);
        }
    }

    /** 1.1: CloseSequence, answered with the final acknowledgement; the input ends after what it delivered. */
    private void closeSequence(WsrmInfo info, RequestContext context) {
        Optional<ProtocolViolation> v = in.takeLastNumber(info.sequenceEnd().lastMsgNumber());
        if (v.isPresent()) {
            refuse(context, v.get());
            return;
        }
        in.shutdown();
        long last = in.ranges().last();
        persisted(new SequenceChange.InputClosed(info.sequenceEnd().lastMsgNumber().orElse(last)),
                () -> answer(context, messages.response(Wsrm.CLOSE_SEQUENCE_RESPONSE, inputId,
                        info.message().headers().messageId(), finalAck())));
    }

    private void terminate(WsrmInfo info, RequestContext context) {
        SequenceEnd t = info.sequenceEnd();
        if (!t.id().equals(inputId)) {
            answer(context, messages.fault(WsrmFault.unknownSequence(wsrm, t.id())));
            return;
        }
        Optional<ProtocolViolation> v = wsrm.checkTerminate(in, t);
        if (v.isPresent()) {
            refuse(context, v.get());
            return;
        }
        if (wsrm.defines(Wsrm.TERMINATE_SEQUENCE_RESPONSE)) {
            answer(context, messages.response(Wsrm.TERMINATE_SEQUENCE_RESPONSE, inputId,
                    info.message().headers().messageId(), finalAck()));
        } else if (replies) {
            // February 2005: no response; a reply session terminates its reply sequence in the answer
            Message own = messages.terminateSequence(outputId, 0, null, null);
            own.headers().addFirst(ackHeader().toHeader(wsrm));
            answer(context, own);
        } else {
            answer(context, null);
        }
        in.close();
        end();
        record(new SequenceChange.Ended());
        terminated.complete(null);
    }

    /** A protocol violation: the request is answered with SequenceTerminated, and the session fails. */
    private void refuse(RequestContext context, ProtocolViolation v) {
        answer(context, messages.fault(WsrmFault.sequenceTerminated(wsrm, inputId, true, v.reason())));
        fail(new ProtocolException(v.exception()));
    }

    /**
     * The service closes the channel (e.g. once its input ended): as WCF's reply-side close, it waits for the
     * client's TerminateSequence, answering its remaining requests meanwhile, then ends the session; a timeout fails
     * the close with WCF's text and ends the session anyway.
     */
    CompletableFuture<Void> closeGracefully(Duration timeout) {
        return Timeouts.within(terminated, timeout, scheduler,
                () -> WcfText.TimeoutOnClose.format(WcfTimeSpan.format(timeout)))
                .whenComplete((v, e) -> close());
    }

    /** The request sequence's acknowledgement; reply sessions always write BufferRemaining (as WCF's does). */
    private AckHeader ackHeader() {
        AckHeader a = written(in.takeAck());
        if (replies && a.bufferRemaining() < 0) {
            return new AckHeader(a.id(), a.ranges(), a.isFinal(), in.bufferRemaining());
        }
        return a;
    }

    private AckHeader finalAck() {
        return written(in.currentAck(true, replies || settings.rm().flowControlEnabled()));
    }

    private Message ackOnly() {
        return messages.acknowledgement(ackHeader());
    }

    /** Answers the request with {@code m} ({@code null}: an empty response). */
    private void answer(RequestContext context, Message m) {
        context.reply(m, settings.timeouts().sendTimeout());
    }

    /** A fault of its own has no request to ride on: the session just ends, the client's next request is unknown. */
    @Override
    protected void tellPeer(Message fault) {
    }

    @Override
    protected void failWaiting(Throwable cause) {
        // a fault ends the sequence for the client too: nothing is left to resume; but in a farm a host's own idle
        // timer says only that the client's messages went to other hosts: its session goes, the sequence stays
        if (!(store.shared() && faultedByInactivity())) {
            record(new SequenceChange.Ended());
        }
        abortWaiting();
        terminated.completeExceptionally(cause);
    }

    /** Ends the session without a fault: requests still waiting for an answer are aborted. */
    void close() {
        end();
        in.close();
        abortWaiting();
        terminated.complete(null);
    }

    private void abortWaiting() {
        for (Exchange x : exchanges.values()) {
            List<RequestContext> waiting;
            synchronized (x) {
                waiting = new ArrayList<>(x.waiting);
                x.waiting.clear();
            }
            waiting.forEach(RequestContext::abort);
        }
    }
}

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.RestartableTimer;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
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
 * is answered with an empty 202 and resent by the client.
 */
final class ReplyReliableSession {
    private final SessionSettings settings;
    private final Wsrm wsrm;
    private final WsrmMessages messages;
    private final Scheduler scheduler;
    private final boolean replies;
    private final String inputId;
    private final String outputId;
    private final InputConnection in;
    private final Consumer<Throwable> onFault;
    private final Map<Long, Exchange> exchanges = new ConcurrentHashMap<>();
    /** Answered exchanges by reply number, until the client acknowledges the reply (guarded by this). */
    private final NavigableMap<Long, Exchange> unacknowledgedReplies = new TreeMap<>();
    private long nextReplyNumber;
    private SequenceRanges repliesAcknowledged = SequenceRanges.EMPTY;
    private final RestartableTimer inactivity;
    /** Completes when the client's TerminateSequence ended the session. */
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile boolean ended;

    /** One request of the sequence: the HTTP contexts waiting for its answer, and the answer once known. */
    final class Exchange {
        final long number;
        final Message request;
        final List<RequestContext> waiting = new ArrayList<>(1);
        Message reply;
        boolean answered;
        long replyNumber;

        Exchange(long number, Message request) {
            this.number = number;
            this.request = request;
        }
    }

    ReplyReliableSession(SessionSettings settings, boolean replies, String inputId, String outputId,
            Consumer<Throwable> onFault) {
        this.settings = settings;
        this.wsrm = settings.wsrm();
        this.messages = new WsrmMessages(wsrm, settings.version());
        this.scheduler = settings.scheduler();
        // over request/reply the fault cannot be sent: the session just ends, and the client's next request gets
        // UnknownSequence
        this.inactivity = scheduler.restartable(() -> fail(new CommunicationException(
                WcfText.SequenceTerminatedInactivityTimeoutExceeded.format(
                        WcfTimeSpan.format(settings.rm().inactivityTimeout())))));
        this.replies = replies;
        this.inputId = inputId;
        this.outputId = outputId;
        this.onFault = onFault;
        this.in = new InputConnection(wsrm, inputId, settings.rm().ordered(), settings.rm().maxTransferWindowSize(),
                scheduler, settings.rm().acknowledgementInterval(), settings.rm().flowControlEnabled(),
                InputConnection.AckSender.ON_RESPONSES);
        armInactivity();
    }

    String inputId() {
        return inputId;
    }

    String outputId() {
        return outputId;
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

    /** Processes one HTTP request of this session and answers it (now or when the reply is ready). */
    void onRequest(WsrmInfo info, RequestContext context) {
        if (ended) {
            context.reply(messages.fault(WsrmFault.unknownSequence(wsrm, inputId)), settings.timeouts().sendTimeout());
            return;
        }
        armInactivity();
        if (info.ack().isPresent() && replies) {
            AckHeader a = info.ack().get();
            if (a.id().equals(outputId) && a.ranges().last() > sentReplies()) {
                refuseAcknowledgement(a, context);
                return;
            }
            if (a.id().equals(outputId)) {
                List<Exchange> done = new ArrayList<>();
                synchronized (this) {
                    repliesAcknowledged = a.ranges();
                    for (SequenceRange r : a.ranges().ranges()) {
                        NavigableMap<Long, Exchange> acknowledged = unacknowledgedReplies.subMap(r.lower(), true,
                                r.upper(), true);
                        done.addAll(acknowledged.values());
                        acknowledged.clear();
                    }
                }
                done.forEach(x -> exchanges.remove(x.number, x));
            }
        }
        switch (info.kind()) {
            case APPLICATION:
            case LAST_MESSAGE:
                sequenced(info, context);
                return;
            case ACK_REQUESTED:
                answer(context, ackOnly());
                return;
            case ACKNOWLEDGEMENT:
                if (info.ackRequested().isPresent()) {
                    answer(context, ackOnly());
                } else {
                    context.reply(null, settings.timeouts().sendTimeout());
                }
                return;
            case CLOSE_SEQUENCE:
                Optional<ProtocolViolation> v = in.takeLastNumber(info.sequenceEnd().lastMsgNumber());
                if (v.isPresent()) {
                    refuse(context, v.get());
                    return;
                }
                in.shutdown();
                answer(context, messages.response(Wsrm.CLOSE_SEQUENCE_RESPONSE, inputId,
                        info.message().headers().messageId(), finalAck()));
                return;
            case TERMINATE_SEQUENCE:
                terminate(info, context);
                return;
            case FAULT:
                context.reply(null, settings.timeouts().sendTimeout());
                fail(ReceivedFault.read(info.message(), wsrm).sessionException(inputId, outputId));
                return;
            default:
                context.reply(null, settings.timeouts().sendTimeout());
        }
    }

    private void sequenced(WsrmInfo info, RequestContext context) {
        SequenceHeader seq = info.sequence().orElseThrow();
        if (!seq.id().equals(inputId)) {
            context.reply(messages.fault(WsrmFault.unknownSequence(wsrm, seq.id())), settings.timeouts().sendTimeout());
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
        Exchange x = new Exchange(seq.number(), info.message());
        info.message().properties().put(Exchange.class, x);
        boolean deliver = !last;
        if (replies && settings.rm().ordered() && seq.number() != in.ranges().last() + 1 && !last) {
            // ordered request/reply accepts only the next request; the client resends the others
            context.reply(null, settings.timeouts().sendTimeout());
            return;
        }
        synchronized (x) {
            x.waiting.add(context);
        }
        exchanges.put(seq.number(), x);
        InputConnection.Outcome o = in.accept(seq, info.message(), deliver, false);
        switch (o) {
            case DROPPED:
                exchanges.remove(seq.number(), x);
                context.reply(null, settings.timeouts().sendTimeout());
                return;
            case LAST_EXCEEDED:
                exchanges.remove(seq.number(), x);
                context.reply(messages.fault(WsrmFault.lastMessageNumberExceeded(wsrm, inputId)),
                        settings.timeouts().sendTimeout());
                fail(new ProtocolException(WcfText.LastMessageNumberExceeded.format()));
                return;
            case CLOSED: {
                exchanges.remove(seq.number(), x);
                Message f = messages.fault(WsrmFault.sequenceClosed(wsrm, inputId));
                f.headers().addFirst(finalAck().toHeader(wsrm));
                context.reply(f, settings.timeouts().sendTimeout());
                return;
            }
            default:
                break;
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
        List<RequestContext> waiting;
        Message answer;
        synchronized (x) {
            if (x.answered) {
                return;
            }
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

    private void terminate(WsrmInfo info, RequestContext context) {
        SequenceEnd t = info.sequenceEnd();
        if (!t.id().equals(inputId)) {
            context.reply(messages.fault(WsrmFault.unknownSequence(wsrm, t.id())), settings.timeouts().sendTimeout());
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
        terminated.complete(null);
    }

    /**
     * The service closes the channel (e.g. once its input ended): as WCF's reply-side close, it waits for the
     * client's TerminateSequence, answering its remaining requests meanwhile, then ends the session; a timeout fails
     * the close with WCF's text and ends the session anyway.
     */
    CompletableFuture<Void> closeGracefully(Duration timeout) {
        return io.github.wcf4j.runtime.time.Timeouts.within(terminated, timeout, scheduler,
                () -> WcfText.TimeoutOnClose.format(WcfTimeSpan.format(timeout)))
                .whenComplete((v, e) -> close());
    }

    /** A protocol violation answers the request with SequenceTerminated and ends the session. */
    private void refuse(RequestContext context, ProtocolViolation v) {
        answer(context, messages.fault(WsrmFault.sequenceTerminated(wsrm, inputId, true, v.reason())));
        fail(new ProtocolException(v.exception()));
    }

    /** The request sequence's acknowledgement; reply sessions always write BufferRemaining (as WCF's does). */
    private AckHeader ackHeader() {
        AckHeader a = in.takeAck();
        if (replies && a.bufferRemaining() < 0) {
            return new AckHeader(a.id(), a.ranges(), a.isFinal(), in.bufferRemaining());
        }
        return a;
    }

    private AckHeader finalAck() {
        return in.currentAck(true, replies || settings.rm().flowControlEnabled());
    }

    private Message ackOnly() {
        return messages.acknowledgement(ackHeader());
    }

    private void answer(RequestContext context, Message m) {
        context.reply(m, settings.timeouts().sendTimeout());
    }

    private synchronized void armInactivity() {
        Duration t = settings.rm().inactivityTimeout();
        if (ended || WcfTimeSpan.isInfinite(t) || t.compareTo(WcfTimeSpan.MAX_WAIT) > 0) {
            inactivity.stop();
            return;
        }
        inactivity.restart(t);
    }

    boolean ended() {
        return ended;
    }

    void fail(Throwable cause) {
        if (ended) {
            return;
        }
        end();
        in.fail(cause);
        abortWaiting();
        terminated.completeExceptionally(cause);
        onFault.accept(cause);
    }

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

    private synchronized void end() {
        ended = true;
        inactivity.stop();
    }
}

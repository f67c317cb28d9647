package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.LayeredChannelListener;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service side of reliable sessions (WCF {@code ReliableChannelListener}): reads every message of the inner
 * channels, creates a session for each valid CreateSequence (answering CreateSequenceResponse, or WCF's refusal:
 * offer rules, AcksTo = ReplyTo, and {@code netrm:ConnectionLimitReached} once {@code maxPendingChannels} sessions
 * wait to be accepted), routes each other message to its session by sequence identifier, and answers messages for
 * unknown sequences with UnknownSequence and non-RM messages with WCF's fault for the version.
 *
 * @param <C> the session shape accepted
 */
final class ReliableChannelListener<C extends Channel> extends LayeredChannelListener<C> {
    private static final Logger LOG = LoggerFactory.getLogger(ReliableChannelListener.class);

    private final SessionSettings settings;
    private final ChannelShape shape;
    private final WsrmMessages messages;
    private final Wsrm wsrm;
    private final InboundQueue<C> accepted;
    private final Map<String, Registered> byId = new ConcurrentHashMap<>();
    private final Map<String, Registered> byOffer = new ConcurrentHashMap<>();

    /** A session and how it is reached: over duplex inner channels, or over a reply channel. */
    private record Registered(ReliableSessionChannel channel, ReplyReliableSession reply,
            io.github.wcf4j.runtime.channel.CommunicationObject owner) {
    }

    ReliableChannelListener(ChannelListener<?> inner, SessionSettings settings, ChannelShape shape) {
        super(inner);
        this.settings = settings;
        this.shape = shape;
        this.wsrm = settings.wsrm();
        this.messages = new WsrmMessages(wsrm, settings.version());
        this.accepted = new InboundQueue<>(settings.scheduler());
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableChannelListener";
    }

    @Override
    public CompletableFuture<java.util.Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        return accepted.take(timeout, () -> WcfText.ReceiveTimedOut.format(WcfTimeSpan.format(timeout)));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return innerListener.open(timeout).thenRun(this::acceptInner);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        accepted.close();
        return super.onClose(timeout);
    }

    @Override
    protected void onAbort() {
        accepted.close();
        byId.values().forEach(r -> r.owner().abort());
        super.onAbort();
    }

    /** Accepts the inner channels: the one datagram channel, or every inner session. */
    private void acceptInner() {
        innerListener.acceptChannel(WcfTimeSpan.INFINITE).whenComplete((c, e) -> {
            if (e != null || c.isEmpty()) {
                return;
            }
            Channel inner = c.get();
            inner.open(WcfTimeSpan.INFINITE).thenRun(() -> pump(inner));
            if (inner instanceof io.github.wcf4j.runtime.channel.SessionChannel) {
                acceptInner();
            }
        });
    }

    private void pump(Channel inner) {
        if (inner instanceof ReplyChannel) {
            ReplyChannel reply = (ReplyChannel) inner;
            ReceivePump.run(() -> reply.receiveRequest(WcfTimeSpan.INFINITE), this::onRequest, e -> { });
        } else {
            DuplexChannel duplex = (DuplexChannel) inner;
            ReceivePump.run(() -> duplex.receive(WcfTimeSpan.INFINITE), m -> onMessage(duplex, m), e -> { });
        }
    }

    // ---------------------------------------------------------------- duplex inner channels

    private void onMessage(DuplexChannel inner, Message m) {
        WsrmInfo info;
        try {
            info = WsrmInfo.read(m, wsrm);
        } catch (RuntimeException e) {
            Optional<Message> reply = ReadFailure.faultReply(e, settings.version(), messages);
            if (reply.isPresent() && e instanceof WsrmFaultException) {
                replyFault(inner, m, reply.get()); // a refused CreateSequence: to the back channel it declares
            } else if (reply.isPresent()) {
                replyFaultOfNoSession(inner, m, reply.get());
            } else {
                LOG.debug("dropped an unreadable message: {}", e.getMessage());
            }
            return;
        }
        if (info.kind() == WsrmInfo.Kind.CREATE_SEQUENCE) {
            createDuplexSession(inner, info);
            return;
        }
        if (info.kind() == WsrmInfo.Kind.NOT_RM) {
            replyFaultOfNoSession(inner, m, notReliable(m));
            return;
        }
        Optional<String> id = sequenceId(info, wsrm);
        Registered r = id.map(byId::get).orElse(null);
        if (r == null) {
            if (id.isPresent() && info.kind() != WsrmInfo.Kind.FAULT) {
                replyFaultOfNoSession(inner, m, messages.fault(WsrmFault.unknownSequence(wsrm, id.get())));
            }
            return;
        }
        r.channel().reliableSession().handle(info);
    }

    private void createDuplexSession(DuplexChannel inner, WsrmInfo info) {
        Message m = info.message();
        CreateSequence cs = info.createSequence();
        Optional<Message> refused = validate(m, cs);
        if (refused.isPresent()) {
            replyFault(inner, m, refused.get());
            return;
        }
        EndpointAddress replyTo = replyTo(m);
        if (cs.offerId().isPresent()) {
            Registered existing = byOffer.get(cs.offerId().get());
            if (existing != null) {
                existing.channel().reliableSession().send(csr(existing.channel().reliableSession().inputId(),
                        m));
                return;
            }
        }
        if (state() != CommunicationState.Opened) {
            replyFault(inner, m, messages.fault(endpointUnavailable()));
            return;
        }
        if (accepted.size() >= settings.rm().maxPendingChannels()) {
            replyFault(inner, m, messages.fault(WsrmFault.serverTooBusy(uri().toString())));
            return;
        }
        String created = WsrmMessages.newId();
        boolean input = shape == ChannelShape.INPUT_SESSION;
        String offer = input ? null : cs.offerId().orElse(null);
        EndpointAddress local = m.headers().to() != null ? m.headers().to() : EndpointAddress.of(uri());
        Runnable[] unregister = new Runnable[1];
        Function<Consumer<Throwable>, DuplexReliableSession> sessions = onFault -> DuplexReliableSession.service(
                settings, input ? DuplexReliableSession.Sequences.INPUT : DuplexReliableSession.Sequences.BOTH,
                created, offer, out -> {
                    if (!replyTo.isAnonymous()) {
                        out.headers().to(replyTo);
                    }
                    return inner.send(out, settings.timeouts().sendTimeout());
                }, onFault);
        ReliableSessionChannel channel = input
                ? new ReliableInputSessionChannel(sessions, local, replyTo, () -> unregister[0].run())
                : new ReliableDuplexSessionChannel(sessions, local, replyTo, () -> unregister[0].run());
        Registered r = new Registered(channel, null, channel);
        byId.put(created, r);
        if (offer != null) {
            byId.put(offer, r);
            byOffer.put(offer, r);
        }
        unregister[0] = () -> {
            byId.remove(created, r);
            if (offer != null) {
                byId.remove(offer, r);
                byOffer.remove(offer, r);
            }
        };
        channel.reliableSession().send(csr(created, m));
        @SuppressWarnings("unchecked")
        C c = (C) channel;
        accepted.offer(c);
    }

    private Message csr(String created, Message request) {
        boolean accept = shape != ChannelShape.INPUT_SESSION;
        EndpointAddress acksTo = request.headers().to() != null ? request.headers().to() : EndpointAddress.of(uri());
        CreateSequenceResponse csr = new CreateSequenceResponse(created, Optional.of(settings.rm().ordered()
                ? CreateSequence.DISCARD_FOLLOWING_FIRST_GAP : CreateSequence.NO_DISCARD),
                accept ? Optional.of(acksTo) : Optional.empty());
        return messages.createSequenceResponse(csr, request.headers().messageId());
    }

    // ---------------------------------------------------------------- request/reply inner channels

    private void onRequest(RequestContext context) {
        Message m = context.requestMessage();
        WsrmInfo info;
        try {
            info = WsrmInfo.read(m, wsrm);
        } catch (RuntimeException e) {
            Optional<Message> reply = ReadFailure.faultReply(e, settings.version(), messages);
            if (reply.isPresent()) {
                answerFault(context, reply.get());
            } else {
                LOG.debug("dropped an unreadable request: {}", e.getMessage());
                context.reply(null, settings.timeouts().sendTimeout());
            }
            return;
        }
        if (info.kind() == WsrmInfo.Kind.CREATE_SEQUENCE) {
            createReplySession(context, info);
            return;
        }
        if (info.kind() == WsrmInfo.Kind.NOT_RM) {
            answerFault(context, notReliable(m));
            return;
        }
        Optional<String> id = sequenceId(info, wsrm);
        Registered r = id.map(byId::get).orElse(null);
        if (r == null || r.reply() == null) {
            if (id.isPresent() && info.kind() != WsrmInfo.Kind.FAULT) {
                answerFault(context, messages.fault(WsrmFault.unknownSequence(wsrm, id.get())));
            } else {
                context.reply(null, settings.timeouts().sendTimeout());
            }
            return;
        }
        r.reply().onRequest(info, context);
    }

    private void createReplySession(RequestContext context, WsrmInfo info) {
        Message m = info.message();
        CreateSequence cs = info.createSequence();
        Optional<Message> refused = validate(m, cs);
        if (refused.isPresent()) {
            answerFault(context, refused.get());
            return;
        }
        boolean replies = shape == ChannelShape.REPLY_SESSION;
        if (replies && cs.offerId().isPresent()) {
            Registered existing = byOffer.get(cs.offerId().get());
            if (existing != null) {
                context.reply(csr(existing.reply().inputId(), m), settings.timeouts().sendTimeout());
                return;
            }
        }
        if (state() != CommunicationState.Opened) {
            answerFault(context, messages.fault(endpointUnavailable()));
            return;
        }
        if (accepted.size() >= settings.rm().maxPendingChannels()) {
            answerFault(context, messages.fault(WsrmFault.serverTooBusy(uri().toString())));
            return;
        }
        String created = WsrmMessages.newId();
        String offer = replies ? cs.offerId().orElse(null) : null;
        EndpointAddress local = m.headers().to() != null ? m.headers().to() : EndpointAddress.of(uri());
        Runnable[] unregister = new Runnable[1];
        Function<Consumer<Throwable>, ReplyReliableSession> sessions = onFault -> replies
                ? ReplyReliableSession.withReplies(settings, created, offer, onFault)
                : ReplyReliableSession.oneWay(settings, created, onFault);
        ReplySessionChannels.Base channel = replies
                ? new ReplySessionChannels.Reply(sessions, local, () -> unregister[0].run())
                : new ReplySessionChannels.Input(sessions, local, () -> unregister[0].run());
        Registered r = new Registered(null, channel.session, channel);
        byId.put(created, r);
        if (offer != null) {
            byId.put(offer, r);
            byOffer.put(offer, r);
        }
        unregister[0] = () -> {
            byId.remove(created, r);
            if (offer != null) {
                byId.remove(offer, r);
                byOffer.remove(offer, r);
            }
        };
        context.reply(csr(created, m), settings.timeouts().sendTimeout());
        @SuppressWarnings("unchecked")
        C c = (C) channel;
        accepted.offer(c);
    }

    /** A fault answering a request on its own response. */
    private void answerFault(RequestContext context, Message fault) {
        if (context.requestMessage().headers().messageId() != null) {
            fault.headers().relatesTo(context.requestMessage().headers().messageId());
        }
        context.reply(fault, settings.timeouts().sendTimeout());
    }

    // ---------------------------------------------------------------- shared rules

    /** WCF's CreateSequence checks for this listener's shape; the refusal to send, if any. */
    Optional<Message> validate(Message m, CreateSequence cs) {
        EndpointAddress replyTo = replyTo(m);
        if (!cs.acksTo().uri().equals(replyTo.uri())) {
            return refuse(WcfText.CSRefusedAcksToMustEqualReplyTo.format());
        }
        if (cs.offerEndpoint().isPresent() && !cs.offerEndpoint().get().uri().equals(cs.acksTo().uri())) {
            return refuse(WcfText.CSRefusedAcksToMustEqualEndpoint.format());
        }
        switch (shape) {
            case INPUT_SESSION:
                if (cs.offerId().isPresent() && !wsrm.canDeclineOffer()) {
                    return refuse(WcfText.CSRefusedInputOffer.format(uri()));
                }
                return Optional.empty();
            case REPLY_SESSION:
                return cs.offerId().isPresent() ? Optional.empty()
                        : refuse(WcfText.CSRefusedReplyNoOffer.format(uri()));
            default:
                return cs.offerId().isPresent() ? Optional.empty()
                        : refuse(WcfText.CSRefusedDuplexNoOffer.format(uri()));
        }
    }

    private Optional<Message> refuse(String why) {
        return Optional.of(messages.fault(WsrmFault.createSequenceRefused(why)));
    }

    /** The CreateSequence ReplyTo: WS-Addressing 1.0 defaults a missing one to anonymous. */
    EndpointAddress replyTo(Message m) {
        EndpointAddress r = m.headers().replyTo();
        return r != null ? r : EndpointAddress.of(settings.version().addressing().anonymous() != null
                ? settings.version().addressing().anonymous() : AddressingVersion.WS_ADDRESSING_10.anonymous());
    }

    WsrmFault endpointUnavailable() {
        return new WsrmFault(io.github.wcf4j.runtime.message.FaultCode.Sender, "EndpointUnavailable",
                WcfText.RMEndpointNotFoundReason.format(uri()), Optional.empty(), Optional.empty(), false);
    }

    /** The version's fault for a message without WS-RM. */
    Message notReliable(Message m) {
        return wsrm.notReliable(m, messages);
    }

    /**
     * A fault for a message that belongs to no session: back on the inner session it came on, if it came on one;
     * over datagram inner channels (compositeDuplex) nowhere. Deliberately unlike WCF, which sends it to the message's
     * FaultTo or ReplyTo: any sender could name any address there, and the service would connect to it (reflection,
     * SSRF). Only a CreateSequence declares a back channel the service answers.
     */
    private void replyFaultOfNoSession(DuplexChannel inner, Message request, Message fault) {
        if (inner instanceof io.github.wcf4j.runtime.channel.SessionChannel) {
            replyFault(inner, request, fault);
        } else {
            LOG.debug("not sent to an address named by a message of no session: {}", fault);
        }
    }

    /** A fault answering {@code request}: RelatesTo its MessageID, To its FaultTo or ReplyTo. */
    private void replyFault(DuplexChannel inner, Message request, Message fault) {
        if (request.headers().messageId() != null) {
            fault.headers().relatesTo(request.headers().messageId());
        }
        EndpointAddress to = request.headers().faultTo() != null ? request.headers().faultTo()
                : request.headers().replyTo();
        if (to != null && !to.isAnonymous()) {
            fault.headers().to(to);
        } else if (!(inner instanceof io.github.wcf4j.runtime.channel.SessionChannel)) {
            LOG.debug("no address to send the fault {} to: dropped", fault);
            return;
        }
        inner.send(fault, settings.timeouts().sendTimeout());
    }

    /** The sequence a message belongs to: its Sequence, acknowledgement, AckRequested or protocol body. */
    static Optional<String> sequenceId(WsrmInfo info, Wsrm wsrm) {
        if (info.sequence().isPresent()) {
            return Optional.of(info.sequence().get().id());
        }
        switch (info.kind()) {
            case CLOSE_SEQUENCE:
            case TERMINATE_SEQUENCE:
            case CLOSE_SEQUENCE_RESPONSE:
            case TERMINATE_SEQUENCE_RESPONSE:
                return Optional.of(info.sequenceEnd().id());
            default:
                break;
        }
        if (info.ackRequested().isPresent()) {
            return Optional.of(info.ackRequested().get().id());
        }
        if (info.kind() == WsrmInfo.Kind.FAULT) {
            return ReceivedFault.read(info.message(), wsrm).identifier();
        }
        return info.ack().map(AckHeader::id);
    }
}

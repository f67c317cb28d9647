package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.LayeredChannelListener;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.channel.SessionChannel;
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import java.time.Duration;
import java.util.Optional;
import javax.xml.namespace.QName;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service side of reliable sessions (WCF {@code ReliableChannelListener}): reads every message of the inner
 * channels, creates a session for each valid CreateSequence (answering CreateSequenceResponse, or WCF's refusal:
 * offer rules, AcksTo = ReplyTo, and {@code netrm:ConnectionLimitReached} once {@code maxPendingChannels} sessions
 * wait to be accepted), routes each other message to its session by sequence identifier ({@link SessionRegistry}),
 * and answers messages for unknown sequences with UnknownSequence and non-RM messages with WCF's fault for the version.
 *
 * <p>Every message takes one path whatever the inner channel; what differs is how it is answered and which channel a
 * new session gets ({@link Inbound}): over duplex inner channels answers go back on the channel, to the sender's back
 * channel; over reply channels the request's response answers it.
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
    /** The sessions over duplex inner channels, and over reply channels (a listener's inner channels are one kind). */
    private final SessionRegistry<ReliableSessionChannelOverDuplex> overDuplex = new SessionRegistry<>();
    private final SessionRegistry<ReliableSessionChannelOverReply> overReply = new SessionRegistry<>();

    ReliableChannelListener(ChannelListener<?> inner, SessionSettings settings, ChannelType<C> type) {
        super(type, inner);
        this.settings = settings;
        this.shape = type.shape();
        this.wsrm = settings.wsrm();
        this.messages = new WsrmMessages(wsrm, settings.version());
        this.accepted = new InboundQueue<>(settings.scheduler());
    }

    /** The housekeeping of the stored sequences while open (durable store), else null. */
    private volatile StoredSequenceExpiry expiry;

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableChannelListener";
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        return accepted.take(timeout, () -> WcfText.ReceiveTimedOut.format(WcfTimeSpan.format(timeout)));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return innerListener.open(timeout).thenRun(this::acceptInner).thenRun(this::startExpiry);
    }

    /** With a durable store, the housekeeping of this endpoint's abandoned stored sequences. */
    private void startExpiry() {
        Duration inactivity = settings.rm().inactivityTimeout();
        SequenceChange.Role role = storedRole();
        if (settings.store().durable() && role != null && !WcfTimeSpan.isInfinite(inactivity)
                && inactivity.compareTo(WcfTimeSpan.MAX_WAIT) <= 0) {
            expiry = StoredSequenceExpiry.start(settings.store(), settings.scheduler(), role, uri().getPath(),
                    inactivity);
        }
    }

    /** The role of the sequences this listener keeps in its store, null for a shape it keeps none of. */
    private SequenceChange.Role storedRole() {
        return shape == ChannelShape.REPLY_SESSION ? SequenceChange.Role.SERVICE_REPLY
                : shape == ChannelShape.INPUT_SESSION ? SequenceChange.Role.SERVICE_INPUT : null;
    }

    private void stopExpiry() {
        StoredSequenceExpiry e = expiry;
        if (e != null) {
            e.stop();
        }
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        accepted.close();
        stopExpiry();
        return super.onClose(timeout);
    }

    @Override
    protected void onAbort() {
        accepted.close();
        stopExpiry();
        overDuplex.sessions().forEach(ReliableSessionChannelOverDuplex::abandon);
        overReply.sessions().forEach(AbstractCommunicationObject::abort);
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
            if (inner instanceof SessionChannel) {
                acceptInner();
            }
        });
    }

    private void pump(Channel inner) {
        if (inner instanceof ReplyChannel reply) {
            ReceivePump.run(() -> reply.receiveRequest(WcfTimeSpan.INFINITE), c -> receive(new OverReply(c)),
                    e -> { });
        } else {
            DuplexChannel duplex = (DuplexChannel) inner;
            // an inner session's input ended (net.tcp: the client's End): answer with this end's close, as WCF's
            // server binder does, so the client's close completes
            ReceivePump.run(() -> duplex.receive(WcfTimeSpan.INFINITE), m -> receive(new OverDuplex(duplex, m)),
                    e -> {
                        if (e == null && inner instanceof SessionChannel) {
                            inner.close(settings.timeouts().closeTimeout()).exceptionally(x -> null);
                        }
                    });
        }
    }

    // ---------------------------------------------------------------- one path for every message

    /** Reads a message of an inner channel: a CreateSequence opens a session, any other goes to its session. */
    private <S extends AbstractCommunicationObject> void receive(Inbound<S> in) {
        WsrmInfo info;
        try {
            info = WsrmInfo.read(in.message, wsrm);
        } catch (RuntimeException e) {
            Optional<Message> reply = ReadFailure.faultReply(e, settings.version(), messages);
            if (reply.isPresent()) {
                // a refused CreateSequence is answered on the back channel it declares
                in.fault(reply.get(), e instanceof WsrmFaultException);
            } else {
                LOG.debug("dropped an unreadable message: {}", e.getMessage());
                in.nothing();
            }
            return;
        }
        switch (info.kind()) {
            case CREATE_SEQUENCE -> createSession(in, info);
            case NOT_RM -> in.fault(wsrm.notReliable(in.message, messages), false);
            default -> route(in, info);
        }
    }

    private <S extends AbstractCommunicationObject> void route(Inbound<S> in, WsrmInfo info) {
        Optional<String> id = sequenceId(info, wsrm);
        Optional<S> session = id.flatMap(in.sessions::find);
        if (session.isPresent()) {
            in.route(session.get(), info);
        } else if (id.isPresent() && in.kept()) {
            in.resume(info, id.get());
        } else if (id.isPresent() && info.kind() != WsrmInfo.Kind.FAULT) {
            in.fault(messages.fault(WsrmFault.unknownSequence(wsrm, id.get())), false);
        } else {
            in.nothing();
        }
    }

    private <S extends AbstractCommunicationObject> void createSession(Inbound<S> in, WsrmInfo info) {
        Message m = in.message;
        CreateSequence cs = info.createSequence();
        Optional<Message> refused = validate(m, cs);
        if (refused.isPresent()) {
            in.fault(refused.get(), true);
            return;
        }
        Optional<SessionRegistry.Entry<S>> existing = cs.offerId().flatMap(in.sessions::byOffer);
        if (existing.isPresent()) {
            // the same CreateSequence again (its response was lost): the same answer
            in.accept(existing.get().session(), csr(existing.get().created(), m));
            return;
        }
        if (state() != CommunicationState.Opened) {
            in.fault(messages.fault(endpointUnavailable()), true);
            return;
        }
        if (accepted.size() >= settings.rm().maxPendingChannels()) {
            settings.metrics().sessionRefused();
            in.fault(messages.fault(WsrmFault.serverTooBusy(uri().toString())), true);
            return;
        }
        String created = WsrmMessages.newId();
        String offered = shape == ChannelShape.INPUT_SESSION ? null : cs.offerId().orElse(null);
        EndpointAddress local = m.headers().to() != null ? m.headers().to() : EndpointAddress.of(uri());
        S channel = in.sessions.register(created, offered,
                unregister -> in.open(new AcceptedSession(settings, created, offered, local, unregister)));
        if (in.kept()) {
            // the session is in the store before the client learns of it
            settings.store().write(created, in.opened(created, offered)).whenCompleteAsync((v, e) -> {
                if (e != null) {
                    ((Channel) channel).abort();
                    in.fault(refuse("The service could not write the session to its store: " + e.getMessage())
                            .orElseThrow(), true);
                } else {
                    in.accept(channel, csr(created, m));
                    accepted.offer(typed((Channel) channel));
                }
            }, settings.scheduler().executor());
            return;
        }
        in.accept(channel, csr(created, m));
        accepted.offer(typed((Channel) channel));
    }

    /**
     * A message of a sequence no session here has, with a durable store: the session it belongs to is resumed from
     * the store (its process restarted, or another host of a farm created it) when it was created at this endpoint,
     * and gets the message; else the message is answered with UnknownSequence, as without a store.
     */
    private <S extends AbstractCommunicationObject> void resume(Inbound<S> in, WsrmInfo info, String id) {
        settings.store().load(id).whenCompleteAsync((stored, e) -> {
            Optional<S> channel = Optional.empty();
            if (e != null) {
                LOG.warn("could not read sequence {} from the reliable session store: {}", id, e.toString());
            } else if (stored.isPresent() && resumable(stored.get())) {
                channel = Optional.of(reopen(in, stored.get()));
            }
            if (channel.isPresent()) {
                in.route(channel.get(), info);
            } else if (info.kind() != WsrmInfo.Kind.FAULT) {
                in.fault(messages.fault(WsrmFault.unknownSequence(wsrm, id)), false);
            } else {
                in.nothing();
            }
        }, settings.scheduler().executor());
    }

    /** Whether this listener resumes {@code s}: its shape, WS-RM version and endpoint path are this listener's. */
    private boolean resumable(StoredSequence s) {
        SequenceChange.Role role = switch (shape) {
            case REPLY_SESSION -> SequenceChange.Role.SERVICE_REPLY;
            case INPUT_SESSION -> SequenceChange.Role.SERVICE_INPUT;
            case DUPLEX_SESSION -> SequenceChange.Role.SERVICE_DUPLEX;
            default -> null;
        };
        return s.opened().role() == role && s.opened().wsrm().equals(wsrm.ns())
                && java.util.Objects.equals(s.opened().endpoint(), uri().getPath());
    }

    /** The channel of stored session {@code s}, registered and accepted once, whoever asked first. */
    private synchronized <S extends AbstractCommunicationObject> S reopen(Inbound<S> in, StoredSequence s) {
        String created = s.opened().inputId();
        Optional<S> existing = in.sessions.find(created);
        if (existing.isPresent()) {
            return existing.get();
        }
        EndpointAddress local = EndpointAddress.of(uri());
        S channel = in.sessions.register(created, s.opened().outputId(), unregister -> in.reopen(
                new AcceptedSession(settings, created, s.opened().outputId(), local, unregister, s)));
        LOG.info("resumed reliable session {} from the store", created);
        accepted.offer(typed((Channel) channel));
        return channel;
    }

    private Message csr(String created, Message request) {
        boolean accept = shape != ChannelShape.INPUT_SESSION;
        EndpointAddress acksTo = request.headers().to() != null ? request.headers().to() : EndpointAddress.of(uri());
        CreateSequenceResponse csr = new CreateSequenceResponse(created, Optional.of(settings.rm().ordered()
                ? CreateSequence.DISCARD_FOLLOWING_FIRST_GAP : CreateSequence.NO_DISCARD),
                accept ? Optional.of(acksTo) : Optional.empty());
        return messages.createSequenceResponse(csr, request.headers().messageId());
    }

    // ---------------------------------------------------------------- what differs by inner channel

    /**
     * One message to the listener and how it is answered, by the inner channel it came on.
     *
     * @param <S> the service channels of the sessions reached this way
     */
    private abstract static class Inbound<S extends AbstractCommunicationObject> {
        final Message message;
        final SessionRegistry<S> sessions;

        Inbound(Message message, SessionRegistry<S> sessions) {
            this.message = message;
            this.sessions = sessions;
        }

        /** Answers with {@code fault}; {@code refusal}: it refuses a CreateSequence, which declared a back channel. */
        abstract void fault(Message fault, boolean refusal);

        /** Nothing to answer. */
        void nothing() {
        }

        /** Hands the message to the session it belongs to. */
        abstract void route(S channel, WsrmInfo info);

        /** The service channel of the session a CreateSequence opened. */
        abstract S open(AcceptedSession accepted);

        /** Answers the CreateSequence of {@code channel}'s session with {@code createSequenceResponse}. */
        abstract void accept(S channel, Message createSequenceResponse);

        /** Whether the sessions reached this way are kept in the listener's store. */
        boolean kept() {
            return false;
        }

        /** Resumes the stored session of sequence {@code id}, and routes the message to it (only when kept). */
        void resume(WsrmInfo info, String id) {
            throw new IllegalStateException("not kept in a store");
        }

        /** The change that opens the session a CreateSequence opened in the store (only when kept). */
        SequenceChange.Opened opened(String created, String offered) {
            throw new IllegalStateException("not kept in a store");
        }

        /** The service channel of the stored session {@code accepted} resumes (only when kept). */
        S reopen(AcceptedSession accepted) {
            throw new IllegalStateException("not kept in a store");
        }
    }

    /** A message of a duplex inner channel: answers go back on it, to the sender's back channel. */
    private final class OverDuplex extends Inbound<ReliableSessionChannelOverDuplex> {
        private final DuplexChannel inner;

        OverDuplex(DuplexChannel inner, Message message) {
            super(message, overDuplex);
            this.inner = inner;
        }

        @Override
        void fault(Message fault, boolean refusal) {
            if (refusal || inner instanceof SessionChannel) {
                replyFault(fault);
            } else {
                // deliberately unlike WCF, which sends a fault for a message of no session to the message's FaultTo
                // or ReplyTo: any sender could name any address there, and the service would connect to it
                // (reflection, SSRF); over datagram inner channels (compositeDuplex) only a CreateSequence declares
                // a back channel the service answers
                LOG.debug("not sent to an address named by a message of no session: {}", fault);
            }
        }

        /** A fault answering the message: RelatesTo its MessageID, To its FaultTo or ReplyTo. */
        private void replyFault(Message fault) {
            if (message.headers().messageId() != null) {
                fault.headers().relatesTo(message.headers().messageId());
            }
            EndpointAddress to = message.headers().faultTo() != null ? message.headers().faultTo()
                    : message.headers().replyTo();
            if (to != null && !to.isAnonymous()) {
                fault.headers().to(to);
            } else if (!(inner instanceof SessionChannel)) {
                LOG.debug("no address to send the fault {} to: dropped", fault);
                return;
            }
            inner.send(fault, settings.timeouts().sendTimeout());
        }

        @Override
        void route(ReliableSessionChannelOverDuplex channel, WsrmInfo info) {
            channel.reliableSession().handle(info);
        }

        @Override
        ReliableSessionChannelOverDuplex open(AcceptedSession accepted) {
            return open(accepted, replyTo(message));
        }

        private ReliableSessionChannelOverDuplex open(AcceptedSession accepted, EndpointAddress replyTo) {
            // the session keeps its sender: it holds the channel and the address, not this message
            DuplexChannel channel = inner;
            Duration sendTimeout = settings.timeouts().sendTimeout();
            Function<Message, CompletableFuture<Void>> sender = out -> {
                if (!replyTo.isAnonymous()) {
                    out.headers().to(replyTo);
                }
                return channel.send(out, sendTimeout);
            };
            return shape == ChannelShape.INPUT_SESSION
                    ? new ReliableInputSessionChannelOverDuplex(accepted, replyTo, sender)
                    : new ReliableDuplexSessionChannel(accepted, replyTo, sender);
        }

        /**
         * A duplex session over the datagram duplex channel (compositeDuplex) is kept: its back channel is an address,
         * which outlives the process; an inner session (net.tcp) is not (refused when the stack is built).
         */
        @Override
        boolean kept() {
            return settings.store().durable() && shape == ChannelShape.DUPLEX_SESSION
                    && !(inner instanceof SessionChannel);
        }

        @Override
        void resume(WsrmInfo info, String id) {
            ReliableChannelListener.this.resume(this, info, id);
        }

        @Override
        SequenceChange.Opened opened(String created, String offered) {
            return DuplexReliableSession.opened(settings, created, offered, uri().getPath(), replyTo(message));
        }

        /** The resumed session sends on the inner channel this message came on, to the stored back channel. */
        @Override
        ReliableSessionChannelOverDuplex reopen(AcceptedSession accepted) {
            return open(accepted, DuplexReliableSession.backChannel(accepted.resumed()));
        }

        /** The session sends it, to the back channel its CreateSequence declared. */
        @Override
        void accept(ReliableSessionChannelOverDuplex channel, Message createSequenceResponse) {
            channel.reliableSession().send(createSequenceResponse);
        }
    }

    /** A request of a reply inner channel (HTTP): its response answers it. */
    private final class OverReply extends Inbound<ReliableSessionChannelOverReply> {
        private final RequestContext context;

        OverReply(RequestContext context) {
            super(context.requestMessage(), overReply);
            this.context = context;
        }

        /** The fault answers the request, RelatesTo its MessageID. */
        @Override
        void fault(Message fault, boolean refusal) {
            if (message.headers().messageId() != null) {
                fault.headers().relatesTo(message.headers().messageId());
            }
            context.reply(fault, settings.timeouts().sendTimeout());
        }

        /** An empty response (HTTP 202). */
        @Override
        void nothing() {
            context.reply(null, settings.timeouts().sendTimeout());
        }

        @Override
        void route(ReliableSessionChannelOverReply channel, WsrmInfo info) {
            channel.reliableSession().onRequest(info, context);
        }

        @Override
        ReliableSessionChannelOverReply open(AcceptedSession accepted) {
            return shape == ChannelShape.REPLY_SESSION ? new ReliableReplySessionChannel(accepted)
                    : new ReliableInputSessionChannelOverReply(accepted);
        }

        @Override
        void accept(ReliableSessionChannelOverReply channel, Message createSequenceResponse) {
            context.reply(createSequenceResponse, settings.timeouts().sendTimeout());
        }

        @Override
        boolean kept() {
            return settings.store().durable();
        }

        @Override
        void resume(WsrmInfo info, String id) {
            ReliableChannelListener.this.resume(this, info, id);
        }

        @Override
        SequenceChange.Opened opened(String created, String offered) {
            return ReplyReliableSession.opened(settings, created, offered, uri().getPath());
        }

        @Override
        ReliableSessionChannelOverReply reopen(AcceptedSession accepted) {
            return open(accepted);
        }
    }

    // ---------------------------------------------------------------- shared rules

    /** WCF's CreateSequence checks for this listener's shape; the refusal to send, if any. */
    private Optional<Message> validate(Message m, CreateSequence cs) {
        Optional<Message> binding = validateSecurityBinding(m, cs);
        if (binding.isPresent()) {
            return binding;
        }
        EndpointAddress replyTo = replyTo(m);
        if (!cs.acksTo().uri().equals(replyTo.uri())) {
            return refuse(WcfText.CSRefusedAcksToMustEqualReplyTo.format());
        }
        if (cs.offerEndpoint().isPresent() && !cs.offerEndpoint().get().uri().equals(cs.acksTo().uri())) {
            return refuse(WcfText.CSRefusedAcksToMustEqualEndpoint.format());
        }
        return switch (shape) {
            // an input session takes no offer: one it cannot decline refuses the CreateSequence
            case INPUT_SESSION -> cs.offerId().isPresent() && !wsrm.canDeclineOffer()
                    ? refuse(WcfText.CSRefusedInputOffer.format(uri())) : Optional.empty();
            case REPLY_SESSION -> cs.offerId().isPresent() ? Optional.empty()
                    : refuse(WcfText.CSRefusedReplyNoOffer.format(uri()));
            default -> cs.offerId().isPresent() ? Optional.empty()
                    : refuse(WcfText.CSRefusedDuplexNoOffer.format(uri()));
        };
    }

    /**
     * WCF's binding of a sequence to the security session it arrives in ({@code CreateSequence.Create},
     * {@code WsrmMessageInfo.ValidateCreateSequenceHeaders}): in a security session the CreateSequence must reference
     * that session's context token; under WS-RM 1.1 the {@code UsesSequenceSTR} header and the reference come together.
     */
    private Optional<Message> validateSecurityBinding(Message m, CreateSequence cs) {
        QName usesStr = new QName(wsrm.ns(), Wsrm.USES_SEQUENCE_STR);
        boolean header = m.headers().find(usesStr).isPresent();
        if (header) {
            m.headers().understood(usesStr);
        }
        if (wsrm.defines(Wsrm.CLOSE_SEQUENCE)) {
            if (header && cs.securityToken().isEmpty()) {
                return refuse(WcfText.CSRefusedSTRNoWSSecurity.format());
            }
            if (!header && cs.securityToken().isPresent()) {
                return refuse(WcfText.CSRefusedNoSTRWSSecurity.format());
            }
        }
        Optional<SecuritySessionToken> session = m.properties().get(SecuritySessionToken.class);
        if (session.isPresent() && !cs.securityToken().map(t -> t.contextId().equals(session.get().contextId()))
                .orElse(false)) {
            return refuse(WcfText.CSRefusedRequiredSecurityElementMissing.format());
        }
        return Optional.empty();
    }

    private Optional<Message> refuse(String why) {
        settings.metrics().sessionRefused();
        return Optional.of(messages.fault(WsrmFault.createSequenceRefused(why)));
    }

    /** The CreateSequence ReplyTo: WS-Addressing 1.0 defaults a missing one to anonymous. */
    private EndpointAddress replyTo(Message m) {
        EndpointAddress r = m.headers().replyTo();
        return r != null ? r : EndpointAddress.of(settings.version().addressing().anonymous() != null
                ? settings.version().addressing().anonymous() : AddressingVersion.WS_ADDRESSING_10.anonymous());
    }

    private WsrmFault endpointUnavailable() {
        return new WsrmFault(FaultCode.Sender, "EndpointUnavailable", WcfText.RMEndpointNotFoundReason.format(uri()),
                Optional.empty(), Optional.empty(), false);
    }

    /** The sequence a message belongs to: its Sequence, acknowledgement, AckRequested or protocol body. */
    static Optional<String> sequenceId(WsrmInfo info, Wsrm wsrm) {
        if (info.sequence().isPresent()) {
            return Optional.of(info.sequence().get().id());
        }
        switch (info.kind()) {
            case CLOSE_SEQUENCE, TERMINATE_SEQUENCE, CLOSE_SEQUENCE_RESPONSE, TERMINATE_SEQUENCE_RESPONSE -> {
                return Optional.of(info.sequenceEnd().id());
            }
            default -> {
            }
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

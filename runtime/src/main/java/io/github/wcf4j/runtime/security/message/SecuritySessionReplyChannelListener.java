package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.QueuedReplyChannel;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service side of security sessions (WCF {@code SecuritySessionServerSettings} over reply channels): reads every
 * request of the inner channels on the executor (cryptography never on a transport's threads) and
 *
 * <ul>
 * <li>answers a token request ({@code RST/SCT}, authenticated by the bootstrap) with a new context and opens a
 * session channel for it, to be accepted; at most {@code maxPendingSessions} wait to be accepted, beyond that a
 * token request is refused;</li>
 * <li>hands every request secured with a context to that context's session channel, its caller in the message's
 * {@link ServiceSecurityContext}, its reply secured with the context;</li>
 * <li>answers a cancel ({@code RST/SCT/Cancel}, secured with the context) and ends the session: its channel receives
 * no more requests; a context the service does not hold (cancelled, or never issued) is refused.</li>
 * </ul>
 *
 * A request no session takes (it carries no context token, or one the service does not hold: never issued,
 * cancelled, or of a closed session) gets WCF's {@code BadContextToken} fault naming its action, as WCF's demux
 * failure handler answers it, before any cryptography. A request whose security fails gets WCF's generic security
 * fault and reaches no session. The service keeps each
 * context until its session is cancelled, closed or aborted.
 */
final class SecuritySessionReplyChannelListener<C extends Channel>
        extends SecuritySessionListener<C, SecuritySessionReplyChannelListener<C>.SessionReplyChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(SecuritySessionReplyChannelListener.class);

    SecuritySessionReplyChannelListener(ChannelType<C> type, ChannelListener<?> inner,
            SecureConversationProtocol protocol, ServiceCredentials credentials, Scheduler scheduler,
            int maxPendingSessions, Duration inactivityTimeout) {
        super(type, inner, protocol, credentials, scheduler, maxPendingSessions, inactivityTimeout);
    }

    @Override
    protected void pump(Channel channel) {
        ReplyChannel inner = (ReplyChannel) channel;
        ReceivePump.run(() -> inner.receiveRequest(WcfTimeSpan.INFINITE),
                request -> executor.execute(() -> receive(request, inner.localAddress())), end -> { });
    }

    /** One request of an inner channel: a token request, a cancel, or a request of a session. */
    private void receive(RequestContext context, EndpointAddress at) {
        Duration timeout = WcfTimeSpan.INFINITE;
        Message request = context.requestMessage();
        ContextTokenIssuance issuance = protocol.issuance();
        String action = request.headers().action();
        try {
            if (protocol.isNegotiationLeg(action)) {
                // a leg of the bootstrap's negotiation (TLSNEGO, SPNEGO): answered unsecured, no session yet
                context.reply(protocol.answerNegotiationLeg(request, credentials), timeout)
                        .exceptionally(e -> failed(context));
                return;
            }
            if (issuance.requestAction().equals(action)) {
                admit();
                SecureConversationProtocol.Issued issued = protocol.issueContext(request, credentials);
                if (!opened(issued.context().contextId(), new SessionReplyChannel(issued.context(), at))) {
                    throw new MessageSecurityException("The listener is closed.");
                }
                new SecuredRequestContext(context, issued.answer()).reply(issued.answer().answer().orElseThrow(),
                        timeout).exceptionally(e -> failed(context));
                return;
            }
            if (protocol.contextIds(request).stream().noneMatch(sessions::containsKey)) {
                // no session takes it (no context token, or one the service does not hold): WCF's demux failure
                refuse(context, issuance.contextNotFound(action), timeout, at);
                return;
            }
            AtomicReference<SessionReplyChannel> target = new AtomicReference<>();
            AtomicReference<SecureConversationProtocol.ServiceContext> key = new AtomicReference<>();
            SecureConversationProtocol.ContextLookup lookup = token -> {
                SessionReplyChannel s = sessions.get(protocol.identifier(token));
                if (s == null) {
                    throw new MessageSecurityException("The security context token is expired or is not valid."
                            + " The message was not processed.");
                }
                target.set(s);
                key.set(s.keys.find(protocol.instance(token)));
                return key.get();
            };
            // a renew is secured WCF's way: by the bootstrap, endorsed by the session token
            // (SecuritySessionSecurityTokenProvider.CreateRenewRequest); anything else with the session's key
            SecurityProtocol.VerifiedRequest verified = issuance.renewAction().equals(action)
                    ? protocol.verifyRenewWithBootstrap(request, credentials, lookup)
                    : protocol.verifyWithContext(request, lookup);
            SessionReplyChannel session = target.get();
            if (issuance.renewAction().equals(action)) {
                // a new key generation for the session, used by the client's next message
                SecureConversationProtocol.Issued renewed = protocol.renewal().issue(verified, key.get());
                session.keys.renewed(key.get().instance(), renewed.context());
                new SecuredRequestContext(context, verified).reply(renewed.answer().answer().orElseThrow(), timeout)
                        .exceptionally(e -> failed(context));
                return;
            }
            if (!issuance.cancelAction().equals(action) && protocol.renewal().stale(key.get())) {
                // SendRenewFault: the key outlived the service's sessionKeyRenewalInterval
                context.reply(protocol.renewal().renewNeededFault(request, session.keys.current()), timeout)
                        .exceptionally(e -> failed(context));
                return;
            }
            if (issuance.cancelAction().equals(action)) {
                String cancelled = issuance.readCancel(DomXml.parse(verified.request().body().xml()));
                if (!cancelled.equals(session.contextId)) {
                    throw new MessageSecurityException("A session may cancel only its own security context.");
                }
                sessions.remove(cancelled);
                Message answer = Message.create(request.version(), issuance.cancelResponseAction(),
                        new XmlFragment(issuance.cancelled()));
                if (request.headers().messageId() != null) {
                    answer.headers().relatesTo(request.headers().messageId());
                }
                // the close response is no application message: no stale-key check (CheckOutgoingToken)
                new SecuredRequestContext(context, repliedUnder(verified, session.keys::current))
                        .reply(answer, timeout)
                        .exceptionally(e -> failed(context));
                session.ended();
                return;
            }
            verified.request().properties().put(SecuritySessionToken.class,
                    new SecuritySessionToken(session.contextId, issuance.tokenType()));
            if (!session.offer(new SecuredRequestContext(context, repliedUnder(verified,
                    () -> protocol.renewal().forSending(session.keys))))) {
                throw new MessageSecurityException("The security session has ended.");
            }
        } catch (MessageSecurityException | SecurityTokenValidationException e) {
            SecurityReplyChannelListener.refuse(context, e, timeout, at);
        }
    }

    /** Answers a request no session takes with WCF's unsecured {@code BadContextToken} fault. */
    private static void refuse(RequestContext context, MessageFault fault, Duration timeout, EndpointAddress at) {
        LOG.warn("no security session at {} takes a request: {}", at.uri(),
                fault.reason());
        Message request = context.requestMessage();
        Message answer = Message.createFault(request.version(), fault, null);
        if (request.headers().messageId() != null) {
            answer.headers().relatesTo(request.headers().messageId());
        }
        context.reply(answer, timeout).exceptionally(e -> failed(context));
    }

    private static Void failed(RequestContext context) {
        context.abort();
        return null;
    }

    /** One security session: the requests of one context, in order, to its accepter. */
    final class SessionReplyChannel extends QueuedReplyChannel implements ReplySessionChannel {
        private final String contextId;
        private final ServiceSessionKeys keys;

        SessionReplyChannel(SecureConversationProtocol.ServiceContext context, EndpointAddress at) {
            super(scheduler, () -> at.uri());
            this.contextId = context.contextId();
            this.keys = protocol.renewal().serviceKeys(context);
        }

        @Override
        public Session session() {
            return () -> contextId;
        }

        /** The client cancelled the context: no more requests; the accepter's next receive ends the session. */
        void ended() {
            close(WcfTimeSpan.INFINITE);
        }
    }
}

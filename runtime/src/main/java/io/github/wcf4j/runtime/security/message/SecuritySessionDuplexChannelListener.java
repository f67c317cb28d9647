package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.SessionChannel;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.time.Scheduler;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service side of security sessions over duplex channels (WCF {@code SecuritySessionServerSettings}' duplex
 * session channels, e.g. under composite duplex): reads every message of the inner channels on the executor; a token
 * request (authenticated by the bootstrap) opens a session whose other end is the request's {@code ReplyTo}, answered
 * there; a message secured with a session's context goes to that session, its caller in its
 * {@link ServiceSecurityContext}; a Cancel ends the session and is answered. Every message a session sends is secured
 * with its context. A request whose security fails is answered with WCF's generic security fault at its
 * {@code ReplyTo} and reaches no session.
 */
final class SecuritySessionDuplexChannelListener<C extends Channel>
        extends SecuritySessionListener<C, SecuritySessionDuplexChannelListener<C>.DuplexSession> {
    private static final Logger LOG = LoggerFactory.getLogger(SecuritySessionDuplexChannelListener.class);

    SecuritySessionDuplexChannelListener(ChannelType<C> type, ChannelListener<?> inner,
            SecureConversationProtocol protocol, ServiceCredentials credentials, Scheduler scheduler,
            int maxPendingSessions, Duration inactivityTimeout) {
        super(type, inner, protocol, credentials, scheduler, maxPendingSessions, inactivityTimeout);
    }

    @Override
    protected void pump(Channel channel) {
        DuplexChannel inner = (DuplexChannel) channel;
        // an inner session's input ended (net.tcp: the client's End): answered with this end's close, so the
        // client's close, which awaits it, completes
        ReceivePump.run(() -> inner.receive(WcfTimeSpan.INFINITE), m -> executor.execute(() -> receive(m, inner)),
                end -> {
                    if (end == null && inner instanceof SessionChannel) {
                        inner.close(BindingTimeouts.defaults().closeTimeout()).exceptionally(x -> null);
                    }
                });
    }

    private void receive(Message m, DuplexChannel inner) {
        ContextTokenIssuance issuance = protocol.issuance();
        String action = m.headers().action();
        EndpointAddress named = m.headers().replyTo();
        // over a transport session (net.tcp) the session's other end is the connection's: WCF's anonymous back
        // channel, whether or not the message names it
        EndpointAddress replyTo = named == null && inner instanceof SessionChannel
                && m.version().addressing() != AddressingVersion.NONE
                ? EndpointAddress.of(m.version().addressing().anonymous()) : named;
        try {
            if (replyTo == null) {
                throw new MessageSecurityException("A message of a duplex security session must say where to reply.");
            }
            if (protocol.isNegotiationLeg(action)) {
                // a leg of the bootstrap's negotiation (TLSNEGO, SPNEGO): answered unsecured at the requester's ReplyTo
                Message answer = protocol.answerNegotiationLeg(m, credentials);
                answer.headers().to(replyTo);
                send(inner, answer);
                return;
            }
            if (issuance.requestAction().equals(action)) {
                admit();
                SecureConversationProtocol.Issued issued = protocol.issueContext(m, credentials);
                if (!opened(issued.context().contextId(), new DuplexSession(issued.context(), inner, replyTo))) {
                    throw new MessageSecurityException("The listener is closed.");
                }
                Message rstr = issued.answer().answer().orElseThrow();
                issued.answer().secureReply(rstr);
                rstr.headers().to(replyTo);
                send(inner, rstr);
                return;
            }
            AtomicReference<DuplexSession> target = new AtomicReference<>();
            AtomicReference<SecureConversationProtocol.ServiceContext> key = new AtomicReference<>();
            SecureConversationProtocol.ContextLookup lookup = token -> {
                DuplexSession s = sessions.get(protocol.identifier(token));
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
                    ? protocol.verifyRenewWithBootstrap(m, credentials, lookup)
                    : protocol.verifyWithContext(m, lookup);
            DuplexSession session = target.get();
            if (issuance.renewAction().equals(action)) {
                // a new key generation for the session, used by the client's next message
                SecureConversationProtocol.Issued renewed = protocol.renewal().issue(verified, key.get());
                session.keys.renewed(key.get().instance(), renewed.context());
                Message rstr = renewed.answer().answer().orElseThrow();
                verified.secureReply(rstr);
                rstr.headers().to(replyTo);
                send(inner, rstr);
                return;
            }
            if (!issuance.cancelAction().equals(action) && protocol.renewal().stale(key.get())) {
                // SendRenewFault: the key outlived the service's sessionKeyRenewalInterval
                Message fault = protocol.renewal().renewNeededFault(m, session.keys.current());
                fault.headers().to(replyTo);
                send(inner, fault);
                return;
            }
            if (issuance.cancelAction().equals(action)) {
                String cancelled = issuance.readCancel(DomXml.parse(verified.request().body().xml()));
                if (!cancelled.equals(session.contextId)) {
                    throw new MessageSecurityException("A session may cancel only its own security context.");
                }
                sessions.remove(cancelled);
                Message answer = Message.create(m.version(), issuance.cancelResponseAction(),
                        new XmlFragment(issuance.cancelled()));
                if (m.headers().messageId() != null) {
                    answer.headers().relatesTo(m.headers().messageId());
                }
                protocol.secureForClient(answer, session.keys.current());
                answer.headers().to(replyTo);
                send(inner, answer);
                session.ended();
                return;
            }
            Message request = verified.request();
            request.properties().put(SecuritySessionToken.class,
                    new SecuritySessionToken(session.contextId, issuance.tokenType()));
            if (!session.inbox.offer(request)) {
                throw new MessageSecurityException("The security session has ended.");
            }
        } catch (MessageSecurityException | SecurityTokenValidationException e) {
            LOG.warn("refused a message to {}: {}", uri(), e.getMessage());
            if (replyTo != null) {
                Message fault = Message.createFault(m.version(), TransportSecurityProtocol.fault(e), null);
                if (m.headers().messageId() != null) {
                    fault.headers().relatesTo(m.headers().messageId());
                }
                fault.headers().to(replyTo);
                send(inner, fault);
            }
        }
    }

    private static void send(DuplexChannel inner, Message m) {
        inner.send(m, WcfTimeSpan.INFINITE).exceptionally(e -> {
            LOG.warn("could not send {}: {}", m.headers().action(), e.getMessage());
            return null;
        });
    }

    /** One security session: its context's messages in, its own messages out to the client's address. */
    final class DuplexSession extends AbstractCommunicationObject implements DuplexSessionChannel {
        private final String contextId;
        private final ServiceSessionKeys keys;
        private final DuplexChannel inner;
        private final EndpointAddress remote;
        private final InboundQueue<Message> inbox = new InboundQueue<>(scheduler);

        DuplexSession(SecureConversationProtocol.ServiceContext context, DuplexChannel inner, EndpointAddress remote) {
            this.contextId = context.contextId();
            this.keys = protocol.renewal().serviceKeys(context);
            this.inner = inner;
            this.remote = remote;
        }

        @Override
        public Session session() {
            return () -> contextId;
        }

        @Override
        public EndpointAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public EndpointAddress remoteAddress() {
            return remote;
        }

        @Override
        public URI via() {
            return remote.uri();
        }

        @Override
        public CompletableFuture<Void> send(Message message, Duration timeout) {
            throwIfNotOpened();
            if (message.headers().to() == null) {
                message.headers().to(remote);
            }
            try {
                protocol.secureForClient(message, protocol.renewal().forSending(keys));
            } catch (MessageSecurityException e) {
                return CompletableFuture.failedFuture(e);
            }
            return inner.send(message, timeout);
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            return receiveFrom(inbox, timeout);
        }

        /** The client cancelled the context: no more messages; the next receive ends the session. */
        void ended() {
            inbox.close();
        }

        @Override
        protected CompletableFuture<Void> onOpen(Duration timeout) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            inbox.close();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        protected void onAbort() {
            inbox.close();
        }
    }
}

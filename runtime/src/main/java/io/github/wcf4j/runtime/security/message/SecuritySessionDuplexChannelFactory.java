package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelFactory;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.time.Scheduler;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of a security session over a duplex channel (WCF's {@code SecuritySessionClientSettings} duplex
 * session channel, e.g. under composite duplex): when it opens it sends its token request and waits for the response
 * correlated by {@code RelatesTo} among what the inner channel receives; then every message it sends is secured with
 * the context, and every message it receives from the service is verified with it (anything else is dropped, logged);
 * closing sends the Cancel and waits for its response the same way.
 */
final class SecuritySessionDuplexChannelFactory<C extends Channel> extends LayeredChannelFactory<C> {
    private static final Logger LOG = LoggerFactory.getLogger(SecuritySessionDuplexChannelFactory.class);

    private final SecureConversationProtocol protocol;
    private final ClientCredentials credentials;
    private final MessageVersion version;
    private final Scheduler scheduler;
    private final Executor executor;

    SecuritySessionDuplexChannelFactory(ChannelType<C> type, ChannelFactory<?> inner,
            SecureConversationProtocol protocol, ClientCredentials credentials, MessageVersion version,
            Scheduler scheduler) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
        this.version = version;
        this.scheduler = scheduler;
        this.executor = scheduler.executor();
    }

    @Override
    protected java.util.concurrent.CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> protocol.checkClientCredentials(credentials))
                .thenCompose(v -> super.onOpen(timeout));
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        return typed(new SecuritySessionChannel((DuplexChannel) innerFactory.createChannel(to, via)));
    }

    private final class SecuritySessionChannel extends LayeredChannel<DuplexChannel>
            implements DuplexSessionChannel {
        private final InboundQueue<Message> inbox = new InboundQueue<>(scheduler);
        private final Map<String, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
        private volatile ClientSessionKeys keys;

        SecuritySessionChannel(DuplexChannel inner) {
            super(inner);
        }

        @Override
        protected String wcfTypeName() {
            return "System.ServiceModel.Security.SecuritySessionClientSettings`1+ClientSecurityDuplexSessionChannel";
        }

        @Override
        public Session session() {
            ClientSessionKeys k = keys;
            SecurityContext c = k == null ? null : k.current();
            return () -> c == null ? null : c.contextId();
        }

        @Override
        public <T> Optional<T> property(Class<T> type) {
            ClientSessionKeys k = keys;
            SecurityContext c = k == null ? null : k.current();
            if (type == SecuritySessionToken.class && c != null) {
                return Optional.of(type.cast(new SecuritySessionToken(c.contextId(), protocol.issuance().tokenType())));
            }
            return super.property(type);
        }

        @Override
        public EndpointAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public EndpointAddress remoteAddress() {
            return inner.remoteAddress();
        }

        @Override
        public URI via() {
            return inner.via();
        }

        @Override
        protected CompletableFuture<Void> onOpen(Duration timeout) {
            // the negotiation's first step may ask a KDC for a ticket: off the transport's threads
            return inner.open(timeout).thenComposeAsync(v -> {
                ReceivePump.run(() -> inner.receive(WcfTimeSpan.INFINITE),
                        m -> executor.execute(() -> arrived(m)), end -> inbox.close());
                return protocol.issueContext(m -> exchange(m, timeout), inner.remoteAddress(), credentials, version);
            }, executor).thenAccept(c -> keys = protocol.renewal().clientKeys(c));
        }

        /** Sends {@code request} and completes with the message that relates to it. */
        private CompletableFuture<Message> exchange(Message request, Duration timeout) {
            if (request.headers().messageId() == null) {
                request.headers().messageId("urn:uuid:" + UUID.randomUUID());
            }
            String id = request.headers().messageId();
            CompletableFuture<Message> reply = new CompletableFuture<>();
            pending.put(id, reply);
            Scheduler.Cancellable timer = scheduler.schedule(timeout, () -> reply.completeExceptionally(
                    new io.github.wcf4j.runtime.channel.CommunicationTimeoutException(
                            WcfText.RequestTimedOut.format(WcfTimeSpan.format(timeout)))));
            reply.whenComplete((r, e) -> {
                timer.cancel();
                pending.remove(id);
            });
            inner.send(request, timeout).exceptionally(e -> {
                reply.completeExceptionally(e);
                return null;
            });
            return reply;
        }

        private void arrived(Message m) {
            String relatesTo = m.headers().relatesTo();
            CompletableFuture<Message> waiting = relatesTo == null ? null : pending.get(relatesTo);
            if (waiting != null) {
                waiting.complete(m);
                return;
            }
            ClientSessionKeys k = keys;
            if (k == null) {
                LOG.warn("dropped a message that arrived before the security session was established");
                return;
            }
            try {
                inbox.offer(protocol.renewal().verify(m, k));
            } catch (RuntimeException e) {
                LOG.warn("dropped a message whose security did not verify in session {}: {}", k.current().contextId(),
                        e.getMessage());
            }
        }

        @Override
        public CompletableFuture<Void> send(Message message, Duration timeout) {
            throwIfNotOpened();
            ClientSessionKeys k = keys;
            // the key renewed first when its renewal time has come: RST/SCT/Renew, its RSTR correlated by RelatesTo
            return k.forSending(c -> protocol.renewal().renew(m -> exchange(m, timeout), inner.remoteAddress(), c,
                    version, k, credentials)).thenCompose(c -> {
                        protocol.secureWithContext(message, c);
                        return inner.send(message, timeout);
                    });
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            return receiveFrom(inbox, timeout);
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            ClientSessionKeys k = keys;
            SecurityContext c = k == null ? null : k.current();
            CompletableFuture<Void> cancelled = c == null ? CompletableFuture.completedFuture(null)
                    : protocol.cancelContext(m -> exchange(m, timeout), inner.remoteAddress(), c, version);
            return cancelled.thenCompose(v -> {
                inbox.close();
                return inner.close(timeout);
            });
        }

        @Override
        protected void onAbort() {
            inbox.close();
            super.onAbort();
        }
    }
}

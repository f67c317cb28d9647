package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelFactory;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The client side of a security session ({@code authenticationMode="SecureConversation"} with
 * {@code requireSecurityContextCancellation="true"}, WCF's {@code SecuritySessionClientSettings} over a request
 * channel): each session channel obtains its security context token when it opens (the token request secured by the
 * bootstrap), secures every request with it, and cancels it when it closes ({@code RST/SCT/Cancel}); the session's
 * id is the context's identifier. Aborting forgets the context without a word, as WCF does.
 */
final class SecuritySessionRequestChannelFactory<C extends Channel> extends LayeredChannelFactory<C> {
    private final SecureConversationProtocol protocol;
    private final ClientCredentials credentials;
    private final MessageVersion version;
    private final Executor verifier;

    SecuritySessionRequestChannelFactory(ChannelType<C> type, ChannelFactory<?> inner,
            SecureConversationProtocol protocol, ClientCredentials credentials, MessageVersion version,
            Executor verifier) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
        this.version = version;
        this.verifier = verifier;
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> protocol.checkClientCredentials(credentials))
                .thenCompose(v -> super.onOpen(timeout));
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        return typed(new SecuritySessionChannel((RequestChannel) innerFactory.createChannel(to, via)));
    }

    private final class SecuritySessionChannel extends LayeredChannel<RequestChannel>
            implements RequestSessionChannel {
        private volatile ClientSessionKeys keys;

        SecuritySessionChannel(RequestChannel inner) {
            super(inner);
        }

        @Override
        protected String wcfTypeName() {
            return "System.ServiceModel.Security.SecuritySessionClientSettings`1+SecurityRequestSessionChannel"
                    + "[System.ServiceModel.Channels.IRequestSessionChannel]";
        }

        @Override
        public Session session() {
            ClientSessionKeys k = keys;
            String id = k == null ? null : k.current().contextId();
            return () -> id;
        }

        @Override
        public <T> Optional<T> property(Class<T> type) {
            ClientSessionKeys k = keys;
            if (type == SecuritySessionToken.class && k != null) {
                return Optional.of(type.cast(new SecuritySessionToken(k.current().contextId(),
                        protocol.issuance().tokenType())));
            }
            return super.property(type);
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
            // the token exchange (a KDC asked for a ticket, handshakes, key unwrapping) runs off the transport's
            // threads: started on the verifier, each reply handed back to it
            return inner.open(timeout).thenComposeAsync(v -> protocol.issueContext(
                    m -> inner.request(m, timeout).thenApplyAsync(r -> r, verifier), inner.remoteAddress(),
                    credentials, version), verifier).thenAccept(c -> keys = protocol.renewal().clientKeys(c));
        }

        /**
         * Secures {@code request} with the session's current key, renewed first when its renewal time has come
         * ({@code RST/SCT/Renew} over the same inner channel); the reply is verified with the current or, within its
         * rollover, the previous key.
         */
        @Override
        public CompletableFuture<Message> request(Message request, Duration timeout) {
            throwIfNotOpened();
            ClientSessionKeys k = keys;
            return k.forSending(c -> protocol.renewal().renew(m -> inner.request(m, timeout)
                    .thenApplyAsync(r -> r, verifier), inner.remoteAddress(), c, version, k, credentials))
                    .thenCompose(c -> {
                        protocol.secureWithContext(request, c);
                        return inner.request(request, timeout);
                    }).thenApplyAsync(reply -> protocol.renewal().verify(reply, k), verifier);
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            ClientSessionKeys k = keys;
            if (k == null) {
                return inner.close(timeout);
            }
            return protocol.cancelContext(inner, k.current(), version, timeout).thenCompose(v -> inner.close(timeout));
        }
    }
}

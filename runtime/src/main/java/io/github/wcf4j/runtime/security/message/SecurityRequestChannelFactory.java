package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelFactory;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The client side of message security: request channels that secure each request and verify each reply (WCF's
 * {@code SecurityChannelFactory} with its {@link SecurityProtocol}). A reply is verified on {@code verifier}: the
 * scheduler's executor when verification is cryptography (never a transport's event loop), the completing thread
 * when it is a timestamp check.
 */
final class SecurityRequestChannelFactory<C extends Channel> extends LayeredChannelFactory<C> {
    private final SecurityProtocol protocol;
    private final ClientCredentials credentials;
    private final Executor verifier;

    SecurityRequestChannelFactory(ChannelType<C> type, ChannelFactory<?> inner, SecurityProtocol protocol,
            ClientCredentials credentials, Executor verifier) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
        this.verifier = verifier;
    }

    /** WCF's client credential check when the factory opens: the mode's credential must be given. */
    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> protocol.checkClientCredentials(credentials))
                .thenCompose(v -> super.onOpen(timeout));
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        return typed(new SecurityRequestChannel((RequestChannel) innerFactory.createChannel(to, via)));
    }

    private final class SecurityRequestChannel extends LayeredChannel<RequestChannel> implements RequestChannel {
        private final SecurityProtocol.ClientChannel security;

        SecurityRequestChannel(RequestChannel inner) {
            super(inner);
            this.security = protocol.clientChannel(inner, inner.remoteAddress(), credentials);
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
        public CompletableFuture<Message> request(Message request, Duration timeout) {
            throwIfNotOpened();
            return security.secure(request, timeout).thenCompose(verification -> inner.request(request, timeout)
                    .thenApplyAsync(verification::verify, verifier));
        }
    }
}

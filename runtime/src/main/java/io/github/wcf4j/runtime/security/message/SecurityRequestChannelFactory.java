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

/**
 * The client side of transport message security: request channels that secure each request and verify each reply
 * (WCF's {@code SecurityChannelFactory} with a {@code TransportSecurityProtocol}).
 */
final class SecurityRequestChannelFactory<C extends Channel> extends LayeredChannelFactory<C> {
    private final TransportSecurityProtocol protocol;
    private final ClientCredentials credentials;

    SecurityRequestChannelFactory(ChannelType<C> type, ChannelFactory<?> inner, TransportSecurityProtocol protocol,
            ClientCredentials credentials) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
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
        SecurityRequestChannel(RequestChannel inner) {
            super(inner);
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
            try {
                protocol.secureRequest(request, credentials);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return inner.request(request, timeout).thenApply(reply -> {
                protocol.verifyReply(reply);
                return reply;
            });
        }
    }
}

package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelFactory;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the asymmetric binding over duplex channels (MutualCertificateDuplex over
 * {@code compositeDuplex}; WCF's {@code SecurityChannelFactory} with a {@code DuplexSecurityProtocolFactory}): each
 * message sent is signed with the client's key and encrypted to the service's certificate, each message received
 * (a reply or a callback) must be signed by the service's certificate and encrypted to the client's. A received
 * message whose security fails is dropped (logged, never handed on), and the channel receives the next; verification
 * runs on {@code verifier}, off the transport's threads.
 */
final class SecurityDuplexChannelFactory<C extends Channel> extends LayeredChannelFactory<C> {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityDuplexChannelFactory.class);

    private final AsymmetricSecurityProtocol protocol;
    private final ClientCredentials credentials;
    private final Executor verifier;

    SecurityDuplexChannelFactory(ChannelType<C> type, ChannelFactory<?> inner, AsymmetricSecurityProtocol protocol,
            ClientCredentials credentials, Executor verifier) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
        this.verifier = verifier;
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> protocol.checkClientCredentials(credentials))
                .thenCompose(v -> super.onOpen(timeout));
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        return typed(new SecurityDuplexChannel((DuplexChannel) innerFactory.createChannel(to, via)));
    }

    private final class SecurityDuplexChannel extends LayeredChannel<DuplexChannel> implements DuplexChannel {
        SecurityDuplexChannel(DuplexChannel inner) {
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
        public EndpointAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public CompletableFuture<Void> send(Message message, Duration timeout) {
            throwIfNotOpened();
            try {
                protocol.secureFromClient(message, remoteAddress(), credentials);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return inner.send(message, timeout);
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            return inner.receive(timeout).thenComposeAsync(received -> {
                if (received.isEmpty()) {
                    return CompletableFuture.completedFuture(received);
                }
                try {
                    return CompletableFuture.completedFuture(Optional.of(protocol.verifyAtClient(received.get(),
                            remoteAddress(), credentials)));
                } catch (MessageSecurityException | SecurityTokenValidationException e) {
                    LOG.warn("dropped a message from {}: {}", remoteAddress().uri(), e.getMessage());
                    return receive(timeout);
                }
            }, verifier);
        }
    }
}

package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelListener;
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
 * The service side of the asymmetric binding over duplex channels (MutualCertificateDuplex over
 * {@code compositeDuplex}; WCF's {@code SecurityChannelListener} with a {@code DuplexSecurityProtocolFactory}): each
 * message received must be signed by a client certificate the service trusts (its caller, in the message's
 * {@link ServiceSecurityContext}) and encrypted to the service's certificate; each message sent (a reply or a
 * callback) is signed with the service's key, its certificate included, and encrypted to the client certificate of
 * the service's credentials ({@code serviceCredentials/clientCertificate/certificate}). A received message whose
 * security fails is dropped (logged, never dispatched; over one-way messages there is no one to answer).
 */
final class SecurityDuplexChannelListener<C extends Channel> extends LayeredChannelListener<C> {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityDuplexChannelListener.class);

    private final AsymmetricSecurityProtocol protocol;
    private final ServiceCredentials credentials;
    private final Executor verifier;

    SecurityDuplexChannelListener(ChannelType<C> type, ChannelListener<?> inner, AsymmetricSecurityProtocol protocol,
            ServiceCredentials credentials, Executor verifier) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
        this.verifier = verifier;
    }

    /** The duplex service's check when it opens: its certificate, and the client's it encrypts to. */
    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> protocol.checkDuplexServiceCredentials(credentials))
                .thenCompose(v -> super.onOpen(timeout));
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        return innerListener.acceptChannel(timeout).thenApply(c -> c.map(inner ->
                typed(new SecurityDuplexChannel((DuplexChannel) inner))));
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
                protocol.secureFromService(message, credentials);
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
                    return CompletableFuture.completedFuture(Optional.of(protocol.verifyAtService(received.get(),
                            credentials)));
                } catch (MessageSecurityException | SecurityTokenValidationException e) {
                    LOG.warn("dropped a message to {}: {}", localAddress().uri(), e.getMessage());
                    return receive(timeout);
                }
            }, verifier);
        }
    }
}

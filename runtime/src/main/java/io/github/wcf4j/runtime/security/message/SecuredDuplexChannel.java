package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A duplex channel whose messages are secured one by one, the same on both sides of the asymmetric binding over
 * duplex channels ({@link SecurityDuplexChannelFactory}, {@link SecurityDuplexChannelListener}): each message sent is
 * secured by {@code secure} before it goes down; each message received is verified (and decrypted) by {@code verify}
 * on {@code verifier}, off the transport's threads, and one whose security fails is dropped (logged, never handed
 * on) and the next one received.
 */
final class SecuredDuplexChannel extends LayeredChannel<DuplexChannel> implements DuplexChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SecuredDuplexChannel.class);

    private final Consumer<Message> secure;
    private final UnaryOperator<Message> verify;
    private final Executor verifier;

    SecuredDuplexChannel(DuplexChannel inner, Consumer<Message> secure, UnaryOperator<Message> verify,
            Executor verifier) {
        super(inner);
        this.secure = secure;
        this.verify = verify;
        this.verifier = verifier;
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
            secure.accept(message);
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
                return CompletableFuture.completedFuture(Optional.of(verify.apply(received.get())));
            } catch (MessageSecurityException | SecurityTokenValidationException e) {
                LOG.warn("dropped a message received at {}: {}", localAddress().uri(), e.getMessage());
                return receive(timeout);
            }
        }, verifier);
    }
}

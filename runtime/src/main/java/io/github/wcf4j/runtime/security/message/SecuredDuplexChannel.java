package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A duplex channel whose messages are secured one by one, the same on both sides of the asymmetric binding over
 * duplex channels ({@link SecurityDuplexChannelFactory}, {@link SecurityDuplexChannelListener}): each message sent is
 * secured by {@code secure} before it goes down; each message received is verified (and decrypted) by {@code verify}
 * on {@code verifier}, off the transport's threads, and one whose security fails is dropped ({@link SecuredMessages}).
 */
class SecuredDuplexChannel extends LayeredChannel<DuplexChannel> implements DuplexChannel {
    private final SecuredMessages security;

    SecuredDuplexChannel(DuplexChannel inner, Consumer<Message> secure, UnaryOperator<Message> verify,
            Executor verifier) {
        super(inner);
        this.security = new SecuredMessages(secure, verify, verifier);
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
        return security.send(inner, message, timeout);
    }

    @Override
    public CompletableFuture<Optional<Message>> receive(Duration timeout) {
        return security.receive(inner, timeout);
    }
}

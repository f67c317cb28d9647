package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A one-way receiving channel whose messages are each verified, a message that fails dropped
 * ({@link SecuredMessages}).
 */
final class SecuredInputChannel extends LayeredChannel<InputChannel> implements InputChannel {
    private final SecuredMessages security;

    SecuredInputChannel(InputChannel inner, SecuredMessages security) {
        super(inner);
        this.security = security;
    }

    @Override
    public EndpointAddress localAddress() {
        return inner.localAddress();
    }

    @Override
    public CompletableFuture<Optional<Message>> receive(Duration timeout) {
        return security.receive(inner, timeout);
    }
}

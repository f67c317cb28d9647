package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A one-way channel whose messages are each secured before they go down ({@link SecuredMessages}). */
final class SecuredOutputChannel extends LayeredChannel<OutputChannel> implements OutputChannel {
    private final SecuredMessages security;

    SecuredOutputChannel(OutputChannel inner, SecuredMessages security) {
        super(inner);
        this.security = security;
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
    public CompletableFuture<Void> send(Message message, Duration timeout) {
        throwIfNotOpened();
        return security.send(inner, message, timeout);
    }
}

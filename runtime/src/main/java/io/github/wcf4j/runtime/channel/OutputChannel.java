package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends one-way messages (WCF {@code IOutputChannel}). */
public interface OutputChannel extends Channel {
    /** Where messages go (the {@code wsa:To}). */
    EndpointAddress remoteAddress();

    /** Where messages are physically sent (usually the remote address's URI). */
    URI via();

    /** Sends {@code message}; completes when the layer below accepted it, within {@code timeout}. */
    CompletableFuture<Void> send(Message message, Duration timeout);
}

package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Receives one-way messages (WCF {@code IInputChannel}). */
public interface InputChannel extends Channel {
    /** Where this channel receives. */
    EndpointAddress localAddress();

    /**
     * The next message, or empty when the channel was closed by the other side (WCF returns {@code null}); fails with
     * {@link CommunicationTimeoutException} when none arrives within {@code timeout}.
     */
    CompletableFuture<Optional<Message>> receive(Duration timeout);
}

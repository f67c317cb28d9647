package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends a request and receives its reply (WCF {@code IRequestChannel}). */
public interface RequestChannel extends Channel {
    EndpointAddress remoteAddress();

    URI via();

    /**
     * Sends {@code request} and completes with the reply; for a one-way exchange over a request/reply transport the
     * reply is {@code null} (HTTP 202).
     */
    CompletableFuture<Message> request(Message request, Duration timeout);
}

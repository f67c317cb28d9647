package io.github.wcf4j.runtime.channel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Receives requests and answers each (WCF {@code IReplyChannel}). */
public interface ReplyChannel extends Channel {
    EndpointAddress localAddress();

    /** The next request, or empty when the channel is closing. */
    CompletableFuture<Optional<RequestContext>> receiveRequest(Duration timeout);
}

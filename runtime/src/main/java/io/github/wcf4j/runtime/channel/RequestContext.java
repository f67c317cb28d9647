package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One received request and the means to answer it exactly once (WCF {@code RequestContext}). */
public interface RequestContext {
    Message requestMessage();

    /** Answers with {@code reply}, or with an empty acknowledgement (HTTP 202) when {@code reply} is {@code null}. */
    CompletableFuture<Void> reply(Message reply, Duration timeout);

    /** Drops the request without answering (the transport closes the exchange). */
    void abort();
}

package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A request whose security verified, as the layers above receive it: its reply is secured before it is sent. */
final class SecuredRequestContext implements RequestContext {
    private final RequestContext inner;
    private final SecurityProtocol.VerifiedRequest verified;

    SecuredRequestContext(RequestContext inner, SecurityProtocol.VerifiedRequest verified) {
        this.inner = inner;
        this.verified = verified;
    }

    @Override
    public Message requestMessage() {
        return verified.request();
    }

    @Override
    public CompletableFuture<Void> reply(Message reply, Duration timeout) {
        if (reply != null) {
            try {
                verified.secureReply(reply);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return inner.reply(reply, timeout);
    }

    @Override
    public void abort() {
        inner.abort();
    }
}

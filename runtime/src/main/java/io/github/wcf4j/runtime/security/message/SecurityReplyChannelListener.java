package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelListener;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service side of message security: reply channels that hand on only requests whose security verified (their
 * sender in the message's {@link ServiceSecurityContext}) and secure every reply. A request that fails is answered at
 * once with WCF's generic, unsecured security fault and never reaches the dispatcher; why it failed is logged, never
 * sent (WCF's {@code SecurityChannelListener} with its {@link SecurityProtocol}). Requests are verified on
 * {@code verifier} (the scheduler's executor when verification is cryptography, never a transport's event loop).
 */
final class SecurityReplyChannelListener<C extends Channel> extends LayeredChannelListener<C> {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityReplyChannelListener.class);

    private final SecurityProtocol protocol;
    private final ServiceCredentials credentials;
    private final Executor executor;
    private final Executor verifier;

    SecurityReplyChannelListener(ChannelType<C> type, ChannelListener<?> inner, SecurityProtocol protocol,
            ServiceCredentials credentials, Executor executor, Executor verifier) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
        this.executor = executor;
        this.verifier = verifier;
    }

    /** The service's credential check when the listener opens: the mode's token must be verifiable. */
    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> protocol.checkServiceCredentials(credentials))
                .thenCompose(v -> super.onOpen(timeout));
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        return innerListener.acceptChannel(timeout).thenApply(c -> c.map(inner ->
                typed(new SecurityReplyChannel((ReplyChannel) inner))));
    }

    private final class SecurityReplyChannel extends LayeredChannel<ReplyChannel> implements ReplyChannel {
        SecurityReplyChannel(ReplyChannel inner) {
            super(inner);
        }

        @Override
        public EndpointAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public CompletableFuture<Optional<RequestContext>> receiveRequest(Duration timeout) {
            return inner.receiveRequest(timeout).thenComposeAsync(received -> {
                if (received.isEmpty()) {
                    return CompletableFuture.completedFuture(received);
                }
                RequestContext context = received.get();
                try {
                    SecurityProtocol.VerifiedRequest verified = protocol.verifyRequest(context.requestMessage(),
                            credentials);
                    if (verified.answer().isPresent()) {
                        // addressed to the security layer itself (a token request): answered here, not handed on
                        new SecuredRequestContext(context, verified).reply(verified.answer().get(), timeout)
                                .exceptionally(e -> {
                                    context.abort();
                                    return null;
                                });
                        return CompletableFuture.supplyAsync(() -> receiveRequest(timeout), executor)
                                .thenCompose(next -> next);
                    }
                    return CompletableFuture.completedFuture(Optional.of(new SecuredRequestContext(context,
                            verified)));
                } catch (MessageSecurityException | SecurityTokenValidationException e) {
                    refuse(context, e, timeout);
                    // the next receive from the executor, so a run of refused requests never deepens the stack
                    return CompletableFuture.supplyAsync(() -> receiveRequest(timeout), executor)
                            .thenCompose(next -> next);
                }
            }, verifier);
        }

        private void refuse(RequestContext context, RuntimeException failure, Duration timeout) {
            SecurityReplyChannelListener.refuse(context, failure, timeout, localAddress());
        }
    }

    /**
     * Answers a request whose security failed at once with WCF's generic, unsecured security fault; why it failed is
     * logged, never sent.
     */
    static void refuse(RequestContext context, RuntimeException failure, Duration timeout, EndpointAddress at) {
        LOG.warn("refused a request to {}: {}", at.uri(), failure.getMessage());
        Message request = context.requestMessage();
        Message fault = Message.createFault(request.version(), TransportSecurityProtocol.fault(failure), null);
        if (request.headers().messageId() != null) {
            fault.headers().relatesTo(request.headers().messageId());
        }
        context.reply(fault, timeout).exceptionally(e -> {
            context.abort();
            return null;
        });
    }
}

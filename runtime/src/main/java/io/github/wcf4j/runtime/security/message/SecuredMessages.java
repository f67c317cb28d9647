package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages secured one by one, with no exchange to correlate them (the asymmetric binding over duplex and one-way
 * channels, WCF's {@code SecurityChannelFactory}/{@code SecurityChannelListener} over {@code IOutputChannel},
 * {@code IInputChannel} and {@code IDuplexChannel}): each message sent is secured by {@code secure} before it goes
 * down; each message received is verified (and decrypted) by {@code verify} on {@code verifier}, off the transport's
 * threads, and one whose security fails is dropped (logged, never handed on: there is no one to answer) and the next
 * one received.
 *
 * @param secure   secures a message to be sent, in place
 * @param verify   verifies a received message, returning it as the layers above read it
 * @param verifier where verification runs
 */
record SecuredMessages(Consumer<Message> secure, UnaryOperator<Message> verify, Executor verifier) {
    private static final Logger LOG = LoggerFactory.getLogger(SecuredMessages.class);

    /** Secures {@code message} and sends it through {@code inner}. */
    CompletableFuture<Void> send(OutputChannel inner, Message message, Duration timeout) {
        try {
            secure.accept(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return inner.send(message, timeout);
    }

    /** The next message received through {@code inner} whose security verifies. */
    CompletableFuture<Optional<Message>> receive(InputChannel inner, Duration timeout) {
        return inner.receive(timeout).thenComposeAsync(received -> {
            if (received.isEmpty()) {
                return CompletableFuture.completedFuture(received);
            }
            try {
                return CompletableFuture.completedFuture(Optional.of(verify.apply(received.get())));
            } catch (MessageSecurityException | SecurityTokenValidationException e) {
                LOG.warn("dropped a message received at {}: {}", inner.localAddress().uri(), e.getMessage());
                return receive(inner, timeout);
            }
        }, verifier);
    }
}

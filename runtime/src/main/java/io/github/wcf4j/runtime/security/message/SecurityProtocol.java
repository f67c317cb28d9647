package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.w3c.dom.Document;

/**
 * What a security binding element does to each message of a request/reply exchange (WCF {@code SecurityProtocol}),
 * one implementation per family: {@link TransportSecurityProtocol} (the message travels in a secure transport and
 * carries the client's token) and {@link SymmetricSecurityProtocol} (the message itself is signed and encrypted with a
 * key for the service's certificate). The channels ({@link SecurityRequestChannelFactory},
 * {@link SecurityReplyChannelListener}) are the same for every family.
 */
interface SecurityProtocol {

    /** Checks, when a client's factory opens, that the client has the credentials its mode needs (WCF's texts). */
    void checkClientCredentials(ClientCredentials credentials);

    /** Checks, when a service's listener opens, that the service can authenticate its callers and prove itself. */
    void checkServiceCredentials(ServiceCredentials credentials);

    /**
     * Secures an outgoing request to {@code to} (now, or as it is written).
     *
     * @return what verifies the request's reply
     */
    ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials);

    /**
     * Verifies a request and authenticates its sender.
     *
     * @throws io.github.wcf4j.runtime.security.MessageSecurityException or {@link SecurityTokenValidationException}
     *                                                                   when it does not verify
     */
    VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials);

    /**
     * How one client channel over {@code inner} secures its requests: by default each at once with
     * {@link #secureRequest}; a secure conversation first obtains its context token over {@code inner}.
     */
    default ClientChannel clientChannel(RequestChannel inner, EndpointAddress to, ClientCredentials credentials) {
        return (request, timeout) -> {
            try {
                return CompletableFuture.completedFuture(secureRequest(request, to, credentials));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    /** A client channel's security: secures each request, once whatever it needs first is there. */
    @FunctionalInterface
    interface ClientChannel {
        /** Secures {@code request}; completes with what verifies its reply. */
        CompletableFuture<ReplyVerification> secure(Message request, Duration timeout);
    }

    /** Verifies the reply to one secured request. */
    @FunctionalInterface
    interface ReplyVerification {
        /**
         * The reply as the layers above read it (decrypted), or {@code null} for none.
         *
         * @throws io.github.wcf4j.runtime.security.MessageSecurityException when it does not verify
         */
        Message verify(Message reply);
    }

    /** A request whose security verified, and how its reply is secured. */
    interface VerifiedRequest {
        /** The request as the layers above read it (decrypted), its sender in its {@link ServiceSecurityContext}. */
        Message request();

        /** Secures {@code reply} to this request. */
        void secureReply(Message reply);

        /**
         * The protocol's own answer, when the request was addressed to the security layer itself (a secure
         * conversation's token request): sent, secured, and the request is not handed on.
         */
        default Optional<Message> answer() {
            return Optional.empty();
        }

        /**
         * A verified {@code request} whose replies are secured as every message-protecting protocol secures them: a
         * timestamp from {@code freshness} valid for {@code validity}, the reply's own security header removed, and
         * the header {@code header} writes (with that timestamp) put in as the envelope is written.
         */
        static VerifiedRequest securingReplies(Message request, MessageFreshness freshness, Duration validity,
                BiConsumer<Document, Optional<SecurityTimestamp>> header) {
            return of(request, reply -> {
                Optional<SecurityTimestamp> ts = freshness.issue(validity);
                reply.headers().remove(WsSecurityNames.SECURITY);
                reply.properties().put(EnvelopeProtection.class,
                        SecurityHeaderProtection.writing(doc -> header.accept(doc, ts)));
            });
        }

        /** A verified {@code request} whose replies {@code secureReply} secures. */
        static VerifiedRequest of(Message request, Consumer<Message> secureReply) {
            return new VerifiedRequest() {
                @Override
                public Message request() {
                    return request;
                }

                @Override
                public void secureReply(Message reply) {
                    secureReply.accept(reply);
                }
            };
        }
    }
}

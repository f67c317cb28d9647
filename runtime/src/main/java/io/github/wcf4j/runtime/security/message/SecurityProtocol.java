package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;

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
    }
}

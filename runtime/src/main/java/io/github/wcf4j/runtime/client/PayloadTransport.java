package io.github.wcf4j.runtime.client;

import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.message.BodyWriter;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.TypedBodyQuotas;
import io.github.wcf4j.runtime.message.UnreadableBody;
import io.github.wcf4j.runtime.message.XmlFragment;

/**
 * How a proxy's calls reach the channel stack (the client side of the service-model seam): an action and a request
 * body go out as a message; the reply message (possibly a fault) comes back, or nothing for a one-way operation.
 */
public interface PayloadTransport {
    /**
     * Sends one call and waits for its reply.
     *
     * @return the reply, or {@code null} for a one-way operation
     * @throws io.github.wcf4j.runtime.channel.CommunicationException (or a subclass) when the call fails in the stack
     * @throws io.github.wcf4j.runtime.channel.CommunicationTimeoutException when it does not complete in time
     */
    Message call(String action, XmlFragment body, boolean oneWay);

    /**
     * Sends one call whose body {@code body} writes as it is sent (a stream operation's request) and waits for its
     * reply, which may still be arriving when it is returned (streamed transfer).
     */
    default Message call(String action, BodyWriter body, boolean oneWay) {
        throw new UnsupportedOperationException("this transport does not send stream operations");
    }

    /**
     * {@code reply} as a call returns it: a reply whose body broke a reader quota fails the call with the quota's
     * text, unless only what depends on its types did ({@link TypedBodyQuotas}): the proxy judges that by the
     * operation's result type.
     */
    static Message readable(Message reply) {
        if (reply != null && reply.properties().get(TypedBodyQuotas.class).isEmpty()) {
            reply.properties().get(UnreadableBody.class).ifPresent(u -> {
                throw new QuotaExceededException(u.reason());
            });
        }
        return reply;
    }
}

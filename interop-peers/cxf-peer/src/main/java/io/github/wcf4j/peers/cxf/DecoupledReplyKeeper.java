package io.github.wcf4j.peers.cxf;

import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Keeps the reply of a decoupled two-way call from being replaced by the HTTP 202 of its request (a race in CXF, up
 * to 4.2 at least, that the service cannot avoid).
 *
 * <p>With a decoupled endpoint, a call is two HTTP exchanges: the request, answered 202, and the reply, a request of
 * its own to the decoupled endpoint. The caller's thread reads the 202 in {@code HTTPConduit}'s
 * {@code handleResponseInternal}, which ends with {@code exchange.setInMessage(the empty 202 message)}, unconditionally.
 * A listener thread handles the reply: {@code MAPCodec} correlates it by {@code RelatesTo} with the exchange (cached
 * before the request was sent) and {@code ClientImpl.onMessage} sets it as the exchange's in message and marks the
 * exchange finished. When the reply is handled first (the service sends the 202 before it even dispatches the
 * request, but the 202 can still be read later: the caller's thread descheduled, a proxy in between), the 202 message
 * overwrites the reply, {@code ClientImpl.processResult} finds the exchange finished, reads the 202 message's empty
 * content and throws {@code IllegalEmptyResponseException} ("Response message did not contain proper response
 * data"), although the reply arrived and was acknowledged.
 *
 * <p>The fix is an order, not a wait: an in-interceptor remembers the correlated reply on its exchange, and an
 * out-interceptor that runs on the caller's thread after the conduit has read the 202 (the phase after
 * {@code MessageSenderEndingInterceptor}'s) and before {@code processResult} puts the reply back if the 202 replaced
 * it. Whichever thread comes first, the exchange ends holding the reply.
 */
final class DecoupledReplyKeeper {
    private static final String REPLY = DecoupledReplyKeeper.class.getName() + ".reply";

    private DecoupledReplyKeeper() {
    }

    /** On every client of {@code bus} (the application's and RM's own, which sends TerminateSequence). */
    static void install(Bus bus) {
        bus.getInInterceptors().add(new Remember());
        bus.getOutInterceptors().add(new Restore());
    }

    /** In, once the reply is read and correlated: remembers it on its exchange. */
    private static final class Remember extends AbstractPhaseInterceptor<Message> {
        Remember() {
            super(Phase.POST_LOGICAL);
        }

        @Override
        public void handleMessage(Message reply) {
            Exchange exchange = reply.getExchange();
            if (exchange != null && reply.getContent(List.class) != null) {
                synchronized (exchange) {
                    exchange.put(REPLY, reply);
                }
            }
        }
    }

    /** Out, on the caller's thread once the request's HTTP answer was read: puts back a reply it replaced. */
    private static final class Restore extends AbstractPhaseInterceptor<Message> {
        Restore() {
            super(Phase.POST_LOGICAL_ENDING);
        }

        @Override
        public void handleMessage(Message request) {
            Exchange exchange = request.getExchange();
            if (exchange == null) {
                return;
            }
            synchronized (exchange) {
                Message reply = (Message) exchange.get(REPLY);
                if (reply != null && exchange.getInMessage() != reply) {
                    System.err.println("# a reply was received while the 202 of its request was read: the reply is kept");
                    exchange.setInMessage(reply);
                }
            }
        }
    }
}

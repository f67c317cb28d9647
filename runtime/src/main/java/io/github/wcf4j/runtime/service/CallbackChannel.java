package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.runtime.channel.CommunicationObjectAbortedException;
import io.github.wcf4j.runtime.channel.CommunicationObjectFaultedException;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ObjectDisposedException;
import io.github.wcf4j.runtime.channel.ReplyCorrelator;
import io.github.wcf4j.runtime.client.PayloadTransport;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A service's way back to its callers on one duplex channel (WCF's server-side {@code ServiceChannel} of a duplex
 * contract, whose proxy {@code GetCallbackChannel} returns): callbacks go out on the channel the calls came in on, and
 * the replies to request/reply callbacks come back on it, where the dispatcher hands them over ({@link #deliverReply})
 * before it dispatches anything.
 *
 * <ul>
 *   <li>On a session channel every caller is the session's one client: one proxy, its messages addressed by the
 *       session (a reliable session sends everything to the client's {@code ReplyTo} of its CreateSequence).</li>
 *   <li>On the endpoint's datagram channel (composite duplex without a session) each caller is whoever sent the
 *       message: its proxy addresses callbacks to that message's {@code ReplyTo}.</li>
 * </ul>
 *
 * <p>It lives as long as its channel: once the session ends, calls fail with WCF's texts (closed by the client:
 * {@link ObjectDisposedException}; faulted or aborted: the faulted or aborted exception) and pending request/reply
 * callbacks fail at once. Thread-safe.
 */
final class CallbackChannel implements OperationContext.Callbacks {
    /** The type WCF's texts name for it. */
    static final String WCF_TYPE = "System.ServiceModel.Channels.ServiceChannel";

    private final CallbackEndpoint endpoint;
    private final DuplexChannel channel;
    private final boolean session;
    private final ReplyCorrelator correlator;
    private volatile Object sessionProxy;
    private volatile boolean closeCalled;
    private volatile boolean ended;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    CallbackChannel(CallbackEndpoint endpoint, DuplexChannel channel, boolean session) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.session = session;
        this.correlator = new ReplyCorrelator(channel, endpoint.scheduler());
    }

    /** Completes the request/reply callback {@code m} answers; whether it answered one. */
    boolean deliverReply(Message m) {
        return correlator.deliver(m);
    }

    /** The dispatcher closes the channel gracefully (its client ended the session): later calls are "disposed". */
    void closing() {
        closeCalled = true;
    }

    /** The channel closed, faulted or was aborted: pending request/reply callbacks fail, later calls too. */
    void ended() {
        ended = true;
        correlator.end(channel.faultCause());
        closed.complete(null);
    }

    @Override
    public CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public Object channel() {
        return this;
    }

    @Override
    public Object channel(Class<?> type, Message request) {
        Class<?> contract = endpoint.contract().type();
        if (!type.isAssignableFrom(contract)) {
            throw new IllegalArgumentException("The callback contract of this endpoint is " + contract.getName()
                    + ", not " + type.getName());
        }
        if (!session) {
            return endpoint.proxy(new Caller(request.headers().replyTo()));
        }
        Object p = sessionProxy;
        if (p == null) {
            synchronized (this) {
                p = sessionProxy;
                if (p == null) {
                    sessionProxy = p = endpoint.proxy(new Caller(null));
                }
            }
        }
        return p;
    }

    /** WCF's {@code CommunicationObject.ThrowIfDisposedOrNotOpen} for the callback channel. */
    private void throwIfEnded() {
        if (channel.state() == CommunicationState.Faulted) {
            throw new CommunicationObjectFaultedException(WcfText.CommunicationObjectFaulted1.format(WCF_TYPE),
                    channel.faultCause());
        }
        if (!ended) {
            return;
        }
        if (closeCalled) {
            throw new ObjectDisposedException(WCF_TYPE);
        }
        if (channel.faultCause() != null) {
            throw new CommunicationObjectFaultedException(WcfText.CommunicationObjectFaulted1.format(WCF_TYPE),
                    channel.faultCause());
        }
        throw new CommunicationObjectAbortedException(WcfText.CommunicationObjectAborted1.format(WCF_TYPE));
    }

    /** One caller's proxy transport: callbacks on the channel, addressed to {@code to} when it is a datagram one. */
    private final class Caller implements PayloadTransport {
        private final EndpointAddress to;

        Caller(EndpointAddress to) {
            this.to = to;
        }

        @Override
        public Message call(String action, XmlFragment body, boolean oneWay) {
            throwIfEnded();
            return OperationContext.callout(CallbackChannel.this, "ServiceBehaviorAttribute", oneWay,
                    () -> send(action, body, oneWay));
        }

        private Message send(String action, XmlFragment body, boolean oneWay) {
            Message m = Message.create(endpoint.version(), action, body);
            if (to != null) {
                m.headers().to(to);
            }
            if (oneWay) {
                Futures.join(channel.send(m, endpoint.sendTimeout()));
                return null;
            }
            if (endpoint.version().addressing() != AddressingVersion.NONE) {
                m.headers().messageId("urn:uuid:" + UUID.randomUUID());
                m.headers().replyTo(EndpointAddress.of(endpoint.address()));
            }
            return PayloadTransport.readable(Futures.join(correlator.request(m, endpoint.sendTimeout())));
        }
    }
}

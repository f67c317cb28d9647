package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** The client channels of reliable sessions over a request channel (HTTP request/reply). */
final class RequestSessionChannels {
    private RequestSessionChannels() {
    }

    /** What both channels share: the inner request channel and the session over it. */
    abstract static class Base extends AbstractCommunicationObject {
        final RequestChannel inner;
        final RequestReliableSession session;

        Base(RequestChannel inner, Function<Consumer<Throwable>, RequestReliableSession> sessions) {
            this.inner = inner;
            this.session = sessions.apply(this::fault);
        }

        public Session session() {
            return session::sessionId;
        }

        public EndpointAddress remoteAddress() {
            return inner.remoteAddress();
        }

        public URI via() {
            return inner.via();
        }

        @Override
        protected CompletableFuture<Void> onOpen(Duration timeout) {
            return inner.open(timeout).thenCompose(v -> session.open(timeout));
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            return session.close(timeout).whenComplete((v, e) -> inner.close(timeout));
        }

        @Override
        protected void onAbort() {
            session.abort();
            inner.abort();
        }
    }

    /** WCF {@code ReliableRequestSessionChannel}: two-way calls over a reliable session. */
    static final class Request extends Base implements RequestSessionChannel {
        Request(SessionSettings settings, RequestChannel inner) {
            super(inner, onFault -> RequestReliableSession.withReplies(settings, inner, onFault));
        }

        @Override
        protected String wcfTypeName() {
            return "System.ServiceModel.Channels.ReliableRequestSessionChannel";
        }

        @Override
        public CompletableFuture<Message> request(Message request, Duration timeout) {
            throwIfNotOpened();
            return session.request(request, timeout);
        }
    }

    /** WCF {@code ReliableOutputSessionChannelOverRequest}: one-way messages over a reliable session. */
    static final class Output extends Base implements OutputSessionChannel {
        Output(SessionSettings settings, RequestChannel inner) {
            super(inner, onFault -> RequestReliableSession.oneWay(settings, inner, onFault));
        }

        @Override
        protected String wcfTypeName() {
            return "System.ServiceModel.Channels.ReliableOutputSessionChannelOverRequest";
        }

        @Override
        public CompletableFuture<Void> send(Message message, Duration timeout) {
            throwIfNotOpened();
            return session.send(message, timeout);
        }
    }
}

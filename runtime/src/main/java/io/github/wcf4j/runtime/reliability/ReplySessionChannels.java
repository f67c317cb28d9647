package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** The service channels of reliable sessions over a reply channel (HTTP request/reply). */
final class ReplySessionChannels {
    private ReplySessionChannels() {
    }

    /** What both share: the session the listener created and feeds, and the listener's bookkeeping on end. */
    abstract static class Base extends AbstractCommunicationObject {
        final ReplyReliableSession session;
        private final EndpointAddress local;
        private final Runnable onEnd;

        Base(Function<Consumer<Throwable>, ReplyReliableSession> sessions, EndpointAddress local,
                Runnable onEnd) {
            this.session = sessions.apply(this::fault);
            this.local = local;
            this.onEnd = onEnd;
        }

        public Session session() {
            return session::inputId;
        }

        public EndpointAddress localAddress() {
            return local;
        }

        @Override
        protected CompletableFuture<Void> onOpen(Duration timeout) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            return session.closeGracefully(timeout).whenComplete((v, e) -> onEnd.run());
        }

        @Override
        protected void onAbort() {
            session.close();
            onEnd.run();
        }

        @Override
        protected void onFaulted(Throwable cause) {
            onEnd.run();
        }
    }

    /** WCF {@code ReliableReplySessionChannel}. */
    static final class Reply extends Base implements ReplySessionChannel {
        Reply(Function<Consumer<Throwable>, ReplyReliableSession> sessions, EndpointAddress local,
                Runnable onEnd) {
            super(sessions, local, onEnd);
        }

        @Override
        protected String wcfTypeName() {
            return "System.ServiceModel.Channels.ReliableReplySessionChannel";
        }

        @Override
        public CompletableFuture<Optional<RequestContext>> receiveRequest(Duration timeout) {
            if (doneReceiving()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return session.receive(timeout).thenApply(m -> m.map(this::context));
        }

        private RequestContext context(Message request) {
            ReplyReliableSession.Exchange x = session.exchangeOf(request);
            return new RequestContext() {
                @Override
                public Message requestMessage() {
                    return request;
                }

                @Override
                public CompletableFuture<Void> reply(Message reply, Duration timeout) {
                    session.reply(x, reply);
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void abort() {
                    // WCF: an unanswered reliable request leaves a gap in the reply sequence
                    session.fail(new ProtocolException(WcfText.ReliableRequestContextAborted.format()));
                }
            };
        }
    }

    /** WCF {@code ReliableInputSessionChannelOverReply}. */
    static final class Input extends Base implements InputSessionChannel {
        Input(Function<Consumer<Throwable>, ReplyReliableSession> sessions, EndpointAddress local,
                Runnable onEnd) {
            super(sessions, local, onEnd);
        }

        @Override
        protected String wcfTypeName() {
            return "System.ServiceModel.Channels.ReliableInputSessionChannelOverReply";
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            if (doneReceiving()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return session.receive(timeout);
        }
    }
}

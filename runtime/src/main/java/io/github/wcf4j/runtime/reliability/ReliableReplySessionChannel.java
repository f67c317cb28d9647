package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Two-way calls over a reliable session over a reply channel (WCF {@code ReliableReplySessionChannel}). */
final class ReliableReplySessionChannel extends ReliableSessionChannelOverReply implements ReplySessionChannel {
    ReliableReplySessionChannel(AcceptedSession accepted) {
        super(accepted, onFault -> accepted.resumed() != null
                ? ReplyReliableSession.resumed(accepted.settings(), accepted.resumed(), onFault)
                : ReplyReliableSession.withReplies(accepted.settings(), accepted.created(), accepted.offered(),
                        onFault));
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableReplySessionChannel";
    }

    @Override
    public CompletableFuture<Optional<RequestContext>> receiveRequest(Duration timeout) {
        return receiveDelivered(timeout).thenApply(m -> m.map(this::context));
    }

    /** The request's context: its reply goes to the session, which answers every HTTP request that carried it. */
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

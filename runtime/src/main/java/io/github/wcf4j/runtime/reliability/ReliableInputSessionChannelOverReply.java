package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One-way messages over a reliable session over a reply channel (WCF {@code ReliableInputSessionChannelOverReply}). */
final class ReliableInputSessionChannelOverReply extends ReliableSessionChannelOverReply
        implements InputSessionChannel {
    ReliableInputSessionChannelOverReply(AcceptedSession accepted) {
        super(accepted, onFault -> accepted.resumed() != null
                ? ReplyReliableSession.resumed(accepted.settings(), accepted.resumed(), onFault)
                : ReplyReliableSession.oneWay(accepted.settings(), accepted.created(), onFault));
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableInputSessionChannelOverReply";
    }

    @Override
    public CompletableFuture<Optional<Message>> receive(Duration timeout) {
        return receiveDelivered(timeout);
    }
}

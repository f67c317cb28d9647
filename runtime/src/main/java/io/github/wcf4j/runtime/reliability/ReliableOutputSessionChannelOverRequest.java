package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One-way messages over a reliable session over a request channel (WCF
 * {@code ReliableOutputSessionChannelOverRequest}).
 */
final class ReliableOutputSessionChannelOverRequest extends ReliableSessionChannelOverRequest
        implements OutputSessionChannel {
    ReliableOutputSessionChannelOverRequest(SessionSettings settings, RequestChannel inner) {
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

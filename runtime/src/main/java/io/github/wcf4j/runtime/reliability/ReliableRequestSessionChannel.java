package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Two-way calls over a reliable session over a request channel (WCF {@code ReliableRequestSessionChannel}). */
final class ReliableRequestSessionChannel extends ReliableSessionChannelOverRequest implements RequestSessionChannel {
    ReliableRequestSessionChannel(SessionSettings settings, RequestChannel inner) {
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

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A reliable duplex session (WCF {@code ReliableDuplexSessionChannel}): both sequences, either side. */
final class ReliableDuplexSessionChannel extends ReliableSessionChannelOverDuplex implements DuplexSessionChannel {
    /** The client's channel over {@code inner}. */
    ReliableDuplexSessionChannel(SessionSettings settings, DuplexChannel inner) {
        super(settings, inner, DuplexReliableSession.Sequences.BOTH);
    }

    /** The service's channel of the session {@code accepted}. */
    ReliableDuplexSessionChannel(AcceptedSession accepted, EndpointAddress remote,
            Function<Message, CompletableFuture<Void>> sender) {
        super(accepted, DuplexReliableSession.Sequences.BOTH, remote, sender);
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableDuplexSessionChannel";
    }
}

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The service end of a one-way reliable session over a duplex channel (WCF
 * {@code ReliableInputSessionChannelOverDuplex}).
 */
final class ReliableInputSessionChannelOverDuplex extends ReliableSessionChannelOverDuplex
        implements InputSessionChannel {
    ReliableInputSessionChannelOverDuplex(AcceptedSession accepted, EndpointAddress remote,
            Function<Message, CompletableFuture<Void>> sender) {
        super(accepted, DuplexReliableSession.Sequences.INPUT, remote, sender);
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableInputSessionChannelOverDuplex";
    }
}

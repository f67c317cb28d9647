package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;

/**
 * The client of a one-way reliable session over a duplex channel (WCF {@code ReliableOutputSessionChannelOverDuplex}).
 */
final class ReliableOutputSessionChannelOverDuplex extends ReliableSessionChannelOverDuplex
        implements OutputSessionChannel {
    ReliableOutputSessionChannelOverDuplex(SessionSettings settings, DuplexChannel inner) {
        super(settings, inner, DuplexReliableSession.Sequences.OUTPUT);
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableOutputSessionChannelOverDuplex";
    }
}

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import java.util.function.Consumer;
import java.util.function.Function;

/** The service end of a one-way reliable session over a duplex channel (WCF {@code ReliableInputSessionChannelOverDuplex}). */
final class ReliableInputSessionChannel extends ReliableSessionChannel implements InputSessionChannel {
    ReliableInputSessionChannel(Function<Consumer<Throwable>, DuplexReliableSession> sessions, EndpointAddress local,
            EndpointAddress remote,
            Runnable onEnd) {
        super(sessions, local, remote, onEnd);
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableInputSessionChannelOverDuplex";
    }
}

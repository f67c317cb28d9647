package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import java.util.function.Consumer;
import java.util.function.Function;

/** A reliable duplex session (WCF {@code ReliableDuplexSessionChannel}): both sequences, either side. */
final class ReliableDuplexSessionChannel extends ReliableSessionChannel implements DuplexSessionChannel {
    ReliableDuplexSessionChannel(SessionSettings settings, DuplexChannel inner) {
        super(settings, inner, DuplexReliableSession.Sequences.BOTH);
    }

    ReliableDuplexSessionChannel(Function<Consumer<Throwable>, DuplexReliableSession> sessions, EndpointAddress local,
            EndpointAddress remote, Runnable onEnd) {
        super(sessions, local, remote, onEnd);
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ReliableDuplexSessionChannel";
    }
}

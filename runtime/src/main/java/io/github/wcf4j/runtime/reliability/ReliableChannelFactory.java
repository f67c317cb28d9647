package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannelFactory;
import io.github.wcf4j.runtime.channel.RequestChannel;
import java.net.URI;

/**
 * Client channels of reliable sessions (WCF {@code ReliableChannelFactory}): each channel is one session over its own
 * inner channel, established with CreateSequence when the channel is opened.
 *
 * @param <C> the session shape built
 */
final class ReliableChannelFactory<C extends Channel> extends LayeredChannelFactory<C> {
    private final SessionSettings settings;
    private final ChannelShape shape;

    ReliableChannelFactory(ChannelFactory<?> inner, SessionSettings settings, ChannelType<C> type) {
        super(type, inner);
        this.settings = settings;
        this.shape = type.shape();
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        Channel inner = innerFactory.createChannel(to, via);
        Channel channel = switch (shape) {
            case DUPLEX_SESSION -> new ReliableDuplexSessionChannel(settings, (DuplexChannel) inner);
            case OUTPUT_SESSION -> inner instanceof RequestChannel request
                    ? new ReliableOutputSessionChannelOverRequest(settings, request)
                    : new ReliableOutputSessionChannelOverDuplex(settings, (DuplexChannel) inner);
            case REQUEST_SESSION -> new ReliableRequestSessionChannel(settings, (RequestChannel) inner);
            default -> throw new IllegalStateException("reliableSession does not build " + shape.wcfName());
        };
        return typed(channel);
    }
}

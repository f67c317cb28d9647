package io.github.wcf4j.runtime.oneway;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelFactory;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Output channels that send each message over an inner request channel (expecting an empty answer) or an inner duplex
 * channel (WCF {@code RequestOneWayChannelFactory}, {@code DuplexOneWayChannelFactory}).
 */
final class OneWayChannelFactory<C extends Channel> extends LayeredChannelFactory<C> {
    private final boolean overRequest;

    OneWayChannelFactory(ChannelType<C> type, ChannelFactory<?> inner, boolean overRequest) {
        super(type, inner);
        this.overRequest = overRequest;
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        Channel inner = innerFactory.createChannel(to, via);
        return typed(overRequest ? new OverRequest((RequestChannel) inner)
                : new OverDuplex((OutputChannel) inner));
    }

    /** A one-way send is a request whose only acceptable answer is none (HTTP 202). */
    private static final class OverRequest extends LayeredChannel<RequestChannel> implements OutputChannel {
        OverRequest(RequestChannel inner) {
            super(inner);
        }

        @Override
        public EndpointAddress remoteAddress() {
            return inner.remoteAddress();
        }

        @Override
        public URI via() {
            return inner.via();
        }

        @Override
        public CompletableFuture<Void> send(Message message, Duration timeout) {
            throwIfNotOpened();
            return inner.request(message, timeout).thenApply(reply -> {
                if (reply != null) {
                    if (reply.isFault()) {
                        throw new ProtocolException(reply.fault().orElseThrow().reason());
                    }
                    throw new ProtocolException(WcfText.OneWayUnexpectedResponse.format());
                }
                return null;
            });
        }
    }

    /** A one-way send over a duplex channel is just a send. */
    private static final class OverDuplex extends LayeredChannel<OutputChannel> implements OutputChannel {
        OverDuplex(OutputChannel inner) {
            super(inner);
        }

        @Override
        public EndpointAddress remoteAddress() {
            return inner.remoteAddress();
        }

        @Override
        public URI via() {
            return inner.via();
        }

        @Override
        public CompletableFuture<Void> send(Message message, Duration timeout) {
            throwIfNotOpened();
            return inner.send(message, timeout);
        }
    }
}

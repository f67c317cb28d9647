package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.InnerStack;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.stack.RefusalRule;
import java.util.List;

/**
 * {@code tcpTransport}: .NET Message Framing over Netty, client and service: duplex sessions (buffered transfer, mode
 * {@code 02}, the binary session encoder) or request/reply (streamed transfer, singleton-unsized mode {@code 01}, the
 * sessionless binary encoder), or a text encoder above it. Binding parameters: a {@code Scheduler} (required), the
 * {@code NettyResources} (the shared ones by default), the listen address on the service.
 *
 * <p>Refused by name: port sharing (a Windows service), {@code hostNameComparisonMode="Exact"} on the service.
 */
public final class TcpTransportLayerProvider implements LayerProvider<TcpTransportBindingElement> {

    @Override
    public Class<TcpTransportBindingElement> elementType() {
        return TcpTransportBindingElement.class;
    }

    @Override
    public List<RefusalRule<TcpTransportBindingElement>> refusals() {
        return List.of(
                RefusalRule.<TcpTransportBindingElement>when("hostNameComparisonMode",
                        e -> e.hostNameComparisonMode() == HostNameComparisonMode.Exact,
                        e -> "hostNameComparisonMode=\"Exact\" over net.tcp: wcf4j routes a connection by its Via's"
                                + " path, as WCF's wildcard modes do, and does not compare the host name, so this"
                                + " endpoint is refused rather than answering for other host names.")
                        .onlyOn(Side.SERVICE));
    }

    @Override
    public <C extends Channel> ChannelFactory<C> factory(TcpTransportBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        return new TcpChannelFactory<>(type, TcpSettings.of(e, p));
    }

    @Override
    public <C extends Channel> ChannelListener<C> listener(TcpTransportBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        return new TcpChannelListener<>(type, TcpSettings.of(e, p), p.require(ListenAddress.class));
    }
}

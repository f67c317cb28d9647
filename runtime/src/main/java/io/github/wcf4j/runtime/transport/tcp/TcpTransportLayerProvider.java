package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
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
 * {@code tcpTransport}: .NET Message Framing duplex sessions over Netty (buffered transfer), client and service, with
 * the binary session encoder or a text encoder above it. Binding parameters: a {@code Scheduler} (required), the
 * {@code NettyResources} (the shared ones by default), the listen address on the service.
 *
 * <p>Refused by name: streamed transfer (singleton mode, unsized envelopes), port sharing (a Windows service).
 */
public final class TcpTransportLayerProvider implements LayerProvider<TcpTransportBindingElement> {

    @Override
    public Class<TcpTransportBindingElement> elementType() {
        return TcpTransportBindingElement.class;
    }

    @Override
    public List<RefusalRule<TcpTransportBindingElement>> refusals() {
        return List.of(
                RefusalRule.when("transferMode", e -> e.transferMode() != TransferMode.Buffered,
                        e -> "transferMode '" + e.transferMode() + "' over net.tcp (singleton framing mode, unsized"
                                + " envelopes) is not run by wcf4j yet; only Buffered is."),
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

package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import java.util.Optional;

/**
 * The bindings WCF creates for {@code binding="mexHttpBinding"} and its siblings (WCF
 * {@code MetadataExchangeBindings}): metadata endpoints need no {@code <bindings>} section.
 *
 * <p>{@code mexHttpBinding} is a {@code wsHttpBinding} with security {@code None} and no reliable session; its WCF name
 * is {@code MetadataExchangeHttpBinding}. {@code mexTcpBinding} is a custom binding of {@code tcpTransport} alone.
 */
public final class MetadataExchangeBindings {
    private MetadataExchangeBindings() {
    }

    /** The binding for a {@code binding="mex*Binding"} attribute, if it names one. */
    public static Optional<Binding> forName(String bindingAttribute) {
        switch (bindingAttribute) {
            case "mexHttpBinding":
                return Optional.of(mexHttp(WsHttpBinding.Flavor.MEX_HTTP, SecurityMode.None));
            case "mexHttpsBinding":
                return Optional.of(mexHttp(WsHttpBinding.Flavor.MEX_HTTPS, SecurityMode.Transport));
            case "mexTcpBinding":
                return Optional.of(mexTcp());
            case "mexNamedPipeBinding":
                return Optional.of(new UnsupportedBinding(bindingAttribute, ""));
            default:
                return Optional.empty();
        }
    }

    /**
     * {@code mexTcpBinding}: WCF's {@code MetadataExchangeBindings.CreateTcpBinding}, a custom binding named
     * {@code MetadataExchangeTcpBinding} holding only a default {@code tcpTransport} (no security, buffered, the
     * transport's default encoder: binary with a session dictionary).
     */
    private static Binding mexTcp() {
        return CustomBinding.of("MetadataExchangeTcpBinding", TcpTransportBindingElement.defaults());
    }

    private static Binding mexHttp(WsHttpBinding.Flavor flavor, SecurityMode mode) {
        WsHttpBinding d = WsHttpBinding.defaults(WsHttpBinding.Flavor.WS_HTTP, "");
        StandardSecurity security = new StandardSecurity(mode,
                TransportSecurity.withClientCredential(TransportCredentialType.None), d.security().message());
        return new WsHttpBinding(flavor, "", d.timeouts(), d.http(), false, StandardReliableSession.disabled(),
                security);
    }
}

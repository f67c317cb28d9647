package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.NetHttpBinding;
import io.github.wcf4j.binding.standard.NetHttpMessageEncoding;
import io.github.wcf4j.binding.standard.StandardReliableSession;
import io.github.wcf4j.binding.standard.WsMessageEncoding;
import io.github.wcf4j.config.read.ConfigContext;

/**
 * {@code <netHttpBinding><binding>} and {@code <netHttpsBinding><binding>} ({@code NetHttpBindingElement},
 * {@code NetHttpsBindingElement}): the HTTP attributes, {@code messageEncoding} as {@code NetHttpMessageEncoding}, an
 * optional reliable session, {@code <webSocketSettings>} (whose {@code transportUsage} defaults to {@code WhenDuplex}
 * here) and the security of basicHttpBinding ({@link Http}) or basicHttpsBinding ({@link Https}).
 */
public abstract class NetHttpBindingXml extends HttpBindingBaseXml {
    public StandardReliableSessionXml.Optional reliableSession;
    public WebSocketSettingsXml webSocketSettings;

    abstract NetHttpBinding.Flavor flavor();

    abstract StandardSecurityXml securityXml();

    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        NetHttpBinding.Flavor flavor = flavor();
        return new NetHttpBinding(flavor, configurationName(), timeouts(ctx), http(ctx),
                ctx.enumValue(this, "messageEncoding", messageEncoding, NetHttpMessageEncoding.class,
                        NetHttpMessageEncoding.Binary),
                StandardReliableSessionXml.toModel(reliableSession, ctx, StandardReliableSession.disabled()),
                StandardSecurityXml.toModel(securityXml(), ctx, flavor.defaultSecurity()),
                WebSocketSettingsXml.usage(webSocketSettings, ctx, NetHttpBinding.DEFAULT_TRANSPORT_USAGE));
    }

    /** This binding's {@code messageEncoding} is a {@code NetHttpMessageEncoding}, read in {@link #toModel}. */
    @Override
    WsMessageEncoding wsMessageEncoding(ConfigContext ctx) {
        return WsMessageEncoding.Text;
    }

    /** {@code <netHttpBinding><binding>}: basicHttpBinding's security ({@code BasicHttpSecurityElement}). */
    public static class Http extends NetHttpBindingXml {
        public StandardSecurityXml.BasicHttp security;

        @Override
        NetHttpBinding.Flavor flavor() {
            return NetHttpBinding.Flavor.NET_HTTP;
        }

        @Override
        StandardSecurityXml securityXml() {
            return security;
        }
    }

    /** {@code <netHttpsBinding><binding>}: basicHttpsBinding's security ({@code BasicHttpsSecurityElement}). */
    public static class Https extends NetHttpBindingXml {
        public StandardSecurityXml.BasicHttps security;

        @Override
        NetHttpBinding.Flavor flavor() {
            return NetHttpBinding.Flavor.NET_HTTPS;
        }

        @Override
        StandardSecurityXml securityXml() {
            return security;
        }
    }
}

package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.StandardReliableSession;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <wsHttpBinding><binding>} and {@code <ws2007HttpBinding><binding>} (identical schemas). */
public class WsHttpBindingXml extends HttpStandardBindingXml {
    @JacksonXmlProperty(isAttribute = true) public String allowCookies;
    @JacksonXmlProperty(isAttribute = true) public String transactionFlow;
    public StandardReliableSessionXml.Optional reliableSession;
    public StandardSecurityXml.WsHttp security;

    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        WsHttpBinding.Flavor flavor = ConfigStrings.WS_2007_HTTP_BINDING.equals(section)
                ? WsHttpBinding.Flavor.WS_2007_HTTP : WsHttpBinding.Flavor.WS_HTTP;
        return new WsHttpBinding(flavor, configurationName(), timeouts(ctx), http(ctx, allowCookies, null, null),
                ctx.bool(this, "transactionFlow", transactionFlow, false),
                StandardReliableSessionXml.toModel(reliableSession, ctx, StandardReliableSession.disabled()),
                StandardSecurityXml.toModel(security, ctx, WsHttpBinding.defaultSecurity()));
    }
}

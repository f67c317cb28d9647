package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.StandardReliableSession;
import io.github.wcf4j.binding.standard.WsDualHttpBinding;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <wsDualHttpBinding><binding>}. */
public class WsDualHttpBindingXml extends HttpStandardBindingXml {
    @JacksonXmlProperty(isAttribute = true) public String clientBaseAddress;
    @JacksonXmlProperty(isAttribute = true) public String transactionFlow;
    public StandardReliableSessionXml reliableSession;
    public StandardSecurityXml.WsDualHttp security;

    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        return new WsDualHttpBinding(configurationName(), timeouts(ctx), http(ctx, null, null, null),
                ctx.uri(this, "clientBaseAddress", clientBaseAddress),
                ctx.bool(this, "transactionFlow", transactionFlow, false),
                StandardReliableSessionXml.toModel(reliableSession, ctx, StandardReliableSession.enabledByDefault()),
                StandardSecurityXml.toModel(security, ctx, WsDualHttpBinding.defaultSecurity()));
    }
}

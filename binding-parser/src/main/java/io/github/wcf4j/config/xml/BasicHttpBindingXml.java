package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <basicHttpBinding><binding>}. */
public class BasicHttpBindingXml extends HttpBindingBaseXml {
    public StandardSecurityXml.BasicHttp security;

    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        return new BasicHttpBinding(configurationName(), timeouts(ctx), http(ctx),
                StandardSecurityXml.toModel(security, ctx, BasicHttpBinding.defaultSecurity()));
    }
}

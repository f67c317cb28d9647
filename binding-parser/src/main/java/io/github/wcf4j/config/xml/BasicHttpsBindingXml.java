package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <basicHttpsBinding><binding>} ({@code BasicHttpsBindingElement}): basicHttpBinding's with its own security. */
public class BasicHttpsBindingXml extends HttpBindingBaseXml {
    public StandardSecurityXml.BasicHttps security;

    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        return new BasicHttpsBinding(configurationName(), timeouts(ctx), http(ctx),
                StandardSecurityXml.toModel(security, ctx, BasicHttpsBinding.defaultSecurity()));
    }
}

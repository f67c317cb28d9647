package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <basicHttpBinding><binding>}. */
public class BasicHttpBindingXml extends HttpStandardBindingXml {
    @JacksonXmlProperty(isAttribute = true) public String allowCookies;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferSize;
    @JacksonXmlProperty(isAttribute = true) public String transferMode;
    public StandardSecurityXml.BasicHttp security;

    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        return new BasicHttpBinding(configurationName(), timeouts(ctx), http(ctx, allowCookies, maxBufferSize,
                transferMode), StandardSecurityXml.toModel(security, ctx, BasicHttpBinding.defaultSecurity()));
    }
}

package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <compositeDuplex clientBaseAddress>}. */
public class CompositeDuplexXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String clientBaseAddress;

    @Override
    public CompositeDuplexBindingElement toModel(ConfigContext ctx) {
        return new CompositeDuplexBindingElement(ctx.uri(this, "clientBaseAddress", clientBaseAddress));
    }
}

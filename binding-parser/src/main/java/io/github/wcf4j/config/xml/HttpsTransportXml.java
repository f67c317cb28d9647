package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <httpsTransport>}: every {@code <httpTransport>} attribute plus {@code requireClientCertificate}. */
public class HttpsTransportXml extends HttpTransportXml {
    @JacksonXmlProperty(isAttribute = true) public String requireClientCertificate;

    @Override
    public BindingElement toModel(ConfigContext ctx) {
        return ctx.build(this, () -> new HttpsTransportBindingElement(http(ctx),
                ctx.bool(this, "requireClientCertificate", requireClientCertificate, false)),
                HttpsTransportBindingElement::defaults);
    }
}

package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.config.read.ConfigContext;
import java.util.List;

/** {@code <sslStreamSecurity>}. */
public class SslStreamSecurityXml extends BindingElementXml {
    /** {@code System.Security.Authentication.SslProtocols} names in value order. */
    static final List<String> SSL_PROTOCOLS = List.of("None", "Ssl2", "Ssl3", "Tls", "Default", "Tls11", "Tls12",
            "Tls13");

    @JacksonXmlProperty(isAttribute = true) public String requireClientCertificate;
    @JacksonXmlProperty(isAttribute = true) public String sslProtocols;

    @Override
    public BindingElement toModel(ConfigContext ctx) {
        return new SslStreamSecurityBindingElement(
                ctx.bool(this, "requireClientCertificate", requireClientCertificate, false),
                String.join(", ", ctx.flags(this, "sslProtocols", sslProtocols, SSL_PROTOCOLS,
                        List.of("Tls", "Tls11", "Tls12"))));
    }
}

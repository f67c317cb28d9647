package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.standard.TransportCredentialType;
import io.github.wcf4j.binding.standard.TransportSecurity;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <security><transport>} of the HTTP standard bindings. */
public class HttpTransportSecurityXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String clientCredentialType;
    @JacksonXmlProperty(isAttribute = true) public String proxyCredentialType;
    @JacksonXmlProperty(isAttribute = true) public String realm;
    public ExtendedProtectionPolicyXml extendedProtectionPolicy;

    static TransportSecurity toModel(HttpTransportSecurityXml x, ConfigContext ctx, TransportSecurity d) {
        if (x == null) {
            return d;
        }
        ExtendedProtectionPolicyXml.report(x.extendedProtectionPolicy, ctx, "<transport>");
        return new TransportSecurity(
                TransportCredentialType.valueOf(ctx.enumName(x, "clientCredentialType", x.clientCredentialType,
                        SecurityEnums.HTTP_CLIENT_CREDENTIAL_TYPE, d.clientCredentialType().name())),
                TransportCredentialType.valueOf(ctx.enumName(x, "proxyCredentialType", x.proxyCredentialType,
                        SecurityEnums.HTTP_PROXY_CREDENTIAL_TYPE, d.proxyCredentialType().name())),
                ctx.string(x, "realm", x.realm, 0, ""), d.protectionLevel(), d.sslProtocols());
    }
}

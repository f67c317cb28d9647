package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.binding.standard.TransportCredentialType;
import io.github.wcf4j.binding.standard.TransportSecurity;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.List;

/** {@code <netTcpBinding><binding><security><transport>}. */
public class TcpTransportSecurityXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String clientCredentialType;
    @JacksonXmlProperty(isAttribute = true) public String protectionLevel;
    @JacksonXmlProperty(isAttribute = true) public String sslProtocols;
    public ExtendedProtectionPolicyXml extendedProtectionPolicy;

    static TransportSecurity toModel(TcpTransportSecurityXml x, ConfigContext ctx, TransportSecurity d) {
        if (x == null) {
            return d;
        }
        ExtendedProtectionPolicyXml.report(x.extendedProtectionPolicy, ctx, "netTcpBinding <transport>");
        return new TransportSecurity(
                TransportCredentialType.valueOf(ctx.enumName(x, "clientCredentialType", x.clientCredentialType,
                        SecurityEnums.TCP_CLIENT_CREDENTIAL_TYPE, d.clientCredentialType().name())),
                d.proxyCredentialType(), d.realm(),
                ctx.enumValue(x, "protectionLevel", x.protectionLevel, ProtectionLevel.class, d.protectionLevel()),
                String.join(", ", ctx.flags(x, "sslProtocols", x.sslProtocols, SslStreamSecurityXml.SSL_PROTOCOLS,
                        List.of(d.sslProtocols().split(", ")))));
    }
}

package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.transport.TcpConnectionPoolSettings;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <tcpTransport><connectionPoolSettings>}. */
public class TcpConnectionPoolSettingsXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String groupName;
    @JacksonXmlProperty(isAttribute = true) public String leaseTimeout;
    @JacksonXmlProperty(isAttribute = true) public String idleTimeout;
    @JacksonXmlProperty(isAttribute = true) public String maxOutboundConnectionsPerEndpoint;

    static TcpConnectionPoolSettings toModel(TcpConnectionPoolSettingsXml xml, ConfigContext ctx) {
        TcpConnectionPoolSettings d = TcpConnectionPoolSettings.defaults();
        if (xml == null) {
            return d;
        }
        return new TcpConnectionPoolSettings(ctx.string(xml, "groupName", xml.groupName, 0, d.groupName()),
                ctx.timeout(xml, "idleTimeout", xml.idleTimeout, d.idleTimeout()),
                ctx.timeout(xml, "leaseTimeout", xml.leaseTimeout, d.leaseTimeout()),
                ctx.int32(xml, "maxOutboundConnectionsPerEndpoint", xml.maxOutboundConnectionsPerEndpoint, 0,
                        Integer.MAX_VALUE, d.maxOutboundConnectionsPerEndpoint()));
    }
}

package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.oneway.ChannelPoolSettings;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <oneWay><channelPoolSettings>}. */
public class ChannelPoolSettingsXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String idleTimeout;
    @JacksonXmlProperty(isAttribute = true) public String leaseTimeout;
    @JacksonXmlProperty(isAttribute = true) public String maxOutboundChannelsPerEndpoint;

    static ChannelPoolSettings toModel(ChannelPoolSettingsXml xml, ConfigContext ctx) {
        if (xml == null) {
            return ChannelPoolSettings.defaults();
        }
        return new ChannelPoolSettings(
                ctx.timeout(xml, "idleTimeout", xml.idleTimeout, ChannelPoolSettings.DEFAULT_IDLE_TIMEOUT),
                ctx.timeout(xml, "leaseTimeout", xml.leaseTimeout, ChannelPoolSettings.DEFAULT_LEASE_TIMEOUT),
                ctx.int32(xml, "maxOutboundChannelsPerEndpoint", xml.maxOutboundChannelsPerEndpoint, 1,
                        Integer.MAX_VALUE, ChannelPoolSettings.DEFAULT_MAX_OUTBOUND_CHANNELS_PER_ENDPOINT));
    }
}

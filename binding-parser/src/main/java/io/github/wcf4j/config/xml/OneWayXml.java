package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <oneWay>} with its {@code <channelPoolSettings>}. */
public class OneWayXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String maxAcceptedChannels;
    @JacksonXmlProperty(isAttribute = true) public String packetRoutable;
    public ChannelPoolSettingsXml channelPoolSettings;

    @Override
    public OneWayBindingElement toModel(ConfigContext ctx) {
        return ctx.build(this, () -> new OneWayBindingElement(
                ctx.int32(this, "maxAcceptedChannels", maxAcceptedChannels, 1, Integer.MAX_VALUE,
                        OneWayBindingElement.DEFAULT_MAX_ACCEPTED_CHANNELS),
                ctx.bool(this, "packetRoutable", packetRoutable, false),
                ChannelPoolSettingsXml.toModel(channelPoolSettings, ctx)), OneWayBindingElement::defaults);
    }
}

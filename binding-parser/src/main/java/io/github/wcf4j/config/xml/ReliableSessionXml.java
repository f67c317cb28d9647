package io.github.wcf4j.config.xml;

import static io.github.wcf4j.binding.reliability.ReliableSessionBindingElement.MAX_PENDING_CHANNELS_LIMIT;
import static io.github.wcf4j.binding.reliability.ReliableSessionBindingElement.MAX_TRANSFER_WINDOW_SIZE_LIMIT;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.config.read.ConfigContext;
import java.util.Optional;

/** {@code <reliableSession>} in a custom binding: all eight attributes with WCF's config validators. */
public class ReliableSessionXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String acknowledgementInterval;
    @JacksonXmlProperty(isAttribute = true) public String flowControlEnabled;
    @JacksonXmlProperty(isAttribute = true) public String inactivityTimeout;
    @JacksonXmlProperty(isAttribute = true) public String maxPendingChannels;
    @JacksonXmlProperty(isAttribute = true) public String maxRetryCount;
    @JacksonXmlProperty(isAttribute = true) public String maxTransferWindowSize;
    @JacksonXmlProperty(isAttribute = true) public String ordered;
    @JacksonXmlProperty(isAttribute = true) public String reliableMessagingVersion;

    @Override
    public ReliableSessionBindingElement toModel(ConfigContext ctx) {
        ReliableSessionBindingElement.Builder b = ReliableSessionBindingElement.builder()
                .acknowledgementInterval(ctx.positiveTimeout(this, "acknowledgementInterval", acknowledgementInterval,
                        ReliableSessionBindingElement.DEFAULT_ACKNOWLEDGEMENT_INTERVAL))
                .flowControlEnabled(ctx.bool(this, "flowControlEnabled", flowControlEnabled,
                        ReliableSessionBindingElement.DEFAULT_FLOW_CONTROL_ENABLED))
                .inactivityTimeout(ctx.positiveTimeout(this, "inactivityTimeout", inactivityTimeout,
                        ReliableSessionBindingElement.DEFAULT_INACTIVITY_TIMEOUT))
                .maxPendingChannels(ctx.int32(this, "maxPendingChannels", maxPendingChannels, 1,
                        MAX_PENDING_CHANNELS_LIMIT, ReliableSessionBindingElement.DEFAULT_MAX_PENDING_CHANNELS))
                .maxRetryCount(ctx.int32(this, "maxRetryCount", maxRetryCount, 1, Integer.MAX_VALUE,
                        ReliableSessionBindingElement.DEFAULT_MAX_RETRY_COUNT))
                .maxTransferWindowSize(ctx.int32(this, "maxTransferWindowSize", maxTransferWindowSize, 1,
                        MAX_TRANSFER_WINDOW_SIZE_LIMIT, ReliableSessionBindingElement.DEFAULT_MAX_TRANSFER_WINDOW_SIZE))
                .ordered(ctx.bool(this, "ordered", ordered, ReliableSessionBindingElement.DEFAULT_ORDERED))
                .reliableMessagingVersion(ctx.converted(this, "reliableMessagingVersion", reliableMessagingVersion,
                        ReliableSessionXml::version, WcfText.ConfigInvalidReliableMessagingVersionValue::format,
                        ReliableMessagingVersion.DEFAULT));
        return ctx.build(this, b::build, ReliableSessionBindingElement::defaults);
    }

    /** WCF's {@code ReliableMessagingVersionConverter}: an exact, case-sensitive switch. */
    static Optional<ReliableMessagingVersion> version(String s) {
        switch (s) {
            case "Default":
            case "WSReliableMessagingFebruary2005":
                return Optional.of(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005);
            case "WSReliableMessaging11":
                return Optional.of(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11);
            default:
                return Optional.empty();
        }
    }
}

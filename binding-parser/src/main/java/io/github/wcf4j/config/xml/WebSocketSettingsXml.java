package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.transport.WebSocketTransportUsage;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.time.Duration;

/** {@code <httpTransport><webSocketSettings>}; only {@code transportUsage} affects wcf4j (it decides HTTP's shapes). */
public class WebSocketSettingsXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String transportUsage;
    @JacksonXmlProperty(isAttribute = true) public String createNotificationOnConnection;
    @JacksonXmlProperty(isAttribute = true) public String keepAliveInterval;
    @JacksonXmlProperty(isAttribute = true) public String subProtocol;
    @JacksonXmlProperty(isAttribute = true) public String disablePayloadMasking;
    @JacksonXmlProperty(isAttribute = true) public String maxPendingConnections;

    static WebSocketTransportUsage usage(WebSocketSettingsXml xml, ConfigContext ctx) {
        return usage(xml, ctx, WebSocketTransportUsage.Never);
    }

    /**
     * {@code transportUsage}, {@code fallback} when absent ({@code Never} for {@code httpTransport}, {@code WhenDuplex}
     * for netHttp's {@code NetHttpWebSocketTransportSettingsElement}).
     */
    static WebSocketTransportUsage usage(WebSocketSettingsXml xml, ConfigContext ctx,
            WebSocketTransportUsage fallback) {
        if (xml == null) {
            return fallback;
        }
        ctx.bool(xml, "createNotificationOnConnection", xml.createNotificationOnConnection, false);
        ctx.timeSpan(xml, "keepAliveInterval", xml.keepAliveInterval, Duration.ofMillis(-1), ConfigContext.MAX_TIMEOUT,
                Duration.ZERO);
        ctx.bool(xml, "disablePayloadMasking", xml.disablePayloadMasking, false);
        ctx.int32(xml, "maxPendingConnections", xml.maxPendingConnections, 0, Integer.MAX_VALUE, 0);
        WebSocketTransportUsage usage = ctx.enumValue(xml, "transportUsage", xml.transportUsage,
                WebSocketTransportUsage.class, fallback);
        return usage;
    }
}

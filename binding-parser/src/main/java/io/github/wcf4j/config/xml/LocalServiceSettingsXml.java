package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.security.LocalServiceSecuritySettings;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <security><localServiceSettings>}. */
public class LocalServiceSettingsXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String detectReplays;
    @JacksonXmlProperty(isAttribute = true) public String issuedCookieLifetime;
    @JacksonXmlProperty(isAttribute = true) public String maxStatefulNegotiations;
    @JacksonXmlProperty(isAttribute = true) public String replayCacheSize;
    @JacksonXmlProperty(isAttribute = true) public String maxClockSkew;
    @JacksonXmlProperty(isAttribute = true) public String negotiationTimeout;
    @JacksonXmlProperty(isAttribute = true) public String replayWindow;
    @JacksonXmlProperty(isAttribute = true) public String inactivityTimeout;
    @JacksonXmlProperty(isAttribute = true) public String sessionKeyRenewalInterval;
    @JacksonXmlProperty(isAttribute = true) public String sessionKeyRolloverInterval;
    @JacksonXmlProperty(isAttribute = true) public String reconnectTransportOnFailure;
    @JacksonXmlProperty(isAttribute = true) public String maxPendingSessions;
    @JacksonXmlProperty(isAttribute = true) public String maxCachedCookies;
    @JacksonXmlProperty(isAttribute = true) public String timestampValidityDuration;

    static LocalServiceSecuritySettings toModel(LocalServiceSettingsXml x, ConfigContext ctx) {
        LocalServiceSecuritySettings d = LocalServiceSecuritySettings.defaults();
        if (x == null) {
            return d;
        }
        return ctx.build(x, () -> new LocalServiceSecuritySettings(
                ctx.bool(x, "detectReplays", x.detectReplays, d.detectReplays()),
                ctx.timeout(x, "inactivityTimeout", x.inactivityTimeout, d.inactivityTimeout()),
                ctx.timeout(x, "issuedCookieLifetime", x.issuedCookieLifetime, d.issuedCookieLifetime()),
                ctx.int32(x, "maxCachedCookies", x.maxCachedCookies, 0, Integer.MAX_VALUE, d.maxCachedCookies()),
                ctx.timeout(x, "maxClockSkew", x.maxClockSkew, d.maxClockSkew()),
                ctx.int32(x, "maxPendingSessions", x.maxPendingSessions, 1, Integer.MAX_VALUE, d.maxPendingSessions()),
                ctx.int32(x, "maxStatefulNegotiations", x.maxStatefulNegotiations, 0, Integer.MAX_VALUE,
                        d.maxStatefulNegotiations()),
                ctx.timeout(x, "negotiationTimeout", x.negotiationTimeout, d.negotiationTimeout()),
                ctx.bool(x, "reconnectTransportOnFailure", x.reconnectTransportOnFailure,
                        d.reconnectTransportOnFailure()),
                ctx.int32(x, "replayCacheSize", x.replayCacheSize, 1, Integer.MAX_VALUE, d.replayCacheSize()),
                ctx.timeout(x, "replayWindow", x.replayWindow, d.replayWindow()),
                ctx.timeout(x, "sessionKeyRenewalInterval", x.sessionKeyRenewalInterval, d.sessionKeyRenewalInterval()),
                ctx.timeout(x, "sessionKeyRolloverInterval", x.sessionKeyRolloverInterval,
                        d.sessionKeyRolloverInterval()),
                ctx.timeout(x, "timestampValidityDuration", x.timestampValidityDuration,
                        d.timestampValidityDuration())), () -> d);
    }
}

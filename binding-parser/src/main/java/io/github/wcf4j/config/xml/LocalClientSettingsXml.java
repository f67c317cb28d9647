package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.security.LocalClientSecuritySettings;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <security><localClientSettings>}. */
public class LocalClientSettingsXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String cacheCookies;
    @JacksonXmlProperty(isAttribute = true) public String detectReplays;
    @JacksonXmlProperty(isAttribute = true) public String replayCacheSize;
    @JacksonXmlProperty(isAttribute = true) public String maxClockSkew;
    @JacksonXmlProperty(isAttribute = true) public String maxCookieCachingTime;
    @JacksonXmlProperty(isAttribute = true) public String replayWindow;
    @JacksonXmlProperty(isAttribute = true) public String sessionKeyRenewalInterval;
    @JacksonXmlProperty(isAttribute = true) public String sessionKeyRolloverInterval;
    @JacksonXmlProperty(isAttribute = true) public String reconnectTransportOnFailure;
    @JacksonXmlProperty(isAttribute = true) public String timestampValidityDuration;
    @JacksonXmlProperty(isAttribute = true) public String cookieRenewalThresholdPercentage;

    static LocalClientSecuritySettings toModel(LocalClientSettingsXml x, ConfigContext ctx) {
        LocalClientSecuritySettings d = LocalClientSecuritySettings.defaults();
        if (x == null) {
            return d;
        }
        return ctx.build(x, () -> new LocalClientSecuritySettings(
                ctx.bool(x, "cacheCookies", x.cacheCookies, d.cacheCookies()),
                ctx.int32(x, "cookieRenewalThresholdPercentage", x.cookieRenewalThresholdPercentage, 0, 100,
                        d.cookieRenewalThresholdPercentage()),
                ctx.bool(x, "detectReplays", x.detectReplays, d.detectReplays()),
                ctx.timeout(x, "maxClockSkew", x.maxClockSkew, d.maxClockSkew()),
                ctx.timeout(x, "maxCookieCachingTime", x.maxCookieCachingTime, d.maxCookieCachingTime()),
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

package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.standard.StandardReliableSession;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <reliableSession>} of wsDualHttpBinding ({@code StandardBindingReliableSessionElement}): no {@code enabled}. */
public class StandardReliableSessionXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String ordered;
    @JacksonXmlProperty(isAttribute = true) public String inactivityTimeout;

    String enabled() {
        return null;
    }

    static StandardReliableSession toModel(StandardReliableSessionXml x, ConfigContext ctx,
            StandardReliableSession d) {
        if (x == null) {
            return d;
        }
        return new StandardReliableSession(ctx.bool(x, "enabled", x.enabled(), d.enabled()),
                ctx.bool(x, "ordered", x.ordered, d.ordered()),
                ctx.positiveTimeout(x, "inactivityTimeout", x.inactivityTimeout, d.inactivityTimeout()));
    }

    /** {@code StandardBindingOptionalReliableSessionElement} (wsHttp, ws2007Http, netTcp): adds {@code enabled}. */
    public static class Optional extends StandardReliableSessionXml {
        @JacksonXmlProperty(isAttribute = true, localName = "enabled")
        public String enabledValue;

        @Override
        String enabled() {
            return enabledValue;
        }
    }
}

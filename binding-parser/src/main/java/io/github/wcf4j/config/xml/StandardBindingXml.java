package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** A {@code <binding>} of a standard binding section: {@code name} and the four timeouts ({@code StandardBindingElement}). */
public abstract class StandardBindingXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String name;
    @JacksonXmlProperty(isAttribute = true) public String closeTimeout;
    @JacksonXmlProperty(isAttribute = true) public String openTimeout;
    @JacksonXmlProperty(isAttribute = true) public String receiveTimeout;
    @JacksonXmlProperty(isAttribute = true) public String sendTimeout;

    /** The binding, named and with every attribute converted (WCF's default for each one in error). */
    public abstract Binding toModel(String section, ConfigContext ctx);

    /** The configuration name ({@code ""} for the default configuration). */
    public String configurationName() {
        return name == null ? "" : name;
    }

    BindingTimeouts timeouts(ConfigContext ctx) {
        return timeouts(this, ctx, openTimeout, closeTimeout, sendTimeout, receiveTimeout);
    }

    static BindingTimeouts timeouts(LocatedXml at, ConfigContext ctx, String open, String close, String send,
            String receive) {
        return new BindingTimeouts(
                ctx.timeout(at, "openTimeout", open, BindingTimeouts.DEFAULT_OPEN_TIMEOUT),
                ctx.timeout(at, "closeTimeout", close, BindingTimeouts.DEFAULT_CLOSE_TIMEOUT),
                ctx.timeout(at, "sendTimeout", send, BindingTimeouts.DEFAULT_SEND_TIMEOUT),
                ctx.timeout(at, "receiveTimeout", receive, BindingTimeouts.DEFAULT_RECEIVE_TIMEOUT));
    }
}

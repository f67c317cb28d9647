package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;

/** The attributes and children service and client {@code <endpoint>}s share ({@code ChannelEndpointElement}). */
public abstract class EndpointXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String address;
    @JacksonXmlProperty(isAttribute = true) public String behaviorConfiguration;
    @JacksonXmlProperty(isAttribute = true) public String binding;
    @JacksonXmlProperty(isAttribute = true) public String bindingConfiguration;
    @JacksonXmlProperty(isAttribute = true) public String contract;
    @JacksonXmlProperty(isAttribute = true) public String name;
    @JacksonXmlProperty(isAttribute = true) public String kind;
    @JacksonXmlProperty(isAttribute = true) public String endpointConfiguration;
    public HeadersXml headers;
    public IdentityXml identity;

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** {@code <service><endpoint>} ({@code ServiceEndpointElement}): adds listen URI and binding naming attributes. */
public class ServiceEndpointXml extends EndpointXml {
    @JacksonXmlProperty(isAttribute = true) public String bindingName;
    @JacksonXmlProperty(isAttribute = true) public String bindingNamespace;
    @JacksonXmlProperty(isAttribute = true) public String isSystemEndpoint;
    @JacksonXmlProperty(isAttribute = true) public String listenUriMode;
    @JacksonXmlProperty(isAttribute = true) public String listenUri;
}

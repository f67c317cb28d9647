package io.github.wcf4j.config.xml;

/** {@code <client><endpoint>} ({@code ChannelEndpointElement}). */
public class ClientEndpointXml extends EndpointXml {
}

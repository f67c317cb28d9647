package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.RawXmlElement;

/**
 * {@code <endpoint><headers>} ({@code AddressHeaderCollectionElement}): each child element is an address header, kept
 * verbatim (see {@link RawXmlElement}).
 */
public class HeadersXml extends RawXmlElement {
}

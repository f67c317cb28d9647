package io.github.wcf4j.config.read;

/**
 * One element recorded verbatim by the {@link RawXmlRecorder}.
 *
 * @param localName    its local name
 * @param namespaceUri its namespace URI, {@code ""} for none
 * @param outerXml     the element with its attributes and content, every namespace declaration in scope where it
 *                     stood declared on it, so that it stands alone
 */
public record RawElement(String localName, String namespaceUri, String outerXml) {
}

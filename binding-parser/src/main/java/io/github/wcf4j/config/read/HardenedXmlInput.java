package io.github.wcf4j.config.read;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens configuration XML safely: no DTD of any kind (refused with a clear error before anything in it is read), no
 * entity ever expanded, no external resource ever resolved, and Woodstox's limits on depth, attributes, text and element
 * count. A UTF-8 byte-order mark and CRLF line ends are accepted.
 */
public final class HardenedXmlInput {
    /** The message for a document that declares a DTD. */
    public static final String DTD_REFUSED = "DTDs are not allowed in configuration files: the document type"
            + " declaration is refused and no entity in it is expanded.";

    private final XMLInputFactory factory;

    /** Thrown for a document that declares a DTD. */
    public static final class DtdRefusedException extends XMLStreamException {
        DtdRefusedException(Location at) {
            super(DTD_REFUSED, at);
        }
    }

    public HardenedXmlInput(ParseLimits limits) {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // With DTDs refused no entity can be declared, so replacing references makes every entity other than the five
        // predefined ones an "Undeclared general entity" error (not replacing would silently drop them from values).
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLResolver refuse = (publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        };
        f.setXMLResolver(refuse);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributesPerElement());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxAttributeValueChars());
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextChars());
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, (long) limits.maxElements());
        f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, limits.maxFileBytes());
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        this.factory = f;
    }

    /**
     * A tracking reader positioned on the root element's start tag.
     *
     * @throws XMLStreamException for malformed XML, a DTD ({@link #DTD_REFUSED}) or an exceeded limit
     */
    public ElementTracker open(InputStream in, String source) throws XMLStreamException {
        return open(in, source, VerbatimElements.none());
    }

    /**
     * A tracking reader positioned on the root element's start tag, recording verbatim the children of the elements
     * {@code verbatim} names (see {@link RawXmlElement}).
     *
     * @throws XMLStreamException for malformed XML, a DTD ({@link #DTD_REFUSED}) or an exceeded limit
     */
    public ElementTracker open(InputStream in, String source, VerbatimElements verbatim) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(source, in);
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new DtdRefusedException(reader.getLocation());
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return new ElementTracker(reader, source, verbatim);
            }
        }
        throw new XMLStreamException("The configuration file has no root element.", reader.getLocation());
    }
}

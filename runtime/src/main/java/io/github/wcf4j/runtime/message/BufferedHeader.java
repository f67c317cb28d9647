package io.github.wcf4j.runtime.message;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * A received header kept as standalone XML: written back verbatim, read by whichever layer understands it.
 *
 * @param name           the header element's qualified name
 * @param mustUnderstand whether it carries {@code mustUnderstand="1"/"true"}
 * @param xml            the element, with every namespace it uses declared inside it
 * @param parsed         the element as a tree, when the envelope reader built it in its pass (a received header);
 *                       {@code null} otherwise: {@link #tree()} parses {@code xml} then
 */
public record BufferedHeader(QName name, boolean mustUnderstand, XmlFragment xml, ParsedElement parsed)
        implements MessageHeader {

    public BufferedHeader(QName name, boolean mustUnderstand, XmlFragment xml) {
        this(name, mustUnderstand, xml, null);
    }

    /** The element as a tree: the one read with the envelope, or {@code xml} parsed now. */
    public ParsedElement tree() throws XMLStreamException {
        return parsed != null ? parsed : ParsedElement.parse(xml.xml());
    }

    @Override
    public void write(XMLStreamWriter2 writer, String envelopeNamespace, String envelopePrefix)
            throws XMLStreamException {
        writer.writeRaw(xml.xml());
    }
}

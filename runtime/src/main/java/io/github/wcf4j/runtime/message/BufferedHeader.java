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
 */
public record BufferedHeader(QName name, boolean mustUnderstand, XmlFragment xml) implements MessageHeader {

    @Override
    public void write(XMLStreamWriter2 writer, String envelopeNamespace, String envelopePrefix)
            throws XMLStreamException {
        writer.writeRaw(xml.xml());
    }
}

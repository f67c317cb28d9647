package io.github.wcf4j.runtime.message;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * One SOAP header other than WS-Addressing's (which {@link MessageHeaders} types directly): a header a layer writes
 * (such as WS-RM's {@code Sequence}) or one received and kept as XML ({@link BufferedHeader}).
 */
public interface MessageHeader {
    QName name();

    /** Whether the receiver must understand it ({@code mustUnderstand="1"}). */
    boolean mustUnderstand();

    /** Writes the header element; the envelope's prefix for its namespace is {@code envelopePrefix}. */
    void write(XMLStreamWriter2 writer, String envelopeNamespace, String envelopePrefix) throws XMLStreamException;
}

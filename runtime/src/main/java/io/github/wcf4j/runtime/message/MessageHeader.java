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

    /** Whether it is written before the WS-Addressing headers (WCF inserts WS-RM headers at index 0). */
    default boolean leads() {
        return false;
    }

    /**
     * The prefix and namespace the envelope declares for this header, as WCF declares the namespace of its protocol
     * headers on the envelope ({@code xmlns:r}); {@code null} for none.
     */
    default String[] envelopeNamespace() {
        return null;
    }

    /** Writes the header element; the envelope's prefix for its namespace is {@code envelopePrefix}. */
    void write(XMLStreamWriter2 writer, String envelopeNamespace, String envelopePrefix) throws XMLStreamException;
}

package io.github.wcf4j.runtime.message;

import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * A header a protocol layer writes, as WCF writes its protocol headers: the element in its namespace with the prefix
 * the envelope declares for it ({@code sharedPrefix}, e.g. {@code r} for WS-RM), {@code s:mustUnderstand="1"} when
 * required, and optionally placed before the WS-Addressing headers (WCF inserts WS-RM headers at index 0).
 *
 * @param element        the header element
 * @param mustUnderstand whether it carries {@code mustUnderstand="1"}
 * @param leading        written before the addressing headers
 * @param sharedPrefix   the prefix the envelope declares for the element's namespace
 */
public record ElementHeader(XmlElement element, boolean mustUnderstand, boolean leading, String sharedPrefix)
        implements MessageHeader {

    @Override
    public QName name() {
        return new QName(element.namespace(), element.localName());
    }

    @Override
    public boolean leads() {
        return leading;
    }

    @Override
    public String[] envelopeNamespace() {
        return sharedPrefix == null ? null : new String[] {sharedPrefix, element.namespace()};
    }

    @Override
    public void write(XMLStreamWriter2 w, String envelopeNamespace, String envelopePrefix) throws XMLStreamException {
        element.write(w, mustUnderstand
                ? List.<String[]>of(new String[] {envelopePrefix, envelopeNamespace, "mustUnderstand", "1"})
                : List.of());
    }
}

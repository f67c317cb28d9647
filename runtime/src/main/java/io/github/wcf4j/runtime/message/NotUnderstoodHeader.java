package io.github.wcf4j.runtime.message;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * SOAP 1.2's {@code NotUnderstood} header, one per header the receiver did not understand, as WCF writes it:
 * {@code <s:NotUnderstood qname="b:Foo" xmlns:b="urn:foo"/>} (a fresh prefix unless the namespace is WS-Addressing's).
 *
 * @param header            the header that was not understood
 * @param addressingNamespace the namespace the envelope binds to {@code a}, or {@code null}
 */
public record NotUnderstoodHeader(QName header, String addressingNamespace) implements MessageHeader {
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    @Override
    public QName name() {
        return new QName(SOAP12, "NotUnderstood");
    }

    @Override
    public boolean mustUnderstand() {
        return false;
    }

    @Override
    public void write(XMLStreamWriter2 w, String envelopeNamespace, String envelopePrefix) throws XMLStreamException {
        w.writeStartElement(envelopePrefix, "NotUnderstood", envelopeNamespace);
        String ns = header.getNamespaceURI();
        if (ns.equals(addressingNamespace)) {
            w.writeAttribute("qname", "a:" + header.getLocalPart());
        } else if (ns.equals(envelopeNamespace)) {
            w.writeAttribute("qname", envelopePrefix + ":" + header.getLocalPart());
        } else {
            String prefix = addressingNamespace != null ? "b" : "a";
            w.writeAttribute("qname", prefix + ":" + header.getLocalPart());
            w.writeNamespace(prefix, ns);
        }
        w.writeEndElement();
    }
}

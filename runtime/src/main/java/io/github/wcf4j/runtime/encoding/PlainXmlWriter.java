package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.MessageHeaders;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * Writes a message without an envelope ({@code messageVersion="None"}, "plain old XML"), as WCF's text encoder writes
 * {@code MessageVersion.None}: the body element alone, no XML declaration, no {@code Envelope}, no headers; an empty
 * body as no bytes at all. A fault is WCF's {@code MessageFault.WriteToNone}: SOAP 1.2's structure ({@code Code/Value},
 * {@code Subcode}, {@code Reason/Text}, {@code Detail}) in the namespace of {@link EnvelopeVersion#NONE}, declared as
 * the default namespace:
 *
 * <pre>{@code
 * <Fault xmlns="http://schemas.microsoft.com/ws/2005/05/envelope/none"><Code><Value>Receiver</Value><Subcode>
 *   <Value xmlns:a="...dispatcher">a:InternalServiceFault</Value></Subcode></Code>
 *   <Reason><Text xml:lang="en-US">The server was unable to process ...</Text></Reason></Fault>
 * }</pre>
 *
 * <p>Without an envelope there is nowhere to put a header: the action and the {@code To} address are dropped (WCF
 * clears both before it sends), and any other header (an address header, a reply address, a layer's header) fails the
 * write with WCF's {@code HeadersCannotBeAddedToEnvelopeVersion} text, as WCF's {@code MessageHeaders} fails to add it.
 */
final class PlainXmlWriter {
    private static final String NONE_NS = EnvelopeVersion.NONE.namespace();

    private PlainXmlWriter() {
    }

    static void write(Message m, XMLStreamWriter2 w) throws XMLStreamException {
        refuseHeaders(m.headers());
        if (!m.isFault() && m.bodyElement().isEmpty()) {
            // verbatim text outside any element the writer opened: flushed, not closed (closing would try to end
            // the document's element, which the writer never saw)
            w.writeRaw(m.body().xml());
            w.flush();
            return;
        }
        if (m.isFault()) {
            writeFault(w, m.fault().orElseThrow());
        } else {
            m.bodyElement().get().write(w);
        }
        w.flush();
        w.close();
    }

    private static void refuseHeaders(MessageHeaders h) {
        boolean addressHeaders = h.to() != null && !h.to().referenceParameters().isEmpty();
        boolean addressing = h.messageId() != null || h.relatesTo() != null || h.replyTo() != null
                || h.faultTo() != null || h.from() != null;
        if (addressHeaders || addressing || !h.leading().isEmpty() || !h.others().isEmpty()) {
            throw new IllegalStateException(WcfText.HeadersCannotBeAddedToEnvelopeVersion.format(
                    EnvelopeVersion.NONE.wcfToString()));
        }
    }

    private static void writeFault(XMLStreamWriter2 w, MessageFault f) throws XMLStreamException {
        w.setDefaultNamespace(NONE_NS);
        w.writeStartElement("", EnvelopeNames.FAULT, NONE_NS);
        w.writeDefaultNamespace(NONE_NS);
        w.writeStartElement("", "Code", NONE_NS);
        w.writeStartElement("", "Value", NONE_NS);
        w.writeCharacters(f.code().soap12Name());
        w.writeEndElement();
        writeSubcodes(w, f.subcodes(), 0);
        w.writeEndElement();
        w.writeStartElement("", "Reason", NONE_NS);
        w.writeStartElement("", "Text", NONE_NS);
        w.writeAttribute("xml", EnvelopeNames.XML_NS, "lang", "en-US");
        w.writeCharacters(f.reason());
        w.writeEndElement();
        w.writeEndElement();
        if (f.detail().isPresent()) {
            w.writeStartElement("", "Detail", NONE_NS);
            w.writeCharacters("");
            w.writeRaw(f.detail().get().xml());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** WCF writes each subcode's value with the prefix {@code a}, declared on its {@code Value} element. */
    private static void writeSubcodes(XMLStreamWriter2 w, List<QName> subcodes, int i) throws XMLStreamException {
        if (i >= subcodes.size()) {
            return;
        }
        QName code = subcodes.get(i);
        w.writeStartElement("", "Subcode", NONE_NS);
        w.writeStartElement("", "Value", NONE_NS);
        if (code.getNamespaceURI().equals(NONE_NS)) {
            w.writeCharacters(code.getLocalPart());
        } else {
            w.writeNamespace("a", code.getNamespaceURI());
            w.writeCharacters("a:" + code.getLocalPart());
        }
        w.writeEndElement();
        writeSubcodes(w, subcodes, i + 1);
        w.writeEndElement();
    }
}

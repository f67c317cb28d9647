package io.github.wcf4j.runtime.encoding;

import static io.github.wcf4j.runtime.encoding.EnvelopeNames.ADDRESSING_PREFIX;
import static io.github.wcf4j.runtime.encoding.EnvelopeNames.ENVELOPE_PREFIX;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.MessageHeaders;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLOutputFactory2;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * Writes a {@link Message} as a SOAP envelope the way WCF's text encoder does: no XML declaration, prefixes {@code s}
 * (envelope) and {@code a} (addressing), {@code Action} and {@code To} with {@code mustUnderstand="1"}, faults in the
 * envelope version's own shape. Streams with Woodstox; no DOM. Thread-safe.
 */
final class EnvelopeWriter {
    private final WstxOutputFactory factory = new WstxOutputFactory();

    EnvelopeWriter() {
        factory.setProperty(XMLOutputFactory2.P_AUTOMATIC_EMPTY_ELEMENTS, true);
        factory.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_STRUCTURE, false);
        factory.setProperty(XMLOutputFactory2.P_TEXT_ESCAPER, new TextEscaper());
    }

    /** A standalone {@code Fault} element of {@code env}, declaring its own namespace. */
    String faultElement(MessageFault f, EnvelopeVersion env) throws XMLStreamException {
        StringWriter out = new StringWriter(256);
        XMLStreamWriter2 w = (XMLStreamWriter2) factory.createXMLStreamWriter(out);
        w.setPrefix(ENVELOPE_PREFIX, env.namespace());
        w.writeStartElement(ENVELOPE_PREFIX, EnvelopeNames.FAULT, env.namespace());
        w.writeNamespace(ENVELOPE_PREFIX, env.namespace());
        writeFaultContent(w, f, env);
        w.writeEndElement();
        w.flush();
        return out.toString();
    }

    void write(Message m, OutputStream out, Charset charset) throws XMLStreamException {
        write(m, (XMLStreamWriter2) factory.createXMLStreamWriter(out, charset.name()));
    }

    /** Writes {@code m}'s envelope as events to {@code w} (a text writer, or the binary encoder's direct one). */
    void write(Message m, XMLStreamWriter2 w) throws XMLStreamException {
        EnvelopeVersion env = m.version().envelope();
        AddressingVersion addr = m.version().addressing();
        if (env == EnvelopeVersion.NONE) {
            PlainXmlWriter.write(m, w);
            return;
        }
        String ens = env.namespace();
        w.setPrefix(ENVELOPE_PREFIX, ens);
        w.writeStartElement(ENVELOPE_PREFIX, EnvelopeNames.ENVELOPE, ens);
        w.writeNamespace(ENVELOPE_PREFIX, ens);
        MessageHeaders h = m.headers();
        boolean addressing = addr != AddressingVersion.NONE;
        boolean hasAddressing = addressing && (h.action() != null || h.to() != null || h.messageId() != null
                || h.relatesTo() != null || h.replyTo() != null || h.faultTo() != null || h.from() != null);
        // WCF declares one prefix per shared-namespace header on the envelope, in header order
        LinkedHashMap<String, String> declared = new LinkedHashMap<>();
        h.leading().forEach(x -> declare(declared, x));
        if (hasAddressing) {
            declared.putIfAbsent(ADDRESSING_PREFIX, addr.namespace());
        }
        h.others().forEach(x -> declare(declared, x));
        for (Map.Entry<String, String> d : declared.entrySet()) {
            w.setPrefix(d.getKey(), d.getValue());
            w.writeNamespace(d.getKey(), d.getValue());
        }
        // without WS-Addressing the address's headers still travel (WCF's EndpointAddress.ApplyTo), as plain headers
        List<String> unaddressed = !hasAddressing && h.to() != null ? h.to().referenceParameters() : List.of();
        boolean hasHeaders = hasAddressing || !h.others().isEmpty() || !h.leading().isEmpty()
                || !unaddressed.isEmpty();
        if (hasHeaders) {
            w.writeStartElement(ENVELOPE_PREFIX, EnvelopeNames.HEADER, ens);
            for (MessageHeader leading : h.leading()) {
                leading.write(w, ens, ENVELOPE_PREFIX);
            }
            if (hasAddressing) {
                writeAddressing(w, h, ens, addr);
            }
            for (String header : unaddressed) {
                w.writeCharacters("");
                w.writeRaw(header);
            }
            for (MessageHeader other : h.others()) {
                other.write(w, ens, ENVELOPE_PREFIX);
            }
            w.writeEndElement();
        }
        w.writeStartElement(ENVELOPE_PREFIX, EnvelopeNames.BODY, ens);
        if (m.isFault()) {
            writeFault(w, m.fault().orElseThrow(), env);
        } else if (m.bodyElement().isPresent()) {
            m.bodyElement().get().write(w);
        } else if (m.bodyWriter().isPresent()) {
            m.bodyWriter().get().writeBodyContents(w);
        } else if (!m.body().isEmpty()) {
            w.writeCharacters("");
            w.writeRaw(m.body().xml());
        }
        w.writeEndElement();
        w.writeEndElement();
        w.flush();
        w.close();
    }

    private static void declare(Map<String, String> declared, MessageHeader header) {
        String[] ns = header.envelopeNamespace();
        if (ns != null) {
            declared.putIfAbsent(ns[0], ns[1]);
        }
    }

    private static void writeAddressing(XMLStreamWriter2 w, MessageHeaders h, String ens, AddressingVersion addr)
            throws XMLStreamException {
        String ans = addr.namespace();
        if (h.action() != null) {
            w.writeStartElement(ADDRESSING_PREFIX, EnvelopeNames.ACTION, ans);
            w.writeAttribute(ENVELOPE_PREFIX, ens, EnvelopeNames.MUST_UNDERSTAND, "1");
            w.writeCharacters(h.action());
            w.writeEndElement();
        }
        simple(w, ans, EnvelopeNames.MESSAGE_ID, h.messageId());
        simple(w, ans, EnvelopeNames.RELATES_TO, h.relatesTo());
        endpoint(w, ans, EnvelopeNames.REPLY_TO, h.replyTo());
        endpoint(w, ans, EnvelopeNames.FAULT_TO, h.faultTo());
        endpoint(w, ans, EnvelopeNames.FROM, h.from());
        if (h.to() != null) {
            w.writeStartElement(ADDRESSING_PREFIX, EnvelopeNames.TO, ans);
            w.writeAttribute(ENVELOPE_PREFIX, ens, EnvelopeNames.MUST_UNDERSTAND, "1");
            w.writeCharacters(h.to().uri().toString());
            w.writeEndElement();
            // WS-Addressing 1.0 marks each as a reference parameter; August 2004 has no such attribute
            for (String parameter : h.to().referenceParameters()) {
                w.writeCharacters("");
                w.writeRaw(addr == AddressingVersion.WS_ADDRESSING_10
                        ? ReferenceParameters.markAsReferenceParameter(parameter, ans) : parameter);
            }
        }
    }

    private static void simple(XMLStreamWriter2 w, String ns, String name, String value) throws XMLStreamException {
        if (value != null) {
            w.writeStartElement(ADDRESSING_PREFIX, name, ns);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }

    private static void endpoint(XMLStreamWriter2 w, String ns, String name, EndpointAddress a)
            throws XMLStreamException {
        if (a == null) {
            return;
        }
        w.writeStartElement(ADDRESSING_PREFIX, name, ns);
        w.writeStartElement(ADDRESSING_PREFIX, EnvelopeNames.ADDRESS, ns);
        w.writeCharacters(a.uri().toString());
        w.writeEndElement();
        if (!a.referenceParameters().isEmpty()) {
            w.writeStartElement(ADDRESSING_PREFIX, EnvelopeNames.REFERENCE_PARAMETERS, ns);
            for (String p : a.referenceParameters()) {
                w.writeCharacters("");
                w.writeRaw(p);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void writeFault(XMLStreamWriter2 w, MessageFault f, EnvelopeVersion env)
            throws XMLStreamException {
        w.writeStartElement(ENVELOPE_PREFIX, EnvelopeNames.FAULT, env.namespace());
        writeFaultContent(w, f, env);
        w.writeEndElement();
    }

    private static void writeFaultContent(XMLStreamWriter2 w, MessageFault f, EnvelopeVersion env)
            throws XMLStreamException {
        String ens = env.namespace();
        if (env == EnvelopeVersion.SOAP12) {
            w.writeStartElement(ENVELOPE_PREFIX, "Code", ens);
            w.writeStartElement(ENVELOPE_PREFIX, "Value", ens);
            w.writeCharacters(ENVELOPE_PREFIX + ":" + f.code().soap12Name());
            w.writeEndElement();
            writeSubcodes(w, f.subcodes(), 0, ens);
            w.writeEndElement();
            w.writeStartElement(ENVELOPE_PREFIX, "Reason", ens);
            w.writeStartElement(ENVELOPE_PREFIX, "Text", ens);
            w.writeAttribute("xml", EnvelopeNames.XML_NS, "lang", "en-US");
            w.writeCharacters(f.reason());
            w.writeEndElement();
            w.writeEndElement();
            if (f.detail().isPresent()) {
                w.writeStartElement(ENVELOPE_PREFIX, "Detail", ens);
                w.writeCharacters("");
                w.writeRaw(f.detail().get().xml());
                w.writeEndElement();
            }
        } else {
            w.writeStartElement("faultcode");
            QName code = f.subcode().orElse(new QName(ens, f.code().soap11Name(), ENVELOPE_PREFIX));
            writeQNameText(w, code, ens);
            w.writeEndElement();
            w.writeStartElement("faultstring");
            w.writeAttribute("xml", EnvelopeNames.XML_NS, "lang", "en-US");
            w.writeCharacters(f.reason());
            w.writeEndElement();
            if (f.detail().isPresent()) {
                w.writeStartElement("detail");
                w.writeCharacters("");
                w.writeRaw(f.detail().get().xml());
                w.writeEndElement();
            }
        }
    }

    private static void writeSubcodes(XMLStreamWriter2 w, List<QName> subcodes, int i, String ens)
            throws XMLStreamException {
        if (i >= subcodes.size()) {
            return;
        }
        w.writeStartElement(ENVELOPE_PREFIX, "Subcode", ens);
        w.writeStartElement(ENVELOPE_PREFIX, "Value", ens);
        writeQNameText(w, subcodes.get(i), ens);
        w.writeEndElement();
        writeSubcodes(w, subcodes, i + 1, ens);
        w.writeEndElement();
    }

    /** Writes {@code prefix:local} as text, declaring the prefix on the current element when it is not the envelope's. */
    private static void writeQNameText(XMLStreamWriter2 w, QName q, String ens) throws XMLStreamException {
        if (q.getNamespaceURI().equals(ens)) {
            w.writeCharacters(ENVELOPE_PREFIX + ":" + q.getLocalPart());
            return;
        }
        String bound = w.getNamespaceContext().getPrefix(q.getNamespaceURI());
        if (bound != null && !bound.isEmpty()) {
            // in scope already (e.g. WS-Addressing's a on the envelope): WCF writes no declaration
            w.writeCharacters(bound + ":" + q.getLocalPart());
            return;
        }
        String prefix = q.getPrefix().isEmpty() || q.getPrefix().equals(ENVELOPE_PREFIX) ? "a" : q.getPrefix();
        w.writeNamespace(prefix, q.getNamespaceURI());
        w.writeCharacters(prefix + ":" + q.getLocalPart());
    }
}

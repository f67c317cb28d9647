package io.github.wcf4j.runtime.encoding.binary;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.XMLStreamWriter2;
import org.codehaus.stax2.ri.Stax2WriterAdapter;

/**
 * A StAX writer whose events become binary XML records at once ({@link EnvelopeRecords}), with no envelope text in
 * between: the binary encoder hands it to the envelope writer. It sees what a reader of the text the envelope writer
 * would have written sees: an element's declarations and attributes each in call order, adjacent texts as one, no
 * empty text, comments and processing instructions dropped (ending a text, as they do for a reader); raw XML ({@code writeRaw}: buffered headers, bodies) is
 * parsed, in the scope of the declarations around it, and replayed. Not thread-safe; one per document.
 */
public final class NbfxStreamWriter implements XMLStreamWriter {
    private static final WstxInputFactory RAW = rawFactory();

    private final EnvelopeRecords records;
    /** Prefix bindings, innermost element's first; the bottom one is the document's. */
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    /** Bytes of a {@code writeBinary} not yet written (fewer than 3). */
    private final byte[] trailBytes = new byte[3];
    private int trail;
    private String[] pending;
    private boolean pendingEmpty;
    private List<String[]> pendingXmlns = new ArrayList<>();
    private List<String[]> pendingAttributes = new ArrayList<>();

    /** @param session receives the session strings used ({@code null}: a sessionless document) */
    public NbfxStreamWriter(NbfxOutput out, SessionWriterStrings session) {
        this.records = new EnvelopeRecords(out, session);
        scopes.push(new HashMap<>());
    }

    /** This writer as the {@link XMLStreamWriter2} the envelope writer and message headers write to. */
    public Records asStax2() {
        return new Records();
    }

    /** This writer's {@link XMLStreamWriter2} view: raw XML replayed, binary content as Bytes records. */
    public final class Records extends Stax2WriterAdapter {
        private Records() {
            super(NbfxStreamWriter.this);
        }

        /**
         * As WCF's {@code XmlBinaryWriter.WriteBase64}: a Bytes record of a multiple of 3 bytes, the 1 or 2 left over
         * kept for the next call (or written as the run's last record by the next other event), so the records'
         * base64 texts join into the base64 of the whole; never merged with texts (the text before it ends).
         */
        @Override
        public void writeBinary(byte[] value, int from, int length) throws XMLStreamException {
            flushStart();
            flushText();
            int at = from;
            int left = length;
            if (trail > 0) {
                while (trail < 3 && left > 0) {
                    trailBytes[trail++] = value[at++];
                    left--;
                }
                if (trail < 3) {
                    return;
                }
                byte[] joined = new byte[3 + left - left % 3];
                System.arraycopy(trailBytes, 0, joined, 0, 3);
                System.arraycopy(value, at, joined, 3, joined.length - 3);
                trail = 0;
                records.bytes(joined, 0, joined.length);
                at += joined.length - 3;
                left -= joined.length - 3;
            } else if (left >= 3) {
                int whole = left - left % 3;
                records.bytes(value, at, whole);
                at += whole;
                left -= whole;
            }
            System.arraycopy(value, at, trailBytes, 0, left);
            trail = left;
        }

        @Override
        public void writeRaw(String xml) throws XMLStreamException {
            replay(xml);
        }

        @Override
        public void writeRaw(String xml, int offset, int length) throws XMLStreamException {
            replay(xml.substring(offset, offset + length));
        }

        @Override
        public void writeRaw(char[] xml, int offset, int length) throws XMLStreamException {
            replay(new String(xml, offset, length));
        }
    }

    private static WstxInputFactory rawFactory() {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** Parses {@code xml} (a fragment: any number of elements and texts) in the current scope and writes its events. */
    void replay(String xml) throws XMLStreamException {
        StringBuilder wrapped = new StringBuilder(xml.length() + 128).append("<r");
        Map<String, String> inScope = new HashMap<>();
        for (Iterator<Map<String, String>> it = scopes.descendingIterator(); it.hasNext(); ) {
            inScope.putAll(it.next());
        }
        if (pending != null) {
            pendingXmlns.forEach(d -> inScope.put(d[0], d[1]));
        }
        for (Map.Entry<String, String> b : inScope.entrySet()) {
            if (b.getKey().equals("xml")) {
                continue;
            }
            wrapped.append(b.getKey().isEmpty() ? " xmlns" : " xmlns:" + b.getKey()).append("=\"")
                    .append(b.getValue().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
                    .append('"');
        }
        wrapped.append('>').append(xml).append("</r>");
        XMLStreamReader r = RAW.createXMLStreamReader(new StringReader(wrapped.toString()));
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth++ == 0) {
                    continue;
                }
                writeStartElement(r.getPrefix() == null ? "" : r.getPrefix(), r.getLocalName(),
                        r.getNamespaceURI() == null ? "" : r.getNamespaceURI());
                for (int i = 0; i < r.getNamespaceCount(); i++) {
                    writeNamespace(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i),
                            r.getNamespaceURI(i) == null ? "" : r.getNamespaceURI(i));
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    writeAttribute(r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i),
                            r.getAttributeNamespace(i) == null ? "" : r.getAttributeNamespace(i),
                            r.getAttributeLocalName(i), r.getAttributeValue(i));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (--depth > 0) {
                    writeEndElement();
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                writeCharacters(r.getText());
            } else if (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                writeComment("");
            }
        }
    }

    private void flushStart() {
        if (pending == null) {
            return;
        }
        records.start(pending[0], pending[1], pending[2], pendingXmlns, pendingAttributes);
        pending = null;
        pendingXmlns = new ArrayList<>();
        pendingAttributes = new ArrayList<>();
        if (pendingEmpty) {
            pendingEmpty = false;
            records.end();
            scopes.pop();
        }
    }

    private void flushText() {
        if (text.length() > 0) {
            records.text(text.toString());
            text.setLength(0);
        }
    }

    private void flush(boolean structural) {
        flushStart();
        flushTrail();
        if (structural) {
            flushText();
        }
    }

    /** The bytes a {@code writeBinary} left over (fewer than 3), as the last Bytes record of their run. */
    private void flushTrail() {
        if (trail > 0) {
            records.bytes(trailBytes, 0, trail);
            trail = 0;
        }
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) {
        flush(true);
        pending = new String[] {prefix == null ? "" : prefix, localName, namespaceURI == null ? "" : namespaceURI};
        scopes.push(new HashMap<>());
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) {
        String prefix = getPrefix(namespaceURI);
        writeStartElement(prefix == null ? "" : prefix, localName, namespaceURI);
    }

    @Override
    public void writeStartElement(String localName) {
        String ns = getNamespaceContext().getNamespaceURI("");
        writeStartElement("", localName, ns == null ? "" : ns);
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) {
        writeStartElement(namespaceURI, localName);
        pendingEmpty = true;
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) {
        writeStartElement(prefix, localName, namespaceURI);
        pendingEmpty = true;
    }

    @Override
    public void writeEmptyElement(String localName) {
        writeStartElement(localName);
        pendingEmpty = true;
    }

    @Override
    public void writeEndElement() {
        flush(true);
        records.end();
        scopes.pop();
    }

    @Override
    public void writeEndDocument() {
        flush(true);
        while (scopes.size() > 1) {
            writeEndElement();
        }
    }

    @Override
    public void close() {
    }

    @Override
    public void flush() {
    }

    @Override
    public void writeAttribute(String localName, String value) {
        writeAttribute("", "", localName, value);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value) {
        if (pending == null) {
            throw new IllegalStateException("an attribute outside a start element");
        }
        pendingAttributes.add(new String[] {prefix == null ? "" : prefix, localName, value});
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) {
        String prefix = namespaceURI == null || namespaceURI.isEmpty() ? "" : getPrefix(namespaceURI);
        writeAttribute(prefix == null ? "" : prefix, namespaceURI, localName, value);
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) {
        if (prefix == null || prefix.isEmpty() || prefix.equals(XMLConstants.XMLNS_ATTRIBUTE)) {
            writeDefaultNamespace(namespaceURI);
            return;
        }
        if (pending == null) {
            throw new IllegalStateException("a namespace declaration outside a start element");
        }
        pendingXmlns.add(new String[] {prefix, namespaceURI == null ? "" : namespaceURI});
        scopes.peek().put(prefix, namespaceURI == null ? "" : namespaceURI);
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) {
        if (pending == null) {
            throw new IllegalStateException("a namespace declaration outside a start element");
        }
        pendingXmlns.add(new String[] {"", namespaceURI == null ? "" : namespaceURI});
        scopes.peek().put("", namespaceURI == null ? "" : namespaceURI);
    }

    @Override
    public void writeComment(String data) {
        flush(true);
    }

    @Override
    public void writeProcessingInstruction(String target) {
        flush(true);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) {
        flush(true);
    }

    @Override
    public void writeCData(String data) {
        writeCharacters(data);
    }

    @Override
    public void writeDTD(String dtd) {
    }

    @Override
    public void writeEntityRef(String name) {
        throw new IllegalStateException("entity references are not written in a SOAP envelope");
    }

    @Override
    public void writeStartDocument() {
    }

    @Override
    public void writeStartDocument(String version) {
    }

    @Override
    public void writeStartDocument(String encoding, String version) {
    }

    @Override
    public void writeCharacters(String value) {
        flush(false);
        text.append(value);
    }

    @Override
    public void writeCharacters(char[] value, int start, int len) {
        flush(false);
        text.append(value, start, len);
    }

    @Override
    public String getPrefix(String uri) {
        for (Map<String, String> scope : scopes) {
            for (Map.Entry<String, String> b : scope.entrySet()) {
                if (b.getValue().equals(uri) && uri.equals(getNamespaceContext().getNamespaceURI(b.getKey()))) {
                    return b.getKey();
                }
            }
        }
        return null;
    }

    @Override
    public void setPrefix(String prefix, String uri) {
        scopes.peek().put(prefix == null ? "" : prefix, uri == null ? "" : uri);
    }

    @Override
    public void setDefaultNamespace(String uri) {
        setPrefix("", uri);
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) {
        throw new UnsupportedOperationException("the binary writer keeps its own namespace context");
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                if ("xml".equals(prefix)) {
                    return XMLConstants.XML_NS_URI;
                }
                for (Map<String, String> scope : scopes) {
                    String uri = scope.get(prefix);
                    if (uri != null) {
                        return uri;
                    }
                }
                return prefix.isEmpty() ? "" : null;
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return NbfxStreamWriter.this.getPrefix(namespaceURI);
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                String p = NbfxStreamWriter.this.getPrefix(namespaceURI);
                return p == null ? List.<String>of().iterator() : List.of(p).iterator();
            }
        };
    }

    @Override
    public Object getProperty(String name) {
        if (javax.xml.stream.XMLOutputFactory.IS_REPAIRING_NAMESPACES.equals(name)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("no property " + name);
    }
}

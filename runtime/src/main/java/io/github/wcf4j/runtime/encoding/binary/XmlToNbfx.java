package io.github.wcf4j.runtime.encoding.binary;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Writes a SOAP envelope given as XML text in binary XML ({@link EnvelopeRecords}): the path of a message whose
 * envelope protection (message security) rewrote its text; others are written directly ({@link NbfxStreamWriter}).
 * The envelope text is wcf4j's own writer's output, so it has no DTD; comments and processing instructions are dropped (WCF's serializers write none). Thread-safe.
 */
public final class XmlToNbfx {
    private final WstxInputFactory factory = new WstxInputFactory();

    public XmlToNbfx() {
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * Transcodes the UTF-8 envelope {@code xml} into {@code out}; {@code session} ({@code null}: none) receives the
     * session strings it uses.
     */
    public void write(byte[] xml, NbfxOutput out, SessionWriterStrings session) {
        EnvelopeRecords records = new EnvelopeRecords(out, session);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8");
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    startElement(r, records);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    records.text(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    records.end();
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot transcode the envelope: " + e.getMessage(), e);
        }
    }

    /** The reader's current start element, its declarations and attributes, as {@code records} take them. */
    static void startElement(XMLStreamReader r, EnvelopeRecords records) {
        List<String[]> xmlns = new ArrayList<>(r.getNamespaceCount());
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            xmlns.add(new String[] {r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i),
                    r.getNamespaceURI(i) == null ? "" : r.getNamespaceURI(i)});
        }
        List<String[]> attributes = new ArrayList<>(r.getAttributeCount());
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attributes.add(new String[] {r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i),
                    r.getAttributeLocalName(i), r.getAttributeValue(i)});
        }
        records.start(r.getPrefix() == null ? "" : r.getPrefix(), r.getLocalName(),
                r.getNamespaceURI() == null ? "" : r.getNamespaceURI(), xmlns, attributes);
    }
}

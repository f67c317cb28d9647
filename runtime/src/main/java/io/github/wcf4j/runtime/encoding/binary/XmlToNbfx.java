package io.github.wcf4j.runtime.encoding.binary;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Writes a SOAP envelope given as XML text in binary XML, each string from where WCF's writer would take it
 * ({@link EnvelopeStrings}) and each record as {@link NbfxWriter} chooses. The envelope text is wcf4j's own writer's
 * output, so it has no DTD; comments and processing instructions are dropped (WCF's serializers write none). Thread-safe.
 */
public final class XmlToNbfx {
    private static final Pattern UNIQUE_ID = Pattern.compile(
            "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
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
        NbfxWriter w = new NbfxWriter(out);
        Deque<Scope> open = new ArrayDeque<>();
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8");
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    Scope parent = open.peek();
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    EnvelopeStrings kind = EnvelopeStrings.of(parent == null ? null : parent.kind,
                            parent == null ? "" : parent.local, open.size(), ns, r.getLocalName());
                    open.push(new Scope(kind, ns, r.getLocalName()));
                    startElement(r, w, kind, session);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    Scope scope = open.peek();
                    if (scope != null) {
                        text(r.getText(), scope, w, session);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                    w.endElement();
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot transcode the envelope: " + e.getMessage(), e);
        }
    }

    private static void startElement(XMLStreamReader r, NbfxWriter w, EnvelopeStrings kind,
            SessionWriterStrings session) {
        String prefix = r.getPrefix() == null ? "" : r.getPrefix();
        w.startElement(prefix, r.getLocalName(), nameId(kind, r.getLocalName(), session));
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i);
            String uri = r.getNamespaceURI(i) == null ? "" : r.getNamespaceURI(i);
            w.xmlns(p, uri, uri.isEmpty() ? -1 : nameId(kind, uri, session));
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String p = r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i);
            String local = r.getAttributeLocalName(i);
            w.attribute(p, local, nameId(kind, local, session), r.getAttributeValue(i));
        }
    }

    /** The wire id of a name or namespace of an element of {@code kind}, {@code -1} when inline. */
    private static int nameId(EnvelopeStrings kind, String s, SessionWriterStrings session) {
        if (kind == EnvelopeStrings.INFRASTRUCTURE) {
            int index = StaticDictionary.indexOf(s);
            return index >= 0 ? 2 * index : -1;
        }
        return session == null ? -1 : session.idOf(s);
    }

    private static void text(String value, Scope scope, NbfxWriter w, SessionWriterStrings session) {
        if (scope.kind == EnvelopeStrings.PAYLOAD) {
            w.text(value);
            return;
        }
        int staticIndex = StaticDictionary.indexOf(value);
        if (staticIndex >= 0) {
            w.dictionaryText(2 * staticIndex);
        } else if (EnvelopeStrings.sessionText(scope.ns, scope.local) && session != null && !value.isEmpty()
                && session.idOf(value) >= 0) {
            w.dictionaryText(session.idOf(value));
        } else if (UNIQUE_ID.matcher(value).matches()) {
            w.uniqueIdText(UUID.fromString(value.substring("urn:uuid:".length())));
        } else {
            w.text(value);
        }
    }

    private static final class Scope {
        final EnvelopeStrings kind;
        final String ns;
        final String local;

        Scope(EnvelopeStrings kind, String ns, String local) {
            this.kind = kind;
            this.ns = ns;
            this.local = local;
        }
    }
}

package io.github.wcf4j.config.read;

import com.ctc.wstx.stax.WstxOutputFactory;
import io.github.wcf4j.config.SourceLocation;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Records, as the reader passes them, the children of every element named in {@link VerbatimElements}, each child as a
 * standalone XML string: exactly its attributes and content, with every namespace declaration in scope at that child
 * written on the child itself. WCF keeps an endpoint's {@code <headers>} children the same way
 * ({@code XmlDictionaryWriter.WriteNode} into a buffer), from the section's own XML: declarations above the section do
 * not count (an element without prefix under {@code <configuration xmlns="...">} is in no namespace), and a prefix
 * only they declare is undeclared, which the content reports.
 *
 * <p>Comments directly inside the recorded element are skipped (as {@code XmlReader.IsStartElement} skips them);
 * comments and processing instructions inside a child are kept. Not thread-safe: one per read.
 */
final class RawXmlRecorder {
    private static final XMLOutputFactory OUTPUT = new WstxOutputFactory();

    private final VerbatimElements verbatim;
    /** The declarations of each open element, outermost first. */
    private final List<Map<String, String>> declarations = new ArrayList<>();
    private final Map<SourceLocation, RawContent> recorded = new HashMap<>();
    private final Map<SourceLocation, Integer> lastStartTags = new HashMap<>();

    // the element being recorded, if any
    private SourceLocation recording;
    private int recordingDepth;
    private List<RawElement> elements;
    private List<String> attributes;
    private List<RawContent.UndeclaredPrefix> undeclared;
    private boolean hasText;

    // the child being written, if any
    private StringWriter buffer;
    private XMLStreamWriter writer;
    private String childName;
    private String childNamespace;

    RawXmlRecorder(VerbatimElements verbatim) {
        this.verbatim = verbatim;
    }

    /** What was recorded for the element starting at {@code at}; empty content if nothing was. */
    RawContent recorded(SourceLocation at) {
        return recorded.getOrDefault(at, RawContent.empty());
    }

    /** The index of the last start tag inside the element recorded at {@code at} (-1 if none was recorded there). */
    int lastStartTagWithin(SourceLocation at) {
        return lastStartTags.getOrDefault(at, -1);
    }

    /** Follows the event {@code reader} is on. */
    void on(ElementTracker reader) throws XMLStreamException {
        switch (reader.getEventType()) {
            case XMLStreamConstants.START_ELEMENT:
                start(reader);
                break;
            case XMLStreamConstants.END_ELEMENT:
                end(reader.startTags() - 1);
                break;
            case XMLStreamConstants.CHARACTERS:
            case XMLStreamConstants.SPACE:
            case XMLStreamConstants.CDATA:
                text(reader);
                break;
            case XMLStreamConstants.COMMENT:
                if (writer != null) {
                    writer.writeComment(reader.getText());
                }
                break;
            case XMLStreamConstants.PROCESSING_INSTRUCTION:
                if (writer != null) {
                    writer.writeProcessingInstruction(reader.getPITarget(), reader.getPIData());
                }
                break;
            default:
                break;
        }
    }

    private void start(ElementTracker reader) throws XMLStreamException {
        Map<String, String> own = new LinkedHashMap<>();
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            own.put(orEmpty(reader.getNamespacePrefix(i)), orEmpty(reader.getNamespaceURI(i)));
        }
        declarations.add(own);
        int depth = declarations.size();
        if (writer != null) {
            writeStart(reader, own);
        } else if (recording != null && depth == recordingDepth + 1) {
            buffer = new StringWriter();
            writer = OUTPUT.createXMLStreamWriter(buffer);
            childName = reader.getLocalName();
            childNamespace = writeStart(reader, written(inScope()));
        } else if (recording == null && verbatim.names().contains(reader.getLocalName())) {
            recording = reader.here();
            recordingDepth = depth;
            elements = new ArrayList<>();
            attributes = new ArrayList<>();
            undeclared = new ArrayList<>();
            hasText = false;
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.add(reader.getAttributeLocalName(i));
            }
        }
    }

    private void end(int lastStartTag) throws XMLStreamException {
        int depth = declarations.size();
        if (writer != null) {
            writer.writeEndElement();
            if (depth == recordingDepth + 1) {
                writer.close();
                elements.add(new RawElement(childName, childNamespace, buffer.toString()));
                writer = null;
                buffer = null;
            }
        } else if (recording != null && depth == recordingDepth) {
            recorded.put(recording, new RawContent(elements, attributes, hasText, undeclared));
            lastStartTags.put(recording, lastStartTag);
            recording = null;
        }
        declarations.remove(depth - 1);
    }

    private void text(XMLStreamReader reader) throws XMLStreamException {
        if (writer != null) {
            if (reader.getEventType() == XMLStreamConstants.CDATA) {
                writer.writeCData(reader.getText());
            } else {
                writer.writeCharacters(reader.getText());
            }
        } else if (recording != null && !reader.getText().isBlank()) {
            hasText = true;
        }
    }

    /**
     * Writes the start tag the reader is on with {@code namespaces} declared on it; returns the element's namespace as
     * the section's declarations bind its prefix.
     */
    private String writeStart(ElementTracker reader, Map<String, String> namespaces) throws XMLStreamException {
        Map<String, String> scope = inScope();
        String prefix = orEmpty(reader.getPrefix());
        String namespace = bound(scope, prefix, reader);
        writer.writeStartElement(prefix, reader.getLocalName(), namespace);
        for (Map.Entry<String, String> d : namespaces.entrySet()) {
            if (d.getKey().isEmpty()) {
                writer.writeDefaultNamespace(d.getValue());
            } else {
                writer.writeNamespace(d.getKey(), d.getValue());
            }
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributePrefix = orEmpty(reader.getAttributePrefix(i));
            if (attributePrefix.isEmpty()) {
                writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            } else {
                writer.writeAttribute(attributePrefix, bound(scope, attributePrefix, reader),
                        reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }
        return namespace;
    }

    /** What {@code prefix} is bound to in the section ({@code ""} for an unbound default), reporting it if unbound. */
    private String bound(Map<String, String> scope, String prefix, ElementTracker reader) {
        if (prefix.isEmpty() || XMLConstants.XML_NS_PREFIX.equals(prefix)) {
            return prefix.isEmpty() ? scope.getOrDefault("", "") : XMLConstants.XML_NS_URI;
        }
        String namespace = scope.get(prefix);
        if (namespace == null) {
            undeclared.add(new RawContent.UndeclaredPrefix(prefix, reader.here()));
            return orEmpty(reader.getNamespaceURI(prefix));
        }
        return namespace;
    }

    /** The declarations in scope at the current element, from the section down, innermost winning. */
    private Map<String, String> inScope() {
        Map<String, String> scope = new LinkedHashMap<>();
        for (int d = verbatim.sectionDepth() - 1; d < declarations.size(); d++) {
            scope.putAll(declarations.get(d));
        }
        return scope;
    }

    /** The declarations to write on a standalone element: no {@code xml} prefix, no empty default namespace. */
    private static Map<String, String> written(Map<String, String> scope) {
        Map<String, String> out = new LinkedHashMap<>(scope);
        out.remove(XMLConstants.XML_NS_PREFIX);
        if (out.getOrDefault("", "").isEmpty()) {
            out.remove("");
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

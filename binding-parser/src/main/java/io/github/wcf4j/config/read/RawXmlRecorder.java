package io.github.wcf4j.config.read;

import com.ctc.wstx.stax.WstxOutputFactory;
import io.github.wcf4j.config.SourceLocation;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Records, as the reader passes them, the children of every element whose name is in a given set, each child as a
 * standalone XML string: exactly its attributes and content, with every namespace declaration in scope at that child
 * (declared on it or on an ancestor) written on the child itself. WCF keeps an endpoint's {@code <headers>} children
 * the same way ({@code XmlDictionaryWriter.WriteNode} into a buffer), so that a prefix declared on
 * {@code <configuration>} still resolves when the header is written into a SOAP envelope.
 *
 * <p>Comments directly inside the recorded element are skipped (as {@code XmlReader.IsStartElement} skips them);
 * comments and processing instructions inside a child are kept. Not thread-safe: one per read.
 */
final class RawXmlRecorder {
    private static final XMLOutputFactory OUTPUT = new WstxOutputFactory();

    private final Set<String> names;
    private final Deque<Map<String, String>> declarations = new ArrayDeque<>();
    private final Map<SourceLocation, RawContent> recorded = new HashMap<>();
    private final Map<SourceLocation, Integer> lastStartTags = new HashMap<>();
    private int depth;

    // the element being recorded, if any
    private SourceLocation recording;
    private int recordingDepth;
    private List<RawElement> elements;
    private List<String> attributes;
    private boolean hasText;

    // the child being written, if any
    private StringWriter buffer;
    private XMLStreamWriter writer;
    private String childName;
    private String childNamespace;

    RawXmlRecorder(Set<String> names) {
        this.names = Set.copyOf(names);
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
                start(reader, reader.here());
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

    private void start(XMLStreamReader reader, SourceLocation at) throws XMLStreamException {
        depth++;
        Map<String, String> own = new LinkedHashMap<>();
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            own.put(prefix == null ? "" : prefix, reader.getNamespaceURI(i) == null ? "" : reader.getNamespaceURI(i));
        }
        declarations.push(own);
        if (writer != null) {
            writeStart(reader, own);
        } else if (recording != null && depth == recordingDepth + 1) {
            buffer = new StringWriter();
            writer = OUTPUT.createXMLStreamWriter(buffer);
            childName = reader.getLocalName();
            childNamespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            writeStart(reader, inScope());
        } else if (recording == null && names.contains(reader.getLocalName())) {
            recording = at;
            recordingDepth = depth;
            elements = new ArrayList<>();
            attributes = new ArrayList<>();
            hasText = false;
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.add(reader.getAttributeLocalName(i));
            }
        }
    }

    private void end(int lastStartTag) throws XMLStreamException {
        if (writer != null) {
            writer.writeEndElement();
            if (depth == recordingDepth + 1) {
                writer.close();
                elements.add(new RawElement(childName, childNamespace, buffer.toString()));
                writer = null;
                buffer = null;
            }
        } else if (recording != null && depth == recordingDepth) {
            recorded.put(recording, new RawContent(elements, attributes, hasText));
            lastStartTags.put(recording, lastStartTag);
            recording = null;
        }
        declarations.pop();
        depth--;
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

    private void writeStart(XMLStreamReader reader, Map<String, String> namespaces) throws XMLStreamException {
        String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
        String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        writer.writeStartElement(prefix, reader.getLocalName(), namespace);
        for (Map.Entry<String, String> d : namespaces.entrySet()) {
            if (d.getKey().isEmpty()) {
                writer.writeDefaultNamespace(d.getValue());
            } else {
                writer.writeNamespace(d.getKey(), d.getValue());
            }
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributeNamespace = reader.getAttributeNamespace(i);
            if (attributeNamespace == null || attributeNamespace.isEmpty()) {
                writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            } else {
                writer.writeAttribute(reader.getAttributePrefix(i), attributeNamespace, reader.getAttributeLocalName(i),
                        reader.getAttributeValue(i));
            }
        }
    }

    /**
     * Every declaration in scope at the current element, innermost winning; an undeclared default namespace
     * ({@code xmlns=""} or none) and the predefined {@code xml} prefix are not written.
     */
    private Map<String, String> inScope() {
        Map<String, String> scope = new LinkedHashMap<>();
        declarations.descendingIterator().forEachRemaining(scope::putAll);
        scope.remove(XMLConstants.XML_NS_PREFIX);
        if (scope.getOrDefault("", "").isEmpty()) {
            scope.remove("");
        }
        return scope;
    }
}

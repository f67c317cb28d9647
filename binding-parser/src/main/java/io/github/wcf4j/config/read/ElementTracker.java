package io.github.wcf4j.config.read;

import io.github.wcf4j.config.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Records where every element starts while Jackson pulls events, so that diagnostics point at the element they concern
 * even though Jackson reads ahead.
 *
 * <p>Elements are {@linkplain #claim(String) claimed} in document order: the first not-yet-claimed start tag with the
 * requested name after the last claim. Jackson deserializes elements in document order, so each DTO, unknown element and
 * opaque element claims exactly its own start tag. The children of elements kept verbatim ({@link RawXmlElement}) are
 * recorded on the way ({@link RawXmlRecorder}). Not thread-safe: one tracker per read.
 */
public final class ElementTracker extends StreamReaderDelegate {
    private final String source;
    private final String rootName;
    private final List<String> names = new ArrayList<>();
    private final List<int[]> positions = new ArrayList<>();
    private final RawXmlRecorder raw;
    private int cursor = -1;

    ElementTracker(XMLStreamReader reader, String source, VerbatimElements verbatim) throws XMLStreamException {
        super(reader);
        this.source = source;
        this.rootName = reader.getLocalName();
        this.raw = new RawXmlRecorder(verbatim);
        recordIfStart();
        raw.on(this);
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        recordIfStart();
        raw.on(this);
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace()
                || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected start or end tag", getLocation());
        }
        return event;
    }

    private void recordIfStart() {
        if (getEventType() == XMLStreamConstants.START_ELEMENT) {
            names.add(getLocalName());
            positions.add(new int[] {getLocation().getLineNumber(), getLocation().getColumnNumber()});
        }
    }

    /** Claims the next start tag named {@code name} and returns where it is (or the current position if none). */
    public SourceLocation claim(String name) {
        for (int i = cursor + 1; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                cursor = i;
                return new SourceLocation(source, positions.get(i)[0], positions.get(i)[1]);
            }
        }
        return here();
    }

    /** The reader's position: for an attribute, the start of its element. */
    public SourceLocation here() {
        return new SourceLocation(source, getLocation().getLineNumber(), getLocation().getColumnNumber());
    }

    /** Whether the reader sits on the start tag of an element carrying attribute {@code name} (and not named so itself). */
    public boolean isAttributeOfCurrentElement(String name) {
        if (getEventType() != XMLStreamConstants.START_ELEMENT || getLocalName().equals(name)) {
            return false;
        }
        for (int i = 0; i < getAttributeCount(); i++) {
            if (getAttributeLocalName(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The local name of the document's root element. */
    public String rootName() {
        return rootName;
    }

    /**
     * The content recorded for the verbatim element whose start tag is at {@code at}; the start tags inside it are
     * claimed, so that an element inside a header never stands in for a configuration element of the same name.
     */
    RawContent claimRecorded(SourceLocation at) {
        cursor = Math.max(cursor, raw.lastStartTagWithin(at));
        return raw.recorded(at);
    }

    /** How many start tags have been read. */
    int startTags() {
        return names.size();
    }

    /** The source name diagnostics carry. */
    public String source() {
        return source;
    }
}

package io.github.wcf4j.runtime.encoding.binary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader over the records of an [MC-NBFX] document: the pull counterpart of {@link NbfxStreamWriter}, so the
 * envelope reader reads binary XML without a text envelope being made. It gives the events a namespace-aware,
 * coalescing reader of {@link NbfxReader}'s text would give (adjacent text records one {@code CHARACTERS} event, empty
 * texts none, a folded end element its {@code END_ELEMENT}, an Array record an element per item) and refuses what that
 * path refuses, with the same {@link MalformedBinaryException}s (depth, array length, strict UTF-8, names, the
 * 32-characters-per-byte expansion bound) and what the text reader would (undeclared prefixes, duplicate attributes,
 * more than 512 attributes, an attribute value longer than {@code maxAttributeSize}).
 *
 * <p>Where the envelope reader keeps an element's raw XML (a header, the body's children), it asks for it with
 * {@link #startRecording()} on the element's start tag and {@link #stopRecording(int)} on its end tag: the events
 * between are written as {@link NbfxReader} writes them, so both read paths keep the same text. Not thread-safe.
 */
public final class NbfxStreamReader implements XMLStreamReader {
    private static final int MAX_ATTRIBUTES = 512;
    /** The most bytes of a Bytes record one {@code CHARACTERS} event carries when they come in pieces. */
    static final int BYTES_PIECE = 3 * 16 * 1024;
    private static final Location NOWHERE = new Location() {
        @Override
        public int getLineNumber() {
            return -1;
        }

        @Override
        public int getColumnNumber() {
            return -1;
        }

        @Override
        public int getCharacterOffset() {
            return -1;
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return null;
        }
    };

    private final BinaryInput in;
    private final DictionaryLookup dictionary;
    private final int maxDepth;
    private final int maxArrayLength;
    private final int maxAttributeSize;
    private final long maxChars;
    private long chars;

    private int event = START_DOCUMENT;
    private boolean rootSeen;
    private final ArrayList<Open> open = new ArrayList<>();
    /** Declarations in scope: prefix, uri pairs, innermost last. */
    private final ArrayList<String> scope = new ArrayList<>();
    /** The element of the current START_ELEMENT or END_ELEMENT event. */
    private Open current;
    /** The current start tag's attributes and declarations in record order (for the raw text). */
    private final ArrayList<String[]> tagItems = new ArrayList<>();
    private final ArrayList<Attr> attributes = new ArrayList<>();
    private String text;
    private char[] textChars;
    private boolean pendingEnd;

    /** An Array record in progress: its start tag, value type and the items left. */
    private Open arrayElement;
    private List<String[]> arrayItems;
    private List<Attr> arrayAttributes;
    private int arrayValueType;
    private int arrayLeft;
    private int arrayPhase;

    /** Streamed: Bytes records are given in pieces of at most {@link #BYTES_PIECE} bytes, never merged. */
    private boolean bytesInPieces;
    private long bytesLeft;
    private boolean bytesEnd;

    private StringBuilder recording;
    private int recordingDepth;
    private int lastStartTag;

    private record Open(String prefix, String local, String namespace, String qname, int scopeStart) {
    }

    private record Attr(String prefix, String local, String namespace, String value) {
    }

    public NbfxStreamReader(BinaryInput in, DictionaryLookup dictionary, int maxDepth, int maxArrayLength,
            int maxAttributeSize) {
        this.in = in;
        this.dictionary = dictionary;
        this.maxDepth = maxDepth;
        this.maxArrayLength = maxArrayLength;
        this.maxAttributeSize = maxAttributeSize;
        this.maxChars = (long) in.remaining() * NbfxReader.EXPANSION + 65_536;
    }

    /**
     * Reads each Bytes8/16/32 record (WCF's {@code WriteBase64}: a stream operation's part) as it arrives, in
     * {@code CHARACTERS} events of at most {@link #BYTES_PIECE} bytes as base64, never merged with the texts around
     * it: a streamed body's part is never held whole. The events then differ from a coalescing text reader's (one
     * text for adjacent records), which only a streamed body's incremental reader sees. Returns this reader.
     */
    public NbfxStreamReader bytesInPieces() {
        this.bytesInPieces = true;
        return this;
    }

    /**
     * Starts keeping the raw XML of the element whose start tag is the current event; returns the mark to pass to
     * {@link #stopRecording(int)}. Recordings nest.
     */
    public int startRecording() {
        if (event != START_ELEMENT) {
            throw new IllegalStateException("not on a start tag");
        }
        if (recording == null) {
            recording = new StringBuilder(256);
            lastStartTag = 0;
            appendStartTag(recording);
        }
        recordingDepth++;
        return lastStartTag;
    }

    /** The raw XML from {@code mark} to the current event (the element's end tag). */
    public String stopRecording(int mark) {
        String s = recording.substring(mark);
        if (--recordingDepth == 0) {
            recording = null;
        }
        return s;
    }

    /** Ends every recording (a read that stopped inside one, e.g. at a quota, goes on without keeping text). */
    public void discardRecordings() {
        recording = null;
        recordingDepth = 0;
    }

    @Override
    public int next() throws XMLStreamException {
        if (event == END_ELEMENT) {
            truncateScope(current.scopeStart);
        }
        if (event == END_DOCUMENT) {
            throw new java.util.NoSuchElementException("the document has ended");
        }
        event = advance();
        switch (event) {
            case START_ELEMENT:
                charge(current.qname.length() + 2 + tagItems.size() * 4L);
                if (recording != null) {
                    lastStartTag = recording.length();
                    appendStartTag(recording);
                }
                break;
            case END_ELEMENT:
                charge(current.qname.length() + 3);
                if (recording != null) {
                    recording.append("</").append(current.qname).append('>');
                }
                break;
            case CHARACTERS:
                charge(text.length());
                if (recording != null) {
                    NbfxReader.appendText(recording, text, false);
                }
                break;
            case COMMENT:
                charge(text.length() + 7);
                if (recording != null) {
                    recording.append("<!--").append(text).append("-->");
                }
                break;
            default:
                break;
        }
        return event;
    }

    private void charge(long n) {
        chars += n;
        if (chars > maxChars) {
            throw new MalformedBinaryException("The binary XML document expands to more than "
                    + NbfxReader.EXPANSION + " characters per byte.");
        }
    }

    private int advance() {
        if (pendingEnd) {
            pendingEnd = false;
            return endElement();
        }
        if (arrayLeft > 0) {
            return arrayItem();
        }
        if (bytesLeft > 0) {
            return bytesPiece();
        }
        while (true) {
            if (in.atEnd()) {
                if (!open.isEmpty() || !rootSeen) {
                    throw new MalformedBinaryException(
                            "The binary XML document ends before its document element does.");
                }
                return END_DOCUMENT;
            }
            int type = in.readByte();
            if (open.isEmpty()) {
                if (rootSeen || !NbfxReader.isElement(type)) {
                    throw new MalformedBinaryException(NbfxRecord.isText(type) && !rootSeen
                            ? "Text outside the document element." : "Data after the document element.");
                }
            }
            if (NbfxReader.isElement(type)) {
                if (open.size() >= maxDepth) {
                    throw new MalformedBinaryException("The maximum read depth (" + maxDepth + ") has been exceeded"
                            + " because XML data being read has more levels of nesting than is allowed by the quota.");
                }
                rootSeen = true;
                startTag(type);
                return START_ELEMENT;
            }
            if (NbfxRecord.isAttribute(type)) {
                throw new MalformedBinaryException(String.format("An attribute record 0x%02X outside a start tag.",
                        type));
            }
            if (bytesInPieces && isBytes(type)) {
                int width = (type & ~1) == NbfxRecord.BYTES8_TEXT ? 1 : (type & ~1) == NbfxRecord.BYTES16_TEXT ? 2 : 4;
                long length = in.readLittleEndian(width);
                if (length < 0 || length > Integer.MAX_VALUE) {
                    throw new MalformedBinaryException("A negative length at offset " + in.position() + ".");
                }
                boolean ends = (type & 1) == 1;
                if (length == 0) {
                    if (ends) {
                        return endElement();
                    }
                    continue;
                }
                bytesLeft = length;
                bytesEnd = ends;
                return bytesPiece();
            }
            if (NbfxRecord.isText(type)) {
                StringBuilder merged = null;
                String value = NbfxReader.textValue(type, in, dictionary);
                boolean ends = (type & 1) == 1;
                while (!ends && !in.atEnd() && NbfxRecord.isText(in.peekByte())
                        && !(bytesInPieces && isBytes(in.peekByte()))) {
                    int next = in.readByte();
                    if (merged == null) {
                        merged = new StringBuilder(value);
                    }
                    merged.append(NbfxReader.textValue(next, in, dictionary));
                    ends = (next & 1) == 1;
                }
                if (merged != null) {
                    value = merged.toString();
                }
                if (value.isEmpty()) {
                    if (ends) {
                        return endElement();
                    }
                    continue;
                }
                checkText(value);
                pendingEnd = ends;
                setText(value);
                return CHARACTERS;
            }
            if (type == NbfxRecord.END_ELEMENT) {
                return endElement();
            }
            if (type == NbfxRecord.COMMENT) {
                String c = in.readString();
                if (c.contains("--") || c.endsWith("-")) {
                    throw new MalformedBinaryException("A comment that XML cannot hold.");
                }
                setText(c);
                return COMMENT;
            }
            if (type == NbfxRecord.ARRAY) {
                array();
                if (arrayLeft > 0) {
                    return arrayItem();
                }
                continue;
            }
            throw new MalformedBinaryException(String.format("The record type 0x%02X is not valid here.", type));
        }
    }

    private static boolean isBytes(int type) {
        int t = type & ~1;
        return t == NbfxRecord.BYTES8_TEXT || t == NbfxRecord.BYTES16_TEXT || t == NbfxRecord.BYTES32_TEXT;
    }

    /** The next piece of the Bytes record being read, as base64. */
    private int bytesPiece() {
        byte[] piece = new byte[(int) Math.min(bytesLeft, BYTES_PIECE)];
        for (int at = 0; at < piece.length;) {
            int n = in.readSome(piece, at, piece.length - at);
            if (n < 0) {
                throw MalformedBinaryException.truncated("The data ends inside a Bytes record at offset "
                        + in.position() + ".");
            }
            at += n;
        }
        bytesLeft -= piece.length;
        if (bytesLeft == 0) {
            pendingEnd = bytesEnd;
        }
        setText(java.util.Base64.getEncoder().encodeToString(piece));
        return CHARACTERS;
    }

    private static void checkText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\r' && c != '\n' && c != '\t') {
                throw new MalformedBinaryException("The character 0x" + Integer.toHexString(c)
                        + " is not allowed in XML.");
            }
        }
    }

    private void setText(String s) {
        text = s;
        textChars = null;
    }

    private int endElement() {
        if (open.isEmpty()) {
            throw new MalformedBinaryException("An EndElement record with no open element.");
        }
        current = open.remove(open.size() - 1);
        return END_ELEMENT;
    }

    private void truncateScope(int size) {
        while (scope.size() > size) {
            scope.remove(scope.size() - 1);
        }
    }

    /** An element record and the attribute records after it. */
    private void startTag(int type) {
        String[] name = elementName(type);
        tagItems.clear();
        attributes.clear();
        int scopeStart = scope.size();
        List<String[]> raw = new ArrayList<>(0);
        while (!in.atEnd() && NbfxRecord.isAttribute(in.peekByte())) {
            attribute(in.readByte(), raw);
        }
        push(name, scopeStart, raw);
    }

    /** Opens the element {@code name} whose attributes and declarations (in record order) are {@code raw}. */
    private void push(String[] name, int scopeStart, List<String[]> raw) {
        tagItems.clear();
        attributes.clear();
        if (raw.size() > MAX_ATTRIBUTES) {
            throw new MalformedBinaryException("A start tag with more than " + MAX_ATTRIBUTES + " attributes.");
        }
        for (String[] item : raw) {
            if (item[0] == null) {
                String prefix = item[1];
                if (!prefix.isEmpty() && item[2].isEmpty()) {
                    throw new MalformedBinaryException("The prefix '" + prefix + "' is declared empty.");
                }
                for (int i = scopeStart; i < scope.size(); i += 2) {
                    if (scope.get(i).equals(prefix)) {
                        throw new MalformedBinaryException("The prefix '" + prefix + "' is declared twice.");
                    }
                }
                scope.add(prefix);
                scope.add(item[2]);
            }
            tagItems.add(item);
        }
        String prefix = name[0];
        String ns = resolve(prefix);
        if (ns == null) {
            throw new MalformedBinaryException("The prefix '" + prefix + "' is not declared.");
        }
        for (String[] item : raw) {
            if (item[0] != null) {
                String aNs = item[0].isEmpty() ? "" : resolve(item[0]);
                if (aNs == null) {
                    throw new MalformedBinaryException("The prefix '" + item[0] + "' is not declared.");
                }
                for (Attr a : attributes) {
                    if (a.local.equals(item[1]) && a.namespace.equals(aNs)) {
                        throw new MalformedBinaryException("The attribute '" + item[1] + "' is repeated.");
                    }
                }
                attributes.add(new Attr(item[0], item[1], aNs, item[2]));
            }
        }
        current = new Open(prefix, name[1], ns, prefix.isEmpty() ? name[1] : prefix + ":" + name[1], scopeStart);
        open.add(current);
    }

    private String resolve(String prefix) {
        for (int i = scope.size() - 2; i >= 0; i -= 2) {
            if (scope.get(i).equals(prefix)) {
                return scope.get(i + 1);
            }
        }
        if (prefix.isEmpty()) {
            return "";
        }
        return "xml".equals(prefix) ? XMLConstants.XML_NS_URI : null;
    }

    /** Prefix and local name of an element record. */
    private String[] elementName(int type) {
        if (type == NbfxRecord.SHORT_ELEMENT) {
            return new String[] {"", local(in.readString())};
        }
        if (type == NbfxRecord.ELEMENT) {
            return new String[] {prefix(in.readString()), local(in.readString())};
        }
        if (type == NbfxRecord.SHORT_DICTIONARY_ELEMENT) {
            return new String[] {"", local(dictionary.resolve(in.readMultiByteInt31()))};
        }
        if (type == NbfxRecord.DICTIONARY_ELEMENT) {
            return new String[] {prefix(in.readString()), local(dictionary.resolve(in.readMultiByteInt31()))};
        }
        if (type < NbfxRecord.PREFIX_ELEMENT_A) {
            return new String[] {NbfxReader.letter(type - NbfxRecord.PREFIX_DICTIONARY_ELEMENT_A),
                    local(dictionary.resolve(in.readMultiByteInt31()))};
        }
        return new String[] {NbfxReader.letter(type - NbfxRecord.PREFIX_ELEMENT_A), local(in.readString())};
    }

    private static String prefix(String p) {
        return p.isEmpty() ? p : local(p);
    }

    private static String local(String name) {
        NbfxReader.checkedName(name);
        if (name.indexOf(':') >= 0 || "xmlns".equals(name)) {
            throw new MalformedBinaryException("'" + name + "' is not an XML local name.");
        }
        return name;
    }

    /**
     * Adds an attribute record to {@code raw}: {@code {null, prefix, uri}} for a declaration,
     * {@code {prefix, local, value}} for an attribute.
     */
    private void attribute(int type, List<String[]> raw) {
        switch (type) {
            case NbfxRecord.SHORT_XMLNS_ATTRIBUTE:
                raw.add(new String[] {null, "", in.readString()});
                return;
            case NbfxRecord.XMLNS_ATTRIBUTE:
                raw.add(new String[] {null, local(in.readString()), in.readString()});
                return;
            case NbfxRecord.SHORT_DICTIONARY_XMLNS_ATTRIBUTE:
                raw.add(new String[] {null, "", dictionary.resolve(in.readMultiByteInt31())});
                return;
            case NbfxRecord.DICTIONARY_XMLNS_ATTRIBUTE:
                raw.add(new String[] {null, local(in.readString()), dictionary.resolve(in.readMultiByteInt31())});
                return;
            case NbfxRecord.SHORT_ATTRIBUTE:
                raw.add(new String[] {"", local(in.readString()), value()});
                return;
            case NbfxRecord.ATTRIBUTE:
                raw.add(new String[] {prefix(in.readString()), local(in.readString()), value()});
                return;
            case NbfxRecord.SHORT_DICTIONARY_ATTRIBUTE:
                raw.add(new String[] {"", local(dictionary.resolve(in.readMultiByteInt31())), value()});
                return;
            case NbfxRecord.DICTIONARY_ATTRIBUTE:
                raw.add(new String[] {prefix(in.readString()), local(dictionary.resolve(in.readMultiByteInt31())),
                        value()});
                return;
            default:
                if (type < NbfxRecord.PREFIX_ATTRIBUTE_A) {
                    raw.add(new String[] {NbfxReader.letter(type - NbfxRecord.PREFIX_DICTIONARY_ATTRIBUTE_A),
                            local(dictionary.resolve(in.readMultiByteInt31())), value()});
                } else {
                    raw.add(new String[] {NbfxReader.letter(type - NbfxRecord.PREFIX_ATTRIBUTE_A),
                            local(in.readString()), value()});
                }
        }
    }

    private String value() {
        int type = in.readByte();
        if (!NbfxRecord.isText(type) || (type & 1) == 1) {
            throw new MalformedBinaryException(String.format("An attribute value cannot be record 0x%02X.", type));
        }
        String v = NbfxReader.textValue(type, in, dictionary);
        checkText(v);
        if (v.length() > maxAttributeSize) {
            throw new MalformedBinaryException("An attribute value longer than " + maxAttributeSize
                    + " characters.");
        }
        return v;
    }

    /** An Array record: one element (with attributes) and a typed value per item, each item a whole element. */
    private void array() {
        int depth = open.size();
        if (depth == 0 || depth >= maxDepth) {
            throw new MalformedBinaryException("An Array record cannot stand at depth " + depth + ".");
        }
        int type = in.readByte();
        if (!NbfxReader.isElement(type)) {
            throw new MalformedBinaryException(String.format("An Array starts with record 0x%02X.", type));
        }
        String[] name = elementName(type);
        List<String[]> raw = new ArrayList<>(0);
        for (int next = in.readByte(); next != NbfxRecord.END_ELEMENT; next = in.readByte()) {
            if (!NbfxRecord.isAttribute(next)) {
                throw new MalformedBinaryException(String.format("An Array element holds record 0x%02X.", next));
            }
            attribute(next, raw);
        }
        int valueType = in.readByte();
        if (!ArrayValues.allowed(valueType)) {
            throw new MalformedBinaryException(String.format("An Array cannot hold record 0x%02X.", valueType));
        }
        int count = in.readMultiByteInt31();
        if (count > maxArrayLength || (long) count * ArrayValues.size(valueType) > in.remaining()) {
            throw new MalformedBinaryException("An Array of " + count + " items exceeds the quota or the data.");
        }
        arrayElement = new Open(name[0], name[1], null, null, 0);
        arrayItems = raw;
        arrayValueType = valueType;
        arrayLeft = count;
        arrayPhase = 0;
    }

    private int arrayItem() {
        switch (arrayPhase) {
            case 0:
                push(new String[] {arrayElement.prefix, arrayElement.local}, scope.size(), arrayItems);
                arrayPhase = 1;
                return START_ELEMENT;
            case 1:
                arrayPhase = 2;
                String v = NbfxTextRecords.read(arrayValueType, in, dictionary);
                if (!v.isEmpty()) {
                    setText(v);
                    return CHARACTERS;
                }
                // fall through: nothing to report
            default:
                arrayPhase = 0;
                arrayLeft--;
                return endElement();
        }
    }

    /** The current start tag as {@link NbfxReader} writes it, without its closing {@code >}. */
    private void appendStartTag(StringBuilder out) {
        out.append('<').append(current.qname);
        for (String[] item : tagItems) {
            if (item[0] == null) {
                out.append(item[1].isEmpty() ? " xmlns" : " xmlns:" + item[1]).append("=\"");
            } else {
                out.append(' ').append(item[0].isEmpty() ? item[1] : item[0] + ":" + item[1]).append("=\"");
            }
            NbfxReader.appendText(out, item[2], true);
            out.append('"');
        }
        out.append('>');
    }

    // ---- XMLStreamReader

    @Override
    public Object getProperty(String name) {
        return null;
    }

    @Override
    public void require(int type, String namespaceURI, String localName) throws XMLStreamException {
        if (type != event || namespaceURI != null && !namespaceURI.equals(getNamespaceURI())
                || localName != null && !localName.equals(getLocalName())) {
            throw new XMLStreamException("expected event " + type + ", found " + event);
        }
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (event != START_ELEMENT) {
            throw new XMLStreamException("not on a start tag");
        }
        StringBuilder content = new StringBuilder();
        while (true) {
            int e = next();
            if (e == CHARACTERS) {
                content.append(text);
            } else if (e == END_ELEMENT) {
                return content.toString();
            } else if (e != COMMENT) {
                throw new XMLStreamException("an element where only text was expected");
            }
        }
    }

    @Override
    public int nextTag() throws XMLStreamException {
        while (true) {
            int e = next();
            if (e == START_ELEMENT || e == END_ELEMENT) {
                return e;
            }
            if (e == CHARACTERS && !text.isBlank()) {
                throw new XMLStreamException("text where a tag was expected");
            }
            if (e == END_DOCUMENT) {
                throw new XMLStreamException("the document ended where a tag was expected");
            }
        }
    }

    @Override
    public boolean hasNext() {
        return event != END_DOCUMENT;
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getNamespaceURI(String prefix) {
        return resolve(prefix);
    }

    @Override
    public boolean isStartElement() {
        return event == START_ELEMENT;
    }

    @Override
    public boolean isEndElement() {
        return event == END_ELEMENT;
    }

    @Override
    public boolean isCharacters() {
        return event == CHARACTERS;
    }

    @Override
    public boolean isWhiteSpace() {
        return event == CHARACTERS && text.isBlank();
    }

    @Override
    public String getAttributeValue(String namespaceURI, String localName) {
        for (Attr a : startAttributes()) {
            if (a.local.equals(localName) && (namespaceURI == null || namespaceURI.equals(a.namespace))) {
                return a.value;
            }
        }
        return null;
    }

    private List<Attr> startAttributes() {
        if (event != START_ELEMENT) {
            throw new IllegalStateException("not on a start tag");
        }
        return attributes;
    }

    @Override
    public int getAttributeCount() {
        return startAttributes().size();
    }

    @Override
    public QName getAttributeName(int index) {
        Attr a = attributes.get(index);
        return new QName(a.namespace, a.local, a.prefix);
    }

    @Override
    public String getAttributeNamespace(int index) {
        return startAttributes().get(index).namespace;
    }

    @Override
    public String getAttributeLocalName(int index) {
        return startAttributes().get(index).local;
    }

    @Override
    public String getAttributePrefix(int index) {
        return startAttributes().get(index).prefix;
    }

    @Override
    public String getAttributeType(int index) {
        return "CDATA";
    }

    @Override
    public String getAttributeValue(int index) {
        return startAttributes().get(index).value;
    }

    @Override
    public boolean isAttributeSpecified(int index) {
        return true;
    }

    private void onTag() {
        if (event != START_ELEMENT && event != END_ELEMENT) {
            throw new IllegalStateException("not on a tag");
        }
    }

    @Override
    public int getNamespaceCount() {
        onTag();
        return (scope.size() - current.scopeStart) / 2;
    }

    @Override
    public String getNamespacePrefix(int index) {
        onTag();
        return scope.get(current.scopeStart + 2 * index);
    }

    @Override
    public String getNamespaceURI(int index) {
        onTag();
        return scope.get(current.scopeStart + 2 * index + 1);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        List<String> snapshot = List.copyOf(scope);
        return new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                for (int i = snapshot.size() - 2; i >= 0; i -= 2) {
                    if (snapshot.get(i).equals(prefix)) {
                        return snapshot.get(i + 1);
                    }
                }
                return "xml".equals(prefix) ? XMLConstants.XML_NS_URI : prefix.isEmpty() ? "" : null;
            }

            @Override
            public String getPrefix(String namespaceURI) {
                Iterator<String> p = getPrefixes(namespaceURI);
                return p.hasNext() ? p.next() : null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                List<String> found = new ArrayList<>();
                for (int i = snapshot.size() - 2; i >= 0; i -= 2) {
                    if (snapshot.get(i + 1).equals(namespaceURI)
                            && namespaceURI.equals(getNamespaceURI(snapshot.get(i)))) {
                        found.add(snapshot.get(i));
                    }
                }
                return Collections.unmodifiableList(found).iterator();
            }
        };
    }

    @Override
    public int getEventType() {
        return event;
    }

    @Override
    public String getText() {
        if (event != CHARACTERS && event != COMMENT) {
            throw new IllegalStateException("no text here");
        }
        return text;
    }

    @Override
    public char[] getTextCharacters() {
        if (textChars == null) {
            textChars = getText().toCharArray();
        }
        return textChars;
    }

    @Override
    public int getTextCharacters(int sourceStart, char[] target, int targetStart, int length) {
        char[] c = getTextCharacters();
        int n = Math.max(0, Math.min(length, c.length - sourceStart));
        System.arraycopy(c, sourceStart, target, targetStart, n);
        return n;
    }

    @Override
    public int getTextStart() {
        return 0;
    }

    @Override
    public int getTextLength() {
        return getText().length();
    }

    @Override
    public String getEncoding() {
        return null;
    }

    @Override
    public boolean hasText() {
        return event == CHARACTERS || event == COMMENT;
    }

    @Override
    public Location getLocation() {
        return NOWHERE;
    }

    @Override
    public QName getName() {
        onTag();
        return new QName(current.namespace, current.local, current.prefix);
    }

    @Override
    public String getLocalName() {
        onTag();
        return current.local;
    }

    @Override
    public boolean hasName() {
        return event == START_ELEMENT || event == END_ELEMENT;
    }

    @Override
    public String getNamespaceURI() {
        onTag();
        return current.namespace;
    }

    @Override
    public String getPrefix() {
        onTag();
        return current.prefix;
    }

    @Override
    public String getVersion() {
        return "1.0";
    }

    @Override
    public boolean isStandalone() {
        return false;
    }

    @Override
    public boolean standaloneSet() {
        return false;
    }

    @Override
    public String getCharacterEncodingScheme() {
        return null;
    }

    @Override
    public String getPITarget() {
        return null;
    }

    @Override
    public String getPIData() {
        return null;
    }
}

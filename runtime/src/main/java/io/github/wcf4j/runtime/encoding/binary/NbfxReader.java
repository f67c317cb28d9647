package io.github.wcf4j.runtime.encoding.binary;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decodes an [MC-NBFX] document into XML text with the same elements, prefixes, namespace declarations, attributes and
 * text values (typed records in their {@code XmlConvert} form), for the envelope reader that reads text. Every record
 * type is accepted, with or without folded end elements; a truncated or malformed document, an unknown record, an
 * unknown dictionary id, invalid UTF-8 or nesting deeper than {@code maxDepth} is a {@link MalformedBinaryException}.
 * Memory stays proportional to the input (arrays are bounded by {@code maxArrayLength}). Not thread-safe.
 */
public final class NbfxReader {
    /** The most characters of XML text a byte of binary XML may become. */
    static final int EXPANSION = 32;
    private final DictionaryLookup dictionary;
    private final int maxDepth;
    private final int maxArrayLength;

    public NbfxReader(DictionaryLookup dictionary, int maxDepth, int maxArrayLength) {
        this.dictionary = dictionary;
        this.maxDepth = maxDepth;
        this.maxArrayLength = maxArrayLength;
    }

    /**
     * The XML text of the document in {@code in}, which it reads to its end. A record that names a dictionary string
     * is a few bytes however long the string, so the text may be longer than the document: it is bounded by
     * {@link #EXPANSION} characters per byte (WCF's own writer stays far below it), or the document is refused.
     */
    public String toXml(BinaryInput in) {
        long maxChars = (long) in.remaining() * EXPANSION + 65_536;
        StringBuilder xml = new StringBuilder(Math.min(in.remaining() * 2, 1 << 20));
        Deque<String> open = new ArrayDeque<>();
        boolean inStartTag = false;
        while (!in.atEnd()) {
            int type = in.readByte();
            if (isElement(type)) {
                closeStartTag(xml, inStartTag);
                if (open.size() >= maxDepth) {
                    throw new MalformedBinaryException("The maximum read depth (" + maxDepth + ") has been exceeded"
                            + " because XML data being read has more levels of nesting than is allowed by the quota.");
                }
                String name = elementName(type, in);
                xml.append('<').append(name);
                open.push(name);
                inStartTag = true;
            } else if (NbfxRecord.isAttribute(type)) {
                if (!inStartTag) {
                    throw new MalformedBinaryException(String.format("An attribute record 0x%02X outside a start tag.",
                            type));
                }
                attribute(type, in, xml);
            } else if (NbfxRecord.isText(type)) {
                if (open.isEmpty()) {
                    throw new MalformedBinaryException("Text outside the document element.");
                }
                closeStartTag(xml, inStartTag);
                inStartTag = false;
                appendText(xml, textValue(type, in), false);
                if ((type & 1) == 1) {
                    end(xml, open);
                }
            } else if (type == NbfxRecord.END_ELEMENT) {
                closeStartTag(xml, inStartTag);
                inStartTag = false;
                if (open.isEmpty()) {
                    throw new MalformedBinaryException("An EndElement record with no open element.");
                }
                end(xml, open);
            } else if (type == NbfxRecord.COMMENT) {
                closeStartTag(xml, inStartTag);
                inStartTag = false;
                String c = in.readString();
                if (c.contains("--") || c.endsWith("-")) {
                    throw new MalformedBinaryException("A comment that XML cannot hold.");
                }
                xml.append("<!--").append(c).append("-->");
            } else if (type == NbfxRecord.ARRAY) {
                closeStartTag(xml, inStartTag);
                inStartTag = false;
                array(in, xml, open.size());
            } else {
                throw new MalformedBinaryException(String.format("The record type 0x%02X is not valid here.", type));
            }
            if (xml.length() > maxChars) {
                throw new MalformedBinaryException("The binary XML document expands to more than " + EXPANSION
                        + " characters per byte.");
            }
            if (open.isEmpty() && !in.atEnd() && !inStartTag) {
                throw new MalformedBinaryException("Data after the document element.");
            }
        }
        if (!open.isEmpty() || xml.length() == 0) {
            throw new MalformedBinaryException("The binary XML document ends before its document element does.");
        }
        return xml.toString();
    }

    static boolean isElement(int type) {
        return type >= NbfxRecord.SHORT_ELEMENT && type < NbfxRecord.PREFIX_ELEMENT_A + NbfxRecord.LETTERS;
    }

    private String elementName(int type, BinaryInput in) {
        if (type == NbfxRecord.SHORT_ELEMENT) {
            return checkedName(in.readString());
        }
        if (type == NbfxRecord.ELEMENT) {
            return qualified(in.readString(), in.readString());
        }
        if (type == NbfxRecord.SHORT_DICTIONARY_ELEMENT) {
            return checkedName(dictionary.resolve(in.readMultiByteInt31()));
        }
        if (type == NbfxRecord.DICTIONARY_ELEMENT) {
            return qualified(in.readString(), dictionary.resolve(in.readMultiByteInt31()));
        }
        if (type < NbfxRecord.PREFIX_ELEMENT_A) {
            return qualified(letter(type - NbfxRecord.PREFIX_DICTIONARY_ELEMENT_A),
                    dictionary.resolve(in.readMultiByteInt31()));
        }
        return qualified(letter(type - NbfxRecord.PREFIX_ELEMENT_A), in.readString());
    }

    private void attribute(int type, BinaryInput in, StringBuilder xml) {
        switch (type) {
            case NbfxRecord.SHORT_XMLNS_ATTRIBUTE:
                namespace(xml, "xmlns", in.readString());
                return;
            case NbfxRecord.XMLNS_ATTRIBUTE:
                namespace(xml, "xmlns:" + checkedName(in.readString()), in.readString());
                return;
            case NbfxRecord.SHORT_DICTIONARY_XMLNS_ATTRIBUTE:
                namespace(xml, "xmlns", dictionary.resolve(in.readMultiByteInt31()));
                return;
            case NbfxRecord.DICTIONARY_XMLNS_ATTRIBUTE:
                namespace(xml, "xmlns:" + checkedName(in.readString()), dictionary.resolve(in.readMultiByteInt31()));
                return;
            case NbfxRecord.SHORT_ATTRIBUTE:
                value(xml, checkedName(in.readString()), in);
                return;
            case NbfxRecord.ATTRIBUTE:
                value(xml, qualified(in.readString(), in.readString()), in);
                return;
            case NbfxRecord.SHORT_DICTIONARY_ATTRIBUTE:
                value(xml, checkedName(dictionary.resolve(in.readMultiByteInt31())), in);
                return;
            case NbfxRecord.DICTIONARY_ATTRIBUTE:
                value(xml, qualified(in.readString(), dictionary.resolve(in.readMultiByteInt31())), in);
                return;
            default:
                if (type < NbfxRecord.PREFIX_ATTRIBUTE_A) {
                    value(xml, qualified(letter(type - NbfxRecord.PREFIX_DICTIONARY_ATTRIBUTE_A),
                            dictionary.resolve(in.readMultiByteInt31())), in);
                } else {
                    value(xml, qualified(letter(type - NbfxRecord.PREFIX_ATTRIBUTE_A), in.readString()), in);
                }
        }
    }

    private static void namespace(StringBuilder xml, String name, String uri) {
        xml.append(' ').append(name).append("=\"");
        appendText(xml, uri, true);
        xml.append('"');
    }

    private void value(StringBuilder xml, String name, BinaryInput in) {
        int type = in.readByte();
        if (!NbfxRecord.isText(type) || (type & 1) == 1) {
            throw new MalformedBinaryException(String.format("An attribute value cannot be record 0x%02X.", type));
        }
        xml.append(' ').append(name).append("=\"");
        appendText(xml, textValue(type, in), true);
        xml.append('"');
    }

    private String textValue(int type, BinaryInput in) {
        return textValue(type, in, dictionary);
    }

    /** The value of a text record (a list's items joined by a space). */
    static String textValue(int type, BinaryInput in, DictionaryLookup dictionary) {
        if ((type & ~1) == NbfxRecord.START_LIST_TEXT) {
            StringBuilder list = new StringBuilder();
            for (int item = in.readByte(); item != NbfxRecord.END_LIST_TEXT; item = in.readByte()) {
                if (!NbfxRecord.isText(item) || (item & 1) == 1 || item == NbfxRecord.START_LIST_TEXT) {
                    throw new MalformedBinaryException(String.format("A list cannot hold record 0x%02X.", item));
                }
                if (list.length() > 0) {
                    list.append(' ');
                }
                list.append(NbfxTextRecords.read(item, in, dictionary));
            }
            return list.toString();
        }
        if ((type & ~1) == NbfxRecord.END_LIST_TEXT) {
            throw new MalformedBinaryException("An EndListText with no list.");
        }
        return NbfxTextRecords.read(type, in, dictionary);
    }

    /** An Array record: one element (with attributes) and a typed value per item, each item a whole element. */
    private void array(BinaryInput in, StringBuilder xml, int depth) {
        if (depth == 0 || depth >= maxDepth) {
            throw new MalformedBinaryException("An Array record cannot stand at depth " + depth + ".");
        }
        int type = in.readByte();
        if (!isElement(type)) {
            throw new MalformedBinaryException(String.format("An Array starts with record 0x%02X.", type));
        }
        String name = elementName(type, in);
        StringBuilder start = new StringBuilder("<").append(name);
        for (int next = in.readByte(); next != NbfxRecord.END_ELEMENT; next = in.readByte()) {
            if (!NbfxRecord.isAttribute(next)) {
                throw new MalformedBinaryException(String.format("An Array element holds record 0x%02X.", next));
            }
            attribute(next, in, start);
        }
        start.append('>');
        int valueType = in.readByte();
        if (!ArrayValues.allowed(valueType)) {
            throw new MalformedBinaryException(String.format("An Array cannot hold record 0x%02X.", valueType));
        }
        int count = in.readMultiByteInt31();
        if (count > maxArrayLength || (long) count * ArrayValues.size(valueType) > in.remaining()) {
            throw new MalformedBinaryException("An Array of " + count + " items exceeds the quota or the data.");
        }
        for (int i = 0; i < count; i++) {
            xml.append(start);
            appendText(xml, NbfxTextRecords.read(valueType, in, dictionary), false);
            xml.append("</").append(name).append('>');
        }
    }

    private static void end(StringBuilder xml, Deque<String> open) {
        xml.append("</").append(open.pop()).append('>');
    }

    private static void closeStartTag(StringBuilder xml, boolean inStartTag) {
        if (inStartTag) {
            xml.append('>');
        }
    }

    static String qualified(String prefix, String local) {
        return prefix.isEmpty() ? checkedName(local) : checkedName(prefix) + ":" + checkedName(local);
    }

    static String letter(int index) {
        return String.valueOf((char) ('a' + index));
    }

    /** A name must be a name: anything else could inject markup into the text the envelope reader parses. */
    static String checkedName(String s) {
        if (s.isEmpty()) {
            throw new MalformedBinaryException("An empty XML name.");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' && i > 0
                    || c > 0x7F && !Character.isWhitespace(c) && !Character.isISOControl(c);
            if (!ok || i == 0 && (Character.isDigit(c) || c == '-' || c == '.')) {
                throw new MalformedBinaryException("'" + s + "' is not an XML name.");
            }
        }
        return s;
    }

    static void appendText(StringBuilder xml, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    xml.append("&amp;");
                    break;
                case '<':
                    xml.append("&lt;");
                    break;
                case '>':
                    xml.append("&gt;");
                    break;
                case '"':
                    xml.append(attribute ? "&quot;" : "\"");
                    break;
                case '\r':
                    xml.append("&#xD;");
                    break;
                case '\n':
                case '\t':
                    xml.append(attribute ? (c == '\n' ? "&#xA;" : "&#x9;") : String.valueOf(c));
                    break;
                default:
                    if (c < 0x20) {
                        throw new MalformedBinaryException("The character 0x" + Integer.toHexString(c)
                                + " is not allowed in XML.");
                    }
                    xml.append(c);
            }
        }
    }
}

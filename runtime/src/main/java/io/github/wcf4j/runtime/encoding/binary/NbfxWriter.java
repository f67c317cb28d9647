package io.github.wcf4j.runtime.encoding.binary;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes [MC-NBFX] records with the choices WCF's {@code XmlBinaryWriter} makes, so that the same calls give the same
 * bytes: {@code 0}/{@code 1} as Zero/OneText, Chars8 vs UnicodeChars8 by UTF-8 length, the 8/16/32 length variants, the
 * one-letter prefix records, and the {@code WithEndElement} folding of a text record into the end of its element.
 *
 * <p>WCF folds only while the text record is still in its 512-byte write buffer ({@code XmlStreamNodeWriter}); this
 * writer keeps the same virtual buffer (each write reserves what WCF's {@code GetBuffer} reserves and a reservation
 * that does not fit "flushes"), so long texts end with an explicit EndElement exactly where WCF's do.
 *
 * <p>Names and texts are given with their dictionary wire id ({@code -1}: written inline); which dictionary a string
 * belongs to is the caller's decision. Not thread-safe; one writer per document.
 */
public final class NbfxWriter {
    private static final int BUFFER_LENGTH = 512;
    private static final int MAX_BYTES_PER_CHAR = 3;
    private static final int SHORT_TEXT_CHARS = 255 / MAX_BYTES_PER_CHAR;
    private static final int CHAR_CHUNK = BUFFER_LENGTH / MAX_BYTES_PER_CHAR;
    private final NbfxOutput out;
    private int bufferOffset;
    private int foldableText = -1;

    public NbfxWriter(NbfxOutput out) {
        this.out = out;
    }

    public void startElement(String prefix, String localName, int id) {
        if (prefix.isEmpty()) {
            node(id >= 0 ? NbfxRecord.SHORT_DICTIONARY_ELEMENT : NbfxRecord.SHORT_ELEMENT);
        } else if (isLetter(prefix)) {
            node((id >= 0 ? NbfxRecord.PREFIX_DICTIONARY_ELEMENT_A : NbfxRecord.PREFIX_ELEMENT_A)
                    + prefix.charAt(0) - 'a');
        } else {
            node(id >= 0 ? NbfxRecord.DICTIONARY_ELEMENT : NbfxRecord.ELEMENT);
            name(prefix);
        }
        nameOrKey(localName, id);
    }

    public void xmlns(String prefix, String namespace, int id) {
        if (prefix.isEmpty()) {
            node(id >= 0 ? NbfxRecord.SHORT_DICTIONARY_XMLNS_ATTRIBUTE : NbfxRecord.SHORT_XMLNS_ATTRIBUTE);
        } else {
            node(id >= 0 ? NbfxRecord.DICTIONARY_XMLNS_ATTRIBUTE : NbfxRecord.XMLNS_ATTRIBUTE);
            name(prefix);
        }
        nameOrKey(namespace, id);
    }

    /** An attribute and its value as text ({@link #text} rules, never folded). */
    public void attribute(String prefix, String localName, int id, String value) {
        attributeName(prefix, localName, id);
        text(value);
        foldableText = -1;
    }

    /** An attribute whose value is a dictionary string. */
    public void dictionaryAttribute(String prefix, String localName, int id, int valueId) {
        attributeName(prefix, localName, id);
        dictionaryText(valueId);
        foldableText = -1;
    }

    private void attributeName(String prefix, String localName, int id) {
        if (prefix.isEmpty()) {
            node(id >= 0 ? NbfxRecord.SHORT_DICTIONARY_ATTRIBUTE : NbfxRecord.SHORT_ATTRIBUTE);
        } else if (isLetter(prefix)) {
            node((id >= 0 ? NbfxRecord.PREFIX_DICTIONARY_ATTRIBUTE_A : NbfxRecord.PREFIX_ATTRIBUTE_A)
                    + prefix.charAt(0) - 'a');
        } else {
            node(id >= 0 ? NbfxRecord.DICTIONARY_ATTRIBUTE : NbfxRecord.ATTRIBUTE);
            name(prefix);
        }
        nameOrKey(localName, id);
    }

    /** Text as WCF's {@code WriteText(string)} writes it. */
    public void text(String value) {
        if (value.isEmpty()) {
            textNode(NbfxRecord.EMPTY_TEXT);
            return;
        }
        if (value.equals("0") || value.equals("1")) {
            textNode(value.equals("0") ? NbfxRecord.ZERO_TEXT : NbfxRecord.ONE_TEXT);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        boolean unicode = utf8.length / 2 > value.length();
        byte[] bytes = unicode ? value.getBytes(StandardCharsets.UTF_16LE) : utf8;
        if (value.length() <= SHORT_TEXT_CHARS) {
            reserve(2 + value.length() * MAX_BYTES_PER_CHAR);
            foldableText = out.size();
            put(unicode ? NbfxRecord.UNICODE_CHARS8_TEXT : NbfxRecord.CHARS8_TEXT);
            put(bytes.length);
            putAll(bytes);
            return;
        }
        textWithLength(unicode ? NbfxRecord.UNICODE_CHARS8_TEXT : NbfxRecord.CHARS8_TEXT, bytes.length);
        // WCF writes the characters in chunks of 170, each reserving 3 bytes per character in its buffer
        for (int i = 0; i < value.length(); i += CHAR_CHUNK) {
            int end = Math.min(value.length(), i + CHAR_CHUNK);
            if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            String chunk = value.substring(i, end);
            reserve(chunk.length() * MAX_BYTES_PER_CHAR);
            bufferOffset += (unicode ? chunk.getBytes(StandardCharsets.UTF_16LE) : chunk.getBytes(StandardCharsets.UTF_8))
                    .length;
            i = end - CHAR_CHUNK;
        }
        out.write(bytes, 0, bytes.length);
    }

    /**
     * Bytes as WCF's {@code WriteBase64} writes them (a stream operation's part): a Bytes8/16/32 record of their
     * length, foldable into its end element while it is still in the write buffer.
     */
    public void bytes(byte[] b, int off, int len) {
        textWithLength(NbfxRecord.BYTES8_TEXT, len);
        if (bufferOffset + len <= BUFFER_LENGTH) {
            bufferOffset += len;
        } else {
            flush(); // WCF writes a run longer than its buffer straight to the stream, after flushing
        }
        out.write(b, off, len);
    }

    public void dictionaryText(int id) {
        textNode(NbfxRecord.DICTIONARY_TEXT);
        key(id);
    }

    /** A {@code urn:uuid:} unique id (WCF {@code WriteUniqueIdText}): 16 bytes in {@code Guid.ToByteArray()} order. */
    public void uniqueIdText(UUID id) {
        reserve(17);
        foldableText = out.size();
        put(NbfxRecord.UNIQUE_ID_TEXT);
        putAll(GuidBytes.toDotNet(id));
    }

    public void endElement() {
        if (foldableText >= 0) {
            out.patch(foldableText, NbfxRecord.withEndElement(out.byteAt(foldableText)));
            foldableText = -1;
        } else {
            node(NbfxRecord.END_ELEMENT);
        }
    }

    private void textWithLength(int type, int length) {
        reserve(5);
        foldableText = out.size();
        if (length < 0x100) {
            put(type);
            put(length);
        } else if (length < 0x10000) {
            put(type + 2);
            put(length);
            put(length >>> 8);
        } else {
            put(type + 4);
            for (int i = 0; i < 4; i++) {
                put(length >>> (8 * i));
            }
        }
    }

    private void textNode(int type) {
        ensureByte();
        foldableText = out.size();
        put(type);
    }

    private void node(int type) {
        ensureByte();
        put(type);
        foldableText = -1;
    }

    private void nameOrKey(String value, int id) {
        if (id >= 0) {
            key(id);
        } else {
            name(value);
        }
    }

    private void key(int id) {
        reserve(MultiByteInt31.MAX_BYTES);
        writeInt31(id);
    }

    private void name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        reserve(MultiByteInt31.MAX_BYTES);
        writeInt31(utf8.length);
        reserve(Math.min(BUFFER_LENGTH, s.length() * MAX_BYTES_PER_CHAR));
        putAll(utf8);
    }

    private void writeInt31(int v) {
        int before = out.size();
        MultiByteInt31.write(out, v);
        bufferOffset += out.size() - before;
    }

    private void ensureByte() {
        if (bufferOffset >= BUFFER_LENGTH) {
            flush();
        }
    }

    private void reserve(int count) {
        if (bufferOffset + count > BUFFER_LENGTH) {
            flush();
        }
    }

    private void flush() {
        bufferOffset = 0;
        foldableText = -1;
    }

    private void put(int b) {
        out.write(b);
        bufferOffset++;
    }

    private void putAll(byte[] b) {
        out.write(b, 0, b.length);
        bufferOffset = Math.min(BUFFER_LENGTH, bufferOffset + b.length);
    }

    private static boolean isLetter(String prefix) {
        return prefix.length() == 1 && prefix.charAt(0) >= 'a' && prefix.charAt(0) <= 'z';
    }
}

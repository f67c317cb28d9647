package io.github.wcf4j.runtime.security;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few DER values certificate matching reads that the JDK does not decode: an extension's value (the content of
 * its OCTET STRING), the certificate policies' identifiers, a string attribute of a name given as {@code #hex}.
 *
 * @param tag      the identifier octet
 * @param contents the value's contents octets
 */
record Der(int tag, byte[] contents) {
    static final int OCTET_STRING = 0x04;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;

    /** The one DER value {@code encoded} holds. */
    static Der read(byte[] encoded) {
        List<Der> values = readAll(encoded);
        if (values.size() != 1) {
            throw new IllegalArgumentException("not a single DER value");
        }
        return values.get(0);
    }

    /** The DER values {@code encoded} holds one after the other (e.g. a SEQUENCE's contents). */
    static List<Der> readAll(byte[] encoded) {
        List<Der> values = new ArrayList<>();
        int i = 0;
        while (i < encoded.length) {
            if (i + 2 > encoded.length) {
                throw new IllegalArgumentException("truncated DER value");
            }
            int tag = encoded[i++] & 0xff;
            int length = encoded[i++] & 0xff;
            if (length > 0x80) {
                int octets = length & 0x7f;
                if (octets > 3 || i + octets > encoded.length) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                length = 0;
                for (int k = 0; k < octets; k++) {
                    length = length << 8 | encoded[i++] & 0xff;
                }
            } else if (length == 0x80) {
                throw new IllegalArgumentException("indefinite DER length");
            }
            if (i + length > encoded.length) {
                throw new IllegalArgumentException("truncated DER value");
            }
            values.add(new Der(tag, Arrays.copyOfRange(encoded, i, i + length)));
            i += length;
        }
        return values;
    }

    /** The values a constructed value (a SEQUENCE) holds. */
    List<Der> children() {
        return readAll(contents);
    }

    /** An OBJECT IDENTIFIER's dotted form. */
    String objectIdentifier() {
        StringBuilder out = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : contents) {
            value = value << 7 | b & 0x7f;
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = value < 40 ? 0 : value < 80 ? 1 : 2;
                    out.append(top).append('.').append(value - 40L * top);
                    first = false;
                } else {
                    out.append('.').append(value);
                }
                value = 0;
            }
        }
        return out.toString();
    }

    /** A string value's text (UTF8String, PrintableString, IA5String, T61String, BMPString, UniversalString). */
    String text() {
        return switch (tag) {
            case 0x1e -> new String(contents, StandardCharsets.UTF_16BE);
            case 0x1c -> new String(contents, Charset.forName("UTF-32BE"));
            case 0x14 -> new String(contents, StandardCharsets.ISO_8859_1);
            default -> new String(contents, StandardCharsets.UTF_8);
        };
    }

    /** Whether this is one of the string types {@link #text} reads. */
    boolean isText() {
        return tag == 0x0c || tag == 0x13 || tag == 0x16 || tag == 0x14 || tag == 0x1e || tag == 0x1c || tag == 0x1a;
    }
}

package io.github.wcf4j.runtime.encoding.binary;

import java.io.ByteArrayOutputStream;

/**
 * The variable-length integer of [MC-NBFX] §2.1.2 ({@code MultiByteInt31}) and of [MC-NMF] §2.2.2 record sizes: seven
 * bits per byte, least significant first, the high bit set on every byte but the last, at most five bytes and 31 bits
 * (WCF {@code XmlBinaryWriter.WriteMultiByteInt32}, {@code FramingDecoders.IntDecoder}).
 *
 * <pre>{@code
 * 29 -> 1d    128 -> 80 01    16384 -> 80 80 01    2^31-1 -> ff ff ff ff 07
 * }</pre>
 */
public final class MultiByteInt31 {
    /** The longest encoding. */
    public static final int MAX_BYTES = 5;
    /** What {@link #decode} answers when the bytes end before the integer does. */
    public static final long INCOMPLETE = -1;

    private MultiByteInt31() {
    }

    public static void write(ByteArrayOutputStream out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a MultiByteInt31 is not negative: " + value);
        }
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** How many bytes {@code value} takes. */
    public static int length(int value) {
        int n = 1;
        for (int v = value >>> 7; v != 0; v >>>= 7) {
            n++;
        }
        return n;
    }

    /**
     * Decodes at {@code offset}: the value in the low 32 bits and the byte count in the high ones, or {@link #INCOMPLETE}
     * when {@code limit} comes first.
     *
     * @throws IllegalArgumentException when the fifth byte carries more than 31 bits' worth (WCF:
     *                                  {@code FramingSizeTooLarge} / an {@code XmlException})
     */
    public static long decode(byte[] data, int offset, int limit) {
        int value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= limit) {
                return INCOMPLETE;
            }
            int b = data[offset + i] & 0xFF;
            if (i == MAX_BYTES - 1 && (b & 0xF8) != 0) {
                throw new IllegalArgumentException("the size exceeds 31 bits");
            }
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return ((long) (i + 1) << 32) | (value & 0xFFFF_FFFFL);
            }
        }
        throw new IllegalArgumentException("the size exceeds 31 bits");
    }

    /** The value part of a {@link #decode} result. */
    public static int value(long decoded) {
        return (int) decoded;
    }

    /** The byte-count part of a {@link #decode} result. */
    public static int size(long decoded) {
        return (int) (decoded >>> 32);
    }
}

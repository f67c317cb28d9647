package io.github.wcf4j.runtime.encoding.binary;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over bytes being decoded; every read is bounds-checked, so lying lengths end in a
 * {@link MalformedBinaryException} rather than an index error or a large allocation. Not thread-safe.
 */
public final class BinaryInput {
    private final byte[] data;
    private final int limit;
    private int position;

    public BinaryInput(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
    }

    /** A cursor over the same bytes from {@code position} (one this cursor has passed) to the end. */
    public BinaryInput from(int position) {
        return new BinaryInput(data, position, limit - position);
    }

    public boolean atEnd() {
        return position >= limit;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return limit - position;
    }

    public int readByte() {
        need(1);
        return data[position++] & 0xFF;
    }

    public int peekByte() {
        need(1);
        return data[position] & 0xFF;
    }

    public int readMultiByteInt31() {
        long d;
        try {
            d = MultiByteInt31.decode(data, position, limit);
        } catch (IllegalArgumentException e) {
            throw new MalformedBinaryException("A MultiByteInt31 exceeds 31 bits at offset " + position + ".");
        }
        if (d == MultiByteInt31.INCOMPLETE) {
            throw new MalformedBinaryException("The data ends inside a MultiByteInt31 at offset " + position + ".");
        }
        position += MultiByteInt31.size(d);
        return MultiByteInt31.value(d);
    }

    /** A little-endian integer of {@code bytes} (1 to 8) bytes. */
    public long readLittleEndian(int bytes) {
        need(bytes);
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) (data[position + i] & 0xFF) << (8 * i);
        }
        position += bytes;
        return v;
    }

    public byte[] readBytes(int count) {
        if (count < 0) {
            throw new MalformedBinaryException("A negative length at offset " + position + ".");
        }
        need(count);
        byte[] b = new byte[count];
        System.arraycopy(data, position, b, 0, count);
        position += count;
        return b;
    }

    /** UTF-8 of {@code count} bytes; invalid sequences are an error, as in WCF's strict decoder. */
    public String readUtf8(int count) {
        if (count < 0) {
            throw new MalformedBinaryException("A negative length at offset " + position + ".");
        }
        need(count);
        String s = Utf8.decodeStrict(data, position, count);
        position += count;
        return s;
    }

    /** A [MC-NBFX] String: a MultiByteInt31 byte length and UTF-8. */
    public String readString() {
        return readUtf8(readMultiByteInt31());
    }

    String readUtf16(int byteCount) {
        if (byteCount < 0 || byteCount % 2 != 0) {
            throw new MalformedBinaryException("An odd UTF-16 length at offset " + position + ".");
        }
        need(byteCount);
        String s = new String(data, position, byteCount, StandardCharsets.UTF_16LE);
        position += byteCount;
        return s;
    }

    private void need(int n) {
        if (n > limit - position) {
            throw new MalformedBinaryException("The data ends at offset " + limit + " where " + n
                    + " more bytes were expected.");
        }
    }
}

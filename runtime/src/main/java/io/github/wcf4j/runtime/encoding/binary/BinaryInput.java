package io.github.wcf4j.runtime.encoding.binary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over bytes being decoded; every read is bounds-checked, so lying lengths end in a
 * {@link MalformedBinaryException} rather than an index error or a large allocation. Over an array, or fed by an
 * {@code InputStream} ({@link #streamed}: a streamed message's body, read as it arrives into a window that holds only
 * what the current record needs; reads then block on the stream). Input that ends where more bytes were expected is
 * a {@link MalformedBinaryException#truncated() truncated} one. Not thread-safe.
 */
public final class BinaryInput {
    private static final int WINDOW = 8 * 1024;
    private byte[] data;
    private int limit;
    private int position;
    /** The stream that feeds the window, or {@code null} over an array. */
    private final InputStream source;
    /** Streamed: the stream offset of {@code data[0]}, and the most bytes the stream may give. */
    private long base;
    private final long bound;
    private boolean eof;

    public BinaryInput(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
        this.source = null;
        this.bound = 0;
    }

    private BinaryInput(InputStream source, long bound) {
        this.data = new byte[WINDOW];
        this.source = source;
        this.bound = bound;
    }

    /**
     * A cursor fed by {@code source}, which gives at most {@code bound} bytes (the transport's
     * {@code maxReceivedMessageSize}: what the expansion bound of a reader is computed from).
     */
    public static BinaryInput streamed(InputStream source, long bound) {
        return new BinaryInput(source, bound);
    }

    /** A cursor over the same bytes from {@code position} (one this cursor has passed) to the end. */
    public BinaryInput from(int position) {
        if (source != null) {
            throw new IllegalStateException("a streamed input cannot be read again");
        }
        return new BinaryInput(data, position, limit - position);
    }

    public boolean atEnd() {
        if (position < limit) {
            return false;
        }
        fill(1);
        return position >= limit;
    }

    public int position() {
        return (int) Math.min(Integer.MAX_VALUE, base + position);
    }

    public int remaining() {
        if (source != null) {
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, bound - base - position));
        }
        return limit - position;
    }

    /**
     * Up to {@code len} of the next bytes into {@code b} (at least one unless the input has ended: then -1); a
     * streamed input reads past its window straight from the stream, so a long run of bytes is never held whole.
     */
    public int readSome(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position < limit) {
            int n = Math.min(len, limit - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
        if (source == null || eof) {
            return -1;
        }
        try {
            int n = source.read(b, off, len);
            if (n < 0) {
                eof = true;
            } else {
                base += n;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streamed: makes {@code n} bytes available in the window where the stream has them (fewer at its end). */
    private void fill(int n) {
        if (source == null || eof || limit - position >= n) {
            return;
        }
        if (position > 0) {
            System.arraycopy(data, position, data, 0, limit - position);
            base += position;
            limit -= position;
            position = 0;
        }
        if (data.length < n) {
            data = java.util.Arrays.copyOf(data, Math.max(n, data.length * 2));
        }
        try {
            while (limit < n) {
                int r = source.read(data, limit, data.length - limit);
                if (r < 0) {
                    eof = true;
                    return;
                }
                limit += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        fill(MultiByteInt31.MAX_BYTES);
        long d;
        try {
            d = MultiByteInt31.decode(data, position, limit);
        } catch (IllegalArgumentException e) {
            throw new MalformedBinaryException("A MultiByteInt31 exceeds 31 bits at offset " + position + ".");
        }
        if (d == MultiByteInt31.INCOMPLETE) {
            throw MalformedBinaryException.truncated("The data ends inside a MultiByteInt31 at offset " + position()
                    + ".");
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
            if (source != null && n > remaining()) {
                throw new MalformedBinaryException("A length of " + n + " at offset " + position()
                        + " is past the message's size.");
            }
            fill(n);
            if (n > limit - position) {
                throw MalformedBinaryException.truncated("The data ends at offset " + (base + limit) + " where " + n
                        + " more bytes were expected.");
            }
        }
    }
}

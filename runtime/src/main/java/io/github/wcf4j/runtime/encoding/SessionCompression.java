package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The binary encoder's {@code compressionFormat} (.NET 4.5; RS {@code MessageEncoderCompressionHandler}): each whole
 * message payload, session block included, as GZip ({@code GZipStream}) or raw Deflate ({@code DeflateStream}, no zlib
 * header), announced as {@code application/soap+msbinsession1+gzip} / {@code +deflate}. Decompression is bounded by the
 * receiver's {@code maxReceivedMessageSize} (no decompression bombs).
 */
enum SessionCompression {
    None(""),
    GZip("+gzip"),
    Deflate("+deflate");

    private final String suffix;

    SessionCompression(String suffix) {
        this.suffix = suffix;
    }

    static SessionCompression of(String compressionFormat) {
        return valueOf(compressionFormat);
    }

    /** The compression a content type announces, or {@code None}. */
    static SessionCompression announcedBy(String contentType) {
        String c = contentType.toLowerCase(Locale.ROOT);
        return c.endsWith("+gzip") ? GZip : c.endsWith("+deflate") ? Deflate : None;
    }

    String contentType(String base) {
        return base + suffix;
    }

    byte[] compress(byte[] payload) {
        if (this == None) {
            return payload;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 64);
        try (OutputStream z = this == GZip ? new GZIPOutputStream(out)
                : new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            z.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A stream compressing what is written to it into {@code out} as it goes (WCF's streamed write wraps its output in
     * a {@code GZipStream} / {@code DeflateStream} likewise): the deflater hands on each block as it fills, so only its
     * window and one block are held and no flush is needed; {@code close()} ends the stream (the GZip trailer) and
     * frees the deflater without closing {@code out}.
     */
    OutputStream compressing(OutputStream out) {
        OutputStream kept = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        };
        try {
            if (this == GZip) {
                return new GZIPOutputStream(kept, 8192);
            }
            Deflater raw = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            return new DeflaterOutputStream(kept, raw, 8192) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        raw.end();
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code arrived} and then {@code rest} decompressed as read, at most {@code max} bytes ({@link InflatingInput}).
     */
    InflatingInput inflating(byte[] arrived, InputStream rest, long max) {
        return new InflatingInput(this, arrived, rest, max);
    }

    /** The payload decompressed, at most {@code max} bytes. */
    byte[] decompress(byte[] data, int offset, int length, long max) {
        if (this == None) {
            return Arrays.copyOfRange(data, offset, offset + length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, Math.min(length * 4, 1 << 20)));
        try (InputStream z = this == GZip ? new GZIPInputStream(new ByteArrayInputStream(data, offset, length))
                : new InflaterInputStream(new ByteArrayInputStream(data, offset, length), new Inflater(true))) {
            byte[] buffer = new byte[8192];
            for (int n = z.read(buffer); n >= 0; n = z.read(buffer)) {
                if (out.size() + (long) n > max) {
                    throw new QuotaExceededException(WcfText.MaxReceivedMessageSizeExceeded.format(max));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ProtocolException("The " + name() + " compressed message cannot be decompressed: "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}

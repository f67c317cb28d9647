package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A compressed streamed envelope decompressed as it is read (WCF's {@code MessageEncoderCompressionHandler
 * .GetDecompressStream}, a {@code GZipStream} or raw {@code DeflateStream}, inside a {@code MaxMessageSizeStream} of
 * {@code maxReceivedMessageSize}): first the compressed bytes that have arrived, without blocking
 * ({@link #inflateArrived}, for the headers), then the rest as the transport delivers it. At most one compressed
 * piece and the inflater's window are held; more than {@code max} decompressed bytes (a decompression bomb) fail with
 * WCF's quota text. A GZip stream's header must be among the arrived bytes; its trailer (CRC-32, size) is checked.
 */
final class InflatingInput extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private final SessionCompression format;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final InputStream rest;
    private final long max;
    private final byte[] piece = new byte[8192];
    private byte[] input;
    private int inputEnd;
    private long produced;
    private boolean ended;

    InflatingInput(SessionCompression format, byte[] arrived, InputStream rest, long max) {
        this.format = format;
        this.rest = rest;
        this.max = max;
        int start = format == SessionCompression.GZip ? gzipHeaderLength(arrived) : 0;
        input = arrived;
        inputEnd = arrived.length;
        inflater.setInput(arrived, start, arrived.length - start);
    }

    /** Up to {@code cap} decompressed bytes from what has arrived only (never waits for the rest). */
    byte[] inflateArrived(int cap) {
        byte[] out = new byte[cap];
        int n = 0;
        while (n < cap && !inflater.finished() && !inflater.needsInput()) {
            int k = inflate(out, n, cap - n);
            if (k == 0 && !inflater.needsInput() && !inflater.finished()) {
                break;
            }
            n += k;
        }
        return n == cap ? out : java.util.Arrays.copyOf(out, n);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (inflater.finished()) {
                if (!ended) {
                    ended = true;
                    checkTrailer();
                }
                return -1;
            }
            if (inflater.needsInput()) {
                int r = rest.read(piece);
                if (r < 0) {
                    throw malformed("it ends before its compressed data");
                }
                input = piece;
                inputEnd = r;
                inflater.setInput(piece, 0, r);
            }
            int k = inflate(b, off, len);
            if (k > 0) {
                return k;
            }
            if (inflater.needsDictionary()) {
                throw malformed("it asks for a preset dictionary");
            }
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        rest.close();
    }

    private int inflate(byte[] b, int off, int len) {
        int k;
        try {
            k = inflater.inflate(b, off, len);
        } catch (DataFormatException e) {
            throw malformed(e.getMessage());
        }
        produced += k;
        if (produced > max) {
            String text = WcfText.MaxReceivedMessageSizeExceeded.format(max);
            throw new CommunicationException(text, new QuotaExceededException(text));
        }
        if (format == SessionCompression.GZip) {
            crc.update(b, off, k);
        }
        return k;
    }

    /** A GZip member's trailer: the CRC-32 and the size (mod 2^32) of what was decompressed. */
    private void checkTrailer() throws IOException {
        if (format != SessionCompression.GZip) {
            return;
        }
        byte[] trailer = new byte[8];
        int have = Math.min(8, inflater.getRemaining());
        System.arraycopy(input, inputEnd - inflater.getRemaining(), trailer, 0, have);
        while (have < 8) {
            int r = rest.read(trailer, have, 8 - have);
            if (r < 0) {
                throw malformed("it ends before its GZip trailer");
            }
            have += r;
        }
        if (le32(trailer, 0) != crc.getValue() || le32(trailer, 4) != (produced & 0xFFFF_FFFFL)) {
            throw malformed("its GZip trailer does not match what was decompressed");
        }
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /** The length of the GZip header ([RFC 1952] 2.3) at the start of {@code b}. */
    private int gzipHeaderLength(byte[] b) {
        if (b.length < 10 || (b[0] & 0xFF) != 0x1F || (b[1] & 0xFF) != 0x8B || b[2] != 8) {
            throw malformed("it does not start with a GZip header");
        }
        int flags = b[3] & 0xFF;
        int at = 10;
        if ((flags & FEXTRA) != 0) {
            at = need(b, at + 2) + ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8);
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                while (b[need(b, at + 1) - 1] != 0) {
                    at++;
                }
                at++;
            }
        }
        if ((flags & FHCRC) != 0) {
            at += 2;
        }
        return need(b, at);
    }

    private int need(byte[] b, int end) {
        if (end > b.length) {
            throw malformed("its GZip header is not within the first bytes");
        }
        return end;
    }

    private ProtocolException malformed(String why) {
        return new ProtocolException("The " + format.name() + " compressed message cannot be decompressed: " + why);
    }
}

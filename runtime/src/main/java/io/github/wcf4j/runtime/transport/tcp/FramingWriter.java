package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.runtime.encoding.binary.MultiByteInt31;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Writes [MC-NMF] records as WCF does (RS {@code FramingEncoders.cs}, {@code SessionEncoder}). */
final class FramingWriter {
    private FramingWriter() {
    }

    /**
     * The duplex-session preamble a client sends in one write: Version 1.0, Mode duplex, Via, the encoding (known byte or
     * extensible content type) and PreambleEnd.
     */
    static byte[] preamble(URI via, FramingEncoding encoding) {
        return preamble(via, encoding, true);
    }

    /**
     * The preamble's records; without PreambleEnd ({@code end} false) when a stream upgrade follows, which PreambleEnd
     * then follows inside the upgraded stream.
     */
    static byte[] preamble(URI via, FramingEncoding encoding, boolean end) {
        return preamble(via, encoding, end, FramingRecord.MODE_DUPLEX);
    }

    /** The preamble of framing {@code mode} (duplex, or singleton-unsized for streamed transfer). */
    static byte[] preamble(URI via, FramingEncoding encoding, boolean end, int mode) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        b.write(FramingRecord.VERSION);
        b.write(FramingRecord.MAJOR_VERSION);
        b.write(FramingRecord.MINOR_VERSION);
        b.write(FramingRecord.MODE);
        b.write(mode);
        string(b, FramingRecord.VIA, via.toString());
        if (encoding.knownEncoding() >= 0) {
            b.write(FramingRecord.KNOWN_ENCODING);
            b.write(encoding.knownEncoding());
        } else {
            string(b, FramingRecord.EXTENSIBLE_ENCODING, encoding.contentType());
        }
        if (end) {
            b.write(FramingRecord.PREAMBLE_END);
        }
        return b.toByteArray();
    }

    static ByteBuf sizedEnvelope(ByteBufAllocator alloc, byte[] payload) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(MultiByteInt31.MAX_BYTES + 1);
        header.write(FramingRecord.SIZED_ENVELOPE);
        MultiByteInt31.write(header, payload.length);
        ByteBuf b = alloc.buffer(header.size() + payload.length);
        b.writeBytes(header.toByteArray());
        b.writeBytes(payload);
        return b;
    }

    /**
     * An UnsizedEnvelope and, when {@code end}, End after it: {@code 05}, the payload as data chunks of at most
     * {@code chunk} bytes ({@code varint size + bytes}; WCF writes one per write of its connection's buffered stream,
     * {@code connectionBufferSize}), the terminating {@code 00} ([MC-NMF] §2.2.4.3).
     */
    static ByteBuf unsizedEnvelope(ByteBufAllocator alloc, byte[] payload, int chunk, boolean end) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(MultiByteInt31.MAX_BYTES);
        ByteBuf b = alloc.buffer(payload.length + payload.length / Math.max(1, chunk) * 5 + 8);
        b.writeByte(FramingRecord.UNSIZED_ENVELOPE);
        for (int at = 0; at < payload.length; at += chunk) {
            int n = Math.min(chunk, payload.length - at);
            header.reset();
            MultiByteInt31.write(header, n);
            b.writeBytes(header.toByteArray());
            b.writeBytes(payload, at, n);
        }
        b.writeByte(0);
        if (end) {
            b.writeByte(FramingRecord.END);
        }
        return b;
    }

    /** UpgradeRequest {@code 09 <len> <upgrade content type>}, which WCF's client writes on its own. */
    static byte[] upgradeRequest(String contentType) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(32);
        string(b, FramingRecord.UPGRADE_REQUEST, contentType);
        return b.toByteArray();
    }

    static byte[] fault(FramingFault fault) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        string(b, FramingRecord.FAULT, fault.uri());
        return b.toByteArray();
    }

    private static void string(ByteArrayOutputStream b, int type, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        b.write(type);
        MultiByteInt31.write(b, utf8.length);
        b.write(utf8, 0, utf8.length);
    }
}

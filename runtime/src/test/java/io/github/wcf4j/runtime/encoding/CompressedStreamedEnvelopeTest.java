package io.github.wcf4j.runtime.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.message.BodyWriter;
import io.github.wcf4j.runtime.message.Message;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.XMLStreamWriter2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sessionless binary envelope of {@code application/soap+msbin1+gzip|+deflate} in streamed mode: written through
 * a GZip / raw Deflate stream as it is written (the same NBFX bytes as the plain streamed write, inside a valid
 * stream, handed on in pieces before the body ends), and read with its headers from the compressed bytes that have
 * arrived and its body decompressed as it is read, at most {@code maxReceivedMessageSize} decompressed bytes.
 */
class CompressedStreamedEnvelopeTest {
    private static final String ACTION = "urn:t/IFiles/Upload";
    private static final int LENGTH = 2_000_000;
    private final BinaryMessageEncoder encoder = new BinaryMessageEncoder(BinaryMessageEncodingBindingElement
            .defaults());

    private static byte[] data() {
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + (i >>> 7));
        }
        return b;
    }

    private static BodyWriter upload(byte[] data) {
        return upload(data, () -> { });
    }

    /** The body, {@code beforeLast} run before its last piece is written. */
    private static BodyWriter upload(byte[] data, Runnable beforeLast) {
        return w -> {
            w.writeStartElement("", "Upload", "urn:t");
            w.writeDefaultNamespace("urn:t");
            w.writeStartElement("", "data", "urn:t");
            for (int at = 0; at < data.length; at += 49_152) {
                if (at + 49_152 >= data.length) {
                    beforeLast.run();
                }
                ((XMLStreamWriter2) w).writeBinary(data, at, Math.min(49_152, data.length - at));
            }
            w.writeEndElement();
            w.writeEndElement();
        };
    }

    private static String contentType(String format) {
        return "application/soap+msbin1+" + format.toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] inflate(String format, byte[] compressed) throws IOException {
        try (InputStream z = format.equals("GZip") ? new GZIPInputStream(new ByteArrayInputStream(compressed))
                : new InflaterInputStream(new ByteArrayInputStream(compressed), new Inflater(true))) {
            return z.readAllBytes();
        }
    }

    /** What a sink was handed, write by write. */
    private static final class Writes extends OutputStream {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public void write(int b) {
            all.write(b);
            sizes.add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            all.write(b, off, len);
            sizes.add(len);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZip", "Deflate"})
    void theCompressedStreamedWriteIsAValidStreamOfTheSameNbfxBytesAsThePlainOneHandedOnAsItGoes(String format)
            throws IOException {
        byte[] data = data();
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ACTION, upload(data));
        Writes plain = new Writes();
        encoder.write(m, BinaryMessageEncoder.CONTENT_TYPE, plain, 4096);
        Writes compressed = new Writes();
        int[] handedOnBeforeTheLastPiece = new int[1];
        encoder.write(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ACTION, upload(data,
                () -> handedOnBeforeTheLastPiece[0] = compressed.all.size())), contentType(format), compressed, 4096);
        byte[] wire = compressed.all.toByteArray();
        if (format.equals("GZip")) {
            assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8}, Arrays.copyOf(wire, 3), "a GZip member");
        }
        assertArrayEquals(plain.all.toByteArray(), inflate(format, wire), "the plain streamed write's NBFX bytes");
        assertTrue(wire.length < plain.all.size(), "compressed");
        assertTrue(handedOnBeforeTheLastPiece[0] > wire.length / 2, "handed on as it is written, not held whole: "
                + handedOnBeforeTheLastPiece[0] + " of " + wire.length + " before the body's last piece");
        assertTrue(compressed.sizes.stream().allMatch(n -> n <= 8192), "in pieces of the deflater's buffer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZip", "Deflate"})
    void itsHeadersAreReadFromTheCompressedBytesThatArrivedAndItsBodyIsDecompressedAsItIsRead(String format)
            throws Exception {
        byte[] data = data();
        Writes compressed = new Writes();
        encoder.write(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ACTION, upload(data)),
                contentType(format), compressed, 4096);
        byte[] wire = compressed.all.toByteArray();
        byte[] arrived = Arrays.copyOf(wire, 8192);
        Message m = encoder.readHead(arrived, contentType(format),
                new ByteArrayInputStream(wire, arrived.length, wire.length - arrived.length), 1L << 30).orElseThrow()
                .message();
        assertEquals(ACTION, m.headers().action());
        assertArrayEquals(data, part(m));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZip", "Deflate"})
    void aDecompressionBombFailsItsReadAtMaxReceivedMessageSizeDecompressedWithWcfsText(String format)
            throws Exception {
        byte[] zeros = new byte[LENGTH];
        Writes compressed = new Writes();
        encoder.write(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ACTION, upload(zeros)),
                contentType(format), compressed, 4096);
        byte[] wire = compressed.all.toByteArray();
        assertTrue(wire.length < 65_536, "compresses well: " + wire.length);
        byte[] arrived = Arrays.copyOf(wire, 1024);
        Message m = encoder.readHead(arrived, contentType(format),
                new ByteArrayInputStream(wire, arrived.length, wire.length - arrived.length), 1_000_000)
                .orElseThrow().message();
        RuntimeException e = assertThrows(RuntimeException.class, () -> part(m));
        Throwable quota = e;
        while (quota != null && !(quota instanceof QuotaExceededException)) {
            quota = quota.getCause();
        }
        assertInstanceOf(QuotaExceededException.class, quota, "caused by the quota: " + e);
        assertEquals(WcfText.MaxReceivedMessageSizeExceeded.format(1_000_000), quota.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZip", "Deflate"})
    void aCorruptedStreamFailsItsRead(String format) throws Exception {
        byte[] data = data();
        Writes compressed = new Writes();
        encoder.write(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ACTION, upload(data)),
                contentType(format), compressed, 4096);
        byte[] wire = compressed.all.toByteArray();
        wire[wire.length - 3] ^= 0x55; // the GZip trailer's size, or the last Deflate block
        byte[] arrived = Arrays.copyOf(wire, 8192);
        Message m = encoder.readHead(arrived, contentType(format),
                new ByteArrayInputStream(wire, arrived.length, wire.length - arrived.length), 1L << 30).orElseThrow()
                .message();
        RuntimeException e = assertThrows(RuntimeException.class, () -> part(m));
        Throwable p = e;
        while (p != null && !(p instanceof ProtocolException)) {
            p = p.getCause();
        }
        assertInstanceOf(ProtocolException.class, p, "a malformed stream: " + e);
    }

    /** The part's bytes, read as a stream operation reads them. */
    private static byte[] part(Message m) throws XMLStreamException {
        XMLStreamReader2 r = (XMLStreamReader2) m.streamedBody().orElseThrow().readerAtBodyContents();
        assertEquals("Upload", r.getLocalName());
        r.nextTag();
        assertEquals("data", r.getLocalName());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        while ((n = r.readElementAsBinary(b, 0, b.length)) >= 0) {
            all.write(b, 0, n);
        }
        // the end of the envelope (and the GZip trailer) is read too
        while (r.hasNext()) {
            r.next();
        }
        return all.toByteArray();
    }

}

package io.github.wcf4j.runtime.encoding.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.XMLStreamWriter2;
import org.codehaus.stax2.ri.Stax2ReaderAdapter;
import org.junit.jupiter.api.Test;

/**
 * The binary XML layers of a streamed body: {@code writeBinary} becomes Bytes records (WCF's {@code WriteBase64}),
 * a flushing {@link NbfxOutput} hands the document on in pieces with the same bytes, and an {@code InputStream}-fed
 * {@link BinaryInput} (even one byte per read) gives the same events as an array, Bytes records in pieces.
 */
class StreamedBinaryInputTest {
    private static final int LENGTH = 300_000;

    private static byte[] data() {
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7 + (i >>> 9));
        }
        return b;
    }

    /** {@code <a xmlns="urn:t">x<b>DATA</b></a>}, DATA written as binary in pieces of 100000 bytes. */
    private static void write(NbfxOutput out, byte[] data) throws XMLStreamException {
        XMLStreamWriter2 w = new NbfxStreamWriter(out, null).asStax2();
        w.writeStartElement("", "a", "urn:t");
        w.writeDefaultNamespace("urn:t");
        w.writeCharacters("x");
        w.writeStartElement("", "b", "urn:t");
        for (int at = 0; at < data.length; at += 100_000) {
            w.writeBinary(data, at, Math.min(100_000, data.length - at));
        }
        w.writeEndElement();
        w.writeEndElement();
        w.flush();
    }

    private static byte[] document(byte[] data) throws XMLStreamException {
        NbfxOutput out = new NbfxOutput(1024);
        write(out, data);
        return out.toByteArray();
    }

    /** One byte per read: every window refill and every record split is exercised. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
    }

    @Test
    void binaryContentIsWrittenAsBytesRecordsAndAFlushingOutputGivesTheSameBytes() throws XMLStreamException {
        byte[] data = data();
        byte[] whole = document(data);
        String hex = java.util.HexFormat.of().formatHex(whole);
        // WCF's WriteBase64: records of whole 3-byte groups, the bytes left over joining the next call's
        assertEquals(2, hex.split("a29f860100", -1).length - 1, "Bytes32 records of 99999 bytes");
        assertEquals(1, hex.split("a2a2860100", -1).length - 1, "and the last of 100002 bytes");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        NbfxOutput flushing = NbfxOutput.flushingTo(sink, 4096);
        write(flushing, data);
        assertTrue(sink.size() >= whole.length - 8192, "handed on as it was written");
        flushing.finish();
        assertArrayEquals(whole, sink.toByteArray());
    }

    @Test
    void aStreamedInputReadsBytesRecordsInPiecesThatDecodeToTheBytes() throws XMLStreamException {
        byte[] data = data();
        byte[] doc = document(data);
        NbfxStreamReader r = new NbfxStreamReader(BinaryInput.streamed(trickle(doc), doc.length),
                DictionaryLookup.STATIC_ONLY, 32, 16384, 65536).bytesInPieces();
        List<String> texts = new ArrayList<>();
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        boolean inB = false;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                inB = r.getLocalName().equals("b");
            } else if (e == XMLStreamConstants.CHARACTERS) {
                texts.add(r.getText());
                if (inB) {
                    byte[] piece = Base64.getDecoder().decode(r.getText());
                    assertTrue(piece.length <= NbfxStreamReader.BYTES_PIECE);
                    decoded.writeBytes(piece);
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                inB = false;
            }
        }
        assertEquals("x", texts.get(0));
        assertEquals(1 + 3 * 3, texts.size(), "each record of about 100000 bytes in 3 pieces, never merged");
        assertArrayEquals(data, decoded.toByteArray());
    }

    @Test
    void aStreamOperationsReaderGetsTheBytesThroughStax2AsTheyAreRead() throws XMLStreamException {
        byte[] data = data();
        byte[] doc = document(data);
        XMLStreamReader2 r = Stax2ReaderAdapter.wrapIfNecessary(new NbfxStreamReader(BinaryInput.streamed(
                trickle(doc), doc.length), DictionaryLookup.STATIC_ONLY, 32, 16384, 65536).bytesInPieces());
        while (!(r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("b"))) {
            // to the part
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] b = new byte[10_000];
        int n;
        while ((n = r.readElementAsBinary(b, 0, b.length)) >= 0) {
            all.write(b, 0, n);
        }
        assertArrayEquals(data, all.toByteArray());
    }

    @Test
    void anArrayReaderStillMergesAdjacentTextRecordsAsTheTextPathDoes() throws XMLStreamException {
        byte[] data = data();
        byte[] doc = document(data);
        NbfxStreamReader r = new NbfxStreamReader(new BinaryInput(doc, 0, doc.length), DictionaryLookup.STATIC_ONLY,
                32, 16384, 65536);
        while (!(r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("b"))) {
            // to the part
        }
        assertEquals(XMLStreamConstants.CHARACTERS, r.next());
        assertEquals(Base64.getEncoder().encodeToString(data), r.getText());
    }

    @Test
    void aStreamedInputThatEndsEarlyIsTruncatedAndALengthPastTheBoundIsRefused() throws XMLStreamException {
        byte[] doc = document(data());
        byte[] cut = java.util.Arrays.copyOf(doc, doc.length / 2);
        NbfxStreamReader r = new NbfxStreamReader(BinaryInput.streamed(new ByteArrayInputStream(cut), doc.length),
                DictionaryLookup.STATIC_ONLY, 32, 16384, 65536).bytesInPieces();
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> {
            while (r.hasNext()) {
                r.next();
            }
        });
        assertTrue(e.truncated(), e.getMessage());
        BinaryInput tooLong = BinaryInput.streamed(new ByteArrayInputStream(new byte[] {(byte) 0x99, (byte) 0xff,
                (byte) 0xff, 0x03}), 100);
        tooLong.readByte();
        MalformedBinaryException past = assertThrows(MalformedBinaryException.class,
                () -> tooLong.readUtf8(tooLong.readMultiByteInt31()));
        assertTrue(!past.truncated(), past.getMessage());
    }
}

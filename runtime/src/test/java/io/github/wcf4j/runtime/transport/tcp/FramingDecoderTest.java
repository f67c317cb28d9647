package io.github.wcf4j.runtime.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.encoding.binary.GoldenVectors;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framing decoder on WCF's bytes however the reads split them, and on lying or malformed input. */
class FramingDecoderTest {

    private static List<FramingFrame> decode(byte[] stream, int chunk, int maxEnvelope) {
        EmbeddedChannel ch = new EmbeddedChannel(new FramingDecoder(maxEnvelope));
        for (int i = 0; i < stream.length; i += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(stream, i, Math.min(chunk, stream.length - i)));
        }
        List<FramingFrame> frames = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            frames.add((FramingFrame) o);
        }
        return frames;
    }

    private static String describe(List<FramingFrame> frames) {
        StringBuilder b = new StringBuilder();
        for (FramingFrame f : frames) {
            b.append(FramingRecord.name(f.type())).append('(').append(f.value()).append(f.text() == null ? ""
                    : "," + f.text()).append(')');
        }
        return b.toString();
    }

    /** The WCF client's whole stream, delivered whole, a byte at a time and in every chunk size up to 64. */
    @Test
    void decodesAWcfClientsStreamWhereverTheReadsSplitIt() {
        byte[] c2s = GoldenVectors.hex("pynettcp-framing-none.c2s.hex");
        String whole = describe(decode(c2s, c2s.length, 65536));
        assertEquals("Version(256)Mode(2)Via(29,net.tcp://localhost:8898/Demo)KnownEncoding(8)PreambleEnd(0)"
                + "SizedEnvelope(163)SizedEnvelope(73)End(0)", whole);
        for (int chunk = 1; chunk <= 64; chunk++) {
            assertEquals(whole, describe(decode(c2s, chunk, 65536)), "reads of " + chunk + " bytes");
        }
    }

    @Test
    void anEnvelopeLargerThanTheLimitIsRefusedOnItsSizeBeforeAnyOfItIsBuffered() {
        // a SizedEnvelope claiming 2^31-1 bytes, followed by 3 bytes
        List<FramingFrame> frames = decode(HexFormat.of().parseHex("06ffffffff07010203"), 1, 65536);
        assertEquals(1, frames.size());
        assertEquals(-1, frames.get(0).value());
        assertNull(frames.get(0).payload());
    }

    /**
     * A streamed request: singleton preamble, an UnsizedEnvelope of two chunks, End; split at every byte boundary. The
     * envelope comes as pieces (what arrived of a chunk, never more than one chunk's) and its end, never whole.
     */
    @Test
    void anUnsizedEnvelopeIsHandedOnPieceByPieceWhereverTheReadsSplitIt() {
        byte[] stream = HexFormat.of().parseHex("000100" + "0101" + "0203" + "612f62" + "0307" + "0c"
                + "05" + "03616263" + "024445" + "00" + "07");
        for (int chunk = 1; chunk <= stream.length; chunk++) {
            List<FramingFrame> frames = decode(stream, chunk, 5);
            String described = describe(frames);
            assertTrue(described.startsWith("Version(256)Mode(1)Via(3,a/b)KnownEncoding(7)PreambleEnd(0)"),
                    described);
            assertTrue(described.endsWith("UnsizedEnvelope(0)End(0)"), described);
            StringBuilder data = new StringBuilder();
            for (FramingFrame f : frames.subList(5, frames.size() - 2)) {
                assertEquals(FramingRecord.UNSIZED_ENVELOPE, f.type());
                assertTrue(f.payload().length <= 3, "a piece is never more than its chunk");
                data.append(new String(f.payload(), java.nio.charset.StandardCharsets.US_ASCII));
            }
            assertEquals("abcDE", data.toString(), "reads of " + chunk + " bytes");
            assertTrue(frames.get(frames.size() - 2).isEnvelopeEnd());
        }
        assertEquals(2, decode(stream, stream.length, 5).size() - 7, "read whole: one piece per chunk");
    }

    @Test
    void unsizedChunksPastTheLimitTogetherAreRefusedBeforeTheChunkThatPassesItIsBuffered() {
        // 4 bytes, then a chunk claiming 2^31-1 bytes: the limit of 8 is passed on the second chunk's size
        List<FramingFrame> frames = decode(HexFormat.of().parseHex("050461626364ffffffff07010203"), 1, 8);
        assertEquals(5, frames.size(), "the first chunk's bytes, one a read, then the refusal");
        FramingFrame refused = frames.get(4);
        assertEquals(FramingRecord.UNSIZED_ENVELOPE, refused.type());
        assertEquals(-1, refused.value());
        assertNull(refused.payload());
        assertTrue(refused.isOversized());
    }

    @Test
    void malformedRecordsAreFramingErrors() {
        for (String bad : List.of("06ffffffff0f", "0600", "ff", "020480c0c0c0", "05ffffffff0f")) {
            EmbeddedChannel ch = new EmbeddedChannel(new FramingDecoder(65536));
            DecoderException e = assertThrows(DecoderException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(bad))), bad);
            assertInstanceOf(FramingException.class, e.getCause(), bad);
        }
    }

    @Test
    void aViaPastWcfsQuotaIsRefusedWithTheViaTooLongFault() {
        EmbeddedChannel ch = new EmbeddedChannel(new FramingDecoder(65536));
        DecoderException e = assertThrows(DecoderException.class,
                () -> ch.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("028110"))));
        assertEquals(FramingFault.VIA_TOO_LONG, ((FramingException) e.getCause()).fault());
    }
}

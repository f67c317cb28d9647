package io.github.wcf4j.runtime.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.encoding.binary.GoldenVectors;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/**
 * The binary encoder against WCF's own bytes: pynettcp's capture of a netTcpBinding (security None) session between a
 * stock WCF client and service ({@code framing_none.json}), and three consecutive outputs of WCF's session encoder
 * ({@code session_messages.json}).
 */
class BinaryMessageEncoderTest {
    private static final String ECHO_ACTION = "urn:DemoService/IDemoService/Echo";
    private static final String ID1 = "urn:uuid:c92b8486-cefb-4201-8a89-22bcd24b699e";
    private static final String ID2 = "urn:uuid:e044fcf2-f6e9-49db-b548-c629bfda2cc7";
    private final BinaryMessageEncoder encoder = new BinaryMessageEncoder(BinaryMessageEncodingBindingElement
            .defaults());

    /** The SizedEnvelope payloads of a framing capture: records {@code 06 <size> <payload>} after the preamble. */
    static byte[][] envelopes(byte[] stream, int skip) {
        byte[][] found = new byte[8][];
        int n = 0;
        int i = skip;
        while (i < stream.length && stream[i] == 0x06) {
            int size = 0;
            int shift = 0;
            int b;
            i++;
            do {
                b = stream[i++] & 0xFF;
                size |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            found[n++] = Arrays.copyOfRange(stream, i, i + size);
            i += size;
        }
        return Arrays.copyOf(found, n);
    }

    private static Message request(String messageId, String text) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO_ACTION,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>"));
        m.headers().messageId(messageId).replyTo(EndpointAddress.ANONYMOUS)
                .to(EndpointAddress.of("net.tcp://localhost:8898/Demo"));
        return m;
    }

    private static Message reply(String relatesTo, String text) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO_ACTION + "Response",
                new XmlFragment("<EchoResponse xmlns=\"urn:DemoService\"><EchoResult>" + text
                        + "</EchoResult></EchoResponse>"));
        m.headers().relatesTo(relatesTo).to(EndpointAddress.ANONYMOUS);
        return m;
    }

    @Test
    void writesWcfsRequestsByteForByteOnOneSession() {
        byte[][] wcf = envelopes(GoldenVectors.hex("pynettcp-framing-none.c2s.hex"), 39);
        BinaryMessageEncoder.Session session = encoder.newSession();
        assertEquals(GoldenVectors.toHex(wcf[0]), GoldenVectors.toHex(encoder.write(request(ID1, "hello0"), session)));
        assertEquals(GoldenVectors.toHex(wcf[1]), GoldenVectors.toHex(encoder.write(request(ID2, "hello1"), session)));
    }

    @Test
    void writesWcfsRepliesByteForByteOnOneSession() {
        byte[][] wcf = envelopes(GoldenVectors.hex("pynettcp-framing-none.s2c.hex"), 1);
        BinaryMessageEncoder.Session session = encoder.newSession();
        assertEquals(GoldenVectors.toHex(wcf[0]), GoldenVectors.toHex(encoder.write(reply(ID1, "hello0"), session)));
        assertEquals(GoldenVectors.toHex(wcf[1]), GoldenVectors.toHex(encoder.write(reply(ID2, "hello1"), session)));
    }

    @Test
    void readsWcfsRequestsAndReplies() {
        byte[][] requests = envelopes(GoldenVectors.hex("pynettcp-framing-none.c2s.hex"), 39);
        BinaryMessageEncoder.Session session = encoder.newSession();
        Message first = encoder.read(requests[0], 0, requests[0].length, session);
        Message second = encoder.read(requests[1], 0, requests[1].length, session);
        assertEquals(ECHO_ACTION, first.headers().action());
        assertEquals(ID1, first.headers().messageId());
        assertEquals("net.tcp://localhost:8898/Demo", first.headers().to().uri().toString());
        assertEquals(EndpointAddress.ANONYMOUS.uri(), first.headers().replyTo().uri());
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>hello0</text></Echo>", first.body().xml());
        assertEquals(ID2, second.headers().messageId());
        assertTrue(second.body().xml().contains("hello1"));
        byte[][] replies = envelopes(GoldenVectors.hex("pynettcp-framing-none.s2c.hex"), 1);
        BinaryMessageEncoder.Session client = encoder.newSession();
        Message r = encoder.read(replies[0], 0, replies[0].length, client);
        assertEquals(ID1, r.headers().relatesTo());
        assertTrue(r.body().xml().contains("<EchoResult>hello0</EchoResult>"), r.body().xml());
    }

    /** WCF's session encoder, three messages in a row: the first brings six strings, the next reuse them. */
    @Test
    void readsWcfsSessionMessagesInOrderAndRefusesTheSecondAlone() {
        BinaryMessageEncoder.Session session = encoder.newSession();
        for (int i = 1; i <= 3; i++) {
            byte[] b = GoldenVectors.hex("pynettcp-session-message-" + i + ".hex");
            Message m = encoder.read(b, 0, b.length, session);
            assertEquals("urn:DemoService/create", m.headers().action());
            assertTrue(m.body().xml().contains("<EmployeeId>E" + i + "</EmployeeId>"), m.body().xml());
            assertTrue(m.body().xml().contains("<TotalDays>" + i + "</TotalDays>"), m.body().xml());
            assertTrue(m.body().xml().contains("xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\""));
        }
        byte[] alone = GoldenVectors.hex("pynettcp-session-message-2.hex");
        BinaryMessageEncoder.Session fresh = encoder.newSession();
        assertThrows(RuntimeException.class, () -> encoder.read(alone, 0, alone.length, fresh));
        CommunicationException after = assertThrows(CommunicationException.class,
                () -> encoder.read(alone, 0, alone.length, fresh));
        assertEquals(WcfText.BinaryEncoderSessionInvalid.format(), after.getMessage());
    }

    @Test
    void aSessionBlockPastMaxSessionSizeIsRefusedWithWcfsText() {
        BinaryMessageEncoder small = new BinaryMessageEncoder(new BinaryMessageEncodingBindingElement(64, 16, 50,
                "None", ReaderQuotas.defaults()));
        byte[] b = GoldenVectors.hex("pynettcp-session-message-1.hex");
        CommunicationException e = assertThrows(CommunicationException.class,
                () -> small.read(b, 0, b.length, small.newSession()));
        assertEquals(WcfText.BinaryEncoderSessionTooLarge.format(50), e.getMessage());
    }

    @Test
    void aWriterPastItsSessionBudgetWritesTheRestInlineAndThePeerStillReadsIt() {
        BinaryMessageEncoder small = new BinaryMessageEncoder(new BinaryMessageEncodingBindingElement(64, 16, 40,
                "None", ReaderQuotas.defaults()));
        BinaryMessageEncoder.Session out = small.newSession();
        byte[] first = small.write(request(ID1, "a"), out);
        // only the action (33 + 1 bytes) fits; To, Echo, the namespace and text go inline
        assertEquals(0x22, first[0]);
        Message back = encoder.read(first, 0, first.length, encoder.newSession());
        assertEquals(ECHO_ACTION, back.headers().action());
        assertTrue(back.body().xml().contains("<text>a</text>"));
    }

    @Test
    void sessionlessMessagesRoundTrip() {
        byte[] b = encoder.write(request(ID1, "x &lt; y"));
        assertEquals(0x56, b[0]);
        Message m = encoder.read(b, 0, b.length);
        assertEquals(ECHO_ACTION, m.headers().action());
        assertTrue(m.body().xml().contains("x &lt; y"), m.body().xml());
    }
    @Test
    void aFaultAndALongTextRoundTripOnASession() {
        BinaryMessageEncoder.Session out = encoder.newSession();
        BinaryMessageEncoder.Session in = encoder.newSession();
        Message fault = Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10,
                MessageFault.receiver("Divide by zero & more"), "http://www.w3.org/2005/08/addressing/soap/fault");
        byte[] b = encoder.write(fault, out);
        Message back = encoder.read(b, 0, b.length, in);
        assertTrue(back.isFault());
        assertEquals("Divide by zero & more", back.fault().orElseThrow().reason());
        String longText = "\u00e9".repeat(300) + "x".repeat(7_000); // within maxStringContentLength
        byte[] big = encoder.write(request(ID2, longText), out);
        assertTrue(encoder.read(big, 0, big.length, in).body().xml().contains(longText));
    }
    @Test
    void gzipAndDeflateCompressEachWholePayloadAndAreBoundedWhenDecompressed() throws Exception {
        for (String format : new String[] {"GZip", "Deflate"}) {
            BinaryMessageEncoder compressing = new BinaryMessageEncoder(new BinaryMessageEncodingBindingElement(64, 16,
                    2048, format, ReaderQuotas.defaults()));
            String type = "application/soap+msbinsession1+" + format.toLowerCase(Locale.ROOT);
            assertEquals(type, compressing.sessionContentType());
            assertTrue(compressing.acceptsSession(type) && compressing.acceptsSession(
                    BinaryMessageEncoder.SESSION_CONTENT_TYPE), "a compressing service also reads plain sessions");
            assertTrue(!encoder.acceptsSession(type), "a plain one refuses compressed ones");
            byte[] wire = compressing.write(request(ID1, "hello0"), compressing.newSession());
            byte[] plain = format.equals("GZip")
                    ? new GZIPInputStream(new ByteArrayInputStream(wire)).readAllBytes()
                    : new InflaterInputStream(new ByteArrayInputStream(wire),
                            new Inflater(true)).readAllBytes();
            byte[][] wcf = envelopes(GoldenVectors.hex("pynettcp-framing-none.c2s.hex"), 39);
            assertEquals(GoldenVectors.toHex(wcf[0]), GoldenVectors.toHex(plain), "WCF's payload, compressed whole");
            Message back = compressing.read(wire, 0, wire.length, compressing.newSession(type, 65_536));
            assertEquals(ID1, back.headers().messageId());
            QuotaExceededException bomb = assertThrows(QuotaExceededException.class,
                    () -> compressing.read(wire, 0, wire.length, compressing.newSession(type, 100)));
            assertEquals(WcfText.MaxReceivedMessageSizeExceeded.format(100), bomb.getMessage());
        }
    }
}

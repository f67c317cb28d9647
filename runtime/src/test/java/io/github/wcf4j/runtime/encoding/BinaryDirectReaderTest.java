package io.github.wcf4j.runtime.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.encoding.binary.GoldenVectors;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.ReceivedEnvelope;
import io.github.wcf4j.runtime.message.TypedBodyQuotas;
import io.github.wcf4j.runtime.message.UnreadableBody;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/**
 * The binary encoder reads a message's records directly ({@code NbfxStreamReader} under the envelope reader); the text
 * path (records to XML text, then the text envelope reader) is what it replaced and what secured messages still take.
 * Both must give the same message, field by field, raw header and body XML included: for WCF's captured vectors
 * (sessions in order, sessionless) and for envelopes with typed records, arrays, comments, faults and custom headers.
 */
class BinaryDirectReaderTest {
    private final BinaryMessageEncoder encoder = new BinaryMessageEncoder(BinaryMessageEncodingBindingElement
            .defaults());

    /** Everything the envelope reader gives a message, as one comparable text. */
    static String describe(Message m) {
        StringBuilder d = new StringBuilder();
        d.append("version=").append(m.version()).append("\naction=").append(m.headers().action())
                .append("\nmessageId=").append(m.headers().messageId())
                .append("\nrelatesTo=").append(m.headers().relatesTo())
                .append("\nto=").append(m.headers().to()).append("\nreplyTo=").append(m.headers().replyTo())
                .append("\nfaultTo=").append(m.headers().faultTo()).append("\nfrom=").append(m.headers().from());
        List<MessageHeader> headers = new ArrayList<>(m.headers().leading());
        headers.addAll(m.headers().others());
        for (MessageHeader h : headers) {
            d.append("\nheader ").append(h.getClass().getSimpleName()).append(' ').append(h.name());
            if (h instanceof BufferedHeader b) {
                d.append(" mu=").append(b.mustUnderstand()).append(' ').append(b.xml().xml());
                try {
                    tree(b.tree(), d);
                } catch (XMLStreamException e) {
                    d.append(" tree: ").append(e.getMessage());
                }
            }
        }
        d.append("\nfault=").append(m.fault());
        if (!m.isFault()) {
            d.append("\nbody=").append(m.body().xml());
        }
        d.append("\nunreadable=").append(m.properties().get(UnreadableBody.class).map(UnreadableBody::toString)
                .orElse("-"));
        d.append("\ntypedQuotas=").append(m.properties().get(TypedBodyQuotas.class).isPresent());
        return d.toString();
    }

    private static void tree(ParsedElement e, StringBuilder d) {
        d.append(" {").append(e.name()).append(' ').append(e.text());
        for (ParsedElement c : e.children()) {
            tree(c, d);
        }
        d.append('}');
    }

    private void sameOnASession(List<byte[]> payloads) {
        BinaryMessageEncoder.Session direct = encoder.newSession();
        BinaryMessageEncoder.Session text = encoder.newSession();
        for (byte[] b : payloads) {
            String viaText = describe(encoder.readThroughText(b, 0, b.length, text));
            assertEquals(viaText, describe(encoder.read(b, 0, b.length, direct)), HexFormat.of().formatHex(b));
        }
    }

    @Test
    void wcfsCapturedRequestsAndRepliesReadTheSameBothWays() {
        sameOnASession(List.of(BinaryMessageEncoderTest.envelopes(
                GoldenVectors.hex("pynettcp-framing-none.c2s.hex"), 39)));
        sameOnASession(List.of(BinaryMessageEncoderTest.envelopes(
                GoldenVectors.hex("pynettcp-framing-none.s2c.hex"), 1)));
        List<byte[]> session = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            session.add(GoldenVectors.hex("pynettcp-session-message-" + i + ".hex"));
        }
        sameOnASession(session);
    }

    @Test
    void wcfsSessionlessWsTrustRequestReadsTheSameBothWays() {
        byte[] b = GoldenVectors.hex("python-wcfbin-test-bin.hex");
        Message direct = encoder.read(b, 0, b.length);
        assertEquals(describe(encoder.readThroughText(b, 0, b.length)), describe(direct));
        assertEquals("http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue", direct.headers().action());
        // two Bytes8Text records (54 + 1 bytes) are one text, as a coalescing reader of the text gives it
        assertTrue(direct.body().xml().contains(">TlRMTVNTUAABAAAAt7IY4goACgAtAAAABQAFACgAAAAGAbEdAAAAD0NMV1MxV0VCU0VS"
                + "VklDRQ==</trust:BinaryExchange>"), direct.body().xml());
    }

    @Test
    void ourOwnEnvelopesReadTheSameBothWaysSessionlessAndOnASession() {
        List<byte[]> onSession = new ArrayList<>();
        BinaryMessageEncoder.Session writing = encoder.newSession();
        for (Supplier<Message> m : messages()) {
            byte[] b = encoder.write(m.get());
            assertEquals(describe(encoder.readThroughText(b, 0, b.length)), describe(encoder.read(b, 0, b.length)));
            onSession.add(encoder.write(m.get(), writing));
            onSession.add(encoder.write(m.get(), writing));
        }
        sameOnASession(onSession);
    }

    /** Typed records, an Array record, a comment between texts, a folded end element, an empty text. */
    @Test
    void typedRecordsArraysAndCommentsReadTheSameBothWays() {
        String envelope = "56" + "02" + "0b0173" + "04" + "0b0161" + "06" // <s:Envelope xmlns:s xmlns:a>
                + "5608" + "440a" + "99042f6f7031" // <s:Header><a:Action>/op1</a:Action>
                + "01" // </s:Header>
                + "56" + "0e" // <s:Body>
                + "40" + "01" + "72" + "08" + "04" + "75" + "72" + "6e" + "3a" // <r xmlns="urn:">
                + "40" + "01" + "6e" + "8b" + "2c" + "01" // <n>300</n>
                + "03" + "40" + "01" + "69" + "01" + "8d" + "02" + "0100000002000000" // array of two int
                + "40" + "01" + "74" + "98" + "02" + "61" + "62" + "02" + "01" + "78" + "99" + "02" + "63" + "64"
                + "40" + "01" + "65" + "a9" // <e></e> by an EmptyText with end
                + "01" + "01" + "01"; // </r></s:Body></s:Envelope>
        byte[] b = HexFormat.of().parseHex(envelope);
        Message direct = encoder.read(b, 0, b.length);
        assertEquals(describe(encoder.readThroughText(b, 0, b.length)), describe(direct));
        assertEquals("/op1", direct.headers().action());
        assertEquals("<r xmlns=\"urn:\"><n>300</n><i>1</i><i>2</i><t>ab<!--x-->cd</t><e></e></r>",
                direct.body().xml());
    }

    @Test
    void whatTheTextPathRefusesTheDirectPathRefuses() {
        // an undeclared prefix, data after the document element, a truncated document
        for (String hex : List.of("56" + "02" + "01", "56020b01730401" + "56020b01730401",
                "56020b0173" + "04" + "56")) {
            byte[] b = HexFormat.of().parseHex(hex);
            assertThrows(ProtocolException.class, () -> encoder.readThroughText(b, 0, b.length), hex);
            assertThrows(ProtocolException.class, () -> encoder.read(b, 0, b.length), hex);
        }
    }

    /** Nesting past maxDepth and a document expanding past 32 characters a byte: refused as the text path does. */
    @Test
    void depthAndExpansionAreBoundedAsOnTheTextPath() {
        StringBuilder deep = new StringBuilder("56020b017304" + "560e");
        for (int i = 0; i < 40; i++) {
            deep.append("400161");
        }
        byte[] d = HexFormat.of().parseHex(deep.toString());
        ProtocolException viaText = assertThrows(ProtocolException.class,
                () -> encoder.readThroughText(d, 0, d.length));
        ProtocolException direct = assertThrows(ProtocolException.class, () -> encoder.read(d, 0, d.length));
        assertEquals(viaText.getMessage(), direct.getMessage());
        // a 2000-character session string (its block in front of the document) named 5000 times by 3-byte records
        StringBuilder wide = new StringBuilder("d20f" + "d00f" + "6e".repeat(2000)
                + "56020b017304" + "560e" + "400172");
        for (int i = 0; i < 5000; i++) {
            wide.append("420101");
        }
        wide.append("010101");
        byte[] w = HexFormat.of().parseHex(wide.toString());
        BinaryMessageEncoder.Session direct2 = encoder.newSession();
        ProtocolException expanded = assertThrows(ProtocolException.class, () -> encoder.read(w, 0, w.length,
                direct2));
        assertTrue(expanded.getMessage().contains("characters per byte"), expanded.getMessage());
    }

    /** A message that message security will verify keeps its text as received; only it is read through text. */
    @Test
    void aMessageWithASecurityHeaderIsReadThroughTextAndKeepsIt() {
        Message m = messages().get(0).get();
        m.headers().add(new BufferedHeader(new QName(ReceivedEnvelope.WS_SECURITY_NAMESPACE, "Security"), true,
                new XmlFragment("<o:Security xmlns:o=\"" + ReceivedEnvelope.WS_SECURITY_NAMESPACE
                        + "\"><o:Nonce>n</o:Nonce></o:Security>")));
        byte[] b = encoder.write(m);
        Message read = encoder.read(b, 0, b.length);
        assertTrue(read.properties().get(ReceivedEnvelope.class).isPresent());
        assertEquals(describe(encoder.readThroughText(b, 0, b.length)), describe(read));
        byte[] plain = encoder.write(messages().get(0).get());
        assertTrue(encoder.read(plain, 0, plain.length).properties().get(ReceivedEnvelope.class).isEmpty());
    }

    private static List<Supplier<Message>> messages() {
        List<Supplier<Message>> all = new ArrayList<>(BinaryDirectWriterTest.messages());
        all.add(() -> Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:a",
                new XmlFragment("<x:A xmlns:x=\"urn:x\" x:b=\"1&quot;&lt;&#xA;\"><x:B>\r\n\t&amp;</x:B></x:A>"
                        + "<x:C xmlns:x=\"urn:x\"/>")));
        return all;
    }
}

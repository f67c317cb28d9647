package io.github.wcf4j.runtime.encoding.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NbfxReaderTest {
    private final NbfxReader reader = new NbfxReader(DictionaryLookup.STATIC_ONLY, 32, 16384);

    private String xml(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return reader.toXml(new BinaryInput(b, 0, b.length));
    }

    /** python-wcfbin's test_bin: a sessionless WS-Trust RST as WCF wrote it. */
    @Test
    void decodesPythonWcfbinsCaptureOfAWsTrustRequest() {
        byte[] b = GoldenVectors.hex("python-wcfbin-test-bin.hex");
        String xml = reader.toXml(new BinaryInput(b, 0, b.length));
        assertTrue(xml.startsWith("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header><a:Action s:mustUnderstand=\"1\">"
                + "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue</a:Action>"
                + "<a:MessageID>urn:uuid:d493b25d-0bbc-47a5-b9dc-cb2f140fd0c3</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"), xml);
        assertTrue(xml.contains("<trust:KeySize>256</trust:KeySize>"), xml);
        assertTrue(xml.contains("ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust/spnego\""), xml);
        // two Bytes8Text records (54 + 1 bytes) make one base64 value
        assertTrue(xml.contains(">TlRMTVNTUAABAAAAt7IY4goACgAtAAAABQAFACgAAAAGAbEdAAAAD0NMV1MxV0VCU0VSVklDRQ=="
                + "</trust:BinaryExchange>"), xml);
        assertTrue(xml.endsWith("</trust:RequestSecurityToken></s:Body></s:Envelope>"), xml);
    }

    @Test
    void decodesTypedRecordsToTheirXmlForms() {
        assertEquals("<n>300</n>", xml("40016e8b2c01"));
        assertEquals("<n>-1</n>", xml("40016e89ff"));
        assertEquals("<b>true</b>", xml("40016287"));
        assertEquals("<d>1.5</d>", xml("400164" + "93" + "000000000000f83f"));
        assertEquals("<a><int>1</int><int>2</int></a>", xml("40016103400369" + "6e7401" + "8d02" + "0100000002000000"
                + "01"));
    }

    /** A long session string named again and again by 3-byte records would otherwise become megabytes of text. */
    @Test
    void aDocumentThatExpandsBeyondItsBoundIsRefused() {
        String longName = "n".repeat(2000);
        NbfxReader session = new NbfxReader(index -> longName, 32, 16384);
        StringBuilder hex = new StringBuilder("400172");
        for (int i = 0; i < 5000; i++) {
            hex.append("420101");
        }
        hex.append("01");
        byte[] b = HexFormat.of().parseHex(hex.toString());
        assertThrows(MalformedBinaryException.class, () -> session.toXml(new BinaryInput(b, 0, b.length)));
    }

    @Test
    void refusesTruncatedMalformedOrTooDeepDocuments() {
        assertThrows(MalformedBinaryException.class, () -> xml("4001"));
        assertThrows(MalformedBinaryException.class, () -> xml("400172"));
        assertThrows(MalformedBinaryException.class, () -> xml("4001729905"));
        assertThrows(MalformedBinaryException.class, () -> xml("ff"));
        assertThrows(MalformedBinaryException.class, () -> xml("400172990280c0")); // invalid UTF-8
        assertThrows(MalformedBinaryException.class, () -> xml("42ff0f01")); // no such static id
        assertThrows(MalformedBinaryException.class, () -> xml("43013c0201")); // "<" as a prefix
        assertThrows(MalformedBinaryException.class, () -> xml("40017201400173" + "01")); // a second root
        assertThrows(MalformedBinaryException.class, () -> xml("400172ab01")); // session id without a session
        assertThrows(MalformedBinaryException.class, () -> xml("400172".repeat(33) + "01".repeat(33)));
    }
}

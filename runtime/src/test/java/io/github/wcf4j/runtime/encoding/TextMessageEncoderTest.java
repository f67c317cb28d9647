package io.github.wcf4j.runtime.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.UnreadableBody;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class TextMessageEncoderTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final TextMessageEncoder SOAP12 = TextMessageEncoder.defaultEncoder();
    private static final TextMessageEncoder SOAP11 = new TextMessageEncoder(
            TextMessageEncodingBindingElement.defaults().withMessageVersion(MessageVersion.SOAP11_WS_ADDRESSING10));

    /** A request exactly as a WCF client sends it (prefixes s and a, body namespace on the payload). */
    static final String WCF_REQUEST = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
            + "<a:Action s:mustUnderstand=\"1\">http://Microsoft.ServiceModel.Samples/ICalculator/Add</a:Action>"
            + "<a:MessageID>urn:uuid:11111111-2222-3333-4444-555555555555</a:MessageID>"
            + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
            + "<a:To s:mustUnderstand=\"1\">http://localhost:8080/servicemodelsamples/service.svc</a:To>"
            + "</s:Header><s:Body><Add xmlns=\"http://Microsoft.ServiceModel.Samples\"><n1>100</n1><n2>15.99</n2></Add>"
            + "</s:Body></s:Envelope>";

    private static Message read(TextMessageEncoder e, String xml) {
        return e.read(xml.getBytes(StandardCharsets.UTF_8), e.contentType());
    }

    @Test
    void readsAWcfRequestIntoTypedAddressingHeadersAndAVerbatimBody() {
        Message m = read(SOAP12, WCF_REQUEST);
        assertEquals(NS + "/ICalculator/Add", m.headers().action());
        assertEquals("urn:uuid:11111111-2222-3333-4444-555555555555", m.headers().messageId());
        assertTrue(m.headers().replyTo().isAnonymous());
        assertEquals("http://localhost:8080/servicemodelsamples/service.svc", m.headers().to().toString());
        assertEquals("<Add xmlns=\"http://Microsoft.ServiceModel.Samples\"><n1>100</n1><n2>15.99</n2></Add>",
                m.body().xml());
        assertTrue(m.headers().others().isEmpty());
    }

    @Test
    void writesAsWcfDoes() {
        Message reply = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/AddResponse",
                new XmlFragment("<AddResponse xmlns=\"" + NS + "\"><AddResult>115.99</AddResult></AddResponse>"));
        reply.headers().relatesTo("urn:uuid:11111111-2222-3333-4444-555555555555");
        assertEquals("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + NS + "/ICalculator/AddResponse</a:Action>"
                + "<a:RelatesTo>urn:uuid:11111111-2222-3333-4444-555555555555</a:RelatesTo></s:Header>"
                + "<s:Body><AddResponse xmlns=\"" + NS + "\"><AddResult>115.99</AddResult></AddResponse></s:Body>"
                + "</s:Envelope>", new String(SOAP12.write(reply), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsEveryAddressingHeader() {
        Message m = read(SOAP12, WCF_REQUEST);
        Message again = read(SOAP12, new String(SOAP12.write(m), StandardCharsets.UTF_8));
        assertEquals(m.headers().action(), again.headers().action());
        assertEquals(m.headers().messageId(), again.headers().messageId());
        assertEquals(m.headers().replyTo(), again.headers().replyTo());
        assertEquals(m.headers().to(), again.headers().to());
        assertEquals(m.body(), again.body());
    }

    @Test
    void unknownHeadersAreCapturedStandaloneWithInheritedNamespaces() {
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:r=\"urn:rm\">"
                + "<s:Header><r:Sequence s:mustUnderstand=\"1\"><r:Identifier>urn:uuid:x</r:Identifier>"
                + "<r:MessageNumber>1</r:MessageNumber><r:LastMessage/></r:Sequence><r:AckRequested/></s:Header>"
                + "<s:Body/></s:Envelope>";
        Message m = read(SOAP12, xml);
        BufferedHeader seq = (BufferedHeader) m.headers().others().get(0);
        assertEquals(new QName("urn:rm", "Sequence"), seq.name());
        assertTrue(seq.mustUnderstand());
        assertEquals("<r:Sequence xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:r=\"urn:rm\""
                + " s:mustUnderstand=\"1\"><r:Identifier>urn:uuid:x</r:Identifier><r:MessageNumber>1</r:MessageNumber>"
                + "<r:LastMessage/></r:Sequence>", seq.xml().xml());
        BufferedHeader ack = (BufferedHeader) m.headers().others().get(1);
        assertEquals("<r:AckRequested xmlns:r=\"urn:rm\"/>", ack.xml().xml());
        assertFalse(ack.mustUnderstand());
        assertTrue(m.body().isEmpty());
        assertEquals(List.of(new QName("urn:rm", "Sequence")), m.headers().notUnderstood());
    }

    @Test
    void bodyUsingEnvelopePrefixesStaysValidOnItsOwn() {
        String xml = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:ns2=\"" + NS + "\">"
                + "<soap:Body><ns2:Add><ns2:n1>2</ns2:n1></ns2:Add></soap:Body></soap:Envelope>";
        Message m = read(SOAP12, xml);
        assertEquals("<ns2:Add xmlns:ns2=\"" + NS + "\"><ns2:n1>2</ns2:n1></ns2:Add>", m.body().xml());
    }

    @Test
    void soap12FaultRoundTrip() {
        MessageFault f = MessageFault.sender("The remote endpoint no longer recognizes this sequence.",
                new QName("http://schemas.xmlsoap.org/ws/2005/02/rm", "UnknownSequence", "r"))
                .withDetail(new XmlFragment("<r:Identifier xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\">"
                        + "urn:uuid:1</r:Identifier>"));
        Message m = Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10, f, null);
        String wire = new String(SOAP12.write(m), StandardCharsets.UTF_8);
        assertTrue(wire.contains("<s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value"
                + " xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\">r:UnknownSequence</s:Value></s:Subcode>"
                + "</s:Code><s:Reason><s:Text xml:lang=\"en-US\">"), wire);
        assertTrue(wire.contains("<a:Action s:mustUnderstand=\"1\">http://www.w3.org/2005/08/addressing/soap/fault"
                + "</a:Action>"), wire);
        Message back = read(SOAP12, wire);
        assertTrue(back.isFault());
        assertEquals(f, back.fault().orElseThrow());
    }

    @Test
    void soap11FaultUsesTheSubcodeAsFaultcode() {
        MessageFault f = MessageFault.receiver("boom", new QName("urn:x", "Oops", "x"));
        Message m = Message.createFault(MessageVersion.SOAP11_WS_ADDRESSING10, f, null);
        String wire = new String(SOAP11.write(m), StandardCharsets.UTF_8);
        assertTrue(wire.contains("<faultcode xmlns:x=\"urn:x\">x:Oops</faultcode>"), wire);
        MessageFault back = read(SOAP11, wire).fault().orElseThrow();
        assertEquals(new QName("urn:x", "Oops"), back.subcode().orElseThrow());
        assertEquals("boom", back.reason());
    }

    @Test
    void contentTypesAreWcfs() {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:a", XmlFragment.EMPTY);
        // with WS-Addressing the action is in the envelope, not the content type (WCF's HttpOutput)
        assertEquals("application/soap+xml; charset=utf-8", SOAP12.requestContentType(m));
        TextMessageEncoder soap12None = new TextMessageEncoder(TextMessageEncodingBindingElement.defaults()
                .withMessageVersion(MessageVersion.SOAP12));
        Message plain = Message.create(MessageVersion.SOAP12, "urn:a b", XmlFragment.EMPTY);
        assertEquals("application/soap+xml; charset=utf-8; action=\"urn:a%20b\"", soap12None.requestContentType(plain));
        assertEquals("text/xml; charset=utf-8", SOAP11.requestContentType(m));
        assertEquals("\"http://x/\u00e9\"", TextMessageEncoder.quotedAction("http://x/\u00e9").replace("%C3%A9", "\u00e9"));
        assertTrue(SOAP12.accepts("application/soap+xml;charset=UTF-8;action=\"x\""));
        assertFalse(SOAP12.accepts("text/xml; charset=utf-8"));
        assertEquals("Cannot process the message because the content type 'text/xml; charset=utf-8' was not the"
                + " expected type 'application/soap+xml; charset=utf-8'.",
                SOAP12.unexpectedContentType("text/xml; charset=utf-8"));
    }

    @Test
    void soap11EnvelopeAtSoap12EncoderIsAVersionMismatch() {
        String xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>";
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(SOAP12, xml));
        assertEquals("The envelope version of the incoming message (Soap11 (http://schemas.xmlsoap.org/soap/envelope/))"
                + " does not match that of the encoder (Soap12 (http://www.w3.org/2003/05/soap-envelope)). Make sure the"
                + " binding is configured with the same version as the expected messages.", e.getMessage());
    }

    @Test
    void depthQuotaIsEnforcedWithWcfsText() {
        TextMessageEncoder shallow = new TextMessageEncoder(TextMessageEncodingBindingElement.defaults()
                .withReaderQuotas(new ReaderQuotas(5, 8192, 16384, 4096, 16384)));
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header><a xmlns=\"urn:x\"><b><c>"
                + "<d/></c></b></a></s:Header><s:Body/></s:Envelope>";
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> read(shallow, xml));
        assertTrue(e.getMessage().startsWith("The maximum read depth (5) has been exceeded"), e.getMessage());
    }

    @Test
    void aBodyPastTheDepthQuotaIsLeftUnreadForTheOperationToRefuse() {
        TextMessageEncoder shallow = new TextMessageEncoder(TextMessageEncodingBindingElement.defaults()
                .withReaderQuotas(new ReaderQuotas(5, 8192, 16384, 4096, 16384)));
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><a><b><c><d/></c></b></a>"
                + "</s:Body></s:Envelope>";
        Message m = read(shallow, xml);
        assertEquals("", m.body().xml());
        assertTrue(m.properties().get(UnreadableBody.class).orElseThrow().reason()
                .startsWith("The maximum read depth (5) has been exceeded"));
    }

    @Test
    void stringContentQuotaIsEnforced() {
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header><a xmlns=\"urn:x\">"
                + "x".repeat(8193) + "</a></s:Header><s:Body/></s:Envelope>";
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> read(SOAP12, xml));
        assertTrue(e.getMessage().startsWith("The maximum string content length quota (8192) has been exceeded"));
        String body = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><a>" + "x".repeat(8193)
                + "</a></s:Body></s:Envelope>";
        assertTrue(read(SOAP12, body).properties().get(UnreadableBody.class).orElseThrow().reason()
                .startsWith("The maximum string content length quota (8192) has been exceeded"));
    }

    @Test
    void startTagNamesLongerThanMaxBytesPerReadAreRefused() {
        String name = "n".repeat(4097);
        for (String tag : new String[] {"<" + name + " xmlns=\"urn:x\"/>", "<a xmlns=\"urn:x\" " + name + "=\"v\"/>"}) {
            String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header>" + tag
                    + "</s:Header><s:Body/></s:Envelope>";
            QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> read(SOAP12, xml));
            assertEquals(WcfText.XmlMaxBytesPerReadExceeded.format(4096), e.getMessage());
        }
    }

    @Test
    void anEntityNameWithAColonIsAProtocolErrorNotAnUncheckedParserException() {
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header><a:MessageID"
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\">urn:u&uid:1</a:MessageID></s:Header><s:Body/>"
                + "</s:Envelope>";
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(SOAP12, xml));
        assertTrue(e.getMessage().startsWith("The message is not well-formed XML: "), e.getMessage());
    }

    @Test
    void dtdIsRefused() {
        String xml = "<!DOCTYPE s:Envelope [<!ENTITY x \"y\">]><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/"
                + "soap-envelope\"><s:Body>&x;</s:Body></s:Envelope>";
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(SOAP12, xml));
        assertTrue(e.getMessage().startsWith("DTDs are not allowed in SOAP messages"), e.getMessage());
    }

    @Test
    void utf16IsReadFromTheBomOrCharset() {
        byte[] le = ("\uFEFF" + WCF_REQUEST).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(NS + "/ICalculator/Add", SOAP12.read(le, "application/soap+xml").headers().action());
        byte[] be = WCF_REQUEST.getBytes(StandardCharsets.UTF_16BE);
        assertEquals(NS + "/ICalculator/Add", SOAP12.read(be, "application/soap+xml; charset=utf-16BE")
                .headers().action());
    }

    @Test
    void referenceParametersOfToAreEchoedAsMarkedHeaders() {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:a", XmlFragment.EMPTY);
        m.headers().to(new EndpointAddress(URI.create("http://h/s"),
                List.of("<k:Key xmlns:k=\"urn:k\">42</k:Key>")));
        String wire = new String(SOAP12.write(m), StandardCharsets.UTF_8);
        assertTrue(wire.contains("<k:Key xmlns:wsa_rp=\"http://www.w3.org/2005/08/addressing\""
                + " wsa_rp:IsReferenceParameter=\"true\" xmlns:k=\"urn:k\">42</k:Key>"), wire);
    }
}

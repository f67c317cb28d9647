package io.github.wcf4j.runtime.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.ElementHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlElement;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/**
 * The envelope as WCF's text encoder writes it, byte for byte: prefixes {@code s} and {@code a} declared on the
 * envelope, the addressing headers in WCF's order with {@code mustUnderstand} on Action and To, protocol headers before
 * or after them with their shared prefixes, WCF's escaping, and faults in each envelope version's shape.
 */
class EnvelopeWriterTest {
    private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    private static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSA10 = "http://www.w3.org/2005/08/addressing";
    private static final String RM11 = "http://docs.oasis-open.org/ws-rx/wsrm/200702";
    private static final String BODY = "<Echo xmlns=\"urn:x\">hi</Echo>";

    private final EnvelopeWriter writer = new EnvelopeWriter();

    private byte[] bytes(Message m, Charset charset) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(m, out, charset);
        return out.toByteArray();
    }

    private String utf8(Message m) throws XMLStreamException {
        return new String(bytes(m, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static Message echo(MessageVersion v) {
        return Message.create(v, "urn:x/Echo", new XmlFragment(BODY));
    }

    @Test
    void everyAddressingHeaderInWcfsOrderWithMustUnderstandOnActionAndTo() throws Exception {
        Message m = echo(MessageVersion.SOAP12_WS_ADDRESSING10);
        m.headers().to(EndpointAddress.of("http://service/echo"));
        m.headers().from(EndpointAddress.of("http://client/"));
        m.headers().faultTo(EndpointAddress.of("http://client/faults"));
        m.headers().replyTo(EndpointAddress.ANONYMOUS);
        m.headers().relatesTo("urn:uuid:00000000-0000-0000-0000-000000000000");
        m.headers().messageId("urn:uuid:11111111-1111-1111-1111-111111111111");
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP12_NS + "\" xmlns:a=\"" + WSA10 + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">urn:x/Echo</a:Action>"
                + "<a:MessageID>urn:uuid:11111111-1111-1111-1111-111111111111</a:MessageID>"
                + "<a:RelatesTo>urn:uuid:00000000-0000-0000-0000-000000000000</a:RelatesTo>"
                + "<a:ReplyTo><a:Address>" + WSA10 + "/anonymous</a:Address></a:ReplyTo>"
                + "<a:FaultTo><a:Address>http://client/faults</a:Address></a:FaultTo>"
                + "<a:From><a:Address>http://client/</a:Address></a:From>"
                + "<a:To s:mustUnderstand=\"1\">http://service/echo</a:To>"
                + "</s:Header><s:Body>" + BODY + "</s:Body></s:Envelope>", utf8(m));
    }

    @Test
    void soap11WithAddressingUsesTheSoap11NamespaceUnderTheSamePrefixes() throws Exception {
        Message m = echo(MessageVersion.SOAP11_WS_ADDRESSING10);
        m.headers().to(EndpointAddress.of("http://service/echo"));
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP11_NS + "\" xmlns:a=\"" + WSA10 + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">urn:x/Echo</a:Action>"
                + "<a:To s:mustUnderstand=\"1\">http://service/echo</a:To>"
                + "</s:Header><s:Body>" + BODY + "</s:Body></s:Envelope>", utf8(m));
    }

    @Test
    void withoutAddressingThereIsNoHeaderAndTheActionTravelsOutsideTheEnvelope() throws Exception {
        Message m = echo(MessageVersion.SOAP11);
        m.headers().messageId("urn:uuid:1");
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP11_NS + "\"><s:Body>" + BODY + "</s:Body></s:Envelope>",
                utf8(m));
    }

    @Test
    void anEmptyBodyIsAnEmptyElement() throws Exception {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, RM11 + "/AckRequested", XmlFragment.EMPTY);
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP12_NS + "\" xmlns:a=\"" + WSA10 + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + RM11 + "/AckRequested</a:Action></s:Header><s:Body/>"
                + "</s:Envelope>", utf8(m));
    }

    @Test
    void leadingProtocolHeadersGoBeforeAddressingOthersAfterAndSharedPrefixesOnTheEnvelopeInHeaderOrder()
            throws Exception {
        Message m = echo(MessageVersion.SOAP12_WS_ADDRESSING10);
        m.headers().to(EndpointAddress.of("http://service/echo"));
        m.headers().add(new ElementHeader(XmlElement.of("urn:custom", "Custom").withText("v"), false, false, null));
        m.headers().add(new ElementHeader(XmlElement.of(RM11, "AckRequested")
                .add(XmlElement.text(RM11, "Identifier", "urn:uuid:s")), false, false, "r"));
        m.headers().add(new ElementHeader(XmlElement.of(RM11, "Sequence")
                .add(XmlElement.text(RM11, "Identifier", "urn:uuid:s"))
                .add(XmlElement.text(RM11, "MessageNumber", "1")), true, true, "r"));
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP12_NS + "\" xmlns:r=\"" + RM11 + "\" xmlns:a=\"" + WSA10
                + "\"><s:Header>"
                + "<r:Sequence s:mustUnderstand=\"1\"><r:Identifier>urn:uuid:s</r:Identifier>"
                + "<r:MessageNumber>1</r:MessageNumber></r:Sequence>"
                + "<a:Action s:mustUnderstand=\"1\">urn:x/Echo</a:Action>"
                + "<a:To s:mustUnderstand=\"1\">http://service/echo</a:To>"
                + "<Custom xmlns=\"urn:custom\">v</Custom>"
                + "<r:AckRequested><r:Identifier>urn:uuid:s</r:Identifier></r:AckRequested>"
                + "</s:Header><s:Body>" + BODY + "</s:Body></s:Envelope>", utf8(m));
    }

    @Test
    void aProtocolBodyElementUsesThePrefixTheEnvelopeDeclares() throws Exception {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, RM11 + "/CloseSequence",
                XmlElement.of(RM11, "CloseSequence").add(XmlElement.text(RM11, "Identifier", "urn:uuid:s")));
        m.headers().add(new ElementHeader(XmlElement.of(RM11, "AckRequested")
                .add(XmlElement.text(RM11, "Identifier", "urn:uuid:s")), false, true, "r"));
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP12_NS + "\" xmlns:r=\"" + RM11 + "\" xmlns:a=\"" + WSA10
                + "\"><s:Header><r:AckRequested><r:Identifier>urn:uuid:s</r:Identifier></r:AckRequested>"
                + "<a:Action s:mustUnderstand=\"1\">" + RM11 + "/CloseSequence</a:Action></s:Header><s:Body>"
                + "<r:CloseSequence><r:Identifier>urn:uuid:s</r:Identifier></r:CloseSequence></s:Body></s:Envelope>",
                utf8(m));
    }

    @Test
    void textIsEscapedAsWcfEscapesItIncludingTheGreaterThanSign() throws Exception {
        Message m = Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10,
                MessageFault.receiver("Turn on <serviceDebug> & \"retry\"."), null);
        m.headers().to(EndpointAddress.of("http://service/echo?a=1&b=2"));
        m.headers().add(new ElementHeader(XmlElement.of("urn:custom", "Note").withText("1 < 2 > 0 & 'x'"), false,
                false, null));
        String wire = utf8(m);
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP12_NS + "\" xmlns:a=\"" + WSA10 + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + WSA10 + "/soap/fault</a:Action>"
                + "<a:To s:mustUnderstand=\"1\">http://service/echo?a=1&amp;b=2</a:To>"
                + "<Note xmlns=\"urn:custom\">1 &lt; 2 &gt; 0 &amp; 'x'</Note></s:Header><s:Body><s:Fault>"
                + "<s:Code><s:Value>s:Receiver</s:Value></s:Code>"
                + "<s:Reason><s:Text xml:lang=\"en-US\">Turn on &lt;serviceDebug&gt; &amp; \"retry\".</s:Text>"
                + "</s:Reason></s:Fault></s:Body></s:Envelope>", wire);
    }

    @Test
    void aSoap12FaultHasItsCodeSubcodesReasonAndDetailAsWcfWritesThem() throws Exception {
        MessageFault f = MessageFault.sender("The remote endpoint no longer recognizes this sequence.",
                new QName(RM11, "UnknownSequence", "r"), new QName("urn:deeper", "Why", "d"))
                .withDetail(new XmlFragment("<r:Identifier xmlns:r=\"" + RM11 + "\">urn:uuid:s</r:Identifier>"));
        Message m = Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10, f, RM11 + "/fault");
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP12_NS + "\" xmlns:a=\"" + WSA10 + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + RM11 + "/fault</a:Action></s:Header><s:Body><s:Fault>"
                + "<s:Code><s:Value>s:Sender</s:Value>"
                + "<s:Subcode><s:Value xmlns:r=\"" + RM11 + "\">r:UnknownSequence</s:Value>"
                + "<s:Subcode><s:Value xmlns:d=\"urn:deeper\">d:Why</s:Value></s:Subcode></s:Subcode></s:Code>"
                + "<s:Reason><s:Text xml:lang=\"en-US\">The remote endpoint no longer recognizes this sequence."
                + "</s:Text></s:Reason>"
                + "<s:Detail><r:Identifier xmlns:r=\"" + RM11 + "\">urn:uuid:s</r:Identifier></s:Detail>"
                + "</s:Fault></s:Body></s:Envelope>", utf8(m));
    }

    @Test
    void aSubcodeInANamespaceTheEnvelopeDeclaresUsesItsPrefixAndAnUnprefixedOneIsDeclaredAsA() throws Exception {
        Message inScope = Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10, MessageFault.sender("No route.",
                new QName(WSA10, "DestinationUnreachable")), null);
        assertEquals("<s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>a:DestinationUnreachable</s:Value>"
                + "</s:Subcode></s:Code>", code(utf8(inScope)));
        String dispatcher = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
        Message foreign = Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10, MessageFault.receiver("Boom.",
                new QName(dispatcher, "InternalServiceFault")), null);
        assertEquals("<s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value xmlns:a=\"" + dispatcher
                + "\">a:InternalServiceFault</s:Value></s:Subcode></s:Code>", code(utf8(foreign)));
    }

    private static String code(String wire) {
        return wire.substring(wire.indexOf("<s:Code>"), wire.indexOf("</s:Code>") + "</s:Code>".length());
    }

    @Test
    void aSoap11FaultHasFaultcodeFaultstringAndDetailUnqualified() throws Exception {
        Message client = Message.createFault(MessageVersion.SOAP11,
                MessageFault.sender("Bad input.").withDetail(new XmlFragment("<why xmlns=\"urn:x\">n1</why>")), null);
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP11_NS + "\"><s:Body><s:Fault><faultcode>s:Client</faultcode>"
                + "<faultstring xml:lang=\"en-US\">Bad input.</faultstring><detail><why xmlns=\"urn:x\">n1</why>"
                + "</detail></s:Fault></s:Body></s:Envelope>", utf8(client));
        Message server = Message.createFault(MessageVersion.SOAP11, MessageFault.receiver("Boom."), null);
        assertEquals("<s:Envelope xmlns:s=\"" + SOAP11_NS + "\"><s:Body><s:Fault><faultcode>s:Server</faultcode>"
                + "<faultstring xml:lang=\"en-US\">Boom.</faultstring></s:Fault></s:Body></s:Envelope>",
                utf8(server));
    }

    @Test
    void aStandaloneFaultElementDeclaresItsEnvelopeNamespace() throws Exception {
        assertEquals("<s:Fault xmlns:s=\"" + SOAP11_NS + "\"><faultcode>s:Server</faultcode>"
                + "<faultstring xml:lang=\"en-US\">Boom.</faultstring></s:Fault>",
                writer.faultElement(MessageFault.receiver("Boom."), EnvelopeVersion.SOAP11));
        assertEquals("<s:Fault xmlns:s=\"" + SOAP12_NS + "\"><s:Code><s:Value>s:Receiver</s:Value></s:Code>"
                + "<s:Reason><s:Text xml:lang=\"en-US\">Boom.</s:Text></s:Reason></s:Fault>",
                writer.faultElement(MessageFault.receiver("Boom."), EnvelopeVersion.SOAP12));
    }

    @Test
    void utf16IsTheSameEnvelopeInTheOtherEncodingWithoutADeclaration() throws Exception {
        Message m = echo(MessageVersion.SOAP12_WS_ADDRESSING10);
        m.headers().to(EndpointAddress.of("http://service/échange"));
        String utf8 = utf8(m);
        assertTrue(utf8.startsWith("<s:Envelope "), "no XML declaration: " + utf8);
        assertTrue(utf8.contains("<a:To s:mustUnderstand=\"1\">http://service/échange</a:To>"), utf8);
        assertArrayEquals(utf8.getBytes(StandardCharsets.UTF_16LE), bytes(m, StandardCharsets.UTF_16LE));
    }
}

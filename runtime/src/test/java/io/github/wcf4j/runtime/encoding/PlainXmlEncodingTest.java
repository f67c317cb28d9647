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
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.PayloadElement;
import io.github.wcf4j.runtime.message.UnreadableBody;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** {@code messageVersion="None"}: the text encoder writes and reads plain XML as WCF's does. */
class PlainXmlEncodingTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final String NONE_NS = "http://schemas.microsoft.com/ws/2005/05/envelope/none";
    private static final TextMessageEncoder POX = new TextMessageEncoder(
            TextMessageEncodingBindingElement.defaults().withMessageVersion(MessageVersion.NONE));
    private static final String ADD = "<Add xmlns=\"" + NS + "\"><n1>2</n1><n2>3</n2></Add>";

    private static String write(Message m) {
        return new String(POX.write(m), StandardCharsets.UTF_8);
    }

    private static Message read(String xml) {
        return POX.read(xml.getBytes(StandardCharsets.UTF_8), "application/xml; charset=utf-8");
    }

    @Test
    void writesTheBodyElementAloneWithoutActionOrTo() {
        Message m = Message.create(MessageVersion.NONE, NS + "/ICalculator/Add", new XmlFragment(ADD));
        m.headers().to(EndpointAddress.of(URI.create("http://localhost/calc")));
        assertEquals(ADD, write(m));
        assertEquals("application/xml; charset=utf-8", POX.contentType());
        assertEquals("application/xml; charset=utf-8", POX.requestContentType(m));
    }

    @Test
    void readsTheDocumentElementAsTheBodyAndNamesIt() {
        Message m = read("<?xml version=\"1.0\"?>\n<p:Add xmlns:p=\"" + NS + "\"><p:n1>2</p:n1></p:Add>");
        assertEquals("<p:Add xmlns:p=\"" + NS + "\"><p:n1>2</p:n1></p:Add>", m.body().xml());
        assertEquals(Optional.of(new PayloadElement(new QName(NS, "Add"))), m.properties().get(PayloadElement.class));
        assertEquals(null, m.headers().action());
        assertFalse(m.isFault());
    }

    @Test
    void anEmptyBodyIsAnEmptyMessage() {
        Message m = POX.read(new byte[0], "application/xml");
        assertTrue(m.body().isEmpty());
        assertEquals("", write(m));
    }

    @Test
    void aFaultIsWcfsNoneFaultBothWays() {
        MessageFault f = MessageFault.receiver("Divide <by> zero", new QName(
                "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher",
                "InternalServiceFault", "a")).withDetail(new XmlFragment("<d xmlns=\"urn:d\">x</d>"));
        String xml = write(Message.createFault(MessageVersion.NONE, f, null));
        assertEquals("<Fault xmlns=\"" + NONE_NS + "\"><Code><Value>Receiver</Value><Subcode><Value xmlns:a=\"http:"
                + "//schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher\">"
                + "a:InternalServiceFault</Value></Subcode></Code><Reason><Text xml:lang=\"en-US\">"
                + "Divide &lt;by&gt; zero</Text></Reason>"
                + "<Detail><d xmlns=\"urn:d\">x</d></Detail></Fault>", xml);
        Message back = read(xml);
        MessageFault g = back.fault().orElseThrow();
        assertEquals(FaultCode.Receiver, g.code());
        assertEquals(f.subcodes(), g.subcodes());
        assertEquals("Divide <by> zero", g.reason());
        assertEquals("<d xmlns=\"urn:d\">x</d>", g.detail().orElseThrow().xml());
    }

    @Test
    void headersCannotTravelWithoutAnEnvelope() {
        Message m = Message.create(MessageVersion.NONE, null, new XmlFragment(ADD));
        m.headers().messageId("urn:uuid:1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> POX.write(m));
        assertEquals(WcfText.HeadersCannotBeAddedToEnvelopeVersion.format(
                "EnvelopeNone (" + NONE_NS + ")"), e.getMessage());
        Message addressed = Message.create(MessageVersion.NONE, null, new XmlFragment(ADD));
        addressed.headers().to(new EndpointAddress(URI.create("http://localhost/calc"),
                List.of("<Tenant xmlns=\"urn:t\">a</Tenant>")));
        assertThrows(IllegalStateException.class, () -> POX.write(addressed));
    }

    @Test
    void acceptsWcfsPlainXmlMediaTypesOnly() {
        for (String type : List.of("application/xml", "text/xml; charset=utf-8", "application/rss+xml",
                "application/atom+xml", "text/html")) {
            assertTrue(POX.accepts(type), type);
        }
        assertFalse(POX.accepts("application/soap+xml; charset=utf-8"));
        assertFalse(POX.accepts("application/json"));
    }

    @Test
    void aBodyPastAQuotaStillNamesItsElement() {
        TextMessageEncoder strict = new TextMessageEncoder(TextMessageEncodingBindingElement.defaults()
                .withMessageVersion(MessageVersion.NONE)
                .withReaderQuotas(new ReaderQuotas(2, 8192, 16384, 4096, 16384)));
        Message m = strict.read(("<Add xmlns=\"" + NS + "\"><n1><deep/></n1></Add>").getBytes(StandardCharsets.UTF_8),
                "application/xml");
        assertTrue(m.properties().get(UnreadableBody.class).isPresent());
        assertEquals(new QName(NS, "Add"), m.properties().get(PayloadElement.class).orElseThrow().name());
    }
}

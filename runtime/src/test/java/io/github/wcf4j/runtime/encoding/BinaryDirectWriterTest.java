package io.github.wcf4j.runtime.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/**
 * The binary encoder writes a message's records straight from the envelope writer's events; a message with an
 * envelope protection still goes through its text. Both must give the same bytes for any envelope (the captured WCF
 * vectors of {@link BinaryMessageEncoderTest} and {@code TcpWireTest} prove the direct path against WCF): here an
 * identity protection forces the text path for the same messages, sessionless and on a session.
 */
class BinaryDirectWriterTest {
    private final BinaryMessageEncoder encoder = new BinaryMessageEncoder(BinaryMessageEncodingBindingElement
            .defaults());

    static List<Supplier<Message>> messages() {
        Supplier<Message> request = () -> {
            Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "http://tempuri.org/IMeter/Record",
                    new XmlFragment("<Record xmlns=\"http://tempuri.org/\"><reading xmlns:b=\"urn:meters\""
                            + " xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><b:Meter i:type=\"b:Kind\">"
                            + "m&amp;17 &lt;x&gt;</b:Meter>\n  <b:Note><![CDATA[a]]>b<!-- dropped -->c</b:Note>"
                            + "<b:Empty/><b:Id>urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e</b:Id></reading>"
                            + "</Record>"));
            m.headers().messageId("urn:uuid:2b5d3a6c-9a1f-4e3e-8c1d-1c0e6b0a9f11");
            m.headers().replyTo(EndpointAddress.of("http://www.w3.org/2005/08/addressing/anonymous"));
            m.headers().to(new EndpointAddress(URI.create("net.tcp://localhost:8808/meter"),
                    List.of("<Tenant xmlns=\"urn:tenants\">contoso</Tenant>")));
            m.headers().add(new BufferedHeader(new QName("urn:custom", "Trace"), false,
                    new XmlFragment("<c:Trace xmlns:c=\"urn:custom\" c:level=\"2\">on</c:Trace>")));
            return m;
        };
        Supplier<Message> fault = () -> Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10,
                MessageFault.sender("The creator of this fault did not specify a Reason.",
                        new QName("http://schemas.microsoft.com/ws/2005/05/addressing/none", "ActionNotSupported"))
                        .withDetail(new XmlFragment("<d:Info xmlns:d=\"urn:detail\">why</d:Info>")),
                "http://www.w3.org/2005/08/addressing/soap/fault");
        Supplier<Message> empty = () -> Message.create(MessageVersion.SOAP12_WS_ADDRESSING10,
                "http://tempuri.org/IMeter/Ping", new XmlFragment(""));
        return List.of(request, fault, empty);
    }

    private static Message throughText(Message m) {
        m.properties().put(EnvelopeProtection.class, envelope -> envelope);
        return m;
    }

    @Test
    void sessionlessTheDirectAndTheTextPathWriteTheSameBytes() {
        for (Supplier<Message> m : messages()) {
            byte[] direct = encoder.write(m.get());
            byte[] text = encoder.write(throughText(m.get()));
            assertArrayEquals(text, direct, HexFormat.of().formatHex(direct));
        }
    }

    @Test
    void onASessionTheDirectAndTheTextPathWriteTheSameBytesAndStrings() {
        BinaryMessageEncoder.Session direct = encoder.newSession();
        BinaryMessageEncoder.Session text = encoder.newSession();
        for (int round = 0; round < 2; round++) {
            for (Supplier<Message> m : messages()) {
                byte[] d = encoder.write(m.get(), direct);
                assertArrayEquals(encoder.write(throughText(m.get()), text), d, HexFormat.of().formatHex(d));
            }
        }
        BinaryMessageEncoder.Session reading = encoder.newSession();
        BinaryMessageEncoder.Session writing = encoder.newSession();
        Message original = messages().get(0).get();
        byte[] b = encoder.write(original, writing);
        Message read = encoder.read(b, 0, b.length, reading);
        assertEquals(original.headers().action(), read.headers().action());
        assertTrue(read.body().xml().contains(">abc</b:Note>") && read.body().xml().contains("m&amp;17 &lt;x"),
                read.body().xml());
    }
}

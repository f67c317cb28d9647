package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import javax.xml.stream.XMLStreamException;

/**
 * A fault as a standalone {@code Fault} element, for code that handles message bodies (the service model hands faults
 * to and from Metro as SOAP 1.2 payloads). Written and read by the encoder's own writer and hardened reader.
 */
public final class FaultXml {
    private static final EnvelopeWriter WRITER = new EnvelopeWriter();
    private static final EnvelopeReader READER = new EnvelopeReader(ReaderQuotas.defaults());

    private FaultXml() {
    }

    /** {@code fault} as a SOAP 1.2 {@code Fault} element. */
    public static String soap12(MessageFault fault) {
        try {
            return WRITER.faultElement(fault, EnvelopeVersion.SOAP12);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the fault: " + e.getMessage(), e);
        }
    }

    /** Reads a SOAP 1.2 {@code Fault} element. */
    public static MessageFault readSoap12(String faultElement) {
        String envelope = "<s:Envelope xmlns:s=\"" + EnvelopeVersion.SOAP12.namespace() + "\"><s:Body>" + faultElement
                + "</s:Body></s:Envelope>";
        Message m = READER.read(envelope, MessageVersion.SOAP12);
        return m.fault().orElseThrow(() -> new IllegalArgumentException("not a SOAP 1.2 fault: " + faultElement));
    }
}

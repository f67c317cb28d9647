package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.FaultConverter;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.ServerTooBusyException;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.ParsedElement;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

/**
 * A fault received by a reliable session, read as WCF reads it. A WS-RM <em>header fault</em> is recognised as WCF's
 * {@code WsrmHeaderFault.TryCreateFault12/11} does: under SOAP 1.2 a Sender/Receiver code whose subcode is in the RM
 * namespace and which has a detail (its {@code r:Identifier}, or the {@code r:SequenceAcknowledgement} of an
 * InvalidAcknowledgement); under SOAP 1.1 the {@code r:SequenceFault} header. Any other fault goes through WCF's
 * {@link FaultConverter} or is "unrecognized".
 *
 * @param version    the message version it arrived in
 * @param fault      the fault
 * @param headerFault the RM fault name when it is a WS-RM header fault
 * @param identifier the sequence a header fault concerns, if given
 */
public record ReceivedFault(MessageVersion version, MessageFault fault, Optional<String> headerFault,
        Optional<String> identifier) {

    static ReceivedFault read(Message m, Wsrm wsrm) {
        MessageFault f = m.fault().orElseThrow();
        Optional<String> rm = Optional.empty();
        Optional<String> id = Optional.empty();
        if (m.version().envelope() == EnvelopeVersion.SOAP12) {
            List<QName> subs = f.subcodes();
            boolean senderOrReceiver = f.code() == FaultCode.Sender || f.code() == FaultCode.Receiver;
            if (senderOrReceiver && !subs.isEmpty() && subs.get(0).getNamespaceURI().equals(wsrm.ns())
                    && f.detail().isPresent()) {
                rm = Optional.of(subs.get(0).getLocalPart());
                id = identifierIn(wsrm, parse(f.detail().get().xml()));
            }
        } else {
            for (MessageHeader h : m.headers().others()) {
                if (h instanceof BufferedHeader b && h.name().equals(new QName(wsrm.ns(), "SequenceFault"))) {
                    m.headers().understood(h.name());
                    ParsedElement sf = parse(b.xml().xml());
                    Optional<ParsedElement> fc = sf == null ? Optional.empty() : sf.child(wsrm.ns(), "FaultCode");
                    if (fc.isPresent() && fc.get().qname().getNamespaceURI().equals(wsrm.ns())) {
                        rm = Optional.of(fc.get().qname().getLocalPart());
                        id = identifierIn(wsrm, sf.child(wsrm.ns(), "Detail").orElse(sf));
                    }
                }
            }
        }
        return new ReceivedFault(m.version(), f, rm, id);
    }

    /** The identifier in a detail: {@code r:Identifier}, directly or inside a {@code r:SequenceAcknowledgement}. */
    private static Optional<String> identifierIn(Wsrm wsrm, ParsedElement e) {
        if (e == null) {
            return Optional.empty();
        }
        if (e.is(wsrm.ns(), "Identifier")) {
            return Optional.of(e.text());
        }
        if (e.is(wsrm.ns(), Wsrm.SEQUENCE_ACKNOWLEDGEMENT)) {
            return e.child(wsrm.ns(), "Identifier").map(ParsedElement::text);
        }
        return e.child(wsrm.ns(), "Identifier").map(ParsedElement::text)
                .or(() -> e.child(wsrm.ns(), Wsrm.SEQUENCE_ACKNOWLEDGEMENT)
                        .flatMap(a -> a.child(wsrm.ns(), "Identifier")).map(ParsedElement::text));
    }

    private static ParsedElement parse(String xml) {
        try {
            return xml == null || xml.isBlank() ? null : ParsedElement.parse(xml);
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    public boolean isWsrm() {
        return headerFault.isPresent();
    }

    String reason() {
        return fault.reason();
    }

    /**
     * The exception a session raises when this fault arrives (WCF's {@code ProcessInfo}): a header fault for another
     * sequence is "WrongIdentifierFault"; UnknownSequence, other header faults (Sender → protocol, Receiver →
     * communication), converted SOAP/addressing faults, or "unrecognized fault".
     */
    RuntimeException sessionException(String inputId, String outputId) {
        String reason = fault.reason();
        if (headerFault.isPresent()) {
            if (identifier.isPresent() && !identifier.get().equals(inputId) && !identifier.get().equals(outputId)) {
                return new ProtocolException(WcfText.WrongIdentifierFault.format(reason));
            }
            if (headerFault.get().equals(WsrmFault.UNKNOWN_SEQUENCE)) {
                return new CommunicationException(WcfText.UnknownSequenceFaultReceived.format(reason));
            }
            String text = WcfText.WsrmFaultReceived.format(reason);
            return fault.code() == FaultCode.Sender ? new ProtocolException(text) : new CommunicationException(text);
        }
        QName code = FaultConverter.code(version, fault);
        return FaultConverter.toException(version, fault).orElseGet(() -> new ProtocolException(
                WcfText.UnrecognizedFaultReceived.format(code.getNamespaceURI(), code.getLocalPart(), reason)));
    }

    /** The exception opening a session raises when this fault answers its CreateSequence (WCF's CreateCSFaultException). */
    RuntimeException openException(Wsrm wsrm) {
        String reason = fault.reason();
        boolean soap12 = version.envelope() == EnvelopeVersion.SOAP12;
        Optional<QName> sub = soap12 ? fault.subcode() : Optional.of(FaultConverter.code(version, fault));
        if (sub.isPresent() && sub.get().equals(new QName(wsrm.ns(), WsrmFault.CREATE_SEQUENCE_REFUSED))) {
            if (soap12 && fault.subcodes().size() > 1
                    && fault.subcodes().get(1).equals(new QName(Wsrm.NETRM_NS, "ConnectionLimitReached"))) {
                return new ServerTooBusyException(reason);
            }
            if (soap12 && fault.code() == FaultCode.Sender) {
                return new ProtocolException(reason);
            }
            return new CommunicationException(reason);
        }
        if (sub.isPresent() && sub.get().equals(new QName(version.addressing().namespace(), "EndpointUnavailable"))) {
            return new EndpointNotFoundException(reason);
        }
        QName code = FaultConverter.code(version, fault);
        return FaultConverter.toException(version, fault).orElseGet(() -> new ProtocolException(
                WcfText.UnrecognizedFaultReceivedOnOpen.format(code.getNamespaceURI(), code.getLocalPart(), reason)));
    }
}

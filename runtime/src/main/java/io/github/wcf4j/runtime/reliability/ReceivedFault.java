package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
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
 * A fault received by a reliable session, read as WCF reads it: the RM code from the SOAP 1.2 subcode (detail
 * {@code r:Identifier}) or the SOAP 1.1 {@code r:SequenceFault} header, and turned into WCF's exception.
 *
 * @param code       Sender or Receiver
 * @param rmCode     the RM fault name, if it is a WS-RM fault
 * @param identifier the sequence it concerns, if given
 * @param reason     the reason text
 * @param connectionLimitReached SOAP 1.2's {@code netrm:ConnectionLimitReached} under CreateSequenceRefused
 * @param endpointUnavailable    WS-Addressing's {@code EndpointUnavailable}
 * @param first      the first subcode as received (for unrecognized faults)
 */
public record ReceivedFault(FaultCode code, Optional<String> rmCode, Optional<String> identifier, String reason,
        boolean connectionLimitReached, boolean endpointUnavailable, Optional<QName> first) {

    static ReceivedFault read(Message m, Wsrm wsrm) {
        MessageFault f = m.fault().orElseThrow();
        Optional<String> rm = Optional.empty();
        Optional<String> id = Optional.empty();
        boolean limit = false;
        boolean unavailable = false;
        Optional<QName> first = f.subcode();
        if (m.version().envelope() == EnvelopeVersion.SOAP12) {
            List<QName> subs = f.subcodes();
            if (!subs.isEmpty() && subs.get(0).getNamespaceURI().equals(wsrm.ns())) {
                rm = Optional.of(subs.get(0).getLocalPart());
                limit = subs.size() > 1 && subs.get(1).getNamespaceURI().equals(Wsrm.NETRM_NS)
                        && subs.get(1).getLocalPart().equals("ConnectionLimitReached");
                id = f.detail().flatMap(d -> identifierIn(wsrm, d.xml()));
            }
        } else {
            Optional<QName> faultcode = f.subcode();
            if (faultcode.isPresent() && faultcode.get().getNamespaceURI().equals(wsrm.ns())) {
                rm = Optional.of(faultcode.get().getLocalPart());
            }
            for (MessageHeader h : m.headers().others()) {
                if (h instanceof BufferedHeader && h.name().equals(new QName(wsrm.ns(), "SequenceFault"))) {
                    m.headers().understood(h.name());
                    ParsedElement sf = parse(((BufferedHeader) h).xml().xml());
                    if (sf != null) {
                        Optional<ParsedElement> fc = sf.child(wsrm.ns(), "FaultCode");
                        if (fc.isPresent() && fc.get().qname().getNamespaceURI().equals(wsrm.ns())) {
                            rm = Optional.of(fc.get().qname().getLocalPart());
                        }
                        ParsedElement holder = sf.child(wsrm.ns(), "Detail").orElse(sf);
                        id = holder.child(wsrm.ns(), "Identifier").map(ParsedElement::text)
                                .or(() -> holder.child(wsrm.ns(), Wsrm.SEQUENCE_ACKNOWLEDGEMENT)
                                        .flatMap(a -> a.child(wsrm.ns(), "Identifier")).map(ParsedElement::text));
                    }
                }
            }
        }
        unavailable = first.isPresent() && first.get().getLocalPart().equals("EndpointUnavailable")
                && first.get().getNamespaceURI().equals(m.version().addressing().namespace());
        return new ReceivedFault(f.code(), rm, id, f.reason(), limit, unavailable, first);
    }

    private static Optional<String> identifierIn(Wsrm wsrm, String detailXml) {
        ParsedElement e = parse(detailXml);
        if (e == null) {
            return Optional.empty();
        }
        if (e.is(wsrm.ns(), "Identifier")) {
            return Optional.of(e.text());
        }
        return e.child(wsrm.ns(), "Identifier").map(ParsedElement::text);
    }

    private static ParsedElement parse(String xml) {
        try {
            return xml == null || xml.isBlank() ? null : ParsedElement.parse(xml);
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    public boolean isWsrm() {
        return rmCode.isPresent();
    }

    /** The exception a session raises when this fault arrives during the session (WCF {@code WsrmFault}). */
    RuntimeException sessionException() {
        if (rmCode.isPresent() && rmCode.get().equals(WsrmFault.UNKNOWN_SEQUENCE)) {
            return new CommunicationException(WcfText.UnknownSequenceFaultReceived.format(reason));
        }
        if (rmCode.isPresent()) {
            String text = WcfText.WsrmFaultReceived.format(reason);
            return code == FaultCode.Sender ? new ProtocolException(text) : new CommunicationException(text);
        }
        return new ProtocolException(WcfText.UnrecognizedFaultReceived.format(
                first.map(QName::getNamespaceURI).orElse(""), first.map(QName::getLocalPart).orElse(code.name()),
                reason));
    }

    /** The exception opening a session raises when this fault answers its CreateSequence. */
    RuntimeException openException(boolean soap12) {
        if (rmCode.isPresent() && rmCode.get().equals(WsrmFault.CREATE_SEQUENCE_REFUSED)) {
            if (soap12 && connectionLimitReached) {
                return new ServerTooBusyException(reason);
            }
            if (soap12 && code == FaultCode.Sender) {
                return new ProtocolException(reason);
            }
            return new CommunicationException(reason);
        }
        if (endpointUnavailable) {
            return new EndpointNotFoundException(reason);
        }
        return new ProtocolException(WcfText.UnrecognizedFaultReceivedOnOpen.format(
                first.map(QName::getNamespaceURI).orElse(""), first.map(QName::getLocalPart).orElse(code.name()),
                reason));
    }
}

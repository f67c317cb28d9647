package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.message.ElementHeader;
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlElement;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A WS-RM fault as WCF sends it (WCF {@code WsrmFault}). SOAP 1.2: {@code Sender}/{@code Receiver} with the RM subcode
 * and the detail ({@code r:Identifier}, or the offending acknowledgement). SOAP 1.1: {@code s:Client}/{@code s:Server}
 * with an {@code r:SequenceFault} header carrying the code and the detail (wrapped in {@code r:Detail} in 1.1), except
 * CreateSequenceRefused and WsrmRequired, whose faultcode is the RM code itself.
 *
 * @param code       Sender or Receiver
 * @param subcode    the RM fault name, e.g. {@code UnknownSequence}
 * @param reason     the reason text
 * @param detail     the detail element, if any
 * @param subSubcode a nested subcode (Microsoft's {@code netrm:ConnectionLimitReached})
 * @param headerFault whether SOAP 1.1 carries it in an {@code r:SequenceFault} header
 */
public record WsrmFault(FaultCode code, String subcode, String reason, Optional<XmlElement> detail,
        Optional<QName> subSubcode, boolean headerFault) {

    public static final String UNKNOWN_SEQUENCE = "UnknownSequence";
    public static final String SEQUENCE_TERMINATED = "SequenceTerminated";
    public static final String INVALID_ACKNOWLEDGEMENT = "InvalidAcknowledgement";
    public static final String MESSAGE_NUMBER_ROLLOVER = "MessageNumberRollover";
    public static final String LAST_MESSAGE_NUMBER_EXCEEDED = "LastMessageNumberExceeded";
    public static final String SEQUENCE_CLOSED = "SequenceClosed";
    public static final String CREATE_SEQUENCE_REFUSED = "CreateSequenceRefused";
    public static final String WSRM_REQUIRED = "WsrmRequired";

    static XmlElement identifierDetail(Wsrm wsrm, String id) {
        return XmlElement.prefixed(Wsrm.PREFIX, wsrm.ns(), "Identifier").withText(id);
    }

    static WsrmFault unknownSequence(Wsrm wsrm, String id) {
        return new WsrmFault(FaultCode.Sender, UNKNOWN_SEQUENCE, WcfText.UnknownSequenceFaultReason.format(),
                Optional.of(identifierDetail(wsrm, id)), Optional.empty(), true);
    }

    /** SequenceTerminated: Sender for protocol violations, Receiver for communication failures. */
    static WsrmFault sequenceTerminated(Wsrm wsrm, String id, boolean sender, String reason) {
        return new WsrmFault(sender ? FaultCode.Sender : FaultCode.Receiver, SEQUENCE_TERMINATED, reason,
                Optional.of(identifierDetail(wsrm, id)), Optional.empty(), true);
    }

    static WsrmFault invalidAcknowledgement(Wsrm wsrm, AckHeader ack) {
        return new WsrmFault(FaultCode.Sender, INVALID_ACKNOWLEDGEMENT,
                WcfText.InvalidAcknowledgementFaultReason.format(), Optional.of(ack.element(wsrm)), Optional.empty(),
                true);
    }

    static WsrmFault lastMessageNumberExceeded(Wsrm wsrm, String id) {
        return new WsrmFault(FaultCode.Sender, LAST_MESSAGE_NUMBER_EXCEEDED,
                WcfText.LastMessageNumberExceededFaultReason.format(), Optional.of(identifierDetail(wsrm, id)),
                Optional.empty(), true);
    }

    static WsrmFault sequenceClosed(Wsrm wsrm, String id) {
        return new WsrmFault(FaultCode.Sender, SEQUENCE_CLOSED, WcfText.SequenceClosedFaultString.format(),
                Optional.of(identifierDetail(wsrm, id)), Optional.empty(), true);
    }

    /** CreateSequenceRefused with {@code CSRefused}'s text around {@code why}. */
    static WsrmFault createSequenceRefused(String why) {
        return new WsrmFault(FaultCode.Sender, CREATE_SEQUENCE_REFUSED, WcfText.CSRefused.format(why),
                Optional.empty(), Optional.empty(), false);
    }

    /** CreateSequenceRefused because the listener holds {@code maxPendingChannels} unaccepted sessions. */
    static WsrmFault serverTooBusy(String listenerUri) {
        return new WsrmFault(FaultCode.Receiver, CREATE_SEQUENCE_REFUSED,
                WcfText.CSRefused.format(WcfText.ServerTooBusy.format(listenerUri)), Optional.empty(),
                Optional.of(new QName(Wsrm.NETRM_NS, "ConnectionLimitReached")), false);
    }

    static WsrmFault wsrmRequired() {
        return new WsrmFault(FaultCode.Sender, WSRM_REQUIRED, WcfText.WsrmRequiredFaultString.format(),
                Optional.empty(), Optional.empty(), false);
    }

    /** The fault message for {@code version}, with WCF's fault action for the RM version. */
    Message toMessage(MessageVersion version, Wsrm wsrm) {
        QName rmCode = new QName(wsrm.ns(), subcode);
        Message m;
        if (version.envelope() == EnvelopeVersion.SOAP12) {
            List<QName> subcodes = new ArrayList<>();
            subcodes.add(rmCode);
            subSubcode.ifPresent(subcodes::add);
            m = Message.createFault(version, new MessageFault(code, subcodes, reason,
                    detail.map(d -> new XmlFragment(d.toXml()))), wsrm.faultAction(version.addressing()));
        } else if (!headerFault) {
            m = Message.createFault(version, new MessageFault(code, List.of(rmCode), reason, Optional.empty()),
                    wsrm.faultAction(version.addressing()));
        } else {
            m = Message.createFault(version, new MessageFault(code, List.of(), reason, Optional.empty()),
                    wsrm.faultAction(version.addressing()));
            XmlElement sf = XmlElement.of(wsrm.ns(), "SequenceFault")
                    .add(XmlElement.text(wsrm.ns(), "FaultCode", Wsrm.PREFIX + ":" + subcode));
            // the detail goes in the version's Detail wrapper (1.1), else directly (February 2005)
            detail.map(WsrmFault::copyUnprefixed).ifPresent(d -> sf.add(wsrm.defines(Wsrm.DETAIL)
                    ? XmlElement.of(wsrm.ns(), Wsrm.DETAIL).add(d) : d));
            m.headers().add(new ElementHeader(sf, false, false, Wsrm.PREFIX));
        }
        return m;
    }

    /** The detail element written with the envelope's {@code r} (a SOAP 1.1 SequenceFault header). */
    private static XmlElement copyUnprefixed(XmlElement d) {
        return d.withoutExplicitPrefix();
    }

    @Override
    public String toString() {
        return code + "/" + subcode + ": " + reason;
    }
}

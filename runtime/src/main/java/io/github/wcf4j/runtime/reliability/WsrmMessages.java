package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.ElementHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlElement;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.util.UUID;

/**
 * The protocol messages a reliable session sends, with the addressing headers WCF gives each: requests
 * (CreateSequence, 1.1 CloseSequence/TerminateSequence) carry a MessageID and, unless anonymous under WS-Addressing
 * 1.0, a ReplyTo; responses carry RelatesTo; standalone acknowledgements, AckRequested, LastMessage and February 2005's
 * TerminateSequence carry neither.
 */
final class WsrmMessages {
    private final Wsrm wsrm;
    private final MessageVersion version;

    WsrmMessages(Wsrm wsrm, MessageVersion version) {
        this.wsrm = wsrm;
        this.version = version;
    }

    static String newId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    Message createSequence(CreateSequence cs, String messageId, EndpointAddress replyTo) {
        Message m = Message.create(version, wsrm.action(Wsrm.CREATE_SEQUENCE), cs.toBody(wsrm, version.addressing()));
        if (cs.securityToken().isPresent() && wsrm.defines(Wsrm.CLOSE_SEQUENCE)) {
            // WS-RM 1.1 says so in a header too (WCF's ChannelReliableSession: mustUnderstand)
            m.headers().add(new ElementHeader(XmlElement.of(wsrm.ns(), Wsrm.USES_SEQUENCE_STR), true, false,
                    Wsrm.PREFIX));
        }
        request(m, messageId, replyTo);
        return m;
    }

    Wsrm wsrm() {
        return wsrm;
    }

    MessageVersion version() {
        return version;
    }

    Message createSequenceResponse(CreateSequenceResponse csr, String relatesTo) {
        Message m = Message.create(version, wsrm.action(Wsrm.CREATE_SEQUENCE_RESPONSE),
                csr.toBody(wsrm, version.addressing()));
        m.headers().relatesTo(relatesTo);
        return m;
    }

    /** A standalone acknowledgement (empty body). */
    Message acknowledgement(AckHeader ack) {
        Message m = Message.create(version, wsrm.action(Wsrm.SEQUENCE_ACKNOWLEDGEMENT), XmlFragment.EMPTY);
        m.headers().addFirst(ack.toHeader(wsrm));
        return m;
    }

    /** A standalone AckRequested (WCF's keep-alive), optionally carrying an acknowledgement. */
    Message ackRequested(String outputId, AckHeader piggyBack) {
        Message m = Message.create(version, wsrm.action(Wsrm.ACK_REQUESTED), XmlFragment.EMPTY);
        m.headers().addFirst(new AckRequestedHeader(outputId).toHeader(wsrm));
        if (piggyBack != null) {
            m.headers().addFirst(piggyBack.toHeader(wsrm));
        }
        return m;
    }

    /** February 2005's empty-bodied LastMessage (the strategy adds its Sequence header). */
    Message lastMessage() {
        return Message.create(version, wsrm.action(Wsrm.LAST_MESSAGE), XmlFragment.EMPTY);
    }

    Message closeSequence(String id, long last, String messageId, EndpointAddress replyTo) {
        Message m = Message.create(version, wsrm.action(Wsrm.CLOSE_SEQUENCE),
                SequenceEnd.closeSequence(id, last).toBody(wsrm));
        request(m, messageId, replyTo);
        return m;
    }

    /** TerminateSequence: a request with MessageID in 1.1 (and on request/reply), a plain one-way in February 2005. */
    Message terminateSequence(String id, long last, String messageId, EndpointAddress replyTo) {
        Message m = Message.create(version, wsrm.action(Wsrm.TERMINATE_SEQUENCE),
                SequenceEnd.terminateSequence(wsrm, id, last).toBody(wsrm));
        if (messageId != null) {
            request(m, messageId, replyTo);
        }
        return m;
    }

    Message response(String element, String id, String relatesTo, AckHeader finalAck) {
        Message m = Message.create(version, wsrm.action(element), SequenceEnd.response(element, id).toBody(wsrm));
        if (relatesTo != null) {
            m.headers().relatesTo(relatesTo);
        }
        if (finalAck != null) {
            m.headers().addFirst(finalAck.toHeader(wsrm));
        }
        return m;
    }

    Message fault(WsrmFault fault) {
        return fault.toMessage(version, wsrm);
    }

    private void request(Message m, String messageId, EndpointAddress replyTo) {
        m.headers().messageId(messageId);
        AddressingVersion a = version.addressing();
        boolean anonymous = replyTo == null || replyTo.isAnonymous();
        if (!anonymous || a == AddressingVersion.WS_ADDRESSING_AUGUST_2004) {
            m.headers().replyTo(anonymous ? EndpointAddress.of(a.anonymous()) : replyTo);
        }
    }
}

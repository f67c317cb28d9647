package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.runtime.channel.MessageHeaderException;
import io.github.wcf4j.runtime.channel.MustUnderstandException;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.ParsedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

/**
 * What a received message means to WS-RM (WCF {@code WsrmMessageInfo}): its kind by action, its {@code Sequence},
 * {@code SequenceAcknowledgement} and {@code AckRequested} headers (marked understood), and its protocol body. A
 * header or body that breaks the protocol throws {@link WsrmParseException}; a second RM header of a kind as well.
 *
 * @param message      the message
 * @param kind         what it is to WS-RM
 * @param sequence     its {@code Sequence} header
 * @param ack          its {@code SequenceAcknowledgement} header
 * @param ackRequested its {@code AckRequested} header
 * @param body         its protocol body, read: a {@link CreateSequence}, {@link CreateSequenceResponse} or
 *                     {@link SequenceEnd}; null for the other kinds
 */
public record WsrmInfo(Message message, Kind kind, Optional<SequenceHeader> sequence, Optional<AckHeader> ack,
        Optional<AckRequestedHeader> ackRequested, Object body) {
    /** The kinds of WS-RM messages. */
    public enum Kind {
        CREATE_SEQUENCE, CREATE_SEQUENCE_RESPONSE, CLOSE_SEQUENCE, CLOSE_SEQUENCE_RESPONSE, TERMINATE_SEQUENCE,
        TERMINATE_SEQUENCE_RESPONSE, ACKNOWLEDGEMENT, ACK_REQUESTED, LAST_MESSAGE, FAULT, APPLICATION, NOT_RM
    }

    public static WsrmInfo read(Message m, Wsrm wsrm) {
        SequenceHeader sequence = null;
        AckHeader ack = null;
        AckRequestedHeader ackRequested = null;
        List<MessageHeader> headers = new ArrayList<>(m.headers().leading());
        headers.addAll(m.headers().others());
        for (MessageHeader h : headers) {
            QName n = h.name();
            if (!n.getNamespaceURI().equals(wsrm.ns()) || !(h instanceof BufferedHeader b)) {
                continue;
            }
            ParsedElement e = parse(b, n.getLocalPart());
            switch (n.getLocalPart()) {
                case Wsrm.SEQUENCE -> sequence = once(sequence, SequenceHeader.read(wsrm, e), n);
                case Wsrm.SEQUENCE_ACKNOWLEDGEMENT -> ack = once(ack, AckHeader.read(wsrm, e), n);
                case Wsrm.ACK_REQUESTED -> ackRequested = once(ackRequested, AckRequestedHeader.read(wsrm, e), n);
                default -> {
                    continue;
                }
            }
            m.headers().understood(n);
        }
        Kind kind = kind(m, wsrm, sequence != null, ack != null, ackRequested != null);
        Object body = readBody(m, wsrm, kind);
        return new WsrmInfo(m, kind, Optional.ofNullable(sequence), Optional.ofNullable(ack),
                Optional.ofNullable(ackRequested), body);
    }

    private static <T> T once(T existing, T value, QName n) {
        if (existing != null) {
            // WCF: a second Sequence, SequenceAcknowledgement or AckRequested is not understood
            throw new MustUnderstandException("The message carries more than one " + n.getLocalPart() + " header.",
                    List.of(n));
        }
        return value;
    }

    private static ParsedElement parse(BufferedHeader header, String what) {
        try {
            return header.tree();
        } catch (XMLStreamException e) {
            throw new WsrmParseException("The " + what + " element is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static ParsedElement parse(String xml, String what) {
        try {
            return ParsedElement.parse(xml);
        } catch (XMLStreamException e) {
            throw new WsrmParseException("The " + what + " element is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Kind kind(Message m, Wsrm wsrm, boolean sequence, boolean ack, boolean ackRequested) {
        // a fault in the sequence is an application message (an operation's fault reply); only one outside it is
        // the session's (WCF's WsrmMessageInfo reads faults only when there is no Sequence header)
        if (m.isFault() && !sequence) {
            return Kind.FAULT;
        }
        String action = m.headers().action();
        if (wsrm.isProtocolAction(action)) {
            return wsrm.kindOf(action);
        }
        if (sequence) {
            return Kind.APPLICATION;
        }
        return ack || ackRequested ? Kind.ACKNOWLEDGEMENT : Kind.NOT_RM;
    }

    private static Object readBody(Message m, Wsrm wsrm, Kind kind) {
        AddressingVersion addressing = m.version().addressing();
        return switch (kind) {
            case CREATE_SEQUENCE -> readCreateSequence(m, wsrm, addressing);
            case CREATE_SEQUENCE_RESPONSE -> {
                String csr = nonEmpty(m, wsrm, Wsrm.CREATE_SEQUENCE_RESPONSE);
                relatesTo(m, Wsrm.CREATE_SEQUENCE_RESPONSE);
                yield CreateSequenceResponse.read(wsrm, addressing, parse(csr, kind.name()));
            }
            case CLOSE_SEQUENCE -> {
                SequenceEnd end = readSequenceEnd(m, wsrm, kind, Wsrm.CLOSE_SEQUENCE);
                requestHeaders(m, Wsrm.CLOSE_SEQUENCE);
                yield end;
            }
            case TERMINATE_SEQUENCE -> {
                SequenceEnd end = readSequenceEnd(m, wsrm, kind, Wsrm.TERMINATE_SEQUENCE);
                if (wsrm.defines(Wsrm.TERMINATE_SEQUENCE_RESPONSE)) {
                    requestHeaders(m, Wsrm.TERMINATE_SEQUENCE); // a request where a response answers it (1.1)
                }
                yield end;
            }
            case CLOSE_SEQUENCE_RESPONSE -> response(m, wsrm, kind, Wsrm.CLOSE_SEQUENCE_RESPONSE);
            case TERMINATE_SEQUENCE_RESPONSE -> response(m, wsrm, kind, Wsrm.TERMINATE_SEQUENCE_RESPONSE);
            default -> null;
        };
    }

    /** A CreateSequence: one that cannot be read is refused (CreateSequenceRefused), as WCF refuses it. */
    private static CreateSequence readCreateSequence(Message m, Wsrm wsrm, AddressingVersion addressing) {
        String action = wsrm.action(Wsrm.CREATE_SEQUENCE);
        if (m.body().isEmpty()) {
            throw refused(WcfText.NonEmptyWsrmMessageIsEmpty.format(action), null);
        }
        CreateSequence cs;
        try {
            cs = CreateSequence.read(wsrm, addressing, parse(m.body().xml(), Wsrm.CREATE_SEQUENCE));
        } catch (WsrmParseException e) {
            throw refused(WcfText.CouldNotParseWithAction.format(action), e);
        }
        requestHeaders(m, Wsrm.CREATE_SEQUENCE);
        return cs;
    }

    /** The response to CloseSequence or TerminateSequence (1.1): RelatesTo its request. */
    private static SequenceEnd response(Message m, Wsrm wsrm, Kind kind, String element) {
        relatesTo(m, element);
        return readSequenceEnd(m, wsrm, kind, element);
    }

    private static SequenceEnd readSequenceEnd(Message m, Wsrm wsrm, Kind kind, String element) {
        return SequenceEnd.read(wsrm, parse(nonEmpty(m, wsrm, element), kind.name()), element);
    }

    static WsrmFaultException refused(String reason, Throwable cause) {
        return new WsrmFaultException(WsrmFault.createSequenceRefused(reason), reason, cause);
    }

    /** A protocol request must carry MessageID and (WS-Addressing 1.0 defaults it to anonymous) ReplyTo. */
    private static void requestHeaders(Message m, String request) {
        String ns = m.version().addressing().namespace();
        if (m.headers().messageId() == null) {
            throw new MessageHeaderException(WcfText.MissingMessageIdOnWsrmRequest.format(request), "MessageID", ns,
                    false);
        }
        if (m.headers().replyTo() == null && m.version().addressing() != AddressingVersion.WS_ADDRESSING_10) {
            throw new MessageHeaderException(WcfText.MissingReplyToOnWsrmRequest.format(request), "ReplyTo", ns,
                    false);
        }
    }

    /** A protocol response must carry RelatesTo (WCF's text names the response, hence "…ResponseResponse"). */
    private static void relatesTo(Message m, String response) {
        if (m.headers().relatesTo() == null) {
            throw new MessageHeaderException(WcfText.MissingRelatesToOnWsrmResponseReason.format(response),
                    "RelatesTo", m.version().addressing().namespace(), false);
        }
    }

    private static String nonEmpty(Message m, Wsrm wsrm, String name) {
        if (m.body().isEmpty()) {
            throw new WsrmParseException(WcfText.NonEmptyWsrmMessageIsEmpty.format(wsrm.action(name)));
        }
        return m.body().xml();
    }

    public CreateSequence createSequence() {
        return (CreateSequence) body;
    }

    public CreateSequenceResponse createSequenceResponse() {
        return (CreateSequenceResponse) body;
    }

    public SequenceEnd sequenceEnd() {
        return (SequenceEnd) body;
    }

    @Override
    public String toString() {
        return kind + sequence.map(s -> " " + s.id() + "#" + s.number()).orElse("");
    }
}

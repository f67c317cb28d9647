package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.ProblemHeaderFault;
import io.github.wcf4j.runtime.message.UnreadableBody;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;

/**
 * The faults WCF's dispatcher sends, with WCF's codes, texts and actions: an unhandled service exception
 * ({@code InternalServiceFault}, with {@code ExceptionDetail} only when exception details are included), an action no
 * operation handles ({@code ActionNotSupported}), a {@code To} the endpoint does not own ({@code DestinationUnreachable}),
 * a header nobody understood ({@code MustUnderstand}), and a body the operation cannot read.
 */
public final class DispatchFaults {
    /** WCF's dispatcher namespace, for its own fault subcodes and action. */
    public static final String DISPATCHER_NS =
            "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
    /** The action of the faults WCF's dispatcher makes itself. */
    public static final String DISPATCHER_FAULT_ACTION = DISPATCHER_NS + "/fault";
    private static final String EXCEPTION_DETAIL_NS = "http://schemas.datacontract.org/2004/07/System.ServiceModel";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private DispatchFaults() {
    }

    /** An unhandled exception: the generic text, or with details the exception's message and its ExceptionDetail. */
    public static MessageFault internalServiceFault(Throwable error, boolean includeExceptionDetail) {
        QName subcode = new QName(DISPATCHER_NS, "InternalServiceFault", "a");
        if (!includeExceptionDetail) {
            return new MessageFault(FaultCode.Receiver, List.of(subcode), WcfText.SFxInternalServerError.format(),
                    Optional.empty());
        }
        return new MessageFault(FaultCode.Receiver, List.of(subcode), String.valueOf(error.getMessage()),
                Optional.of(new XmlFragment(exceptionDetail(error, true))));
    }

    /** WCF's {@code ExceptionDetail} data contract for {@code error} and its causes. */
    static String exceptionDetail(Throwable error, boolean root) {
        StringBuilder b = new StringBuilder();
        String name = root ? "ExceptionDetail" : "InnerException";
        b.append('<').append(name);
        if (root) {
            b.append(" xmlns=\"").append(EXCEPTION_DETAIL_NS).append("\" xmlns:i=\"").append(XSI_NS).append('"');
        }
        b.append("><HelpLink i:nil=\"true\"/>");
        if (error.getCause() != null && error.getCause() != error) {
            b.append(exceptionDetail(error.getCause(), false));
        } else {
            b.append("<InnerException i:nil=\"true\"/>");
        }
        b.append("<Message>").append(escape(String.valueOf(error.getMessage()))).append("</Message>");
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        b.append("<StackTrace>").append(escape(trace.toString())).append("</StackTrace>");
        b.append("<Type>").append(escape(error.getClass().getName())).append("</Type>");
        b.append("</").append(name).append('>');
        return b.toString();
    }

    /** No operation of the endpoint's contract has the message's action. */
    public static MessageFault actionNotSupported(String action, AddressingVersion addressing) {
        return MessageFault.sender(WcfText.SFxNoEndpointMatchingContract.format(action == null ? "" : action),
                addressingSubcode(addressing, "ActionNotSupported"));
    }

    /**
     * A message without an envelope ({@code messageVersion="None"}) whose document element is no operation's request
     * element. WCF, which matches actions only, answers every such message with {@code ActionNotSupported} and the
     * empty action; wcf4j keeps that code and subcode (so a client still sees an {@code ActionNotSupportedException})
     * and says what it looked for.
     */
    public static MessageFault noOperationForPayload(Optional<QName> element, ContractDescription contract) {
        String expected = contract.operations().stream().map(o -> o.requestElement().toString())
                .collect(Collectors.joining(", "));
        String found = element.map(e -> "whose element " + e + " is").orElse("without a body element is");
        return MessageFault.sender("The message " + found + " not the request of any operation of contract '"
                + contract.name() + "' at the receiver. With messageVersion None a message has no action, so the"
                + " operation is chosen by its body element, which must be one of: " + expected + ".",
                addressingSubcode(AddressingVersion.NONE, "ActionNotSupported"));
    }

    /** The message's {@code To} is not this endpoint's address. */
    public static MessageFault destinationUnreachable(String to, AddressingVersion addressing) {
        return MessageFault.sender(WcfText.SFxNoEndpointMatchingAddress.format(to),
                addressingSubcode(addressing, "DestinationUnreachable"));
    }

    /** A WS-Addressing 1.0 message without {@code wsa:Action}: the detail names the missing header. */
    public static MessageFault missingAction(AddressingVersion addressing, boolean soap12) {
        String reason = WcfText.SFxMissingActionHeader.format(addressing.namespace());
        return soap12 ? ProblemHeaderFault.soap12(reason, "Action") : MessageFault.sender(reason,
                new QName(addressing.namespace(), "MessageAddressingHeaderRequired", "a"));
    }

    /**
     * An action no operation has, on a session whose first message already chose the endpoint (WCF's
     * {@code UnhandledActionInvoker}): the same text, with the action as the detail.
     */
    public static MessageFault unhandledAction(String action, AddressingVersion addressing) {
        String a = action == null ? "" : action;
        return actionNotSupported(action, addressing).withDetail(new XmlFragment(
                "<string xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">" + escape(a) + "</string>"));
    }

    /** The body is not the operation's request element. */
    public static MessageFault unexpectedBody(String operation, QName expected, QName found) {
        String more = WcfText.SFxInvalidMessageBody.format(expected.getLocalPart(), expected.getNamespaceURI(),
                found == null ? "None" : "Element", found == null ? "" : found.getLocalPart(),
                found == null ? "" : found.getNamespaceURI());
        return MessageFault.sender(WcfText.SFxErrorDeserializingRequestBodyMore.format(operation, more),
                new QName(DISPATCHER_NS, "DeserializationFailed", "a"));
    }

    /** The body broke a reader quota ({@link UnreadableBody}). */
    public static MessageFault unreadableBody(String operation, String quotaText) {
        return MessageFault.sender(WcfText.SFxErrorDeserializingRequestBodyMore.format(operation, quotaText),
                new QName(DISPATCHER_NS, "DeserializationFailed", "a"));
    }

    private static QName addressingSubcode(AddressingVersion addressing, String local) {
        return new QName(addressing.namespace(), local, "a");
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}

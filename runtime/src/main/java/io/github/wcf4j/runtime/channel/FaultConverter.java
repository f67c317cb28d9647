package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.MessageFault;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * WCF's default {@code FaultConverter.TryCreateException}: the exception a received SOAP or WS-Addressing fault
 * stands for ({@code MustUnderstand} → ProtocolException; {@code ActionNotSupported}, {@code DestinationUnreachable},
 * {@code MessageAddressingHeaderRequired}, {@code InvalidAddressingHeader}, {@code EndpointUnavailable}, and their
 * August 2004 forms), or empty when the fault is not one of those.
 */
public final class FaultConverter {
    private FaultConverter() {
    }

    public static Optional<RuntimeException> toException(MessageVersion version, MessageFault fault) {
        String reason = fault.reason();
        if (fault.code() == FaultCode.MustUnderstand) {
            return Optional.of(new ProtocolException(reason));
        }
        boolean soap11 = version.envelope() == EnvelopeVersion.SOAP11;
        QName code = soap11 ? code(version, fault) : fault.subcode().orElse(null);
        if (code == null || !code.getNamespaceURI().equals(version.addressing().namespace())) {
            return Optional.empty();
        }
        boolean sender = soap11 || fault.code() == FaultCode.Sender;
        boolean receiver = soap11 || fault.code() == FaultCode.Receiver;
        String name = code.getLocalPart();
        boolean wsa10 = version.addressing() == AddressingVersion.WS_ADDRESSING_10;
        if (sender) {
            switch (name) {
                case "ActionNotSupported":
                    return Optional.of(new ActionNotSupportedException(reason));
                case "DestinationUnreachable":
                    return Optional.of(new EndpointNotFoundException(reason));
                case "InvalidAddressingHeader":
                    return invalidCardinality(version, fault, soap11)
                            ? Optional.of(new MessageHeaderException(reason, null, null, true)) : Optional.empty();
                case "MessageAddressingHeaderRequired":
                    return wsa10 ? Optional.of(new MessageHeaderException(reason, null, null, false)) : Optional.empty();
                case "MessageInformationHeaderRequired":
                case "InvalidMessageInformationHeader":
                    return wsa10 ? Optional.empty() : Optional.of(new ProtocolException(reason));
                default:
                    break;
            }
        }
        if (receiver && name.equals("EndpointUnavailable")) {
            return Optional.of(new ServerTooBusyException(reason));
        }
        return Optional.empty();
    }

    /** The fault's code as WCF reports it: SOAP 1.2's Sender/Receiver, SOAP 1.1's faultcode. */
    public static QName code(MessageVersion version, MessageFault fault) {
        if (version.envelope() == EnvelopeVersion.SOAP11) {
            return fault.subcode().orElse(new QName(EnvelopeVersion.SOAP11.namespace(), fault.code().soap11Name()));
        }
        return new QName(EnvelopeVersion.SOAP12.namespace(), fault.code().soap12Name());
    }

    private static boolean invalidCardinality(MessageVersion version, MessageFault fault, boolean soap11) {
        return !soap11 && fault.subcodes().size() > 1
                && fault.subcodes().get(1).equals(new QName(version.addressing().namespace(), "InvalidCardinality"));
    }
}

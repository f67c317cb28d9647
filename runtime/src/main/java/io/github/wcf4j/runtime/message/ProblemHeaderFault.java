package io.github.wcf4j.runtime.message;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * WS-Addressing 1.0's answer to a missing or repeated addressing header (WCF's
 * {@code WSAddressing10ProblemHeaderQNameFault}): {@code Sender / wsa:MessageAddressingHeaderRequired} (or
 * {@code wsa:InvalidAddressingHeader / wsa:InvalidCardinality} when repeated), the reason, and
 * {@code wsa:ProblemHeaderQName} naming the header: in the SOAP 1.2 {@code Detail}, in a {@code wsa:FaultDetail}
 * header under SOAP 1.1. Other addressing versions have no such fault.
 */
public final class ProblemHeaderFault {
    private ProblemHeaderFault() {
    }

    /** The fault, or empty when {@code version} is not WS-Addressing 1.0. */
    public static Optional<Message> create(MessageVersion version, String reason, String header, boolean duplicate) {
        if (version.addressing() != AddressingVersion.WS_ADDRESSING_10) {
            return Optional.empty();
        }
        String ns = AddressingVersion.WS_ADDRESSING_10.namespace();
        MessageFault f = fault(ns, reason, duplicate);
        boolean soap12 = version.envelope() == EnvelopeVersion.SOAP12;
        if (soap12) {
            f = f.withDetail(new XmlFragment(problem(ns, header)));
        }
        Message m = Message.createFault(version, f, AddressingVersion.WS_ADDRESSING_10.faultAction());
        if (!soap12) {
            XmlElement detail = XmlElement.prefixed("a", ns, "FaultDetail")
                    .add(XmlElement.prefixed("a", ns, "ProblemHeaderQName").withText("a:" + header));
            m.headers().add(new ElementHeader(detail, false, false, null));
        }
        return Optional.of(m);
    }

    /** The SOAP 1.2 form's fault alone (the detail names {@code header}). */
    public static MessageFault soap12(String reason, String header) {
        String ns = AddressingVersion.WS_ADDRESSING_10.namespace();
        return fault(ns, reason, false).withDetail(new XmlFragment(problem(ns, header)));
    }

    private static MessageFault fault(String ns, String reason, boolean duplicate) {
        return duplicate
                ? MessageFault.sender(reason, new QName(ns, "InvalidAddressingHeader", "a"),
                        new QName(ns, "InvalidCardinality", "a"))
                : MessageFault.sender(reason, new QName(ns, "MessageAddressingHeaderRequired", "a"));
    }

    private static String problem(String ns, String header) {
        return "<a:ProblemHeaderQName xmlns:a=\"" + ns + "\">a:" + header + "</a:ProblemHeaderQName>";
    }
}

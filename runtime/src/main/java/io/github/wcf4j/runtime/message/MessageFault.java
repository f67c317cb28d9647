package io.github.wcf4j.runtime.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A SOAP fault (WCF {@code MessageFault}): a code (in SOAP 1.2 terms, with optional subcodes), a reason, and an
 * optional detail. The encoder writes it as SOAP 1.1 or 1.2.
 *
 * @param code     the fault code
 * @param subcodes qualified subcodes, outermost first (SOAP 1.2 {@code Subcode} nesting); in SOAP 1.1 the first one
 *                 replaces the faultcode
 * @param reason   the reason text (written with {@code xml:lang="en-US"}, as WCF does)
 * @param detail   the {@code Detail} content, if any
 */
public record MessageFault(FaultCode code, List<QName> subcodes, String reason, Optional<XmlFragment> detail) {

    public MessageFault {
        Objects.requireNonNull(code, "code");
        subcodes = List.copyOf(subcodes);
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? Optional.empty() : detail;
    }

    public static MessageFault sender(String reason, QName... subcodes) {
        return new MessageFault(FaultCode.Sender, List.of(subcodes), reason, Optional.empty());
    }

    public static MessageFault receiver(String reason, QName... subcodes) {
        return new MessageFault(FaultCode.Receiver, List.of(subcodes), reason, Optional.empty());
    }

    public MessageFault withDetail(XmlFragment d) {
        return new MessageFault(code, subcodes, reason, Optional.of(d));
    }

    /** Whether the code is {@code Sender} (SOAP 1.1 {@code Client}). */
    public boolean sender() {
        return code == FaultCode.Sender;
    }

    /** The first subcode, if any. */
    public Optional<QName> subcode() {
        return subcodes.isEmpty() ? Optional.empty() : Optional.of(subcodes.get(0));
    }

    @Override
    public String toString() {
        return code + (subcodes.isEmpty() ? "" : subcodes.toString()) + ": " + reason;
    }
}

package io.github.wcf4j.runtime.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A SOAP fault (WCF {@code MessageFault}): a code ({@code Sender}/{@code Receiver} in SOAP 1.2 terms, with optional
 * subcodes), a reason, and an optional detail. The encoder writes it as SOAP 1.1 or 1.2.
 *
 * @param sender   {@code true} for {@code Sender} (SOAP 1.1 {@code Client}), {@code false} for {@code Receiver}
 *                 ({@code Server})
 * @param subcodes qualified subcodes, outermost first (SOAP 1.2 {@code Subcode} nesting); in SOAP 1.1 the first one
 *                 replaces the faultcode
 * @param reason   the reason text (written with {@code xml:lang="en-US"}, as WCF does)
 * @param detail   the {@code Detail} content, if any
 */
public record MessageFault(boolean sender, List<QName> subcodes, String reason, Optional<XmlFragment> detail) {

    public MessageFault {
        subcodes = List.copyOf(subcodes);
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? Optional.empty() : detail;
    }

    public static MessageFault sender(String reason, QName... subcodes) {
        return new MessageFault(true, List.of(subcodes), reason, Optional.empty());
    }

    public static MessageFault receiver(String reason, QName... subcodes) {
        return new MessageFault(false, List.of(subcodes), reason, Optional.empty());
    }

    public MessageFault withDetail(XmlFragment d) {
        return new MessageFault(sender, subcodes, reason, Optional.of(d));
    }

    /** The first subcode, if any. */
    public Optional<QName> subcode() {
        return subcodes.isEmpty() ? Optional.empty() : Optional.of(subcodes.get(0));
    }

    @Override
    public String toString() {
        return (sender ? "Sender" : "Receiver") + subcodes + ": " + reason;
    }
}

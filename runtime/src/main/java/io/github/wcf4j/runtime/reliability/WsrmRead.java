package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.message.ParsedElement;
import java.util.OptionalLong;

/** Reading the parts WS-RM elements share: the identifier and number children. */
final class WsrmRead {
    private WsrmRead() {
    }

    static String identifier(Wsrm wsrm, ParsedElement e) {
        String id = e.child(wsrm.ns(), "Identifier").map(ParsedElement::text).orElse("");
        if (id.isEmpty()) {
            throw new WsrmParseException("The " + e.name().getLocalPart() + " element has no Identifier.");
        }
        return id;
    }

    static long number(Wsrm wsrm, ParsedElement e, String child) {
        String v = e.child(wsrm.ns(), child).map(ParsedElement::text).orElseThrow(() ->
                new WsrmParseException("The " + e.name().getLocalPart() + " element has no " + child + "."));
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException x) {
            throw new WsrmParseException("The " + child + " '" + v + "' is not a number.");
        }
    }

    static OptionalLong optionalNumber(Wsrm wsrm, ParsedElement e, String child) {
        return e.child(wsrm.ns(), child).isPresent() ? OptionalLong.of(number(wsrm, e, child)) : OptionalLong.empty();
    }
}

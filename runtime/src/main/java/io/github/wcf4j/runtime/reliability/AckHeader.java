package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.message.ElementHeader;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code r:SequenceAcknowledgement}: the ranges of sequence {@code id} received so far, as WCF writes it (merged ranges
 * ascending; an empty set as {@code Lower="0" Upper="0"} in February 2005 and {@code <r:None/>} in 1.1; 1.1's
 * {@code <r:Final/>}; Microsoft's {@code netrm:BufferRemaining} last, declared on itself).
 *
 * @param id              the acknowledged sequence
 * @param ranges          the numbers received
 * @param isFinal         1.1: the destination will accept no more messages
 * @param bufferRemaining free places in the destination's buffer, or -1 for none written
 */
public record AckHeader(String id, SequenceRanges ranges, boolean isFinal, int bufferRemaining) {

    /** Whether this is the final acknowledgement of every message up to {@code last} (WCF's ValidateFinalAck). */
    boolean finallyAcknowledges(long last) {
        return isFinal && ranges.isComplete(last);
    }

    MessageHeader toHeader(Wsrm wsrm) {
        return new ElementHeader(element(wsrm), false, true, Wsrm.PREFIX);
    }

    /** The element (also the detail of an InvalidAcknowledgement fault). */
    XmlElement element(Wsrm wsrm) {
        XmlElement e = XmlElement.of(wsrm.ns(), Wsrm.SEQUENCE_ACKNOWLEDGEMENT)
                .add(XmlElement.text(wsrm.ns(), "Identifier", id));
        if (ranges.isEmpty()) {
            // an acknowledgement of nothing: None where the version has it, else (February 2005) the range 0-0
            e.add(wsrm.defines(Wsrm.NONE) ? XmlElement.of(wsrm.ns(), Wsrm.NONE) : range(wsrm, 0, 0));
        } else {
            for (SequenceRange r : ranges.ranges()) {
                e.add(range(wsrm, r.lower(), r.upper()));
            }
        }
        if (isFinal && wsrm.defines(Wsrm.FINAL)) {
            e.add(XmlElement.of(wsrm.ns(), Wsrm.FINAL));
        }
        if (bufferRemaining >= 0) {
            e.add(XmlElement.prefixed(Wsrm.NETRM_PREFIX, Wsrm.NETRM_NS, "BufferRemaining")
                    .withText(Integer.toString(bufferRemaining)));
        }
        return e;
    }

    private static XmlElement range(Wsrm wsrm, long lower, long upper) {
        return XmlElement.of(wsrm.ns(), "AcknowledgementRange").attribute("Lower", Long.toString(lower))
                .attribute("Upper", Long.toString(upper));
    }

    static AckHeader read(Wsrm wsrm, ParsedElement e) {
        String id = WsrmRead.identifier(wsrm, e);
        List<SequenceRange> ranges = new ArrayList<>();
        boolean none = false;
        boolean fin = false;
        boolean nack = false;
        int buffer = -1;
        boolean tail = false;
        for (ParsedElement c : e.children()) {
            String local = c.name().getLocalPart();
            if (c.name().getNamespaceURI().equals(wsrm.ns())) {
                switch (local) {
                    case "AcknowledgementRange" -> {
                        if (tail || none || nack) {
                            throw new WsrmParseException("An AcknowledgementRange follows the end of the acknowledgement.");
                        }
                        long lower = attributeNumber(c, "Lower");
                        long upper = attributeNumber(c, "Upper");
                        // without None (February 2005) the range 0-0 acknowledges nothing
                        boolean nothing = !wsrm.defines(Wsrm.NONE) && lower == 0 && upper == 0;
                        if (!nothing && (lower < 1 || lower > upper)) {
                            throw new WsrmParseException(WcfText.InvalidSequenceRange.format(lower, upper));
                        }
                        if (!nothing) {
                            ranges.add(new SequenceRange(lower, upper));
                        }
                    }
                    case Wsrm.NONE -> {
                        if (!wsrm.defines(Wsrm.NONE) || tail) {
                            throw new WsrmParseException("None is only allowed in place of acknowledgement ranges.");
                        }
                        // WCF refuses None after ranges; CXF writes both, so the ranges win (read leniently)
                        none = ranges.isEmpty();
                    }
                    case Wsrm.FINAL -> {
                        if (!wsrm.defines(Wsrm.FINAL) || (ranges.isEmpty() && !none)) {
                            throw new WsrmParseException("Final is only allowed after acknowledgement ranges or None.");
                        }
                        fin = true;
                    }
                    case "Nack" -> {
                        if (!ranges.isEmpty() || none) {
                            throw new WsrmParseException("Nack is only allowed without acknowledgement ranges.");
                        }
                        nack = true;
                    }
                    default -> {
                        // the Identifier, read above; anything else is ignored
                    }
                }
                continue;
            }
            if (c.is(Wsrm.NETRM_NS, "BufferRemaining")) {
                if (buffer >= 0) {
                    throw new WsrmParseException("The acknowledgement carries BufferRemaining twice.");
                }
                try {
                    buffer = Integer.parseInt(c.text());
                } catch (NumberFormatException x) {
                    throw new WsrmParseException(WcfText.InvalidBufferRemaining.format(c.text()));
                }
                if (buffer < 0) {
                    throw new WsrmParseException(WcfText.InvalidBufferRemaining.format(buffer));
                }
                tail = true;
            }
        }
        // WCF refuses an acknowledgement with no range, None or Nack; CXF sends one (its first stand-alone
        // acknowledgement), read as acknowledging nothing
        return new AckHeader(id, SequenceRanges.of(ranges), fin, buffer);
    }

    private static long attributeNumber(ParsedElement c, String name) {
        String v = c.attribute(name).orElseThrow(() -> new WsrmParseException("The AcknowledgementRange has no "
                + name + " attribute."));
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException x) {
            throw new WsrmParseException("The AcknowledgementRange " + name + " '" + v + "' is not a number.");
        }
    }
}

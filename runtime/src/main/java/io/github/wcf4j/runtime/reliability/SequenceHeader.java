package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.message.ElementHeader;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.XmlElement;

/**
 * {@code r:Sequence} (mustUnderstand): the sequence and number of a message; February 2005 marks the last message.
 *
 * @param id          the sequence identifier
 * @param number      the message number, from 1
 * @param lastMessage February 2005's {@code <r:LastMessage/>}
 */
public record SequenceHeader(String id, long number, boolean lastMessage) {

    MessageHeader toHeader(Wsrm wsrm) {
        XmlElement e = XmlElement.of(wsrm.ns(), Wsrm.SEQUENCE)
                .add(XmlElement.text(wsrm.ns(), "Identifier", id))
                .add(XmlElement.text(wsrm.ns(), "MessageNumber", Long.toString(number)));
        if (lastMessage && wsrm.defines(Wsrm.LAST_MESSAGE)) {
            e.add(XmlElement.of(wsrm.ns(), Wsrm.LAST_MESSAGE));
        }
        return new ElementHeader(e, true, true, Wsrm.PREFIX);
    }

    static SequenceHeader read(Wsrm wsrm, ParsedElement e) {
        String id = WsrmRead.identifier(wsrm, e);
        long number = WsrmRead.number(wsrm, e, "MessageNumber");
        if (number < 1) {
            throw new WsrmParseException(WcfText.InvalidSequenceNumber.format(number));
        }
        boolean last = wsrm.defines(Wsrm.LAST_MESSAGE) && e.child(wsrm.ns(), Wsrm.LAST_MESSAGE).isPresent();
        return new SequenceHeader(id, number, last);
    }
}

package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.XmlElement;
import java.util.OptionalLong;

/**
 * The bodies that end a sequence: {@code CloseSequence} and {@code TerminateSequence} (1.1 with
 * {@code LastMsgNumber} when above 0) and their 1.1 responses ({@code Identifier} only).
 *
 * @param element       {@code CloseSequence}, {@code CloseSequenceResponse}, {@code TerminateSequence} or
 *                      {@code TerminateSequenceResponse}
 * @param id            the sequence
 * @param lastMsgNumber the last message number, if given
 */
public record SequenceEnd(String element, String id, OptionalLong lastMsgNumber) {

    static SequenceEnd closeSequence(String id, long last) {
        return new SequenceEnd(Wsrm.CLOSE_SEQUENCE, id, last > 0 ? OptionalLong.of(last) : OptionalLong.empty());
    }

    static SequenceEnd terminateSequence(Wsrm wsrm, String id, long last) {
        return new SequenceEnd(Wsrm.TERMINATE_SEQUENCE, id, wsrm.defines(Wsrm.LAST_MSG_NUMBER) && last > 0
                ? OptionalLong.of(last) : OptionalLong.empty());
    }

    static SequenceEnd response(String element, String id) {
        return new SequenceEnd(element, id, OptionalLong.empty());
    }

    XmlElement toBody(Wsrm wsrm) {
        XmlElement e = XmlElement.of(wsrm.ns(), element).add(XmlElement.text(wsrm.ns(), "Identifier", id));
        lastMsgNumber.ifPresent(n -> e.add(XmlElement.text(wsrm.ns(), Wsrm.LAST_MSG_NUMBER, Long.toString(n))));
        return e;
    }

    static SequenceEnd read(Wsrm wsrm, ParsedElement body, String element) {
        if (!body.is(wsrm.ns(), element)) {
            throw new WsrmParseException("The body is not a " + element + " element.");
        }
        OptionalLong last = WsrmRead.optionalNumber(wsrm, body, Wsrm.LAST_MSG_NUMBER);
        if (last.isPresent() && last.getAsLong() < 1) {
            throw new WsrmParseException(WcfText.InvalidSequenceNumber.format(last.getAsLong()));
        }
        return new SequenceEnd(element, WsrmRead.identifier(wsrm, body), last);
    }
}

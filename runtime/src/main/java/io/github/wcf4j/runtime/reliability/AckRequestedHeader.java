package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.message.ElementHeader;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.XmlElement;

/** {@code r:AckRequested}: asks the destination of sequence {@code id} for an acknowledgement now (no MessageNumber). */
public record AckRequestedHeader(String id) {

    MessageHeader toHeader(Wsrm wsrm) {
        return new ElementHeader(XmlElement.of(wsrm.ns(), Wsrm.ACK_REQUESTED)
                .add(XmlElement.text(wsrm.ns(), "Identifier", id)), false, true, Wsrm.PREFIX);
    }

    static AckRequestedHeader read(Wsrm wsrm, ParsedElement e) {
        return new AckRequestedHeader(WsrmRead.identifier(wsrm, e));
    }
}

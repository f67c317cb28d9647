package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.XmlElement;
import java.util.Optional;

/**
 * The {@code CreateSequenceResponse} body: the new sequence, in 1.1 the destination's incomplete-sequence behavior,
 * and, when the offer is accepted, {@code Accept/AcksTo} (the endpoint the CreateSequence was sent to).
 *
 * @param id                 the new sequence identifier
 * @param incompleteBehavior 1.1 only
 * @param acceptAcksTo       the accepted offer's AcksTo
 */
public record CreateSequenceResponse(String id, Optional<String> incompleteBehavior,
        Optional<EndpointAddress> acceptAcksTo) {

    XmlElement toBody(Wsrm wsrm, AddressingVersion addressing) {
        XmlElement csr = XmlElement.of(wsrm.ns(), Wsrm.CREATE_SEQUENCE_RESPONSE)
                .add(XmlElement.text(wsrm.ns(), "Identifier", id));
        incompleteBehavior.filter(b -> wsrm.defines(Wsrm.INCOMPLETE_SEQUENCE_BEHAVIOR))
                .ifPresent(b -> csr.add(XmlElement.text(wsrm.ns(), Wsrm.INCOMPLETE_SEQUENCE_BEHAVIOR, b)));
        acceptAcksTo.ifPresent(a -> csr.add(XmlElement.of(wsrm.ns(), "Accept")
                .add(Endpoints.element(wsrm.ns(), "AcksTo", a, addressing))));
        return csr;
    }

    static CreateSequenceResponse read(Wsrm wsrm, AddressingVersion addressing, ParsedElement body) {
        if (!body.is(wsrm.ns(), Wsrm.CREATE_SEQUENCE_RESPONSE)) {
            throw new WsrmParseException("The body is not a " + Wsrm.CREATE_SEQUENCE_RESPONSE + " element.");
        }
        String id = WsrmRead.identifier(wsrm, body);
        Optional<String> behavior = body.child(wsrm.ns(), Wsrm.INCOMPLETE_SEQUENCE_BEHAVIOR).map(ParsedElement::text);
        Optional<EndpointAddress> accept = Optional.empty();
        Optional<ParsedElement> a = body.child(wsrm.ns(), "Accept");
        if (a.isPresent()) {
            accept = Optional.of(Endpoints.read(a.get().child(wsrm.ns(), "AcksTo").orElseThrow(() ->
                    new WsrmParseException("The CreateSequenceResponse's Accept has no AcksTo.")), addressing));
        }
        return new CreateSequenceResponse(id, behavior, accept);
    }
}

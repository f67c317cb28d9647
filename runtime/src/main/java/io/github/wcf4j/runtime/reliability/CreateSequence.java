package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.XmlElement;
import java.util.Optional;

/**
 * The {@code CreateSequence} body: where acknowledgements go, and (for two-way sessions) the offered return sequence;
 * in 1.1 the offer also names its endpoint and the incomplete-sequence behavior. WCF never writes {@code Expires}.
 *
 * @param acksTo             where the destination sends acknowledgements
 * @param offerId            the offered return sequence
 * @param offerEndpoint      1.1: the offer's endpoint (WCF: equal to AcksTo)
 * @param incompleteBehavior 1.1: {@code DiscardFollowingFirstGap} (ordered) or {@code NoDiscard}
 * @param securityToken      the security session the sequence is bound to: an {@code o:SecurityTokenReference} to its
 *                           context token ends the body (both versions; WCF's {@code CreateSequence.OnWriteBodyContents})
 */
public record CreateSequence(EndpointAddress acksTo, Optional<String> offerId, Optional<EndpointAddress> offerEndpoint,
        Optional<String> incompleteBehavior, Optional<SecuritySessionToken> securityToken) {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    public CreateSequence(EndpointAddress acksTo, Optional<String> offerId, Optional<EndpointAddress> offerEndpoint,
            Optional<String> incompleteBehavior) {
        this(acksTo, offerId, offerEndpoint, incompleteBehavior, Optional.empty());
    }

    /** This CreateSequence bound to the security session {@code token}. */
    CreateSequence boundTo(Optional<SecuritySessionToken> token) {
        return new CreateSequence(acksTo, offerId, offerEndpoint, incompleteBehavior, token);
    }

    static final String DISCARD_FOLLOWING_FIRST_GAP = "DiscardFollowingFirstGap";
    static final String NO_DISCARD = "NoDiscard";
    static final String DISCARD_ENTIRE_SEQUENCE = "DiscardEntireSequence";

    /** What a WCF client sends: an offer when it has a return sequence; 1.1 adds Endpoint and the behavior. */
    static CreateSequence of(Wsrm wsrm, EndpointAddress acksTo, Optional<String> offerId, boolean ordered) {
        if (offerId.isEmpty() || !wsrm.defines(Wsrm.ENDPOINT)) {
            return new CreateSequence(acksTo, offerId, Optional.empty(), Optional.empty());
        }
        return new CreateSequence(acksTo, offerId, Optional.of(acksTo),
                Optional.of(ordered ? DISCARD_FOLLOWING_FIRST_GAP : NO_DISCARD));
    }

    XmlElement toBody(Wsrm wsrm, AddressingVersion addressing) {
        XmlElement cs = XmlElement.of(wsrm.ns(), Wsrm.CREATE_SEQUENCE)
                .add(Endpoints.element(wsrm.ns(), "AcksTo", acksTo, addressing));
        if (offerId.isPresent()) {
            XmlElement offer = XmlElement.of(wsrm.ns(), "Offer").add(XmlElement.text(wsrm.ns(), "Identifier",
                    offerId.get()));
            offerEndpoint.ifPresent(e -> offer.add(Endpoints.element(wsrm.ns(), Wsrm.ENDPOINT, e, addressing)));
            incompleteBehavior.ifPresent(b -> offer.add(
                    XmlElement.text(wsrm.ns(), Wsrm.INCOMPLETE_SEQUENCE_BEHAVIOR, b)));
            cs.add(offer);
        }
        securityToken.ifPresent(t -> cs.add(XmlElement.prefixed("o", WSSE, "SecurityTokenReference").add(
                XmlElement.prefixed("o", WSSE, "Reference").attribute("URI", t.contextId())
                        .attribute("ValueType", t.tokenType()))));
        return cs;
    }

    /**
     * Reads a CreateSequence body: what cannot be read throws {@link WsrmParseException} (refused as unparsable),
     * what WCF refuses by name throws {@link WsrmFaultException} with its CreateSequenceRefused.
     */
    static CreateSequence read(Wsrm wsrm, AddressingVersion addressing, ParsedElement body) {
        if (!body.is(wsrm.ns(), Wsrm.CREATE_SEQUENCE)) {
            throw new WsrmParseException("The body is not a " + Wsrm.CREATE_SEQUENCE + " element.");
        }
        EndpointAddress acksTo = Endpoints.read(body.child(wsrm.ns(), "AcksTo").orElseThrow(() ->
                new WsrmParseException("The CreateSequence has no AcksTo.")), addressing);
        Optional<SecuritySessionToken> token = body.child(WSSE, "SecurityTokenReference")
                .flatMap(str -> str.child(WSSE, "Reference"))
                .map(r -> new SecuritySessionToken(r.attribute("URI").orElse(""), r.attribute("ValueType").orElse("")));
        Optional<ParsedElement> offer = body.child(wsrm.ns(), "Offer");
        if (offer.isEmpty()) {
            return new CreateSequence(acksTo, Optional.empty(), Optional.empty(), Optional.empty(), token);
        }
        String id = WsrmRead.identifier(wsrm, offer.get());
        Optional<EndpointAddress> endpoint = Optional.empty();
        Optional<String> behavior = Optional.empty();
        if (wsrm.defines(Wsrm.ENDPOINT)) {
            endpoint = Optional.of(Endpoints.read(offer.get().child(wsrm.ns(), Wsrm.ENDPOINT).orElseThrow(() ->
                    new WsrmParseException("The CreateSequence offer has no Endpoint.")), addressing));
            Optional<String> b = offer.get().child(wsrm.ns(), Wsrm.INCOMPLETE_SEQUENCE_BEHAVIOR)
                    .map(ParsedElement::text);
            if (b.isPresent() && !b.get().equals(DISCARD_ENTIRE_SEQUENCE) && !b.get().equals(DISCARD_FOLLOWING_FIRST_GAP)
                    && !b.get().equals(NO_DISCARD)) {
                throw WsrmInfo.refused(WcfText.CSRefusedInvalidIncompleteSequenceBehavior.format(), null);
            }
            behavior = b;
        }
        return new CreateSequence(acksTo, Optional.of(id), endpoint, behavior, token);
    }
}

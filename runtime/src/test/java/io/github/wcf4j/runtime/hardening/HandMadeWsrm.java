package io.github.wcf4j.runtime.hardening;

import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WS-RM messages written by hand, as a hostile or broken peer sends them to a {@link HostedCalculator} over a reliable
 * request/reply binding: CreateSequence (with the offer a reply session requires), sequenced calls, forged
 * acknowledgements. Strings, not the runtime's own writers, so nothing the runtime would refuse to write is out of
 * reach.
 */
final class HandMadeWsrm {
    private static final Pattern IDENTIFIER = Pattern.compile("<(?:\\w+:)?Identifier[^>]*>([^<]+)</");
    private final HostedCalculator service;
    private final ReliableMessagingVersion version;
    private final String ns;

    HandMadeWsrm(HostedCalculator service, ReliableMessagingVersion version) {
        this.service = service;
        this.version = version;
        this.ns = version == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005
                ? "http://schemas.xmlsoap.org/ws/2005/02/rm" : "http://docs.oasis-open.org/ws-rx/wsrm/200702";
    }

    String ns() {
        return ns;
    }

    /** A CreateSequence offering {@code offer} for the replies, its AcksTo and ReplyTo at {@code acksTo}. */
    String createSequence(String offer, String acksTo, String replyTo) {
        String endpoint = version == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11
                ? "<Endpoint><a:Address>" + acksTo + "</a:Address></Endpoint><IncompleteSequenceBehavior>"
                        + "DiscardFollowingFirstGap</IncompleteSequenceBehavior>" : "";
        String replyToHeader = replyTo == null ? "" : "<a:ReplyTo><a:Address>" + replyTo + "</a:Address></a:ReplyTo>";
        return HostedCalculator.ENVELOPE_START + "<s:Header><a:Action s:mustUnderstand=\"1\">" + ns
                + "/CreateSequence</a:Action><a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + replyToHeader + "<a:To s:mustUnderstand=\"1\">" + service.uri() + "</a:To></s:Header><s:Body>"
                + "<CreateSequence xmlns=\"" + ns + "\"><AcksTo><a:Address>" + acksTo + "</a:Address></AcksTo>"
                + "<Offer><Identifier>" + offer + "</Identifier>" + endpoint + "</Offer></CreateSequence></s:Body>"
                + "</s:Envelope>";
    }

    String createSequence(String offer) {
        return createSequence(offer, HostedCalculator.ANONYMOUS, null);
    }

    /** Creates a sequence; its identifier (the offer is a fresh one). */
    String open() {
        RawHttp.Response r = service.post(createSequence(newId()));
        if (r.status() != 200 || !r.body().contains("CreateSequenceResponse")) {
            throw new AssertionError("CreateSequence refused: " + r);
        }
        return identifier(r.body());
    }

    static String newId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    static String identifier(String envelope) {
        Matcher m = IDENTIFIER.matcher(envelope.substring(envelope.indexOf("<s:Body>")));
        if (!m.find()) {
            throw new AssertionError("no Identifier in " + envelope);
        }
        return m.group(1);
    }

    /** An {@code Add} numbered {@code number} (as written: any text) in sequence {@code id}, with more headers. */
    String add(String id, String number, String extraHeaders) {
        return service.add("<r:Sequence s:mustUnderstand=\"1\" xmlns:r=\"" + ns + "\"><r:Identifier>" + id
                + "</r:Identifier><r:MessageNumber>" + number + "</r:MessageNumber></r:Sequence>" + extraHeaders);
    }

    String add(String id, long number) {
        return add(id, Long.toString(number), "");
    }

    /** An acknowledgement header for {@code id} claiming {@code lower..upper}. */
    String ack(String id, long lower, long upper) {
        return "<r:SequenceAcknowledgement xmlns:r=\"" + ns + "\"><r:Identifier>" + id + "</r:Identifier>"
                + "<r:AcknowledgementRange Lower=\"" + lower + "\" Upper=\"" + upper + "\"/></r:SequenceAcknowledgement>";
    }
}

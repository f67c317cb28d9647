package io.github.wcf4j.cli;

import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.reliability.AckHeader;
import io.github.wcf4j.runtime.reliability.SequenceRange;
import io.github.wcf4j.runtime.reliability.Wsrm;
import io.github.wcf4j.runtime.reliability.WsrmInfo;
import io.github.wcf4j.runtime.transport.WireTap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compact trace of a reliable session as the client's transport saw it: one line per envelope, with its action and
 * what WS-RM put in it (offer, sequence, message number, acknowledgement ranges, AckRequested, LastMessage).
 */
final class SessionTrace implements WireTap {
    private final TextMessageEncoder encoder;
    private final Wsrm wsrm;
    private final List<String> lines = new ArrayList<>();

    SessionTrace(TextMessageEncodingBindingElement encoding, ReliableMessagingVersion version) {
        this.encoder = new TextMessageEncoder(encoding);
        this.wsrm = Wsrm.of(version);
    }

    @Override
    public void record(Direction direction, byte[] envelope, String contentType) {
        String line;
        try {
            String raw = new String(envelope, java.nio.charset.StandardCharsets.UTF_8);
            line = describe(encoder.read(envelope, contentType)) + security(raw);
        } catch (RuntimeException e) {
            line = "(unreadable: " + e.getMessage() + ")";
        }
        synchronized (lines) {
            lines.add((direction == Direction.SENT ? "client --> " : "client <-- ") + line);
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private String describe(Message m) {
        WsrmInfo info = WsrmInfo.read(m, wsrm);
        String action = m.headers().action() == null ? "(no action)" : m.headers().action();
        int trust = action.indexOf("/RST");
        String label = trust >= 0 ? action.substring(trust + 1) : action.substring(action.lastIndexOf('/') + 1);
        StringBuilder b = new StringBuilder(String.format("%-24s", label));
        switch (info.kind()) {
            case CREATE_SEQUENCE:
                info.createSequence().offerId().ifPresent(o -> b.append(" offer ").append(shortId(o)));
                break;
            case CREATE_SEQUENCE_RESPONSE:
                b.append(" sequence ").append(shortId(info.createSequenceResponse().id()));
                if (info.createSequenceResponse().acceptAcksTo().isPresent()) {
                    b.append(", offer accepted");
                }
                break;
            case TERMINATE_SEQUENCE:
            case CLOSE_SEQUENCE:
            case CLOSE_SEQUENCE_RESPONSE:
            case TERMINATE_SEQUENCE_RESPONSE:
                b.append(" sequence ").append(shortId(info.sequenceEnd().id()));
                break;
            case FAULT:
                b.append(" fault: ").append(m.fault().orElseThrow().reason());
                break;
            default:
                break;
        }
        info.sequence().ifPresent(s -> b.append(" ").append(shortId(s.id())).append(" #").append(s.number())
                .append(s.lastMessage() ? " (last)" : ""));
        info.ackRequested().ifPresent(a -> b.append(" AckRequested"));
        info.ack().ifPresent(a -> b.append(" ack ").append(shortId(a.id())).append(" ").append(ranges(a)));
        return b.toString().stripTrailing();
    }

    /**
     * What message security put in an envelope: a negotiation leg's SPNEGO blob, the token the last leg issues, or the
     * security header protecting it.
     */
    private static String security(String raw) {
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher blob = java.util.regex.Pattern.compile(
                "<[\\w:]*BinaryExchange ValueType=\"[^\"]*/(spnego|tlsnego)\"[^>]*>([^<]*)<").matcher(raw);
        if (blob.find()) {
            b.append(" ").append(blob.group(1).toUpperCase(java.util.Locale.ROOT)).append(" ")
                    .append(java.util.Base64.getMimeDecoder().decode(blob.group(2).strip()).length).append(" bytes");
        }
        if (raw.contains("RequestedSecurityToken>") && raw.contains("#GSS_Wrap")) {
            b.append(", context token, key GSS-wrapped, authenticator");
        }
        if (raw.contains("wss-wssecurity-secext-1.0.xsd") && raw.contains(":Security ")) {
            b.append(raw.contains("SecurityContextToken") ? " [secured, SCT]" : " [secured]");
        }
        return b.toString();
    }

    private static String ranges(AckHeader a) {
        if (a.ranges().isEmpty()) {
            return "none";
        }
        return a.ranges().ranges().stream().map(SequenceRange::toString).collect(Collectors.joining(","))
                + (a.isFinal() ? " final" : "");
    }

    /** The first 8 hex digits of a {@code urn:uuid:} identifier. */
    private static String shortId(String id) {
        String s = id.startsWith("urn:uuid:") ? id.substring(9) : id;
        return s.length() > 8 ? s.substring(0, 8) : s;
    }
}

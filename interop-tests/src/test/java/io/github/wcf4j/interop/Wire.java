package io.github.wcf4j.interop;

import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What crossed the fault-injecting proxy, summarized: one {@code ->}/{@code <-} line per HTTP message with its action's
 * last segment and WS-RM message number (whatever prefixes the peer uses).
 */
final class Wire {
    private static final Pattern ACTION = Pattern.compile("<(?:\\w+:)?Action\\b[^>]*>\\s*([^<\\s]+)\\s*</");
    private static final Pattern NUMBER = Pattern.compile("<(?:\\w+:)?MessageNumber>(\\d+)</");

    private Wire() {
    }

    /** The last path segment of the envelope's {@code wsa:Action}, or {@code (empty)}. */
    static String action(String envelope) {
        Matcher m = ACTION.matcher(envelope);
        if (!m.find()) {
            return envelope.isBlank() ? "(empty)" : "(no action)";
        }
        return m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
    }

    /** The envelope's whole {@code wsa:Action}, or {@code ""}. */
    static String fullAction(String envelope) {
        Matcher m = ACTION.matcher(envelope);
        return m.find() ? m.group(1) : "";
    }

    static String describe(String envelope) {
        Matcher n = NUMBER.matcher(envelope);
        return action(envelope) + (n.find() ? "#" + n.group(1) : "");
    }

    /** {@code -> CreateSequence}, {@code <- CreateSequenceResponse}, {@code -> Add#1}, ... */
    static List<String> summary(FaultInjectingHttpProxy proxy) {
        List<String> out = new ArrayList<>();
        for (String[] r : proxy.log()) {
            out.add((r[0].equals(Direction.CLIENT_TO_SERVICE.name()) ? "-> " : "<- ") + describe(r[2])
                    + (r[1].equals("delivered") ? "" : " [" + r[1] + "]"));
        }
        return out;
    }

    /** The envelopes sent in {@code d} whose action ends with {@code action}. */
    static List<String> envelopes(FaultInjectingHttpProxy proxy, Direction d, String action) {
        List<String> out = new ArrayList<>();
        for (String e : proxy.envelopes(d)) {
            if (action(e).equals(action)) {
                out.add(e);
            }
        }
        return out;
    }

    static Predicate<String> action(String name, long number) {
        return e -> describe(e).equals(name + "#" + number);
    }

    static Predicate<String> isAction(String name) {
        return e -> action(e).equals(name);
    }

    /** Whether some message in {@code d} acknowledges messages 1 to {@code upper} of a sequence. */
    static boolean acknowledges(List<String> envelopes, long upper) {
        Pattern range = Pattern.compile("AcknowledgementRange[^>]*(Lower=\"1\"[^>]*Upper=\"" + upper
                + "\"|Upper=\"" + upper + "\"[^>]*Lower=\"1\")");
        return envelopes.stream().anyMatch(e -> e.contains("SequenceAcknowledgement") && range.matcher(e).find());
    }
}

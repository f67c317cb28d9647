package io.github.wcf4j.runtime.encoding.binary;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The envelope's XML events as WCF's binary writer records them: each name, namespace and text from where WCF's
 * writer would take it ({@link EnvelopeStrings}: static dictionary, session string, UniqueId, inline), each record as
 * {@link NbfxWriter} chooses. Fed by {@link XmlToNbfx} (from envelope text) and by {@link NbfxStreamWriter} (from the
 * envelope writer's events, directly); one instance per document.
 */
final class EnvelopeRecords {
    private static final Pattern UNIQUE_ID = Pattern.compile(
            "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final NbfxWriter w;
    private final SessionWriterStrings session;
    private final Deque<Scope> open = new ArrayDeque<>();

    /** @param session receives the session strings used ({@code null}: none, a sessionless document) */
    EnvelopeRecords(NbfxOutput out, SessionWriterStrings session) {
        this.w = new NbfxWriter(out);
        this.session = session;
    }

    /**
     * An element: its name, its namespace declarations ({@code {prefix, uri}}, in document order) and attributes
     * ({@code {prefix, local, value}}, in document order).
     */
    void start(String prefix, String local, String ns, List<String[]> xmlns, List<String[]> attributes) {
        Scope parent = open.peek();
        EnvelopeStrings kind = EnvelopeStrings.of(parent == null ? null : parent.kind,
                parent == null ? "" : parent.local, open.size(), ns, local);
        open.push(new Scope(kind, ns, local));
        w.startElement(prefix, local, nameId(kind, local));
        for (String[] d : xmlns) {
            w.xmlns(d[0], d[1], d[1].isEmpty() ? -1 : nameId(kind, d[1]));
        }
        for (String[] a : attributes) {
            w.attribute(a[0], a[1], nameId(kind, a[1]), a[2]);
        }
    }

    /** Text content of the open element (a document's text outside its root is dropped). */
    /** Bytes content of the open element (a stream operation's part, WCF's {@code WriteBase64}). */
    void bytes(byte[] b, int off, int len) {
        if (open.peek() != null && len > 0) {
            w.bytes(b, off, len);
        }
    }

    void text(String value) {
        Scope scope = open.peek();
        if (scope == null) {
            return;
        }
        if (scope.kind == EnvelopeStrings.PAYLOAD) {
            w.text(value);
            return;
        }
        int staticIndex = StaticDictionary.indexOf(value);
        if (staticIndex >= 0) {
            w.dictionaryText(2 * staticIndex);
        } else if (EnvelopeStrings.sessionText(scope.ns, scope.local) && session != null && !value.isEmpty()
                && session.idOf(value) >= 0) {
            w.dictionaryText(session.idOf(value));
        } else if (UNIQUE_ID.matcher(value).matches()) {
            w.uniqueIdText(UUID.fromString(value.substring("urn:uuid:".length())));
        } else {
            w.text(value);
        }
    }

    void end() {
        open.pop();
        w.endElement();
    }

    /** The wire id of a name or namespace of an element of {@code kind}, {@code -1} when inline. */
    private int nameId(EnvelopeStrings kind, String s) {
        if (kind == EnvelopeStrings.INFRASTRUCTURE) {
            int index = StaticDictionary.indexOf(s);
            return index >= 0 ? 2 * index : -1;
        }
        return session == null ? -1 : session.idOf(s);
    }

    private record Scope(EnvelopeStrings kind, String ns, String local) {
    }
}

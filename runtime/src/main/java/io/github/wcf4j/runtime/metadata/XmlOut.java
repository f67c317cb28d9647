package io.github.wcf4j.runtime.metadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes XML as WCF's own writer does for metadata: no whitespace, empty elements as {@code <x/>}, and in every start
 * tag the ordinary attributes first, then the namespace declarations. Not thread-safe; one document per instance.
 */
final class XmlOut {
    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();
    private final List<String[]> attributes = new ArrayList<>();
    private final List<String[]> declarations = new ArrayList<>();
    private String pending;

    /** {@code <?xml version="1.0" encoding="utf-8"?>}, as WCF starts every metadata document. */
    XmlOut declaration() {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        return this;
    }

    XmlOut start(String qname) {
        flush(false);
        pending = qname;
        return this;
    }

    XmlOut attr(String name, String value) {
        attributes.add(new String[] {name, value});
        return this;
    }

    /** An {@code xmlns:prefix} declaration (or {@code xmlns} when {@code prefix} is empty). */
    XmlOut xmlns(String prefix, String uri) {
        declarations.add(new String[] {prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri});
        return this;
    }

    XmlOut text(String value) {
        flush(false);
        escape(value, false);
        return this;
    }

    /** Already-serialized XML (a fragment written by the same rules). */
    XmlOut raw(String xml) {
        flush(false);
        out.append(xml);
        return this;
    }

    XmlOut end() {
        if (pending != null) {
            flush(true);
            return this;
        }
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** {@code <qname/>} with the given attributes written first. */
    XmlOut empty(String qname, String... nameValues) {
        start(qname);
        for (int i = 0; i < nameValues.length; i += 2) {
            attr(nameValues[i], nameValues[i + 1]);
        }
        return end();
    }

    private void flush(boolean empty) {
        if (pending == null) {
            return;
        }
        out.append('<').append(pending);
        for (String[] a : attributes) {
            out.append(' ').append(a[0]).append("=\"");
            escape(a[1], true);
            out.append('"');
        }
        for (String[] d : declarations) {
            out.append(' ').append(d[0]).append("=\"");
            escape(d[1], true);
            out.append('"');
        }
        attributes.clear();
        declarations.clear();
        if (empty) {
            out.append("/>");
        } else {
            out.append('>');
            open.push(pending);
        }
        pending = null;
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"':
                    out.append(attribute ? "&quot;" : "\"");
                    break;
                default: out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        flush(false);
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }
}

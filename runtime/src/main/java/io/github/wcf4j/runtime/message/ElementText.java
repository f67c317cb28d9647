package io.github.wcf4j.runtime.message;

import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.NamespaceContext;

/**
 * An {@link XmlElement} as the exact text the Woodstox writer would produce for it (same prefixes, declarations,
 * attribute order and empty-element form), so protocol headers go out as one raw write instead of a writer call per
 * element, attribute and declaration (writing WS-RM's headers element by element cost more than writing the rest of the
 * envelope; benchmarks/RESULTS.md). Only for trees whose texts and attribute values need no escaping: {@link #of}
 * returns {@code null} otherwise, and the caller writes through the writer.
 */
final class ElementText {
    /** Declarations made by elements written so far, innermost last, over the writer's own context. */
    private final NamespaceContext outer;
    private final List<String[]> declared = new ArrayList<>(2);
    private final StringBuilder out = new StringBuilder(256);

    private ElementText(NamespaceContext outer) {
        this.outer = outer;
    }

    /** The element's text under the writer's {@code context}, or {@code null} when something in it needs escaping. */
    static String of(XmlElement e, NamespaceContext context, List<String[]> prefixedAttributes) {
        if (!plain(e) || !prefixedAttributes.stream().allMatch(a -> plain(a[3]))) {
            return null;
        }
        ElementText t = new ElementText(context);
        t.append(e, prefixedAttributes);
        return t.out.toString();
    }

    private static boolean plain(XmlElement e) {
        if (e.textContent() != null && !plain(e.textContent())) {
            return false;
        }
        for (String[] a : e.attributeList()) {
            if (!plain(a[1])) {
                return false;
            }
        }
        for (XmlElement c : e.childList()) {
            if (!plain(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    private void append(XmlElement e, List<String[]> prefixedAttributes) {
        String ns = e.namespace();
        String declare = null;
        boolean declareDefault = false;
        String prefix;
        if (e.explicitPrefix() != null) {
            prefix = e.explicitPrefix();
            if (!ns.equals(namespaceOf(prefix))) {
                declare = prefix;
            }
        } else {
            String bound = prefixOf(ns);
            if (bound != null && !bound.isEmpty()) {
                prefix = bound;
            } else {
                prefix = "";
                declareDefault = !ns.equals(namespaceOf(""));
            }
        }
        String qname = prefix.isEmpty() ? e.localName() : prefix + ":" + e.localName();
        out.append('<').append(qname);
        for (String[] a : prefixedAttributes) {
            out.append(' ').append(a[0]).append(':').append(a[2]).append("=\"").append(a[3]).append('"');
        }
        for (String[] a : e.attributeList()) {
            out.append(' ').append(a[0]).append("=\"").append(a[1]).append('"');
        }
        int scope = declared.size();
        if (declare != null) {
            out.append(" xmlns:").append(declare).append("=\"").append(ns).append('"');
            declared.add(new String[] {declare, ns});
        }
        if (declareDefault) {
            out.append(" xmlns=\"").append(ns).append('"');
            declared.add(new String[] {"", ns});
        }
        if (e.textContent() == null && e.childList().isEmpty()) {
            out.append("/>");
        } else {
            out.append('>');
            if (e.textContent() != null) {
                out.append(e.textContent());
            }
            for (XmlElement c : e.childList()) {
                append(c, List.of());
            }
            out.append("</").append(qname).append('>');
        }
        while (declared.size() > scope) {
            declared.remove(declared.size() - 1);
        }
    }

    private String namespaceOf(String prefix) {
        for (int i = declared.size() - 1; i >= 0; i--) {
            if (declared.get(i)[0].equals(prefix)) {
                return declared.get(i)[1];
            }
        }
        return outer.getNamespaceURI(prefix);
    }

    private String prefixOf(String ns) {
        for (int i = declared.size() - 1; i >= 0; i--) {
            String[] d = declared.get(i);
            if (d[1].equals(ns) && ns.equals(namespaceOf(d[0]))) {
                return d[0];
            }
        }
        String p = outer.getPrefix(ns);
        return p != null && ns.equals(namespaceOf(p)) ? p : null;
    }
}

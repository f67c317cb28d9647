package io.github.wcf4j.runtime.message;

import java.util.Objects;

/**
 * A piece of XML that stands on its own: every namespace prefix it uses is declared inside it. Message bodies and
 * headers wcf4j does not interpret are kept as fragments, so forwarding, buffering and retransmitting a message never
 * re-parses or changes them.
 *
 * @param xml zero or more elements (an empty string is an empty body)
 */
public record XmlFragment(String xml) {
    public static final XmlFragment EMPTY = new XmlFragment("");

    public XmlFragment {
        Objects.requireNonNull(xml, "xml");
    }

    public boolean isEmpty() {
        return xml.isEmpty();
    }

    @Override
    public String toString() {
        return xml;
    }
}

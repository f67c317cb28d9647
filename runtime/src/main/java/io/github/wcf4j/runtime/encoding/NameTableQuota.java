package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;

/**
 * WCF's {@code maxNameTableCharCount} for one message read: the characters of the distinct names the reader meets
 * (element and attribute local names, namespace URIs and prefixes, declared ones included) are counted, each name
 * once, as WCF's {@code XmlBaseReader} counts the strings its {@code QuotaNameTable} atomizes; past the quota the read
 * fails with WCF's {@code XmlMaxNameTableCharCountExceeded} text.
 *
 * <p>WCF's table starts with the strings it preloads ({@code xml}, {@code xmlns}, their two namespaces and the
 * prefixes {@code a} to {@code z}: 99 characters), which therefore cost nothing more. WCF atomizes a name when a
 * consumer asks the reader for it as a string; wcf4j cannot know what a WCF consumer would ask for, so it counts every
 * name of the message: never more lenient than WCF, stricter only for a message whose distinct names nearly fill the
 * quota (16384 characters by default). Memory stays bounded by the quota. Not thread-safe: one per read.
 */
final class NameTableQuota {
    private static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    /** {@code xml}, {@code xmlns}, their namespaces and the 26 one-letter prefixes. */
    private static final int PRELOADED_CHARS = 3 + 5 + XMLNS_NAMESPACE.length() + XML_NAMESPACE.length() + 26;

    private final int quota;
    private final Set<String> names = new HashSet<>();
    private int chars = PRELOADED_CHARS;

    NameTableQuota(int quota) {
        this.quota = quota;
    }

    /**
     * Whether WCF's table holds {@code name} from the start: tested by length and characters, as a set lookup on every
     * name of every message was the call path's most frequent JDK frame (issue 17's profile).
     */
    static boolean preloaded(String name) {
        return switch (name.length()) {
            case 1 -> name.charAt(0) >= 'a' && name.charAt(0) <= 'z';
            case 3 -> name.equals("xml");
            case 5 -> name.equals("xmlns");
            case 29 -> name.equals(XMLNS_NAMESPACE);
            case 36 -> name.equals(XML_NAMESPACE);
            default -> false;
        };
    }

    /** Counts the names of the start tag at {@code r}. */
    void startTag(XMLStreamReader r) {
        add(r.getLocalName());
        add(r.getNamespaceURI());
        add(r.getPrefix());
        for (int i = r.getAttributeCount() - 1; i >= 0; i--) {
            add(r.getAttributeLocalName(i));
            add(r.getAttributeNamespace(i));
            add(r.getAttributePrefix(i));
        }
        for (int i = r.getNamespaceCount() - 1; i >= 0; i--) {
            add(r.getNamespacePrefix(i));
            add(r.getNamespaceURI(i));
        }
    }

    private void add(String name) {
        if (name == null || name.isEmpty() || preloaded(name) || !names.add(name)) {
            return;
        }
        chars += name.length();
        if (chars > quota) {
            throw new QuotaExceededException(WcfText.XmlMaxNameTableCharCountExceeded.format(quota));
        }
    }
}

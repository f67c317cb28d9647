package io.github.wcf4j.runtime.message;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small protocol element (a WS-RM header or body) read into a tree: names, unqualified attributes, trimmed text and
 * child elements; comments and whitespace between elements are skipped, as WCF's readers skip them. For the few
 * hundred bytes of a protocol element; application bodies are never read this way. No DTD, no external entities.
 */
public final class ParsedElement {
    private static final WstxInputFactory FACTORY = new WstxInputFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private final QName name;
    private final Map<String, String> attributes;
    private final List<ParsedElement> children;
    private final String text;
    private final Map<String, String> namespaces;

    private ParsedElement(QName name, Map<String, String> attributes, List<ParsedElement> children, String text,
            Map<String, String> namespaces) {
        this.name = name;
        this.attributes = attributes;
        this.children = children;
        this.text = text;
        this.namespaces = namespaces;
    }

    /**
     * An element read elsewhere (e.g. by the envelope reader in its single pass over a message): {@code attributes}
     * keyed as {@link #attribute} reads them, {@code text} trimmed, {@code namespaces} the declarations in scope.
     */
    public static ParsedElement of(QName name, Map<String, String> attributes, List<ParsedElement> children,
            String text, Map<String, String> namespaces) {
        return new ParsedElement(name, attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(attributes),
                children.isEmpty() ? List.of() : Collections.unmodifiableList(children), text.trim(), namespaces);
    }

    /** Reads {@code xml}, a single element with every namespace it uses declared. */
    public static ParsedElement parse(String xml) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
        try {
            r.nextTag();
            return read(r, Map.of());
        } finally {
            r.close();
        }
    }

    private static ParsedElement read(XMLStreamReader r, Map<String, String> inherited) throws XMLStreamException {
        QName name = r.getName();
        Map<String, String> ns = new LinkedHashMap<>(inherited);
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            ns.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i), r.getNamespaceURI(i));
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            QName a = r.getAttributeName(i);
            attrs.put(a.getNamespaceURI().isEmpty() ? a.getLocalPart() : "{" + a.getNamespaceURI() + "}" + a.getLocalPart(),
                    r.getAttributeValue(i));
        }
        List<ParsedElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                children.add(read(r, ns));
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new ParsedElement(name, Collections.unmodifiableMap(attrs), Collections.unmodifiableList(children),
                text.toString().trim(), ns);
    }

    public QName name() {
        return name;
    }

    public boolean is(String namespace, String local) {
        return name.getNamespaceURI().equals(namespace) && name.getLocalPart().equals(local);
    }

    public String text() {
        return text;
    }

    /** An unqualified attribute. */
    public Optional<String> attribute(String local) {
        return Optional.ofNullable(attributes.get(local));
    }

    public List<ParsedElement> children() {
        return children;
    }

    public Optional<ParsedElement> child(String namespace, String local) {
        for (ParsedElement c : children) {
            if (c.is(namespace, local)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The text of a child element read as a QName (e.g. a fault code), resolved with this element's bindings. */
    public QName qname() {
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon);
        String uri = namespaces.get(prefix);
        return new QName(uri == null ? "" : uri, colon < 0 ? text : text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return name.toString();
    }
}

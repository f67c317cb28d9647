package io.github.wcf4j.runtime.message;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * A small XML element tree that protocol layers build (WS-RM's headers and bodies), written the way WCF's XML writer
 * writes an element given only its namespace: with the prefix already bound to that namespace in scope (so a header
 * under an envelope that declares {@code r} comes out as {@code <r:Sequence>}), else as the default namespace
 * ({@code <CreateSequence xmlns="...">} with unprefixed children). An element may instead carry an explicit prefix,
 * declared on it unless in scope ({@code <netrm:BufferRemaining xmlns:netrm="...">}). Immutable once built.
 */
public final class XmlElement {
    private final String namespace;
    private final String local;
    private final String explicitPrefix;
    /** Made on the first attribute, the children on the first child: most elements of a header have neither. */
    private List<String[]> attributes;
    private List<XmlElement> children;
    private String text;

    private XmlElement(String namespace, String local, String explicitPrefix) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.local = Objects.requireNonNull(local, "local");
        this.explicitPrefix = explicitPrefix;
    }

    public static XmlElement of(String namespace, String local) {
        return new XmlElement(namespace, local, null);
    }

    /** An element always written with {@code prefix}. */
    public static XmlElement prefixed(String prefix, String namespace, String local) {
        return new XmlElement(namespace, local, prefix);
    }

    /** An element with text content. */
    public static XmlElement text(String namespace, String local, String value) {
        return of(namespace, local).withText(value);
    }

    public XmlElement attribute(String name, String value) {
        if (attributes == null) {
            attributes = new ArrayList<>(2);
        }
        attributes.add(new String[] {name, value});
        return this;
    }

    public XmlElement add(XmlElement child) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(child);
        return this;
    }

    public XmlElement withText(String value) {
        this.text = value;
        return this;
    }

    /** A copy written with the prefix in scope instead of its explicit one. */
    public XmlElement withoutExplicitPrefix() {
        XmlElement c = new XmlElement(namespace, local, null);
        c.attributes = attributes == null ? null : new ArrayList<>(attributes);
        c.children = children == null ? null : new ArrayList<>(children);
        c.text = text;
        return c;
    }

    public String namespace() {
        return namespace;
    }

    public String localName() {
        return local;
    }

    String explicitPrefix() {
        return explicitPrefix;
    }

    List<String[]> attributeList() {
        return attributes == null ? List.of() : attributes;
    }

    List<XmlElement> childList() {
        return children == null ? List.of() : children;
    }

    String textContent() {
        return text;
    }

    /** Writes the element with the prefixes in scope of {@code w}. */
    public void write(XMLStreamWriter2 w) throws XMLStreamException {
        write(w, List.of());
    }

    /** Writes the element, with extra attributes (e.g. {@code s:mustUnderstand}) before any declaration. */
    public void write(XMLStreamWriter2 w, List<String[]> prefixedAttributes) throws XMLStreamException {
        String raw = ElementText.of(this, w.getNamespaceContext(), prefixedAttributes);
        if (raw != null) {
            w.writeRaw(raw);
            return;
        }
        String declare = null;
        boolean declareDefault = false;
        String prefix;
        if (explicitPrefix != null) {
            prefix = explicitPrefix;
            if (!namespace.equals(w.getNamespaceContext().getNamespaceURI(prefix))) {
                declare = prefix;
            }
        } else {
            String bound = w.getNamespaceContext().getPrefix(namespace);
            if (bound != null && !bound.isEmpty()) {
                prefix = bound;
            } else {
                prefix = "";
                declareDefault = !namespace.equals(w.getNamespaceContext().getNamespaceURI(""));
            }
        }
        w.writeStartElement(prefix, local, namespace);
        for (String[] a : prefixedAttributes) {
            w.writeAttribute(a[0], a[1], a[2], a[3]);
        }
        for (String[] a : attributeList()) {
            w.writeAttribute(a[0], a[1]);
        }
        if (declare != null) {
            w.writeNamespace(declare, namespace);
            w.setPrefix(declare, namespace);
        }
        if (declareDefault) {
            w.writeDefaultNamespace(namespace);
            w.setDefaultNamespace(namespace);
        }
        if (text != null) {
            w.writeCharacters(text);
        }
        for (XmlElement c : childList()) {
            c.write(w);
        }
        w.writeEndElement();
    }

    /** The element on its own (its namespace as the default namespace), e.g. as a message body fragment. */
    public String toXml() {
        StringWriter out = new StringWriter(128);
        try {
            XMLStreamWriter2 w = ElementWriters.create(out);
            write(w);
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toXml();
    }
}

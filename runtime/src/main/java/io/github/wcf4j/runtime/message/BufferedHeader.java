package io.github.wcf4j.runtime.message;

import java.util.Objects;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * A received header kept as standalone XML: written back verbatim, read by whichever layer understands it.
 *
 * <p>A header the envelope reader built comes with its tree, and its standalone XML (the element with every namespace
 * it uses declared inside it) is only made when something asks for it: the layers that understand a header read the
 * tree, and working out which declarations a header needs was a measurable share of reading a reliable message
 * (benchmarks/RESULTS.md).
 */
public final class BufferedHeader implements MessageHeader {
    private final QName name;
    private final boolean mustUnderstand;
    private final ParsedElement parsed;
    private Supplier<XmlFragment> source; // guarded by this until xml is set
    private volatile XmlFragment xml;

    /** A header from its standalone XML. */
    public BufferedHeader(QName name, boolean mustUnderstand, XmlFragment xml) {
        this.name = Objects.requireNonNull(name, "name");
        this.mustUnderstand = mustUnderstand;
        this.xml = Objects.requireNonNull(xml, "xml");
        this.parsed = null;
    }

    /** A received header: its tree, and how to make its standalone XML when asked. */
    public BufferedHeader(QName name, boolean mustUnderstand, Supplier<XmlFragment> xml, ParsedElement parsed) {
        this.name = Objects.requireNonNull(name, "name");
        this.mustUnderstand = mustUnderstand;
        this.source = Objects.requireNonNull(xml, "xml");
        this.parsed = Objects.requireNonNull(parsed, "parsed");
    }

    @Override
    public QName name() {
        return name;
    }

    /** Whether it carries {@code mustUnderstand="1"/"true"}. */
    @Override
    public boolean mustUnderstand() {
        return mustUnderstand;
    }

    /** The element, with every namespace it uses declared inside it. */
    public XmlFragment xml() {
        XmlFragment x = xml;
        if (x == null) {
            synchronized (this) {
                x = xml;
                if (x == null) {
                    x = source.get();
                    xml = x;
                    source = null; // the envelope's text is no longer held
                }
            }
        }
        return x;
    }

    /** The element as a tree: the one read with the envelope, or {@link #xml} parsed now. */
    public ParsedElement tree() throws XMLStreamException {
        return parsed != null ? parsed : ParsedElement.parse(xml().xml());
    }

    @Override
    public void write(XMLStreamWriter2 writer, String envelopeNamespace, String envelopePrefix)
            throws XMLStreamException {
        writer.writeRaw(xml().xml());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BufferedHeader b && name.equals(b.name) && mustUnderstand == b.mustUnderstand
                && xml().equals(b.xml());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mustUnderstand, xml());
    }

    @Override
    public String toString() {
        return "BufferedHeader[" + xml().xml() + "]";
    }
}

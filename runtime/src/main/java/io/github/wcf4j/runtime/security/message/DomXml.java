package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The security header as a DOM, which XML Signature works on: a hardened parser for received headers (no DTD, no
 * entities, secure processing) and a writer that renders an element exactly as its tree says (its prefixes, and only
 * the namespace declarations it carries), so a header written here reads as WCF writes it.
 */
final class DomXml {
    private static final DocumentBuilderFactory FACTORY = factory();

    /**
     * One parser per thread, reset before each use: a new {@code DocumentBuilder} builds Xerces' whole parser
     * configuration, about 6% of a security session call's profile (benchmarks/RESULTS.md, scenario 7).
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private DomXml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return f;
    }

    static Document newDocument() {
        return builder().newDocument();
    }

    /** Parses one standalone element (a received header); a DTD is refused. */
    static Element parse(String xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new MessageSecurityException("The security header cannot be read: " + e.getMessage(), e);
        }
    }

    /** This thread's parser, as the factory configured it (a failed parse leaves nothing behind). */
    private static DocumentBuilder builder() {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        return b;
    }

    /** {@code element} as text: its own prefixes, its own attributes (declarations included), nothing added. */
    /** The element children (text between them is ignored, as WCF's reader skips whitespace). */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static String write(Element element) {
        StringBuilder out = new StringBuilder(256);
        write(element, out);
        return out.toString();
    }

    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element e = (Element) node;
                out.append('<').append(e.getTagName());
                for (Attr a : attributesInWcfOrder(e)) {
                    out.append(' ').append(a.getName()).append("=\"");
                    escape(a.getValue(), true, out);
                    out.append('"');
                }
                if (!e.hasChildNodes()) {
                    out.append("/>");
                    return;
                }
                out.append('>');
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    write(c, out);
                }
                out.append("</").append(e.getTagName()).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(node.getNodeValue(), false, out);
            default -> {
                // comments and processing instructions are not written
            }
        }
    }

    /**
     * The attributes in the order WCF writes them (a DOM keeps them sorted by name): {@code u:Id}, {@code ValueType},
     * {@code EncodingType}, the rest as they are, then the namespace declarations (WCF's writer declares an element's
     * namespaces after its attributes: {@code <c:DerivedKeyToken u:Id="_0" xmlns:c="...">}).
     */
    private static List<Attr> attributesInWcfOrder(Element e) {
        NamedNodeMap map = e.getAttributes();
        List<Attr> attributes = new ArrayList<>(map.getLength());
        for (int i = 0; i < map.getLength(); i++) {
            attributes.add((Attr) map.item(i));
        }
        attributes.sort(Comparator.comparingInt(DomXml::rank));
        return attributes;
    }

    private static int rank(Attr a) {
        String name = a.getName();
        if (name.equals("xmlns") || name.startsWith("xmlns:")) {
            return 5;
        }
        return switch (a.getLocalName() == null ? name : a.getLocalName()) {
            case "Id" -> 1;
            case "ValueType" -> 2;
            case "EncodingType" -> 3;
            default -> 4;
        };
    }

    private static void escape(String s, boolean attribute, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }
}

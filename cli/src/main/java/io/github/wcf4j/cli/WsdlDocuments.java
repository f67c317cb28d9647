package io.github.wcf4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The documents of a service's WSDL as WCF publishes it ({@code ?wsdl} importing {@code ?wsdl=wsdl0}, which imports
 * {@code ?xsd=xsd0}, ...): each WSDL document's location and target namespace, the namespaces of every schema, and the
 * port types, read by following {@code wsdl:import} and {@code xsd:import}/{@code xsd:include}. No DTDs, no external
 * entities.
 */
final class WsdlDocuments {
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /** A port type: its name and namespace. */
    record PortType(String name, String namespace) {
    }

    private final Map<URI, String> wsdlNamespaces = new LinkedHashMap<>();
    private final Set<String> schemaNamespaces = new LinkedHashSet<>();
    private final List<PortType> portTypes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private WsdlDocuments() {
    }

    /** Reads the WSDL at {@code location} and every document it imports. */
    static WsdlDocuments read(URI location) {
        WsdlDocuments docs = new WsdlDocuments();
        Deque<URI> pending = new ArrayDeque<>(List.of(location));
        Set<URI> seen = new LinkedHashSet<>();
        DocumentBuilder parser = parser();
        while (!pending.isEmpty()) {
            URI at = pending.pop();
            if (!seen.add(at)) {
                continue;
            }
            Element root = docs.load(parser, at).getDocumentElement();
            if (WSDL.equals(root.getNamespaceURI())) {
                String tns = root.getAttribute("targetNamespace");
                docs.wsdlNamespaces.put(at, tns);
                for (Element p : children(root, WSDL, "portType")) {
                    docs.portTypes.add(new PortType(p.getAttribute("name"), tns));
                }
                for (Element i : children(root, WSDL, "import")) {
                    pending.add(at.resolve(i.getAttribute("location")));
                }
            }
            List<Element> schemas = new ArrayList<>();
            if (XSD.equals(root.getNamespaceURI()) && "schema".equals(root.getLocalName())) {
                schemas.add(root);
            }
            NodeList nested = root.getElementsByTagNameNS(XSD, "schema");
            for (int i = 0; i < nested.getLength(); i++) {
                schemas.add((Element) nested.item(i));
            }
            for (Element schema : schemas) {
                docs.schemaNamespaces.add(schema.getAttribute("targetNamespace"));
                for (String kind : List.of("import", "include")) {
                    for (Element imp : children(schema, XSD, kind)) {
                        if (!imp.getAttribute("schemaLocation").isEmpty()) {
                            pending.add(at.resolve(imp.getAttribute("schemaLocation")));
                        } else if (kind.equals("import")) {
                            docs.schemaNamespaces.add(imp.getAttribute("namespace"));
                        }
                    }
                }
            }
        }
        return docs;
    }

    /** Each WSDL document's location and target namespace, the first the one read. */
    Map<URI, String> wsdlNamespaces() {
        return wsdlNamespaces;
    }

    Set<String> schemaNamespaces() {
        return schemaNamespaces;
    }

    List<PortType> portTypes() {
        return portTypes;
    }

    private Document load(DocumentBuilder parser, URI at) {
        try (InputStream in = open(at)) {
            return parser.parse(in, at.toString());
        } catch (IOException e) {
            throw new LoadedConfig.InvalidInputException("cannot read " + at + ": " + e.getMessage());
        } catch (SAXException e) {
            throw new LoadedConfig.InvalidInputException(at + " is not a WSDL or schema document: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadedConfig.InvalidInputException("interrupted while reading " + at);
        }
    }

    private InputStream open(URI at) throws IOException, InterruptedException {
        if ("file".equals(at.getScheme())) {
            return Files.newInputStream(Path.of(at));
        }
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(at).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IOException("HTTP " + r.statusCode());
        }
        return r.body();
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}

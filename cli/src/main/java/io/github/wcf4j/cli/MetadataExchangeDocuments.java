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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A service's metadata fetched from its WS-MetadataExchange endpoint over HTTP (WS-Transfer {@code Get}, as
 * {@code svcutil http://host/Service.svc/mex} asks, SOAP 1.2 and WS-Addressing 1.0 as {@code mexHttpBinding} speaks),
 * saved as files for wsimport: one per {@code MetadataSection} (WSDL documents and schemas, inline in WCF's answer),
 * their {@code wsdl:import}s and {@code xsd:import}s pointed at the files of the namespaces they import.
 */
final class MetadataExchangeDocuments {
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String MEX = "http://schemas.xmlsoap.org/ws/2004/09/mex";

    private MetadataExchangeDocuments() {
    }

    /** Whether {@code source} names a metadata exchange endpoint (WCF's convention: the address ends in /mex). */
    static boolean isMex(URI source) {
        return source.getQuery() == null && source.getPath() != null && source.getPath().endsWith("/mex");
    }

    /** Fetches the metadata of {@code mex} into {@code dir}; returns the WSDL document that declares the service. */
    static URI fetch(URI mex, Path dir) throws IOException {
        Document answer = parse(get(mex), mex);
        List<Element> wsdls = new ArrayList<>();
        List<Element> schemas = new ArrayList<>();
        NodeList sections = answer.getElementsByTagNameNS(MEX, "MetadataSection");
        for (int i = 0; i < sections.getLength(); i++) {
            for (Node n = sections.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && WSDL.equals(e.getNamespaceURI())
                        && "definitions".equals(e.getLocalName())) {
                    wsdls.add(e);
                } else if (n instanceof Element e && XSD.equals(e.getNamespaceURI())
                        && "schema".equals(e.getLocalName())) {
                    schemas.add(e);
                }
            }
        }
        if (wsdls.isEmpty()) {
            throw new LoadedConfig.InvalidInputException(mex + " answered metadata without a WSDL document");
        }
        Map<String, Path> wsdlFiles = new HashMap<>();
        Map<String, Path> schemaFiles = new HashMap<>();
        for (int i = 0; i < wsdls.size(); i++) {
            wsdlFiles.putIfAbsent(wsdls.get(i).getAttribute("targetNamespace"), dir.resolve("wsdl" + i + ".wsdl"));
        }
        for (int i = 0; i < schemas.size(); i++) {
            schemaFiles.putIfAbsent(schemas.get(i).getAttribute("targetNamespace"), dir.resolve("xsd" + i + ".xsd"));
        }
        Path main = null;
        for (int i = 0; i < wsdls.size(); i++) {
            Element w = wsdls.get(i);
            relink(w, WSDL, "import", "location", wsdlFiles);
            relink(w, XSD, "import", "schemaLocation", schemaFiles);
            Path file = dir.resolve("wsdl" + i + ".wsdl");
            save(w, file);
            if (main == null && w.getElementsByTagNameNS(WSDL, "service").getLength() > 0) {
                main = file;
            }
        }
        for (int i = 0; i < schemas.size(); i++) {
            relink(schemas.get(i), XSD, "import", "schemaLocation", schemaFiles);
            save(schemas.get(i), dir.resolve("xsd" + i + ".xsd"));
        }
        return (main != null ? main : dir.resolve("wsdl0.wsdl")).toUri();
    }

    /** Points each import of a namespace saved here at its file. */
    private static void relink(Element doc, String ns, String name, String attribute, Map<String, Path> files) {
        NodeList imports = doc.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < imports.getLength(); i++) {
            Element imp = (Element) imports.item(i);
            Path file = files.get(imp.getAttribute("namespace"));
            if (file != null) {
                imp.setAttribute(attribute, file.getFileName().toString());
            }
        }
    }

    private static InputStream get(URI mex) throws IOException {
        String envelope = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action>"
                + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">" + mex.toString().replace("&", "&amp;").replace("<", "&lt;")
                + "</a:To></s:Header><s:Body/></s:Envelope>";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(mex).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/soap+xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new LoadedConfig.InvalidInputException(mex + " answered the metadata request (WS-Transfer Get)"
                        + " with HTTP " + r.statusCode() + "; is it a mexHttpBinding endpoint?");
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + mex + " for its metadata", e);
        }
    }

    private static Document parse(InputStream in, URI from) throws IOException {
        try (in) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newDocumentBuilder().parse(in, from.toString());
        } catch (ParserConfigurationException | SAXException e) {
            throw new LoadedConfig.InvalidInputException(from + " did not answer with metadata: " + e.getMessage());
        }
    }

    /** Saves {@code section} as a document of its own, with the namespace declarations in scope at it. */
    private static void save(Element section, Path file) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = (Element) doc.importNode(section, true);
            doc.appendChild(root);
            for (Node n = section.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
                var attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node a = attributes.item(i);
                    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                            && !a.getNodeName().equals("xmlns") && !root.hasAttribute(a.getNodeName())) {
                        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getNodeName(), a.getNodeValue());
                    }
                }
            }
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            try (var out = Files.newOutputStream(file)) {
                t.transform(new DOMSource(doc), new StreamResult(out));
            }
        } catch (TransformerException | ParserConfigurationException e) {
            throw new IOException("cannot save " + file + ": " + e.getMessage(), e);
        }
    }
}

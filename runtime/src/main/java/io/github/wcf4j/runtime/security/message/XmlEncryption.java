package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC_PREFIX;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * XML Encryption of a message's parts in place (WCF's {@code EncryptedData} of the body content, {@code #Content}, and
 * of the primary signature, {@code #Element}): the part is serialized with the namespaces it uses declared, encrypted
 * with the suite's block cipher ({@link BlockCipher}) and replaced by an {@code e:EncryptedData} whose key is named by a
 * security token reference (a derived key token of the header).
 *
 * <p>Decryption checks the encryption method against the suite before decrypting and parses the plaintext with the
 * hardened parser; every failure after the algorithm check, whatever its cause, is {@link BlockCipher#DECRYPTION_FAILED}.
 */
final class XmlEncryption {
    static final String CONTENT = XENC + "Content";
    static final String ELEMENT = XENC + "Element";

    private XmlEncryption() {
    }

    /** Replaces the children of {@code parent} by an {@code EncryptedData} ({@code #Content}) and returns it. */
    static Element encryptContent(Element parent, String id, byte[] key, AlgorithmSuite suite, TokenReference keyRef) {
        StringBuilder plain = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            plain.append(serialize(n));
        }
        Element data = encryptedData(parent.getOwnerDocument(), id, CONTENT, suite, keyRef,
                BlockCipher.encrypt(suite.encryption(), key, plain.toString().getBytes(StandardCharsets.UTF_8)));
        while (parent.getFirstChild() != null) {
            parent.removeChild(parent.getFirstChild());
        }
        parent.appendChild(data);
        return data;
    }

    /** Replaces {@code element} by an {@code EncryptedData} ({@code #Element}) and returns it. */
    static Element encryptElement(Element element, String id, byte[] key, AlgorithmSuite suite,
            TokenReference keyRef) {
        Element data = encryptedData(element.getOwnerDocument(), id, ELEMENT, suite, keyRef,
                BlockCipher.encrypt(suite.encryption(), key, serialize(element).getBytes(StandardCharsets.UTF_8)));
        element.getParentNode().replaceChild(data, element);
        return data;
    }

    private static Element encryptedData(Document doc, String id, String type, AlgorithmSuite suite,
            TokenReference keyRef, byte[] cipher) {
        Element data = doc.createElementNS(XENC, XENC_PREFIX + ":EncryptedData");
        data.setAttribute("Id", id);
        data.setIdAttribute("Id", true);
        data.setAttribute("Type", type);
        data.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + XENC_PREFIX, XENC);
        Element method = doc.createElementNS(XENC, XENC_PREFIX + ":EncryptionMethod");
        method.setAttribute("Algorithm", suite.encryption());
        data.appendChild(method);
        appendKeyAndCipher(data, keyRef, cipher);
        return data;
    }

    /**
     * The {@code ds:KeyInfo} (one token reference) and {@code e:CipherData} of an encrypted type; without
     * {@code keyRef}, no key info (WCF's {@code skipKeyInfoForEncryption}: the {@code EncryptedKey} that holds the
     * reference list names the key).
     */
    static void appendKeyAndCipher(Element encrypted, TokenReference keyRef, byte[] cipher) {
        Document doc = encrypted.getOwnerDocument();
        if (keyRef != null) {
            Element keyInfo = doc.createElementNS(DS, "KeyInfo");
            keyInfo.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", DS);
            keyInfo.appendChild(keyRef.write(doc, null));
            encrypted.appendChild(keyInfo);
        }
        Element cipherData = doc.createElementNS(XENC, XENC_PREFIX + ":CipherData");
        Element value = doc.createElementNS(XENC, XENC_PREFIX + ":CipherValue");
        value.setTextContent(Base64.getEncoder().encodeToString(cipher));
        cipherData.appendChild(value);
        encrypted.appendChild(cipherData);
    }

    /**
     * What an {@code EncryptedData} says: its type, the reference to its key (null when it has no key info: an
     * {@code EncryptedKey}'s reference list names it), its cipher value.
     */
    record Parsed(Element element, String type, TokenReference keyRef, byte[] cipher) {
    }

    /**
     * Reads an {@code EncryptedData}: the suite's encryption method (else {@code SuiteDoesNotAcceptAlgorithm}), a key
     * info with one token reference, a cipher value.
     */
    static Parsed read(Element data, AlgorithmSuite suite) {
        List<Element> parts = new ArrayList<>(DomXml.children(data));
        boolean keyInfo = parts.size() == 3;
        if (parts.size() == 2 && is(parts.get(0), XENC, "EncryptionMethod") && is(parts.get(1), XENC, "CipherData")) {
            parts.add(1, null);
        } else if (parts.size() != 3 || !is(parts.get(0), XENC, "EncryptionMethod")
                || !is(parts.get(1), DS, "KeyInfo") || !is(parts.get(2), XENC, "CipherData")) {
            throw new MessageSecurityException("An EncryptedData must hold EncryptionMethod, KeyInfo and CipherData.");
        }
        String algorithm = parts.get(0).getAttribute("Algorithm");
        if (!algorithm.equals(suite.encryption()) || !DomXml.children(parts.get(0)).isEmpty()) {
            throw new MessageSecurityException(WcfText.SuiteDoesNotAcceptAlgorithm.format(algorithm, "Encryption",
                    suite));
        }
        List<Element> clauses = keyInfo ? DomXml.children(parts.get(1)) : List.of();
        List<Element> values = DomXml.children(parts.get(2));
        if (keyInfo && clauses.size() != 1 || values.size() != 1 || !is(values.get(0), XENC, "CipherValue")) {
            throw new MessageSecurityException("An EncryptedData must name its key and hold one CipherValue.");
        }
        return new Parsed(data, data.getAttribute("Type"), keyInfo ? TokenReference.read(clauses.get(0)) : null,
                DerivedKeyToken.base64(values.get(0).getTextContent()));
    }

    /**
     * Decrypts {@code data} with {@code key} and puts the plaintext's nodes in its place; returns them.
     *
     * @throws MessageSecurityException {@link BlockCipher#DECRYPTION_FAILED} for any failure
     */
    static List<Node> decrypt(Parsed data, byte[] key, AlgorithmSuite suite) {
        byte[] plain = BlockCipher.decrypt(suite.encryption(), key, data.cipher());
        Element target = data.element();
        Element parent = (Element) target.getParentNode();
        StringBuilder wrapper = new StringBuilder("<w");
        inScopeNamespaces(parent).forEach((prefix, ns) -> wrapper.append(' ')
                .append(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix).append("=\"")
                .append(ns.replace("&", "&amp;").replace("\"", "&quot;")).append('"'));
        wrapper.append('>');
        Element parsed;
        try {
            parsed = DomXml.parse(wrapper + new String(plain, StandardCharsets.UTF_8) + "</w>");
        } catch (RuntimeException e) {
            throw new MessageSecurityException(BlockCipher.DECRYPTION_FAILED);
        }
        List<Node> out = new ArrayList<>();
        Document doc = parent.getOwnerDocument();
        for (Node n = parsed.getFirstChild(); n != null; n = n.getNextSibling()) {
            Node imported = doc.importNode(n, true);
            parent.insertBefore(imported, target);
            out.add(imported);
        }
        parent.removeChild(target);
        return out;
    }

    private static Map<String, String> inScopeNamespaces(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            NamedNodeMap attributes = el.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                    out.putIfAbsent(a.getPrefix() == null ? "" : a.getLocalName(), a.getValue());
                }
            }
        }
        return out;
    }

    /**
     * One serializer per thread: finding a {@code TransformerFactory} searches the class path, which cost a symmetric
     * call more than its cryptography (benchmarks/RESULTS.md, scenario 7).
     */
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(() -> {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            return t;
        } catch (TransformerException e) {
            throw new IllegalStateException("no XML serializer", e);
        }
    });

    /** {@code node} as text, with the namespaces it uses declared (the JDK's serializer fixes them up). */
    static String serialize(Node node) {
        try {
            Transformer t = SERIALIZER.get();
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize a message part", e);
        }
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }
}

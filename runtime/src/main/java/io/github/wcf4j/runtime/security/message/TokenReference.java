package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE11;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE11_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE_PREFIX;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An {@code o:SecurityTokenReference} of the symmetric modes (WCF {@code WSSecurityJan2004}/{@code WSSecurityXXX2005}
 * clause serializers): a {@link Local} reference to a token of the same header by its id, an {@link External} one to
 * a token by its identifier (a security context token not sent again), or a {@link KeyIdentifier}
 * naming a token that is not sent (the service certificate's {@code ThumbprintSHA1}, the request's key by
 * {@code EncryptedKeySHA1} in a reply). {@code tokenType}, when given, is written as WS-Security 1.1's
 * {@code k:TokenType}, as WCF writes it on references to an {@code EncryptedKey}.
 */
sealed interface TokenReference {

    /** {@code <o:Reference URI="#id" ValueType="..."/>} ({@code valueType} may be null). */
    record Local(String id, String valueType) implements TokenReference {
    }

    /**
     * {@code <o:Reference URI="urn:uuid:..." ValueType="..."/>}: a token that is not in the message, by its own
     * identifier (a security context token's {@code Identifier} in a reply, WCF's unattached reference).
     */
    record External(String uri, String valueType, Optional<String> instance) implements TokenReference {
        External(String uri, String valueType) {
            this(uri, valueType, Optional.empty());
        }
    }

    /**
     * {@code <o:KeyIdentifier ValueType="...">value</o:KeyIdentifier>}; with {@code encodingType}, also
     * {@code EncodingType="...#Base64Binary"} (WCF's {@code KeyIdentifierStrEntry} writes it only under the Basic
     * Security Profile versions, {@code emitBspRequiredAttributes}).
     */
    record KeyIdentifier(String valueType, String value, boolean encodingType) implements TokenReference {
        KeyIdentifier(String valueType, String value) {
            this(valueType, value, false);
        }
    }

    /**
     * {@code <X509Data><X509IssuerSerial><X509IssuerName>…</X509IssuerName><X509SerialNumber>…</X509SerialNumber>
     * </X509IssuerSerial></X509Data>} (XML Signature's namespace as the default one, as WCF writes it): an X.509
     * certificate that is not sent, by its issuer and serial number (WCF's {@code X509IssuerSerialKeyIdentifierClause},
     * the WS-Security 1.0 reference of {@code X509KeyIdentifierClauseType.Any} when the certificate has no subject key
     * identifier).
     */
    record IssuerSerial(String issuerName, BigInteger serialNumber) implements TokenReference {
    }

    /** This reference as an {@code o:SecurityTokenReference} of {@code doc}, with {@code tokenType} when not null. */
    default Element write(Document doc, String tokenType) {
        Element str = doc.createElementNS(WSSE, WSSE_PREFIX + ":SecurityTokenReference");
        if (tokenType != null) {
            str.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSSE11_PREFIX, WSSE11);
            str.setAttributeNS(WSSE11, WSSE11_PREFIX + ":TokenType", tokenType);
        }
        if (this instanceof Local local) {
            Element ref = doc.createElementNS(WSSE, WSSE_PREFIX + ":Reference");
            if (local.valueType() != null) {
                ref.setAttribute("ValueType", local.valueType());
            }
            ref.setAttribute("URI", "#" + local.id());
            str.appendChild(ref);
        } else if (this instanceof External external) {
            Element ref = doc.createElementNS(WSSE, WSSE_PREFIX + ":Reference");
            ref.setAttribute("URI", external.uri());
            // a renewed context's key generation (WsKeyInfoSerializer.SctStrEntry.WriteGeneration), in the
            // SecureConversation namespace of the reference's value type
            external.instance().ifPresent(i -> {
                String sc = external.valueType().substring(0, external.valueType().lastIndexOf('/'));
                ref.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WsSecurityNames.SC_PREFIX, sc);
                ref.setAttributeNS(sc, WsSecurityNames.SC_PREFIX + ":Instance", i);
            });
            if (external.valueType() != null) {
                ref.setAttribute("ValueType", external.valueType());
            }
            str.appendChild(ref);
        } else if (this instanceof KeyIdentifier ki) {
            Element ref = doc.createElementNS(WSSE, WSSE_PREFIX + ":KeyIdentifier");
            ref.setAttribute("ValueType", ki.valueType());
            if (ki.encodingType()) {
                ref.setAttribute("EncodingType", WsSecurityNames.BASE64_BINARY);
            }
            ref.setTextContent(ki.value());
            str.appendChild(ref);
        } else if (this instanceof IssuerSerial is) {
            String ds = WsSecurityNames.DS;
            Element data = doc.createElementNS(ds, "X509Data");
            data.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", ds);
            Element issuerSerial = doc.createElementNS(ds, "X509IssuerSerial");
            Element name = doc.createElementNS(ds, "X509IssuerName");
            name.setTextContent(is.issuerName());
            Element number = doc.createElementNS(ds, "X509SerialNumber");
            number.setTextContent(is.serialNumber().toString());
            issuerSerial.appendChild(name);
            issuerSerial.appendChild(number);
            data.appendChild(issuerSerial);
            str.appendChild(data);
        }
        return str;
    }

    /**
     * Reads an {@code o:SecurityTokenReference}: exactly one {@code o:Reference} (a local {@code #id}) or one
     * {@code o:KeyIdentifier} (base64, binary encoding only).
     *
     * @throws MessageSecurityException for any other shape
     */
    static TokenReference read(Element str) {
        if (!WSSE.equals(str.getNamespaceURI()) || !"SecurityTokenReference".equals(str.getLocalName())) {
            throw new MessageSecurityException("A SecurityTokenReference was expected, not " + str.getLocalName()
                    + ".");
        }
        List<Element> children = DomXml.children(str);
        if (children.size() == 1 && WsSecurityNames.DS.equals(children.get(0).getNamespaceURI())
                && "X509Data".equals(children.get(0).getLocalName())) {
            return issuerSerial(children.get(0));
        }
        if (children.size() != 1 || !WSSE.equals(children.get(0).getNamespaceURI())) {
            throw new MessageSecurityException("A SecurityTokenReference must hold exactly one reference.");
        }
        Element ref = children.get(0);
        String valueType = ref.hasAttribute("ValueType") ? ref.getAttribute("ValueType") : null;
        switch (ref.getLocalName()) {
            case "Reference" -> {
                String uri = ref.getAttribute("URI");
                if (uri.isEmpty() || uri.equals("#")) {
                    throw new MessageSecurityException("A token reference without a URI is not accepted.");
                }
                if (uri.startsWith("#")) {
                    return new Local(uri.substring(1), valueType);
                }
                String instance = valueType == null ? "" : ref.getAttributeNS(valueType.substring(0,
                        Math.max(0, valueType.lastIndexOf('/'))), "Instance");
                return new External(uri, valueType, instance.isEmpty() ? Optional.empty() : Optional.of(instance));
            }
            case "KeyIdentifier" -> {
                String encoding = ref.getAttribute("EncodingType");
                if (valueType == null || !(encoding.isEmpty() || encoding.equals(WsSecurityNames.BASE64_BINARY))) {
                    throw new MessageSecurityException("A KeyIdentifier needs a ValueType and base64 content.");
                }
                return new KeyIdentifier(valueType, ref.getTextContent().strip(), !encoding.isEmpty());
            }
            default -> throw new MessageSecurityException("The SecurityTokenReference form '" + ref.getLocalName()
                    + "' is not accepted here.");
        }
    }

    private static IssuerSerial issuerSerial(Element x509Data) {
        String ds = WsSecurityNames.DS;
        List<Element> data = DomXml.children(x509Data);
        List<Element> parts = data.size() == 1 && ds.equals(data.get(0).getNamespaceURI())
                && "X509IssuerSerial".equals(data.get(0).getLocalName()) ? DomXml.children(data.get(0)) : List.of();
        if (parts.size() != 2 || !ds.equals(parts.get(0).getNamespaceURI())
                || !"X509IssuerName".equals(parts.get(0).getLocalName()) || !ds.equals(parts.get(1).getNamespaceURI())
                || !"X509SerialNumber".equals(parts.get(1).getLocalName())) {
            throw new MessageSecurityException("An X509Data reference must hold one X509IssuerSerial.");
        }
        try {
            return new IssuerSerial(parts.get(0).getTextContent().strip(),
                    new BigInteger(parts.get(1).getTextContent().strip()));
        } catch (NumberFormatException e) {
            throw new MessageSecurityException("The X509SerialNumber is not a number.");
        }
    }
}

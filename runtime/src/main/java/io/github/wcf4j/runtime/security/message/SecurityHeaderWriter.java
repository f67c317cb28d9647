package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.BASE64_BINARY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.EXC_C14N;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.PASSWORD_TEXT;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.X509V3;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes the security header of a transport-secured message as WCF's {@code SendSecurityHeader} does for a
 * {@code TransportSecurityBindingElement}: the {@code wsu:Timestamp} ({@code _0}) first (last under
 * {@code LaxTimestampLast}), then the signed supporting {@code UsernameToken} (password as text), then the endorsing
 * {@code BinarySecurityToken} (X509v3) and the endorsing {@code ds:Signature} over the timestamp (exclusive c14n, the
 * suite's digest and RSA signature, the key referenced by a local {@code o:Reference} to the token, with its
 * {@code ValueType} only under the Basic Security Profile versions).
 *
 * <p>The signature is made with the JDK's XML Signature API on a DOM of the header; the header is then rendered from
 * that DOM ({@link DomXml}), so what is signed is what is sent.
 */
final class SecurityHeaderWriter {
    static final String TIMESTAMP_ID = "_0";
    /** The id WCF gives the {@code To} header it signs over a transport: the next after the timestamp's. */
    static final String TO_ID = "_1";
    private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private SecurityHeaderWriter() {
    }

    /**
     * The header with {@code timestamp}, {@code userName} and an endorsing signature by {@code endorsing}, whichever
     * are present, in {@code layout}'s order.
     */
    static OutgoingSecurityHeader write(SecurityHeaderLayout layout, Optional<SecurityTimestamp> timestamp,
            Optional<UserNameCredential> userName, Optional<X509Credential> endorsing, AlgorithmSuite suite,
            boolean bspAttributes) {
        return write(layout, timestamp, userName, endorsing, suite, bspAttributes, true);
    }

    /**
     * As {@link #write(SecurityHeaderLayout, Optional, Optional, Optional, AlgorithmSuite, boolean)}, with the
     * endorsing token but without its signature when {@code sign} is false: {@link #endorseWithTo} signs it in the
     * envelope, where the {@code To} header is.
     */
    static OutgoingSecurityHeader write(SecurityHeaderLayout layout, Optional<SecurityTimestamp> timestamp,
            Optional<UserNameCredential> userName, Optional<X509Credential> endorsing, AlgorithmSuite suite,
            boolean bspAttributes, boolean sign) {
        Document doc = DomXml.newDocument();
        Element security = doc.createElementNS(WSSE, WSSE_PREFIX + ":Security");
        security.setAttributeNS(XMLNS, "xmlns:" + WSSE_PREFIX, WSSE);
        security.setAttributeNS(XMLNS, "xmlns:" + WSU_PREFIX, WSU);
        doc.appendChild(security);
        List<Element> items = new ArrayList<>();
        Element ts = timestamp.map(t -> timestamp(doc, t)).orElse(null);
        userName.ifPresent(u -> items.add(usernameToken(doc, u)));
        if (endorsing.isPresent()) {
            if (ts == null) {
                throw new IllegalStateException("an endorsing signature needs a timestamp");
            }
            security.appendChild(ts);
            Element bst = binarySecurityToken(doc, endorsing.get());
            items.add(bst);
            security.appendChild(bst);
            if (sign) {
                items.add(sign(security, List.of(TIMESTAMP_ID), bst, endorsing.get(), suite, bspAttributes, null));
            }
        }
        if (ts != null) {
            items.add(layout == SecurityHeaderLayout.LaxTimestampLast ? items.size() : 0, ts);
        }
        StringBuilder content = new StringBuilder(512);
        items.forEach(e -> content.append(DomXml.write(e)));
        return new OutgoingSecurityHeader(content.toString());
    }

    private static Element timestamp(Document doc, SecurityTimestamp t) {
        Element ts = doc.createElementNS(WSU, WSU_PREFIX + ":Timestamp");
        ts.setAttributeNS(WSU, WSU_PREFIX + ":Id", TIMESTAMP_ID);
        ts.setIdAttributeNS(WSU, "Id", true);
        ts.appendChild(text(doc, WSU, WSU_PREFIX + ":Created", SecurityTimestamp.format(t.created())));
        ts.appendChild(text(doc, WSU, WSU_PREFIX + ":Expires", SecurityTimestamp.format(t.expires())));
        return ts;
    }

    static Element usernameToken(Document doc, UserNameCredential u) {
        Element token = doc.createElementNS(WSSE, WSSE_PREFIX + ":UsernameToken");
        token.setAttributeNS(WSU, WSU_PREFIX + ":Id", tokenId());
        token.appendChild(text(doc, WSSE, WSSE_PREFIX + ":Username", u.userName()));
        Element password = text(doc, WSSE, WSSE_PREFIX + ":Password", u.password());
        password.setAttribute("Type", PASSWORD_TEXT);
        token.appendChild(password);
        return token;
    }

    static Element binarySecurityToken(Document doc, X509Credential credential) {
        Element bst = doc.createElementNS(WSSE, WSSE_PREFIX + ":BinarySecurityToken");
        bst.setAttributeNS(WSU, WSU_PREFIX + ":Id", tokenId());
        bst.setAttribute("ValueType", X509V3);
        bst.setAttribute("EncodingType", BASE64_BINARY);
        try {
            bst.setTextContent(Base64.getEncoder().encodeToString(credential.certificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the client certificate cannot be encoded", e);
        }
        return bst;
    }

    /**
     * Signs, in a secured envelope {@code doc} whose security header holds the timestamp and the endorsing token
     * {@link #write} wrote unsigned, the timestamp and the {@code To} header ({@code addressing}'s), as WCF's
     * {@code WSSecurityOneDotZeroSendSecurityHeader} does when the message itself is not protected and the endorsing
     * key is asymmetric ({@code ShouldSignToHeader}): {@code To} gets the id {@code _1}, the signature references
     * {@code #_0} then {@code #_1}, and goes after the token (before a {@code LaxTimestampLast} timestamp).
     *
     * @throws MessageSecurityException with WCF's {@code TransportSecurityRequireToHeader} when there is no {@code To}
     */
    static void endorseWithTo(Document doc, String addressing, X509Credential endorsing, AlgorithmSuite suite,
            boolean bspAttributes) {
        Element envelope = doc.getDocumentElement();
        Element header = SymmetricHeaderWriter.child(envelope, envelope.getNamespaceURI(), "Header").orElseThrow(
                () -> new MessageSecurityException(WcfText.TransportSecurityRequireToHeader.format()));
        List<Element> tos = DomXml.children(header).stream()
                .filter(h -> addressing.equals(h.getNamespaceURI()) && "To".equals(h.getLocalName())).toList();
        if (tos.isEmpty()) {
            throw new MessageSecurityException(WcfText.TransportSecurityRequireToHeader.format());
        }
        if (tos.size() > 1) {
            throw new MessageSecurityException(WcfText.TransportSecuredMessageHasMoreThanOneToHeader.format());
        }
        Element security = SymmetricHeaderWriter.child(header, WSSE, "Security").orElseThrow();
        Element timestamp = SymmetricHeaderWriter.child(security, WSU, "Timestamp").orElseThrow();
        Element token = SymmetricHeaderWriter.child(security, WSSE, "BinarySecurityToken").orElseThrow();
        Element to = tos.get(0);
        to.setAttributeNS(WSU, WSU_PREFIX + ":Id", TO_ID);
        to.setIdAttributeNS(WSU, "Id", true);
        timestamp.setIdAttributeNS(WSU, "Id", true);
        token.setIdAttributeNS(WSU, "Id", true);
        Node before = timestamp.getNextSibling() == null && DomXml.children(security).indexOf(timestamp) != 0
                ? timestamp : null;
        sign(security, List.of(TIMESTAMP_ID, TO_ID), token, endorsing, suite, bspAttributes, before);
    }

    private static Element sign(Element security, List<String> signedIds, Element token, X509Credential credential,
            AlgorithmSuite suite, boolean bspAttributes, Node before) {
        Document doc = security.getOwnerDocument();
        Element str = doc.createElementNS(WSSE, WSSE_PREFIX + ":SecurityTokenReference");
        Element ref = doc.createElementNS(WSSE, WSSE_PREFIX + ":Reference");
        if (bspAttributes) {
            ref.setAttribute("ValueType", X509V3);
        }
        ref.setAttribute("URI", "#" + token.getAttributeNS(WSU, "Id"));
        str.appendChild(ref);
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            List<Reference> references = new ArrayList<>();
            for (String id : signedIds) {
                references.add(f.newReference("#" + id, f.newDigestMethod(suite.digest(), null),
                        List.of(f.newTransform(EXC_C14N, (TransformParameterSpec) null)), null, null));
            }
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(suite.asymmetricSignature(), null),
                    references);
            KeyInfo keyInfo = f.getKeyInfoFactory().newKeyInfo(List.of(new DOMStructure(str)));
            XMLSignature signature = f.newXMLSignature(si, keyInfo);
            DOMSignContext context = before == null ? new DOMSignContext(credential.privateKey(), security)
                    : new DOMSignContext(credential.privateKey(), security, before);
            context.setDefaultNamespacePrefix("");
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new MessageSecurityException("The message cannot be signed: " + e.getMessage(), e);
        }
        Element signature = (Element) (before == null ? security.getLastChild() : before.getPreviousSibling());
        if (!DS.equals(signature.getNamespaceURI())) {
            throw new IllegalStateException("the signature was not appended");
        }
        // the JDK breaks base64 into lines; WCF writes it unbroken (SignatureValue is not itself signed)
        Element value = (Element) signature.getElementsByTagNameNS(DS, "SignatureValue").item(0);
        value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
        return signature;
    }

    private static Element text(Document doc, String namespace, String qualifiedName, String value) {
        Element e = doc.createElementNS(namespace, qualifiedName);
        e.setTextContent(value);
        return e;
    }

    /** WCF's token ids: {@code uuid-<guid>-<n>}. */
    private static String tokenId() {
        return "uuid-" + UUID.randomUUID() + "-1";
    }
}

package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.EXC_C14N;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU_PREFIX;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The security header of a secure conversation over a secure transport (WCF's
 * {@code CreateSecureConversationBindingElement} of a {@code TransportSecurityBindingElement} bootstrap: a
 * {@code TransportSecurityBindingElement} whose endpoint supporting token is the context token, endorsing,
 * {@code RequireDerivedKeys=false}): a request carries the timestamp, the context token as it was issued, and a
 * signature over the timestamp with the context's key itself (the suite's HMAC, exclusive c14n), its key named by a
 * local reference to the token. The transport (TLS) protects the message; nothing is encrypted. The service's
 * messages carry a timestamp only ({@link TransportSecurityProtocol#secureReply}).
 */
final class TransportContextHeader {

    private TransportContextHeader() {
    }

    /** What a received request's header holds: its timestamp and the context token its signature is keyed by. */
    record Received(Optional<SecurityTimestamp> timestamp, Element contextToken) {
    }

    /** Writes the request's security header into {@code doc}, replacing any: timestamp, token, endorsing signature. */
    static void write(Document doc, SecurityHeaderLayout layout, AlgorithmSuite suite, String scNamespace,
            Optional<SecurityTimestamp> timestamp, String tokenXml, byte[] key) {
        Element envelope = doc.getDocumentElement();
        String soap = envelope.getNamespaceURI();
        Element body = SymmetricHeaderWriter.child(envelope, soap, "Body")
                .orElseThrow(() -> new IllegalArgumentException("no Body"));
        Element header = SymmetricHeaderWriter.child(envelope, soap, "Header").orElseGet(() -> {
            Element h = doc.createElementNS(soap, envelope.getPrefix() + ":Header");
            envelope.insertBefore(h, body);
            return h;
        });
        SymmetricHeaderWriter.child(header, WSSE, "Security").ifPresent(header::removeChild);
        Element security = doc.createElementNS(WSSE, WSSE_PREFIX + ":Security");
        security.setAttributeNS(soap, envelope.getPrefix() + ":mustUnderstand", "1");
        security.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSSE_PREFIX, WSSE);
        security.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSU_PREFIX, WSU);
        header.appendChild(security);
        SymmetricHeaderWriter.Ids ids = new SymmetricHeaderWriter.Ids();
        Element ts = timestamp.map(t -> SymmetricHeaderWriter.timestamp(doc, t, ids)).orElseThrow(() ->
                new IllegalStateException("a secure conversation over a transport always includes a timestamp"));
        Element token = (Element) doc.importNode(DomXml.parse(tokenXml), true);
        String tokenId = token.getAttributeNS(WSU, "Id");
        if (tokenId.isEmpty()) {
            throw new IllegalArgumentException("the security context token has no wsu:Id");
        }
        token.setIdAttributeNS(WSU, "Id", true);
        if (layout != SecurityHeaderLayout.LaxTimestampLast) {
            security.appendChild(ts);
        }
        security.appendChild(token);
        sign(security, List.of(ts.getAttributeNS(WSU, "Id")), new TokenReference.Local(tokenId, scNamespace + "/sct"),
                key, suite, null);
        if (layout == SecurityHeaderLayout.LaxTimestampLast) {
            security.appendChild(ts);
        }
    }

    /**
     * Adds the session's context token endorsing a renew request secured by a transport bootstrap, as WCF's
     * {@code SecuritySessionSecurityTokenProvider.CreateRenewRequest} does over a {@code TransportSecurityBindingElement}
     * (the current token an outgoing endorsing supporting token, after the bootstrap's own): in {@code doc}, whose
     * security header the bootstrap wrote (timestamp, then the {@code UsernameToken}, or the certificate and its
     * signature, or the negotiated token and its signature), the token goes after the bootstrap's tokens and its
     * signature (the suite's HMAC keyed by the context's key itself) after the bootstrap's, before a
     * {@code LaxTimestampLast} timestamp. It covers the timestamp, and the {@code To} header when the bootstrap's
     * certificate signed it (WCF's header-wide {@code ShouldSignToHeader}).
     */
    static void endorse(Document doc, AlgorithmSuite suite, String scNamespace, String tokenXml, byte[] key) {
        Element envelope = doc.getDocumentElement();
        Element header = SymmetricHeaderWriter.child(envelope, envelope.getNamespaceURI(), "Header")
                .orElseThrow(() -> new IllegalStateException("the bootstrap wrote no security header"));
        Element security = SymmetricHeaderWriter.child(header, WSSE, "Security")
                .orElseThrow(() -> new IllegalStateException("the bootstrap wrote no security header"));
        Element ts = SymmetricHeaderWriter.child(security, WSU, "Timestamp").orElseThrow(() ->
                new IllegalStateException("a secure conversation over a transport always includes a timestamp"));
        ts.setIdAttributeNS(WSU, "Id", true);
        List<String> signed = new java.util.ArrayList<>(List.of(ts.getAttributeNS(WSU, "Id")));
        DomXml.children(header).stream().filter(h -> "To".equals(h.getLocalName()) && h.hasAttributeNS(WSU, "Id"))
                .findFirst().ifPresent(to -> {
                    to.setIdAttributeNS(WSU, "Id", true);
                    signed.add(to.getAttributeNS(WSU, "Id"));
                });
        Element token = (Element) doc.importNode(DomXml.parse(tokenXml), true);
        String tokenId = token.getAttributeNS(WSU, "Id");
        if (tokenId.isEmpty()) {
            throw new IllegalArgumentException("the security context token has no wsu:Id");
        }
        token.setIdAttributeNS(WSU, "Id", true);
        List<Element> items = DomXml.children(security);
        boolean timestampLast = items.size() > 1 && items.get(items.size() - 1) == ts;
        Element firstSignature = items.stream().filter(e -> is(e, DS, "Signature")).findFirst().orElse(null);
        security.insertBefore(token, firstSignature != null ? firstSignature : timestampLast ? ts : null);
        sign(security, signed, new TokenReference.Local(tokenId, scNamespace + "/sct"), key, suite,
                timestampLast ? ts : null);
    }

    private static void sign(Element security, List<String> signedIds, TokenReference keyRef, byte[] key,
            AlgorithmSuite suite, Element before) {
        Document doc = security.getOwnerDocument();
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            List<javax.xml.crypto.dsig.Reference> references = new java.util.ArrayList<>();
            for (String id : signedIds) {
                references.add(f.newReference("#" + id, f.newDigestMethod(suite.digest(), null),
                        List.of(f.newTransform(EXC_C14N, (TransformParameterSpec) null)), null, null));
            }
            var signedInfo = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(suite.symmetricSignature(), null),
                    references);
            XMLSignature signature = f.newXMLSignature(signedInfo,
                    f.getKeyInfoFactory().newKeyInfo(List.of(new DOMStructure(keyRef.write(doc, null)))));
            SecretKeySpec secret = new SecretKeySpec(key, suite.jcaMac());
            DOMSignContext context = before == null ? new DOMSignContext(secret, security)
                    : new DOMSignContext(secret, security, before);
            context.setDefaultNamespacePrefix("");
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new MessageSecurityException("The message cannot be signed: " + e.getMessage(), e);
        }
        Element made = (Element) (before == null ? security.getLastChild() : before.getPreviousSibling());
        Element value = (Element) made.getElementsByTagNameNS(DS, "SignatureValue").item(0);
        value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
    }

    /**
     * Reads, verifies and takes out of {@code security} (a received renew request's header, in its envelope) the
     * session's context token endorsing it ({@link #endorse}): the last context token the header holds and the one
     * signature keyed by it, over the timestamp (and {@code To}, when {@code toId} names it: the bootstrap's
     * certificate signed it too), its key as {@code keys} finds it. What remains is the bootstrap's header.
     *
     * @throws MessageSecurityException when it does not verify
     */
    static Received takeEndorsement(Element security, AlgorithmSuite suite, String scNamespace, Optional<String> toId,
            java.util.function.Function<Element, byte[]> keys) {
        Map<String, Element> byId = new HashMap<>();
        MessageSignatureCheck.index(security.getOwnerDocument().getDocumentElement(), byId);
        List<Element> items = DomXml.children(security);
        List<Element> timestamps = items.stream().filter(e -> is(e, WSU, "Timestamp")).toList();
        if (timestamps.size() != 1) {
            throw new MessageSecurityException(WcfText.RequiredTimestampMissingInSecurityHeader.format());
        }
        List<Element> tokens = items.stream().filter(e -> is(e, scNamespace, "SecurityContextToken")).toList();
        Element token = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        String tokenId = token == null ? "" : token.getAttributeNS(WSU, "Id");
        List<Element> signatures = items.stream().filter(e -> is(e, DS, "Signature")).filter(s -> {
            List<Element> parts = DomXml.children(s);
            if (parts.size() != 3 || !is(parts.get(2), DS, "KeyInfo")) {
                return false;
            }
            List<Element> clauses = DomXml.children(parts.get(2));
            return clauses.size() == 1 && TokenReference.read(clauses.get(0)) instanceof TokenReference.Local local
                    && !tokenId.isEmpty() && local.id().equals(tokenId);
        }).toList();
        if (token == null || signatures.size() != 1) {
            throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(
                    "System.ServiceModel.Security.Tokens.SecureConversationSecurityTokenParameters"));
        }
        Element timestamp = timestamps.get(0);
        Set<String> allowed = new java.util.HashSet<>(Set.of(timestamp.getAttributeNS(WSU, "Id")));
        toId.ifPresent(allowed::add);
        verify(signatures.get(0), token, timestamp, allowed, byId, suite, keys);
        security.removeChild(signatures.get(0));
        security.removeChild(token);
        return new Received(Optional.of(SecurityHeaderReader.timestamp(timestamp)), token);
    }

    /**
     * Verifies {@code signature}, keyed by {@code token}'s key as {@code keys} finds it: it must cover the timestamp
     * and nothing beyond {@code allowed}.
     */
    private static void verify(Element signature, Element token, Element timestamp, Set<String> allowed,
            Map<String, Element> byId, AlgorithmSuite suite, java.util.function.Function<Element, byte[]> keys) {
        List<Element> parts = DomXml.children(signature);
        if (parts.size() != 3 || !is(parts.get(0), DS, "SignedInfo") || !is(parts.get(2), DS, "KeyInfo")) {
            throw new MessageSecurityException("The signature must hold SignedInfo, SignatureValue and KeyInfo.");
        }
        Set<String> referenced = new MessageSignatureCheck(byId, suite).signedInfo(parts.get(0),
                suite.symmetricSignature(), "SymmetricSign");
        if (!referenced.contains(timestamp.getAttributeNS(WSU, "Id")) || !allowed.containsAll(referenced)) {
            throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(
                    "System.ServiceModel.Security.Tokens.SecureConversationSecurityTokenParameters"));
        }
        byte[] key = keys.apply(token);
        try {
            DOMValidateContext context = new DOMValidateContext(new SecretKeySpec(key, suite.jcaMac()), signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            XMLSignature xml = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            if (!xml.validate(context)) {
                throw new MessageSecurityException(WcfText.SignatureVerificationFailed.format());
            }
        } catch (MarshalException | XMLSignatureException e) {
            throw new MessageSecurityException(WcfText.SignatureVerificationFailed.format());
        }
    }

    /**
     * Reads and verifies a request's security header ({@code security}, in its received envelope): exactly one context
     * token, one signature over exactly the timestamp, keyed by that token's key as {@code keys} finds it.
     *
     * @throws MessageSecurityException when it does not verify
     */
    static Received read(Element security, AlgorithmSuite suite, String scNamespace,
            java.util.function.Function<Element, byte[]> keys) {
        Map<String, Element> byId = new HashMap<>();
        MessageSignatureCheck.index(security, byId);
        Element timestamp = null;
        Element token = null;
        Element signature = null;
        for (Element c : DomXml.children(security)) {
            if (is(c, WSU, "Timestamp")) {
                timestamp = once(timestamp, c, "Timestamp");
            } else if (is(c, scNamespace, "SecurityContextToken")) {
                token = once(token, c, "SecurityContextToken");
            } else if (is(c, DS, "Signature")) {
                signature = once(signature, c, "Signature");
            } else {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(c.getLocalName()));
            }
        }
        if (timestamp == null) {
            throw new MessageSecurityException(WcfText.RequiredTimestampMissingInSecurityHeader.format());
        }
        if (token == null || signature == null) {
            throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(
                    "System.ServiceModel.Security.Tokens.SecureConversationSecurityTokenParameters"));
        }
        List<Element> parts = DomXml.children(signature);
        if (parts.size() != 3 || !is(parts.get(0), DS, "SignedInfo") || !is(parts.get(2), DS, "KeyInfo")) {
            throw new MessageSecurityException("The signature must hold SignedInfo, SignatureValue and KeyInfo.");
        }
        List<Element> clauses = DomXml.children(parts.get(2));
        TokenReference keyRef = clauses.size() == 1 ? TokenReference.read(clauses.get(0)) : null;
        String tokenId = token.getAttributeNS(WSU, "Id");
        if (!(keyRef instanceof TokenReference.Local local) || tokenId.isEmpty() || !local.id().equals(tokenId)) {
            throw new MessageSecurityException(WcfText.UnableToResolveKeyInfoForVerifyingSignature.format(
                    clauses.isEmpty() ? "" : DomXml.write(clauses.get(0)), "SecurityContextSecurityToken"));
        }
        verify(signature, token, timestamp, Set.of(timestamp.getAttributeNS(WSU, "Id")), byId, suite, keys);
        return new Received(Optional.of(SecurityHeaderReader.timestamp(timestamp)), token);
    }

    private static Element once(Element seen, Element c, String name) {
        if (seen != null) {
            throw new MessageSecurityException("The security header holds more than one " + name + ".");
        }
        return c;
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }
}

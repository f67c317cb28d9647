package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE11;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.X509V3;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies a message secured as {@link AsymmetricHeaderWriter} writes it (WCF's {@code ReceiveSecurityHeader}
 * configured by {@code ConfigureAsymmetricBindingServerReceiveHeader}/{@code ...ClientReceiveHeader}): one security
 * header; one {@code EncryptedKey} for this side's certificate (by any reference WCF writes: subject key identifier,
 * issuer and serial, thumbprint), unwrapped with its private key; the reference lists (in the key or in the header)
 * naming exactly the encrypted body and header items; the encryption key that key itself or a derived key declared
 * after it (required under {@code requireDerivedKeys}: {@code MessageWasNotEncryptedByDerivedEncryptionToken}); the
 * binding's protection order as WCF's {@code OrderTracker} sees it (a reference list after the clear signature is
 * encrypt-first, verified before anything is decrypted; else {@code MessageProtectionOrderMismatch}); the primary
 * signature encrypted under {@code SignBeforeEncryptAndEncryptSignature}, by the suite's RSA
 * signature, its key the expected signer ({@link Signer}); the signed parts exactly the binding's
 * ({@link MessageSignatureCheck}). A failure is a {@link MessageSecurityException}; its text is never sent (the
 * service answers WCF's generic fault).
 */
final class AsymmetricHeaderReader {
    private static final int MIN_RSA_BITS = 1024;
    /** Encrypted header items besides the body: the signature and the confirmations; a bound on decryption work. */
    private static final int MAX_ENCRYPTED_HEADER_ITEMS = 8;
    /** Derived keys a message may declare (WCF derives one encryption key). */
    private static final int MAX_DERIVED_KEYS = 2;

    /** Whose signature a message must carry. */
    sealed interface Signer {
        /**
         * The signer's certificate travels in the header as a {@code BinarySecurityToken} the signature references
         * locally (the initiator's token, {@code AlwaysToRecipient}); it is authenticated afterwards.
         */
        record Included() implements Signer {
        }

        /**
         * The signer is {@code expected} (the client knows the service's certificate): named by an external
         * reference, or, when {@code mayBeIncluded} ({@code allowSerializedSigningTokenOnReply}, or the recipient
         * token's {@code AlwaysToInitiator}), included as a token equal to it.
         */
        record Known(X509Certificate expected, boolean mayBeIncluded) implements Signer {
        }
    }

    /** What a verified message carried. */
    record Received(Optional<SecurityTimestamp> timestamp, byte[] signatureValue, X509Certificate signer,
            List<byte[]> confirmations) {
    }

    private AsymmetricHeaderReader() {
    }

    static Received read(Document doc, SymmetricHeaderWriter.Settings s, X509Credential own, Signer signer) {
        AlgorithmSuite suite = s.suite();
        Element envelope = doc.getDocumentElement();
        String soap = envelope.getNamespaceURI();
        Element header = SymmetricHeaderWriter.child(envelope, soap, "Header").orElseThrow(() ->
                new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format("")));
        Element body = SymmetricHeaderWriter.child(envelope, soap, "Body").orElseThrow(() ->
                new MessageSecurityException("The message has no body."));
        List<Element> securities = DomXml.children(header).stream()
                .filter(h -> WSSE.equals(h.getNamespaceURI()) && "Security".equals(h.getLocalName())).toList();
        if (securities.size() != 1) {
            throw new MessageSecurityException(securities.isEmpty()
                    ? WcfText.UnableToFindSecurityHeaderInMessage.format("")
                    : "The message has more than one security header for the same actor.");
        }
        Element security = securities.get(0);
        SecurityHeaderReader.checkUniqueIds(envelope);
        Map<String, Element> byId = new HashMap<>();
        MessageSignatureCheck.index(envelope, byId);

        Element timestamp = null;
        int timestampIndex = -1;
        Element token = null;
        EncryptedKeyToken key = null;
        List<String> references = new ArrayList<>();
        List<Element> encryptedItems = new ArrayList<>();
        List<Element> clearItems = new ArrayList<>();
        Map<String, DerivedKeyToken> derived = new HashMap<>();
        int referenceListIndex = -1;
        int clearSignatureIndex = -1;
        List<Element> items = DomXml.children(security);
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            if (is(item, WSU, "Timestamp") && timestamp == null) {
                timestamp = item;
                timestampIndex = i;
            } else if (is(item, WSSE, "BinarySecurityToken") && token == null && encryptedItems.isEmpty()) {
                // before the (encrypted) signature that uses it: declare before use
                token = item;
            } else if (is(item, XENC, "EncryptedKey") && key == null) {
                key = EncryptedKeyToken.readAny(item);
                if (!X509Reference.names(key.recipient(), own.certificate())) {
                    throw new MessageSecurityException("The EncryptedKey is not for this side's certificate.");
                }
                references.addAll(key.dataReferences());
            } else if (is(item, s.scNamespace(), "DerivedKeyToken") && key != null
                    && derived.size() < MAX_DERIVED_KEYS) {
                // requireDerivedKeys: the encryption key derived from the EncryptedKey, declared after it
                DerivedKeyToken dkt = DerivedKeyToken.read(item, s.scNamespace());
                if (!(dkt.source() instanceof TokenReference.Local local) || !local.id().equals(key.id())) {
                    throw new MessageSecurityException("A derived key must be derived from the message's key.");
                }
                derived.put(item.getAttributeNS(WSU, "Id"), dkt);
            } else if (is(item, XENC, "ReferenceList") && key != null && referenceListIndex < 0) {
                references.addAll(EncryptedKeyToken.dataReferences(item));
                referenceListIndex = i;
            } else if (is(item, XENC, "EncryptedData") && key != null
                    && encryptedItems.size() < MAX_ENCRYPTED_HEADER_ITEMS) {
                encryptedItems.add(item);
            } else if (key != null && (is(item, DS, "Signature") || is(item, WSSE11, "SignatureConfirmation"))
                    && clearItems.size() < MAX_ENCRYPTED_HEADER_ITEMS) {
                // SignBeforeEncrypt, EncryptBeforeSign: the signature and its confirmations in the clear, after the
                // key
                if (is(item, DS, "Signature") && clearSignatureIndex < 0) {
                    clearSignatureIndex = i;
                }
                clearItems.add(item);
            } else {
                throw new MessageSecurityException("The security header element '" + item.getLocalName()
                        + "' is not expected here.");
            }
        }
        checkLayout(s.layout(), timestampIndex, items.size());
        if (key == null) {
            throw new MessageSecurityException("The message's body and signature must be encrypted.");
        }
        byte[] secret = key.unwrap(suite, own.privateKey());
        MessageKeys keys = new MessageKeys(secret, key.id(), derived, !key.dataReferences().isEmpty(), s,
                signer instanceof Signer.Included);
        List<Element> bodyContent = DomXml.children(body);
        if (bodyContent.size() != 1 || !is(bodyContent.get(0), XENC, "EncryptedData")) {
            throw new MessageSecurityException("The message's body must be encrypted.");
        }
        Element encryptedBody = bodyContent.get(0);
        Set<String> encryptedIds = new HashSet<>();
        encryptedIds.add(encryptedBody.getAttribute("Id"));
        encryptedItems.forEach(e -> encryptedIds.add(e.getAttribute("Id")));
        if (!Set.copyOf(references).equals(encryptedIds) || references.size() != encryptedIds.size()) {
            throw new MessageSecurityException("The reference list must name exactly the encrypted parts.");
        }
        // WCF's OrderTracker: a reference list met after the primary signature is EncryptBeforeSign (verify, then
        // decrypt), before it (or inside the EncryptedKey) a signature first; the binding's order must be met
        boolean verifyFirst = clearSignatureIndex >= 0 && referenceListIndex > clearSignatureIndex;
        if (s.order() == MessageProtectionOrder.EncryptBeforeSign ? !verifyFirst : verifyFirst) {
            throw new MessageSecurityException(WcfText.MessageProtectionOrderMismatch.format(s.order()));
        }
        Element signature = null;
        boolean signatureEncrypted = false;
        List<Element> confirmations = new ArrayList<>();
        List<Element> protectedItems = new ArrayList<>(encryptedItems);
        protectedItems.addAll(clearItems);
        for (Element item : protectedItems) {
            boolean encrypted = is(item, XENC, "EncryptedData");
            Element element = encrypted ? decryptElement(item, keys, byId) : item;
            if (is(element, DS, "Signature") && signature == null) {
                signatureEncrypted = encrypted;
                signature = element;
            } else if (is(element, WSSE11, "SignatureConfirmation")) {
                confirmations.add(element);
            } else {
                throw new MessageSecurityException("The encrypted header element '" + element.getLocalName()
                        + "' is not expected here.");
            }
        }
        if (signature == null) {
            throw new MessageSecurityException("The message carries no signature.");
        }
        if (!signatureEncrypted && s.order() == MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature) {
            // WCF's receiver under this order (ReceiveSecurityHeader: the primary signature must be encrypted)
            throw new MessageSecurityException(WcfText.PrimarySignatureIsRequiredToBeEncrypted.format());
        }
        if (!verifyFirst) {
            decrypt(encryptedBody, XmlEncryption.CONTENT, keys);
        }
        X509Certificate signingCertificate = verify(signature, signer, token, header, body, timestamp, confirmations,
                suite, byId, security, s.protectTokens());
        if (verifyFirst) {
            // EncryptBeforeSign: the signature covered the encrypted body
            decrypt(encryptedBody, XmlEncryption.CONTENT, keys);
        }
        List<byte[]> confirmed = new ArrayList<>();
        for (Element c : confirmations) {
            confirmed.add(c.hasAttribute("Value") ? DerivedKeyToken.base64(c.getAttribute("Value")) : new byte[0]);
        }
        Element value = DomXml.children(signature).get(1);
        return new Received(Optional.ofNullable(timestamp).map(SecurityHeaderReader::timestamp),
                DerivedKeyToken.base64(value.getTextContent()), signingCertificate, confirmed);
    }

    private static void checkLayout(SecurityHeaderLayout layout, int timestampIndex, int count) {
        if (timestampIndex < 0) {
            return;
        }
        if (layout == SecurityHeaderLayout.LaxTimestampFirst && timestampIndex != 0) {
            throw new MessageSecurityException(WcfText.TimestampMustOccurFirstInSecurityHeaderLayout.format());
        }
        if (layout == SecurityHeaderLayout.LaxTimestampLast && timestampIndex != count - 1) {
            throw new MessageSecurityException(WcfText.TimestampMustOccurLastInSecurityHeaderLayout.format());
        }
    }

    private static X509Certificate verify(Element signature, Signer signer, Element token, Element header,
            Element body, Element timestamp, List<Element> confirmations, AlgorithmSuite suite,
            Map<String, Element> byId, Element security, boolean protectTokens) {
        List<Element> parts = DomXml.children(signature);
        if (parts.size() != 3 || !is(parts.get(0), DS, "SignedInfo") || !is(parts.get(1), DS, "SignatureValue")
                || !is(parts.get(2), DS, "KeyInfo")) {
            throw new MessageSecurityException("The signature must hold SignedInfo, SignatureValue and KeyInfo.");
        }
        MessageSignatureCheck check = new MessageSignatureCheck(byId, suite);
        Set<String> referenced = check.signedInfo(parts.get(0), suite.asymmetricSignature(), "AsymmetricSign");
        List<Element> clauses = DomXml.children(parts.get(2));
        if (clauses.size() != 1) {
            throw new MessageSecurityException("The signature must name its key once.");
        }
        TokenReference keyRef = TokenReference.read(clauses.get(0));
        X509Certificate certificate = signingCertificate(keyRef, signer, token, clauses.get(0));
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)
                || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new MessageSecurityException(WcfText.TokenDoesNotMeetKeySizeRequirements.format(suite,
                    "X509SecurityToken", certificate.getPublicKey() instanceof RSAPublicKey r
                            ? r.getModulus().bitLength() : 0));
        }
        XmlSignatureCheck.verify(rsa, signature);
        // the signing token the message carries: signed as protectTokens requires (WCF's service requires it then),
        // else accepted signed or not
        List<Element> more = new ArrayList<>(confirmations);
        if (token != null && protectTokens) {
            more.add(token);
        }
        check.coversExactly(referenced, header, body, timestamp, more,
                token != null && !protectTokens ? List.of(token) : List.of());
        return certificate;
    }

    /** The certificate whose key verifies the signature, as {@code signer} allows it to be named. */
    private static X509Certificate signingCertificate(TokenReference keyRef, Signer signer, Element token,
            Element clause) {
        boolean local = keyRef instanceof TokenReference.Local l && token != null
                && l.id().equals(token.getAttributeNS(WSU, "Id"))
                && (l.valueType() == null || l.valueType().equals(X509V3));
        if (signer instanceof Signer.Included) {
            if (!local) {
                throw unresolved(clause);
            }
            return SecurityHeaderReader.certificate(token);
        }
        Signer.Known known = (Signer.Known) signer;
        if (local && known.mayBeIncluded()) {
            X509Certificate included = SecurityHeaderReader.certificate(token);
            if (!included.equals(known.expected())) {
                throw new MessageSecurityException("The reply was signed by a certificate that is not the service's.");
            }
            return included;
        }
        if (token != null && !known.mayBeIncluded()) {
            throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format("X509SecurityToken"));
        }
        if (!X509Reference.names(keyRef, known.expected())) {
            throw unresolved(clause);
        }
        return known.expected();
    }

    private static MessageSecurityException unresolved(Element clause) {
        return new MessageSecurityException(WcfText.UnableToResolveKeyInfoForVerifyingSignature.format(
                DomXml.write(clause), "X509SecurityToken"));
    }

    /**
     * The keys a message's encrypted data may name: the {@code EncryptedKey}'s own (no key info when the key holds
     * the reference list, as WCF writes it; a local reference to it, as WSS4J and WCF's other orders write it) or a
     * key derived from it, which a receiver requiring derived keys insists on
     * ({@code MessageWasNotEncryptedByDerivedEncryptionToken}).
     */
    private record MessageKeys(byte[] secret, String keyId, Map<String, DerivedKeyToken> derived, boolean keyHoldsList,
            SymmetricHeaderWriter.Settings settings, boolean service) {

        byte[] forData(TokenReference ref) {
            AlgorithmSuite suite = settings.suite();
            if (ref instanceof TokenReference.Local local && derived.containsKey(local.id())) {
                DerivedKeyToken dkt = derived.get(local.id());
                if (dkt.length() * 8 < suite.encryptionDerivationBits()) {
                    throw new MessageSecurityException("The derived key is shorter than the suite " + suite
                            + " requires.");
                }
                return dkt.key(secret);
            }
            if (ref == null ? !keyHoldsList && !derived.isEmpty()
                    : !(ref instanceof TokenReference.Local local && local.id().equals(keyId))) {
                throw new MessageSecurityException("The encrypted data must be encrypted with the message's key.");
            }
            if (settings.derivedKeys()) {
                throw new MessageSecurityException(WcfText.MessageWasNotEncryptedByDerivedEncryptionToken.format(
                        "System.ServiceModel.Security.Tokens.X509SecurityTokenParameters:\r\nInclusionMode: "
                                + (service ? "Never" : "AlwaysToRecipient") + "\r\nReferenceStyle: Internal"
                                + "\r\nRequireDerivedKeys: True\r\nX509ReferenceStyle: Any"));
            }
            return secret;
        }
    }

    private static List<Node> decrypt(Element encryptedData, String type, MessageKeys keys) {
        XmlEncryption.Parsed parsed = XmlEncryption.read(encryptedData, keys.settings().suite());
        if (!type.equals(parsed.type())) {
            throw new MessageSecurityException("The encrypted data is not of type " + type + ".");
        }
        return XmlEncryption.decrypt(parsed, keys.forData(parsed.keyRef()), keys.settings().suite());
    }

    /** An encrypted header element ({@code #Element}): exactly one element once decrypted, its ids indexed. */
    private static Element decryptElement(Element encrypted, MessageKeys keys, Map<String, Element> byId) {
        List<Node> nodes = decrypt(encrypted, XmlEncryption.ELEMENT, keys);
        if (nodes.size() != 1 || !(nodes.get(0) instanceof Element element)) {
            throw new MessageSecurityException(BlockCipher.DECRYPTION_FAILED);
        }
        if (element.hasAttributeNS(WSU, "Id")) {
            String id = element.getAttributeNS(WSU, "Id");
            if (byId.containsKey(id)) {
                throw new MessageSecurityException(WcfText.DuplicateIdInMessageToBeVerified.format(id));
            }
            element.setIdAttributeNS(WSU, "Id", true);
            byId.put(id, element);
        }
        return element;
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }
}

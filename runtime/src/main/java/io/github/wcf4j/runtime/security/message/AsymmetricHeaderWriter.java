package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.EXC_C14N;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE11;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE11_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.X509V3;

import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
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
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Secures a SOAP envelope (as a DOM) the way WCF's {@code AsymmetricSecurityProtocol} does
 * ({@code AsymmetricSecurityBindingElement}: MutualCertificate under WS-Security 1.0, MutualCertificateDuplex); by
 * default with no derived keys and {@code SignBeforeEncryptAndEncryptSignature}:
 *
 * <pre>
 * o:Security  [u:Timestamp] [o:BinarySecurityToken (the signer's certificate, when its parameters include it)]
 *             e:EncryptedKey (to the recipient's certificate; holds the e:ReferenceList)
 *             [k:SignatureConfirmation] e:EncryptedData (the ds:Signature) [u:Timestamp]
 * s:Body u:Id  e:EncryptedData (#Content, no KeyInfo)
 * </pre>
 *
 * Each message has a fresh symmetric key wrapped to the recipient's certificate ({@code SendSecurityHeader.
 * StartEncryption}: the X.509 token cannot encrypt, so a {@code WrappedKeySecurityToken}); the reference list travels
 * inside that {@code EncryptedKey} and the encrypted data carry no key info ({@code skipKeyInfoForEncryption}). The
 * primary signature is made with the signer's private key (the suite's RSA signature, exclusive c14n) over the
 * addressing and WS-RM headers, the body, the timestamp and any signature confirmations; its key is a local reference
 * to the included {@code BinarySecurityToken} or, when the token is not sent, the external reference its parameters
 * choose ({@link X509Reference}). Then the body content and the signature are encrypted with the message key.
 * <p>The other settings, as {@code SendSecurityHeader} applies them: {@code SignBeforeEncrypt} leaves the signature
 * and the confirmations in the clear after the {@code EncryptedKey}; {@code EncryptBeforeSign} encrypts the body
 * content first (its {@code EncryptedData} naming its key), signs its encrypted form, leaves the signature in the
 * clear and writes the reference list after it; {@code requireDerivedKeys} keeps the X.509 signature (an asymmetric
 * key is never derived from) and encrypts with a {@code c:DerivedKeyToken} derived from the wrapped key, declared
 * after the {@code EncryptedKey} and named by the encrypted data. In both, the reference list leaves the
 * {@code EncryptedKey} for the header (WCF skips the data's key info only for a signature-first message encrypted
 * with the wrapped key itself).
 */
final class AsymmetricHeaderWriter {

    /**
     * Who signs and who reads: the signer's credential and whether its certificate travels with the message (the
     * token parameters' inclusion mode for this direction), the recipient's certificate, and how certificates that do
     * not travel are named.
     */
    record Parties(X509Credential signer, boolean includeSigner, X509Certificate recipient, X509Reference references) {
    }

    /** What the sender keeps: the primary signature's value (a reply confirms it; the service's replay nonce). */
    record Sent(byte[] signatureValue) {
    }

    private AsymmetricHeaderWriter() {
    }

    /** Secures {@code doc} from {@code parties.signer()} to {@code parties.recipient()}, confirming {@code confirmations}. */
    static Sent write(Document doc, SymmetricHeaderWriter.Settings s, Optional<SecurityTimestamp> timestamp,
            Parties parties, List<byte[]> confirmations) {
        AlgorithmSuite suite = s.suite();
        Element envelope = doc.getDocumentElement();
        String soap = envelope.getNamespaceURI();
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSU_PREFIX, WSU);
        Element body = SymmetricHeaderWriter.child(envelope, soap, "Body")
                .orElseThrow(() -> new IllegalArgumentException("no Body"));
        Element header = SymmetricHeaderWriter.child(envelope, soap, "Header").orElseGet(() -> {
            Element h = doc.createElementNS(soap, envelope.getPrefix() + ":Header");
            envelope.insertBefore(h, body);
            return h;
        });
        SymmetricHeaderWriter.child(header, WSSE, "Security").ifPresent(header::removeChild);
        SymmetricHeaderWriter.Ids ids = new SymmetricHeaderWriter.Ids();
        List<String> signed = new ArrayList<>();
        for (Element h : DomXml.children(header)) {
            if (SymmetricHeaderWriter.signedHeader(h)) {
                signed.add(ids.assign(h));
            }
        }
        signed.add(ids.assign(body));

        Element security = doc.createElementNS(WSSE, WSSE_PREFIX + ":Security");
        security.setAttributeNS(soap, envelope.getPrefix() + ":mustUnderstand", "1");
        security.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSSE_PREFIX, WSSE);
        header.appendChild(security);
        Element ts = timestamp.map(t -> SymmetricHeaderWriter.timestamp(doc, t, ids)).orElse(null);
        boolean last = s.layout() == SecurityHeaderLayout.LaxTimestampLast;
        if (ts != null && !last) {
            security.appendChild(ts);
        }
        TokenReference signerRef;
        if (parties.includeSigner()) {
            Element bst = SecurityHeaderWriter.binarySecurityToken(doc, parties.signer());
            bst.setIdAttributeNS(WSU, "Id", true);
            security.appendChild(bst);
            signerRef = new TokenReference.Local(bst.getAttributeNS(WSU, "Id"), s.localValueType(X509V3));
            if (s.protectTokens()) {
                // protectTokens="true": the primary signature covers the signing token it carries
                // (SendSecurityHeader.AddPrimaryTokenSignatureReference)
                signed.add(bst.getAttributeNS(WSU, "Id"));
            }
        } else {
            signerRef = parties.references().to(parties.signer().certificate(), s.bspAttributes());
        }
        byte[] key = KeyWrap.generateKey(Math.max(128, suite.keyBits()));
        String keyId = "uuid-" + UUID.randomUUID() + "-1";
        boolean signFirst = s.order() != MessageProtectionOrder.EncryptBeforeSign;
        // SignBeforeEncrypt and EncryptBeforeSign leave the signature, and so the confirmations, in the clear
        boolean encryptSignature = s.order() == MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature;
        // WCF's skipKeyInfoForEncryption (SendSecurityHeader.StartEncryption): encrypted with the wrapped key itself,
        // signature first, the reference list travels inside the EncryptedKey and the data name no key; else the
        // data name their key (the derived key, or the EncryptedKey by a local reference)
        boolean listInKey = signFirst && !s.derivedKeys();
        TokenReference keySource = new TokenReference.Local(keyId, references11(parties)
                ? WsSecurityNames.ENCRYPTED_KEY_TOKEN : null);
        // requireDerivedKeys="true": the X.509 key signs as it is (HasAsymmetricKey), the encryption key is derived
        // from the wrapped key (SendSecurityHeader.StartEncryption: DerivedEncryptionToken)
        DerivedKeyToken encrypting = s.derivedKeys()
                ? DerivedKeyToken.create(ids.next(), keySource, suite.encryptionDerivationBits() / 8) : null;
        byte[] encryptionKey = encrypting != null ? encrypting.key(key) : key;
        TokenReference encryptionRef = listInKey ? null : encrypting != null
                ? new TokenReference.Local(encrypting.id(), s.localValueType(s.derivedKeyTokenType())) : keySource;
        String bodyData = ids.next();
        String signatureData = encryptSignature ? ids.next() : null;
        List<Element> confirmationElements = new ArrayList<>();
        for (byte[] confirmed : confirmations) {
            Element c = doc.createElementNS(WSSE11, WSSE11_PREFIX + ":SignatureConfirmation");
            confirmationElements.add(c);
            signed.add(ids.assign(c));
            if (confirmed.length > 0) {
                c.setAttribute("Value", Base64.getEncoder().encodeToString(confirmed));
            }
            c.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSSE11_PREFIX, WSSE11);
        }
        List<String> encrypted = new ArrayList<>(List.of(bodyData));
        if (encryptSignature) {
            encrypted.add(signatureData);
        }
        List<String> confirmationData = new ArrayList<>();
        for (int i = 0; encryptSignature && i < confirmationElements.size(); i++) {
            confirmationData.add(ids.next());
        }
        encrypted.addAll(confirmationData);
        EncryptedKeyToken ek = new EncryptedKeyToken(keyId, suite.asymmetricKeyWrap(),
                parties.references().to(parties.recipient(), s.bspAttributes()),
                KeyWrap.wrap(suite.asymmetricKeyWrap(), parties.recipient().getPublicKey(), key),
                listInKey ? encrypted : List.of());
        security.appendChild(ek.write(doc, s.bspAttributes()));
        if (encrypting != null) {
            security.appendChild(encrypting.write(doc, s.scNamespace(), references11(parties)
                    ? WsSecurityNames.ENCRYPTED_KEY_TOKEN : null));
        }
        Element referenceList = listInKey ? null : referenceList(doc, encrypted);
        if (referenceList != null && signFirst) {
            security.appendChild(referenceList);
        }
        confirmationElements.forEach(security::appendChild);
        if (ts != null) {
            signed.add(ts.getAttributeNS(WSU, "Id"));
        }
        if (ts != null && last) {
            security.appendChild(ts);
        }
        if (!signFirst) {
            // EncryptBeforeSign: the body content is encrypted first and the signature covers its encrypted form
            // (SendSecurityHeader.CompleteSecurityApplication: CompleteEncryption first)
            SymmetricHeaderWriter.declarePrefixes(XmlEncryption.encryptContent(body, bodyData, encryptionKey, suite,
                    encryptionRef));
        }
        Element signature = sign(security, ts != null && last ? ts : null, signed, parties.signer(), signerRef,
                suite);
        byte[] signatureValue = SymmetricHeaderWriter.signatureValue(signature);
        if (signFirst) {
            XmlEncryption.encryptContent(body, bodyData, encryptionKey, suite, encryptionRef);
        } else {
            // the reference list follows the signature (SendSecurityHeader.OnWriteHeaderContents)
            security.insertBefore(referenceList, ts != null && last ? ts : null);
        }
        if (encryptSignature) {
            XmlEncryption.encryptElement(signature, signatureData, encryptionKey, suite, encryptionRef);
        }
        // the request's signature arrived encrypted, so the confirmations are encrypted too
        // (SignatureConfirmations.IsMarkedForEncryption), after the primary signature
        for (int i = 0; i < confirmationData.size(); i++) {
            XmlEncryption.encryptElement(confirmationElements.get(i), confirmationData.get(i), encryptionKey, suite,
                    encryptionRef);
        }
        return new Sent(signatureValue);
    }

    /**
     * Whether the message names certificates as WS-Security 1.1 does (thumbprints): then a local reference to the
     * {@code EncryptedKey} carries its token type, which WCF's WS-Security 1.0 serializer has none for.
     */
    private static boolean references11(Parties parties) {
        return parties.references() == X509Reference.THUMBPRINT;
    }

    private static Element referenceList(Document doc, List<String> encrypted) {
        Element list = doc.createElementNS(WsSecurityNames.XENC, WsSecurityNames.XENC_PREFIX + ":ReferenceList");
        list.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WsSecurityNames.XENC_PREFIX,
                WsSecurityNames.XENC);
        for (String id : encrypted) {
            Element ref = doc.createElementNS(WsSecurityNames.XENC, WsSecurityNames.XENC_PREFIX + ":DataReference");
            ref.setAttribute("URI", "#" + id);
            list.appendChild(ref);
        }
        return list;
    }

    private static Element sign(Element security, Element before, List<String> ids, X509Credential signer,
            TokenReference keyRef, AlgorithmSuite suite) {
        Document doc = security.getOwnerDocument();
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            List<Reference> references = new ArrayList<>();
            for (String id : ids) {
                references.add(f.newReference("#" + id, f.newDigestMethod(suite.digest(), null),
                        List.of(f.newTransform(EXC_C14N, (TransformParameterSpec) null)), null, null));
            }
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(suite.asymmetricSignature(), null),
                    references);
            XMLSignature signature = f.newXMLSignature(si,
                    f.getKeyInfoFactory().newKeyInfo(List.of(new DOMStructure(keyRef.write(doc, null)))));
            DOMSignContext context = before == null ? new DOMSignContext(signer.privateKey(), security)
                    : new DOMSignContext(signer.privateKey(), security, before);
            context.setDefaultNamespacePrefix("");
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new MessageSecurityException("The message cannot be signed: " + e.getMessage(), e);
        }
        Element signature = before == null ? (Element) security.getLastChild() : (Element) before.getPreviousSibling();
        if (!DS.equals(signature.getNamespaceURI())) {
            throw new IllegalStateException("the signature was not placed");
        }
        Element value = (Element) signature.getElementsByTagNameNS(DS, "SignatureValue").item(0);
        value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
        return signature;
    }
}

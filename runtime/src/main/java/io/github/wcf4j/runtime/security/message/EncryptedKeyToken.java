package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.THUMBPRINT_SHA1;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC_PREFIX;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.PrivateKey;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An {@code xenc:EncryptedKey} (WCF {@code WrappedKeySecurityToken}): a message's symmetric key wrapped to the
 * recipient certificate's RSA key. The symmetric X.509 modes name the service certificate by its SHA-1 thumbprint
 * (their X509 token is never sent, {@code X509KeyIdentifierClauseType.Thumbprint}) and keep the reference list in the
 * header; the asymmetric binding names the recipient as its token parameters say ({@link X509Reference}) and carries
 * the reference list inside the key ({@code SecurityHeader.EncryptedKeyContainsReferenceList}, WCF's default: the
 * encrypted data then have no key info). Under RSA-OAEP the encryption method states SHA-1 as its digest, as WCF
 * writes it.
 *
 * @param id             the element's {@code Id}
 * @param algorithm      the asymmetric key wrap (the suite's)
 * @param recipient      the reference to the recipient's certificate
 * @param wrapped        the wrapped key
 * @param dataReferences the ids of what the key encrypts, when the key carries its reference list (else empty)
 */
record EncryptedKeyToken(String id, String algorithm, TokenReference recipient, byte[] wrapped,
        List<String> dataReferences) {

    EncryptedKeyToken {
        dataReferences = List.copyOf(dataReferences);
    }

    /** The symmetric modes' key: to the certificate with the base64 SHA-1 {@code thumbprint}, no reference list. */
    EncryptedKeyToken(String id, String algorithm, String thumbprint, byte[] wrapped) {
        this(id, algorithm, new TokenReference.KeyIdentifier(THUMBPRINT_SHA1, thumbprint), wrapped, List.of());
    }

    /** The base64 SHA-1 thumbprint that names the recipient, or null when it is named otherwise. */
    String thumbprint() {
        return recipient instanceof TokenReference.KeyIdentifier ki && ki.valueType().equals(THUMBPRINT_SHA1)
                ? ki.value() : null;
    }

    /** The {@code EncryptedKeySHA1} that names this key in a reply. */
    String sha1() {
        return KeyWrap.encryptedKeySha1(wrapped);
    }

    /**
     * The wrapped key, unwrapped with {@code own}; the algorithm must be {@code suite}'s (checked before any
     * decryption: a PKCS#1 v1.5 key to an OAEP suite is refused without touching the key).
     */
    byte[] unwrap(AlgorithmSuite suite, PrivateKey own) {
        if (!algorithm.equals(suite.asymmetricKeyWrap())) {
            throw new MessageSecurityException(WcfText.SuiteDoesNotAcceptAlgorithm.format(
                    algorithm, "AsymmetricKeyWrap", suite));
        }
        byte[] key = KeyWrap.unwrap(algorithm, own, wrapped);
        if (!suite.acceptsKeyBits(key.length * 8)) {
            throw new MessageSecurityException(BlockCipher.DECRYPTION_FAILED);
        }
        return key;
    }

    Element write(Document doc) {
        return write(doc, false);
    }

    /** With {@code bspAttributes}, the thumbprint carries its {@code EncodingType} (the Basic Security Profile). */
    Element write(Document doc, boolean bspAttributes) {
        Element ek = doc.createElementNS(XENC, XENC_PREFIX + ":EncryptedKey");
        ek.setAttribute("Id", id);
        ek.setIdAttribute("Id", true);
        ek.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + XENC_PREFIX, XENC);
        Element method = doc.createElementNS(XENC, XENC_PREFIX + ":EncryptionMethod");
        method.setAttribute("Algorithm", algorithm);
        if (algorithm.equals(AlgorithmSuite.RSA_OAEP)) {
            Element digest = doc.createElementNS(DS, "DigestMethod");
            digest.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", DS);
            digest.setAttribute("Algorithm", AlgorithmSuite.SHA1);
            method.appendChild(digest);
        }
        ek.appendChild(method);
        TokenReference key = recipient instanceof TokenReference.KeyIdentifier ki
                ? new TokenReference.KeyIdentifier(ki.valueType(), ki.value(), bspAttributes) : recipient;
        XmlEncryption.appendKeyAndCipher(ek, key, wrapped);
        if (!dataReferences.isEmpty()) {
            Element list = doc.createElementNS(XENC, XENC_PREFIX + ":ReferenceList");
            for (String ref : dataReferences) {
                Element data = doc.createElementNS(XENC, XENC_PREFIX + ":DataReference");
                data.setAttribute("URI", "#" + ref);
                list.appendChild(data);
            }
            ek.appendChild(list);
        }
        return ek;
    }

    /**
     * Reads an {@code xenc:EncryptedKey} as the symmetric X.509 modes send it: an encryption method, a key info naming
     * the recipient by thumbprint, a cipher value; no {@code ReferenceList} (WCF puts it in the header).
     */
    static EncryptedKeyToken read(Element ek) {
        EncryptedKeyToken token = readAny(ek);
        if (token.thumbprint() == null || !token.dataReferences().isEmpty()) {
            throw new MessageSecurityException("The EncryptedKey must name the service certificate by thumbprint.");
        }
        return token;
    }

    /**
     * Reads an {@code xenc:EncryptedKey} as the asymmetric binding sends it: an encryption method, a key info with one
     * reference to the recipient's certificate (any form {@link TokenReference} reads), a cipher value and optionally
     * the {@code ReferenceList} of local data references.
     */
    static EncryptedKeyToken readAny(Element ek) {
        if (!XENC.equals(ek.getNamespaceURI()) || !"EncryptedKey".equals(ek.getLocalName())) {
            throw new MessageSecurityException("An EncryptedKey was expected.");
        }
        List<Element> parts = DomXml.children(ek);
        if (parts.size() < 3 || parts.size() > 4 || !is(parts.get(0), XENC, "EncryptionMethod")
                || !is(parts.get(1), DS, "KeyInfo") || !is(parts.get(2), XENC, "CipherData")
                || parts.size() == 4 && !is(parts.get(3), XENC, "ReferenceList")) {
            throw new MessageSecurityException("The EncryptedKey must hold EncryptionMethod, KeyInfo and CipherData.");
        }
        String algorithm = parts.get(0).getAttribute("Algorithm");
        List<Element> clauses = DomXml.children(parts.get(1));
        if (clauses.size() != 1) {
            throw new MessageSecurityException("The EncryptedKey must name its recipient once.");
        }
        TokenReference recipient = TokenReference.read(clauses.get(0));
        List<Element> values = DomXml.children(parts.get(2));
        if (values.size() != 1 || !is(values.get(0), XENC, "CipherValue")) {
            throw new MessageSecurityException("The EncryptedKey must hold one CipherValue.");
        }
        List<String> references = parts.size() == 4 ? dataReferences(parts.get(3)) : List.of();
        return new EncryptedKeyToken(ek.getAttribute("Id"), algorithm, recipient,
                DerivedKeyToken.base64(values.get(0).getTextContent()), references);
    }

    /** The ids an {@code xenc:ReferenceList} names: local {@code DataReference}s only. */
    static List<String> dataReferences(Element list) {
        List<String> ids = new java.util.ArrayList<>();
        for (Element ref : DomXml.children(list)) {
            String uri = ref.getAttribute("URI");
            if (!XENC.equals(ref.getNamespaceURI()) || !"DataReference".equals(ref.getLocalName())
                    || !uri.startsWith("#")) {
                throw new MessageSecurityException("The reference list holds local data references only.");
            }
            ids.add(uri.substring(1));
        }
        return ids;
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }
}

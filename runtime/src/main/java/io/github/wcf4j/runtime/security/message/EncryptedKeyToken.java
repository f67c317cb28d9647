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
 * An {@code xenc:EncryptedKey} of the symmetric X.509 modes (WCF {@code WrappedKeySecurityToken}): the request's
 * symmetric key wrapped to the service certificate's RSA key, the certificate named by its SHA-1 thumbprint (the
 * modes' X509 token is never sent, {@code X509KeyIdentifierClauseType.Thumbprint}). Under RSA-OAEP the encryption
 * method states SHA-1 as its digest, as WCF writes it.
 *
 * @param id         the element's {@code Id}
 * @param algorithm  the asymmetric key wrap (the suite's)
 * @param thumbprint base64 SHA-1 of the recipient's certificate
 * @param wrapped    the wrapped key
 */
record EncryptedKeyToken(String id, String algorithm, String thumbprint, byte[] wrapped) {

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
        XmlEncryption.appendKeyAndCipher(ek, new TokenReference.KeyIdentifier(THUMBPRINT_SHA1, thumbprint,
                bspAttributes), wrapped);
        return ek;
    }

    /**
     * Reads an {@code xenc:EncryptedKey} as the symmetric X.509 modes send it: an encryption method, a key info naming
     * the recipient by thumbprint, a cipher value; no {@code ReferenceList} (WCF puts it in the header).
     */
    static EncryptedKeyToken read(Element ek) {
        if (!XENC.equals(ek.getNamespaceURI()) || !"EncryptedKey".equals(ek.getLocalName())) {
            throw new MessageSecurityException("An EncryptedKey was expected.");
        }
        List<Element> parts = DomXml.children(ek);
        if (parts.size() != 3 || !is(parts.get(0), XENC, "EncryptionMethod") || !is(parts.get(1), DS, "KeyInfo")
                || !is(parts.get(2), XENC, "CipherData")) {
            throw new MessageSecurityException("The EncryptedKey must hold EncryptionMethod, KeyInfo and CipherData.");
        }
        String algorithm = parts.get(0).getAttribute("Algorithm");
        List<Element> clauses = DomXml.children(parts.get(1));
        if (clauses.size() != 1
                || !(TokenReference.read(clauses.get(0)) instanceof TokenReference.KeyIdentifier ki)
                || !ki.valueType().equals(THUMBPRINT_SHA1)) {
            throw new MessageSecurityException("The EncryptedKey must name the service certificate by thumbprint.");
        }
        List<Element> values = DomXml.children(parts.get(2));
        if (values.size() != 1 || !is(values.get(0), XENC, "CipherValue")) {
            throw new MessageSecurityException("The EncryptedKey must hold one CipherValue.");
        }
        return new EncryptedKeyToken(ek.getAttribute("Id"), algorithm, ki.value(),
                DerivedKeyToken.base64(values.get(0).getTextContent()));
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }
}

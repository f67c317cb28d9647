package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.Key;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;

/**
 * The cryptographic check of a received {@code ds:Signature}, once the readers have checked its shape: the JDK's XML
 * Signature validates the signature value and every reference's digest with the key the reader resolved. Its secure
 * validation is switched off because it refuses SHA-1 (WCF's default suites); every check it would make that applies
 * is made, more strictly, by the readers ({@link MessageSignatureCheck}, {@code SecurityHeaderReader}). Any failure is
 * WCF's one text, {@code SignatureVerificationFailed}, with no cause.
 */
final class XmlSignatureCheck {

    private XmlSignatureCheck() {
    }

    /**
     * Verifies {@code signature} with {@code key} (an RSA public key or an HMAC key); its references resolve through
     * the ids the document already marks.
     *
     * @throws MessageSecurityException {@code SignatureVerificationFailed} when it does not verify
     */
    static void verify(Key key, Element signature) {
        verify(key, signature, List.of(), signedInfo -> { });
    }

    /**
     * Verifies {@code signature} with {@code key}, its references resolving to the {@code wsu:Id}s of
     * {@code referable}, after {@code inspect} has checked its unmarshalled {@link SignedInfo} (and thrown what it
     * refuses).
     *
     * @throws MessageSecurityException {@code SignatureVerificationFailed} when it does not verify
     */
    static void verify(Key key, Element signature, List<Element> referable, Consumer<SignedInfo> inspect) {
        DOMValidateContext context = new DOMValidateContext(key, signature);
        for (Element e : referable) {
            if (e.hasAttributeNS(WsSecurityNames.WSU, "Id")) {
                context.setIdAttributeNS(e, WsSecurityNames.WSU, "Id");
            }
        }
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        try {
            XMLSignature xml = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            inspect.accept(xml.getSignedInfo());
            if (!xml.validate(context)) {
                throw new MessageSecurityException(WcfText.SignatureVerificationFailed.format());
            }
        } catch (MarshalException | XMLSignatureException e) {
            throw new MessageSecurityException(WcfText.SignatureVerificationFailed.format());
        }
    }
}

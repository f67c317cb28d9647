package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SC_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU_PREFIX;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A WS-SecureConversation {@code c:DerivedKeyToken} (WCF {@code DerivedKeySecurityToken} and its serializer): a key
 * derived with P_SHA1 ({@link KeyDerivation}) from the key of the token {@code source} refers to.
 *
 * <p>Written as WCF writes it: no label, no generation, offset 0, a 16-byte random nonce, {@code c:Offset} and
 * {@code c:Length} only when the length is not the default 32 bytes. Read with WCF's limits: a reference and a nonce
 * are required, the nonce and the label at most 128 bytes/characters, the effective offset (or generation × length)
 * at most 64 bytes; a length is 32 bytes unless given, at most {@link #MAX_LENGTH} (wcf4j's bound).
 *
 * @param id     the token's {@code u:Id}
 * @param source the token whose key is derived from
 * @param offset the effective offset in bytes
 * @param length the derived key's length in bytes
 * @param label  the label, {@link KeyDerivation#DEFAULT_LABEL} unless the sender wrote one
 * @param nonce  the nonce
 */
record DerivedKeyToken(String id, TokenReference source, int offset, int length, String label, byte[] nonce) {
    static final int DEFAULT_LENGTH = 32;
    static final int NONCE_LENGTH = 16;
    static final int MAX_OFFSET = 64;
    static final int MAX_NONCE_LENGTH = 128;
    static final int MAX_LABEL_LENGTH = 128;
    static final int MAX_LENGTH = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh token as WCF's sender makes it: {@code length} bytes from offset 0, a new nonce, the default label. */
    static DerivedKeyToken create(String id, TokenReference source, int length) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return new DerivedKeyToken(id, source, 0, length, KeyDerivation.DEFAULT_LABEL, nonce);
    }

    /** The derived key, from {@code sourceKey}. */
    byte[] key(byte[] sourceKey) {
        return KeyDerivation.pSha1(sourceKey, label, nonce, offset, length);
    }

    /**
     * This token as an element of {@code doc} in {@code scNamespace} (the message security version's
     * WS-SecureConversation); its reference carries {@code tokenType} when not null.
     */
    Element write(Document doc, String scNamespace, String tokenType) {
        Element dkt = doc.createElementNS(scNamespace, SC_PREFIX + ":DerivedKeyToken");
        dkt.setAttributeNS(WSU, WSU_PREFIX + ":Id", id);
        dkt.setIdAttributeNS(WSU, "Id", true);
        dkt.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + SC_PREFIX, scNamespace);
        dkt.appendChild(source.write(doc, tokenType));
        if (length != DEFAULT_LENGTH) {
            dkt.appendChild(text(doc, scNamespace, "Offset", Integer.toString(offset)));
            dkt.appendChild(text(doc, scNamespace, "Length", Integer.toString(length)));
        }
        dkt.appendChild(text(doc, scNamespace, "Nonce", Base64.getEncoder().encodeToString(nonce)));
        return dkt;
    }

    /**
     * Reads a {@code c:DerivedKeyToken} of {@code scNamespace} with WCF's limits.
     *
     * @throws MessageSecurityException when it breaks them or is malformed
     */
    static DerivedKeyToken read(Element dkt, String scNamespace) {
        if (!scNamespace.equals(dkt.getNamespaceURI()) || !"DerivedKeyToken".equals(dkt.getLocalName())) {
            throw new MessageSecurityException("A DerivedKeyToken of " + scNamespace + " was expected.");
        }
        String id = dkt.getAttributeNS(WSU, "Id");
        List<Element> parts = DomXml.children(dkt);
        if (parts.isEmpty()) {
            throw new MessageSecurityException("A DerivedKeyToken needs a SecurityTokenReference.");
        }
        TokenReference source = TokenReference.read(parts.get(0));
        Integer offset = null;
        Integer generation = null;
        int length = DEFAULT_LENGTH;
        String label = KeyDerivation.DEFAULT_LABEL;
        byte[] nonce = null;
        for (Element part : parts.subList(1, parts.size())) {
            if (!scNamespace.equals(part.getNamespaceURI())) {
                throw new MessageSecurityException("Unexpected element '" + part.getLocalName()
                        + "' in a DerivedKeyToken.");
            }
            String value = part.getTextContent().strip();
            switch (part.getLocalName()) {
                case "Properties" -> {
                }
                case "Generation" -> generation = number(value);
                case "Offset" -> offset = number(value);
                case "Length" -> length = number(value);
                case "Label" -> {
                    if (value.length() > MAX_LABEL_LENGTH) {
                        throw new MessageSecurityException("The derived key's label is longer than "
                                + MAX_LABEL_LENGTH + " characters.");
                    }
                    label = value;
                }
                case "Nonce" -> nonce = base64(value);
                default -> throw new MessageSecurityException("Unexpected element '" + part.getLocalName()
                        + "' in a DerivedKeyToken.");
            }
        }
        if (nonce == null || nonce.length == 0) {
            throw new MessageSecurityException("A DerivedKeyToken needs a Nonce.");
        }
        if (nonce.length > MAX_NONCE_LENGTH) {
            throw new MessageSecurityException("The derived key's nonce is longer than " + MAX_NONCE_LENGTH
                    + " bytes.");
        }
        if (offset != null && generation != null) {
            throw new MessageSecurityException("A DerivedKeyToken has an Offset or a Generation, not both.");
        }
        if (length < 1 || length > MAX_LENGTH) {
            throw new MessageSecurityException("The derived key's length " + length + " is not accepted.");
        }
        long effective = offset != null ? offset : generation != null ? (long) generation * length : 0;
        if (effective > MAX_OFFSET) {
            throw new MessageSecurityException("The derived key's offset " + effective + " exceeds the maximum "
                    + MAX_OFFSET + ".");
        }
        return new DerivedKeyToken(id, source, (int) effective, length, label, nonce);
    }

    private static int number(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException(value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new MessageSecurityException("A DerivedKeyToken has an invalid number '" + value + "'.");
        }
    }

    static byte[] base64(String value) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new MessageSecurityException("Invalid base64 content in the security header.");
        }
    }

    private static Element text(Document doc, String namespace, String local, String value) {
        Element e = doc.createElementNS(namespace, SC_PREFIX + ":" + local);
        e.setTextContent(value);
        return e;
    }
}

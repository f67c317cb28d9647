package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.message.EnvelopeProtection;
import java.util.function.Consumer;
import org.w3c.dom.Document;

/**
 * The one way every message security protocol protects what it sends: the envelope, as the encoder wrote it, parsed,
 * its security header written (and its parts signed and encrypted) by {@code write}, and serialized again.
 */
final class SecurityHeaderProtection {

    private SecurityHeaderProtection() {
    }

    /** The protection that lets {@code write} secure the envelope's document in place. */
    static EnvelopeProtection writing(Consumer<Document> write) {
        return envelope -> {
            Document doc = DomXml.parse(envelope).getOwnerDocument();
            write.accept(doc);
            return XmlEncryption.serialize(doc.getDocumentElement());
        };
    }
}

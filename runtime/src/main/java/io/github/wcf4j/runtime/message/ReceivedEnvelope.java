package io.github.wcf4j.runtime.message;

/**
 * The text of an envelope as it arrived (a message property), kept by the encoder when the message carries a
 * WS-Security header: message security verifies signatures over the headers and body as they were written, which the
 * parsed message no longer holds (ids, prefixes, encrypted content). Nothing else reads it.
 *
 * @param xml the envelope, decoded to text
 */
public record ReceivedEnvelope(String xml) {

    /** The namespace of the WS-Security 1.0 {@code Security} header whose presence makes an encoder keep the text. */
    public static final String WS_SECURITY_NAMESPACE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
}

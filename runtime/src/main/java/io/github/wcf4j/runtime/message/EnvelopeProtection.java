package io.github.wcf4j.runtime.message;

/**
 * What message security does to a message's envelope when it is written (a message property): the encoder writes the
 * envelope as usual, hands the text to this protection, and sends what it returns in its place. Like WCF's
 * {@code SecurityAppliedMessage}, which signs and encrypts as the encoder writes, the protection sees the headers
 * the layers below security added (the HTTP transport's {@code To}, composite duplex's {@code ReplyTo}) and signs
 * them too.
 */
@FunctionalInterface
public interface EnvelopeProtection {

    /**
     * The envelope to send in place of {@code envelope}.
     *
     * @param envelope the envelope as the encoder wrote it (no XML declaration)
     * @return the secured envelope
     */
    String protect(String envelope);
}

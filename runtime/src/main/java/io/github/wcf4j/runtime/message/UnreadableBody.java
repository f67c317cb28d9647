package io.github.wcf4j.runtime.message;

/**
 * A message property: the body broke a reader quota ({@code maxDepth}, {@code maxStringContentLength},
 * {@code maxBytesPerRead}) and was not read; the message carries an empty body instead. WCF reads a buffered message's
 * body only when the operation deserializes it, so such a message still reaches the dispatcher, which answers it
 * with WCF's {@code DeserializationFailed} fault instead of running the operation.
 *
 * @param reason WCF's quota text
 */
public record UnreadableBody(String reason) {
}

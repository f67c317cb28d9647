package io.github.wcf4j.runtime.message;

/**
 * A message property: the body broke a reader quota ({@code maxDepth}, {@code maxBytesPerRead},
 * {@code maxNameTableCharCount}) and was not read; the message carries an empty body instead. WCF reads a buffered
 * message's body only when the operation deserializes it, so such a message still reaches the dispatcher, which
 * answers it with WCF's {@code DeserializationFailed} fault instead of running the operation. A text past
 * {@code maxStringContentLength} also makes the body unreadable for a reader that does not know its types, but the
 * body is kept and {@link TypedBodyQuotas} says where: the service model, which knows them, applies
 * {@code maxArrayLength} to a {@code byte[]}'s base64 content instead, as WCF's serializer does.
 *
 * @param reason WCF's quota text
 */
public record UnreadableBody(String reason) {
}

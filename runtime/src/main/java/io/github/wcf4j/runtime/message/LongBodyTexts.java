package io.github.wcf4j.runtime.message;

import io.github.wcf4j.binding.WcfText;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * A message property: the body's text nodes longer than {@code min(maxStringContentLength, maxArrayLength)}, which
 * only a reader that knows the body's types can judge, as WCF's serializers do: text read as a string is bounded by
 * {@code maxStringContentLength} ({@code XmlDictionaryReader.ReadContentAsString}), base64 content read as bytes by
 * {@code maxArrayLength} counted in decoded bytes ({@code ReadContentAsBase64}), whatever its length in characters.
 * The body is kept whole; when a text is past {@code maxStringContentLength} the message also carries
 * {@link UnreadableBody} with the string quota's text, so a reader that does not know the types refuses it.
 *
 * <p>When reading stopped early ({@code stoppedBy}: a text past the string quota that no type excuses, one not directly
 * in a part; or another quota) the body is empty and the texts are those met before: one of them may still be refused
 * first, as WCF's serializer meets them in document order.
 *
 * @param texts                  the long texts in document order
 * @param maxStringContentLength the reader's string quota
 * @param maxArrayLength         the reader's array quota
 * @param stoppedBy              the text of the quota that stopped the reader, {@code null} when the body was read whole
 */
public record LongBodyTexts(List<Text> texts, int maxStringContentLength, int maxArrayLength, String stoppedBy) {

    public LongBodyTexts {
        texts = List.copyOf(texts);
    }

    /**
     * WCF's refusal of the body when it is read as the wrapped element {@code wrapper} whose children named in
     * {@code base64Parts} are {@code base64Binary} ({@code byte[]}): the first text past its quota, in document
     * order, as the serializer meets it, else the quota that stopped the reader; empty when the body is readable.
     */
    public Optional<String> refusal(QName wrapper, Set<String> base64Parts) {
        for (Text t : texts) {
            boolean binary = t.level() == 2 && wrapper.equals(t.wrapper()) && t.base64Bytes() >= 0
                    && base64Parts.contains(t.part().getLocalPart());
            if (binary && t.base64Bytes() > maxArrayLength) {
                return Optional.of(WcfText.XmlMaxArrayLengthExceeded.format(maxArrayLength));
            }
            if (!binary && t.length() > maxStringContentLength) {
                return Optional.of(WcfText.XmlMaxStringContentLengthExceeded.format(maxStringContentLength));
            }
        }
        return Optional.ofNullable(stoppedBy);
    }

    /**
     * One long text node.
     *
     * @param wrapper     the body's child it is in ({@code null} for text directly in the body)
     * @param part        that child's child it is in ({@code null} above that level)
     * @param level       how deep its element is below the body: 1 in the wrapper itself, 2 in a part, ...
     * @param length      its length in characters
     * @param base64Bytes its length decoded as base64 (white space ignored), {@code -1} when it is not base64
     */
    public record Text(QName wrapper, QName part, int level, int length, int base64Bytes) {

        /** How many bytes {@code chars[start, start + length)} decode to as base64, {@code -1} if it is not base64. */
        public static int base64Bytes(char[] chars, int start, int length) {
            int significant = 0;
            int padding = 0;
            for (int i = start; i < start + length; i++) {
                char c = chars[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    continue;
                }
                if (c == '=') {
                    padding++;
                } else if (padding > 0 || !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                        || c == '+' || c == '/')) {
                    return -1;
                }
                significant++;
            }
            if (significant % 4 != 0 || padding > 2) {
                return -1;
            }
            return significant / 4 * 3 - padding;
        }
    }
}

package io.github.wcf4j.runtime.message;

import io.github.wcf4j.binding.WcfText;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * A message property: what in the body only a reader that knows the body's types can judge against the reader quotas,
 * as WCF's serializers do. Text read as a string is bounded by {@code maxStringContentLength}
 * ({@code XmlDictionaryReader.ReadContentAsString}); base64 content read as bytes by {@code maxArrayLength} counted in
 * decoded bytes, whatever its length in characters ({@code ReadContentAsBase64}); an array of primitives by
 * {@code maxArrayLength} counted in items ({@code DataContractSerializer}'s {@code ReadArray}). So the reader records
 * the texts longer than {@code min(maxStringContentLength, maxArrayLength)} ({@link LongText}) and the runs of more
 * than {@code maxArrayLength} repeated elements ({@link LongArray}), and the service model judges them by the
 * operation's parameters.
 *
 * <p>The body is kept whole; when a text is past {@code maxStringContentLength} the message also carries
 * {@link UnreadableBody} with the string quota's text, so a reader that does not know the types refuses it. When
 * reading stopped early ({@code stoppedBy}: a text past the string quota that no type excuses, or another quota) the
 * body is empty and the findings are those met before: one of them may still be refused first, as WCF's serializer
 * meets them in document order.
 *
 * @param findings               the findings in document order
 * @param maxStringContentLength the reader's string quota
 * @param maxArrayLength         the reader's array quota
 * @param stoppedBy              the text of the quota that stopped the reader, {@code null} when the body was read whole
 */
public record TypedBodyQuotas(List<Finding> findings, int maxStringContentLength, int maxArrayLength,
        String stoppedBy) {

    public TypedBodyQuotas {
        findings = List.copyOf(findings);
    }

    /**
     * WCF's refusal of the body when it is read as the wrapped element {@code wrapper} whose children named in
     * {@code base64Parts} are {@code base64Binary} ({@code byte[]}) and those in {@code arrayParts} arrays of
     * primitives, each item an element of the part's name: the first finding past its quota, in document order, as the
     * serializer meets it, else the quota that stopped the reader; empty when the body is readable.
     */
    public Optional<String> refusal(QName wrapper, Set<String> base64Parts, Set<String> arrayParts) {
        for (Finding f : findings) {
            Optional<String> refused = f.refusal(this, wrapper, base64Parts, arrayParts);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.ofNullable(stoppedBy);
    }

    /** Something in the body whose quota depends on its type. */
    public sealed interface Finding permits LongText, LongArray {
        Optional<String> refusal(TypedBodyQuotas quotas, QName wrapper, Set<String> base64Parts,
                Set<String> arrayParts);
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
    public record LongText(QName wrapper, QName part, int level, int length, int base64Bytes) implements Finding {

        @Override
        public Optional<String> refusal(TypedBodyQuotas quotas, QName wrapper, Set<String> base64Parts,
                Set<String> arrayParts) {
            boolean binary = level == 2 && wrapper.equals(this.wrapper) && base64Bytes >= 0
                    && base64Parts.contains(part.getLocalPart());
            if (binary && base64Bytes > quotas.maxArrayLength()) {
                return Optional.of(WcfText.XmlMaxArrayLengthExceeded.format(quotas.maxArrayLength()));
            }
            if (!binary && length > quotas.maxStringContentLength()) {
                return Optional.of(WcfText.XmlMaxStringContentLengthExceeded.format(quotas.maxStringContentLength()));
            }
            return Optional.empty();
        }

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

    /**
     * More than {@code maxArrayLength} elements of one name in a row directly in the wrapper: the items of an array
     * parameter, as the service model's serializer writes them (each item an element of the parameter's name).
     *
     * @param wrapper the body's child they are in
     * @param part    their name
     */
    public record LongArray(QName wrapper, QName part) implements Finding {

        @Override
        public Optional<String> refusal(TypedBodyQuotas quotas, QName wrapper, Set<String> base64Parts,
                Set<String> arrayParts) {
            if (wrapper.equals(this.wrapper) && arrayParts.contains(part.getLocalPart())) {
                return Optional.of(WcfText.XmlMaxArrayLengthOrMaxItemsQuotaExceeded.format(quotas.maxArrayLength()));
            }
            return Optional.empty();
        }
    }
}

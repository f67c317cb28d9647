package io.github.wcf4j.binding.encoding;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * Limits on the XML a decoder reads (WCF {@code XmlDictionaryReaderQuotas}, config {@code <readerQuotas>}).
 *
 * @param maxDepth               nesting depth, {@code 32}
 * @param maxStringContentLength characters of one text node, {@code 8192}
 * @param maxArrayLength         items of one array, {@code 16384}
 * @param maxBytesPerRead        bytes read per read call (for the text encoder: start tag size), {@code 4096}
 * @param maxNameTableCharCount  characters of all distinct names, {@code 16384}
 */
public record ReaderQuotas(int maxDepth, int maxStringContentLength, int maxArrayLength, int maxBytesPerRead,
        int maxNameTableCharCount) {

    public ReaderQuotas {
        ArgumentChecks.positive(maxDepth, "maxDepth");
        ArgumentChecks.positive(maxStringContentLength, "maxStringContentLength");
        ArgumentChecks.positive(maxArrayLength, "maxArrayLength");
        ArgumentChecks.positive(maxBytesPerRead, "maxBytesPerRead");
        ArgumentChecks.positive(maxNameTableCharCount, "maxNameTableCharCount");
    }

    /** WCF's defaults for message encoders ({@code EncoderDefaults.ReaderQuotas}). */
    public static ReaderQuotas defaults() {
        return new ReaderQuotas(32, 8192, 16384, 4096, 16384);
    }
}

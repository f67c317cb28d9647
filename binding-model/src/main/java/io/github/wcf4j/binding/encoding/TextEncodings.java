package io.github.wcf4j.binding.encoding;

import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The character encodings WCF's text and MTOM encoders accept ({@code TextEncoderDefaults.ValidateEncoding}): UTF-8,
 * UTF-16 little endian ({@code utf-16}) and UTF-16 big endian ({@code utf-16BE}).
 */
public final class TextEncodings {
    /** The encodings WCF accepts. */
    public static final Set<Charset> SUPPORTED = Set.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    private TextEncodings() {
    }

    /** {@code charset} if WCF's text encoder supports it, else {@code MessageTextEncodingNotSupported}. */
    public static Charset requireSupported(Charset charset, String property) {
        if (charset == null || !SUPPORTED.contains(charset)) {
            throw new BindingValidationException(WcfText.MessageTextEncodingNotSupported, property, webName(charset));
        }
        return charset;
    }

    /** The .NET {@code Encoding.WebName}: {@code utf-8}, {@code utf-16}, {@code utf-16BE}, or the Java name. */
    public static String webName(Charset charset) {
        if (charset == null) {
            return "null";
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "utf-8";
        }
        if (charset.equals(StandardCharsets.UTF_16LE)) {
            return "utf-16";
        }
        if (charset.equals(StandardCharsets.UTF_16BE)) {
            return "utf-16BE";
        }
        return charset.name().toLowerCase(Locale.ROOT);
    }
}

package io.github.wcf4j.runtime.encoding;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed HTTP {@code Content-Type}: media type plus the {@code charset} and {@code action} parameters, parsed
 * leniently (parameter order, spacing and quoting differ between Metro, CXF and WCF).
 *
 * @param mediaType lower-cased, e.g. {@code application/soap+xml}
 * @param charset   the declared charset, if any
 * @param action    the SOAP 1.2 {@code action} parameter, if any
 */
public record ContentType(String mediaType, Optional<Charset> charset, Optional<String> action) {

    public static ContentType parse(String header) {
        if (header == null || header.isBlank()) {
            return new ContentType("", Optional.empty(), Optional.empty());
        }
        String[] parts = header.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        Optional<Charset> charset = Optional.empty();
        Optional<String> action = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = unquote(p.substring(eq + 1).strip());
            if (name.equals("charset")) {
                charset = charsetOf(value);
            } else if (name.equals("action")) {
                action = Optional.of(value);
            }
        }
        return new ContentType(media, charset, action);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** A charset name as WCF senders write it; {@code utf-16} is little endian unless a BOM says otherwise. */
    static Optional<Charset> charsetOf(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "utf-8": return Optional.of(StandardCharsets.UTF_8);
            case "utf-16":
            case "utf-16le": return Optional.of(StandardCharsets.UTF_16LE);
            case "utf-16be": return Optional.of(StandardCharsets.UTF_16BE);
            default:
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
        }
    }
}

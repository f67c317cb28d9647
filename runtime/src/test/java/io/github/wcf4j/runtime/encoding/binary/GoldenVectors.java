package io.github.wcf4j.runtime.encoding.binary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The captures of real WCF bytes in {@code src/test/resources/.../encoding/binary} (see the README there). */
public final class GoldenVectors {
    private GoldenVectors() {
    }

    public static byte[] hex(String resource) {
        return HexFormat.of().parseHex(text(resource).trim());
    }

    public static String text(String resource) {
        try (InputStream in = GoldenVectors.class.getResourceAsStream(
                "/io/github/wcf4j/runtime/encoding/binary/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toHex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}

package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.WcfText;
import java.util.HexFormat;

/**
 * WCF's reading of a hexadecimal find value ({@code SecurityUtils.DecodeHexString}): trimmed, an optional {@code 0x},
 * then pairs of digits, either contiguous ({@code 9f1a...}) or separated by single spaces ({@code 9f 1a ...}, as the
 * certificate manager shows a thumbprint); anything else is a format error with WCF's text.
 */
final class HexString {
    private HexString() {
    }

    static byte[] decode(String value) {
        String hex = value.trim();
        int i = hex.length() >= 2 && hex.charAt(0) == '0' && (hex.charAt(1) == 'x' || hex.charAt(1) == 'X') ? 2 : 0;
        int length = hex.length() - i;
        if (length < 2) {
            throw invalid();
        }
        boolean spaced = length >= 3 && hex.charAt(i + 2) == ' ';
        if (spaced ? length % 3 != 2 : length % 2 != 0) {
            throw invalid();
        }
        byte[] out = new byte[spaced ? length / 3 + 1 : length / 2];
        for (int j = 0; i < hex.length(); i += spaced ? 3 : 2, j++) {
            out[j] = (byte) (digit(hex.charAt(i)) << 4 | digit(hex.charAt(i + 1)));
        }
        return out;
    }

    /** Upper-case hex, as .NET's {@code GetCertHashString} writes a thumbprint. */
    static String encode(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static int digit(char c) {
        int d = Character.digit(c, 16);
        if (d < 0 || c > 'f') {
            throw invalid();
        }
        return d;
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException(WcfText.InvalidHexString.template());
    }
}

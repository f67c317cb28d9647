package io.github.wcf4j.runtime.encoding.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: a malformed sequence is an error (WCF's {@code UTF8Encoding(false, true)}), never U+FFFD. */
final class Utf8 {
    private Utf8() {
    }

    static String decodeStrict(byte[] data, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBinaryException("Invalid UTF-8 at offset " + offset + ".");
        }
    }
}

package io.github.wcf4j.runtime.encoding.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MultiByteInt31Test {

    /** [MC-NMF] §2.2.2 / [MC-NBFX] §2.1.2 and pynettcp's differential vectors. */
    @ParameterizedTest
    @CsvSource({"0,00", "1,01", "29,1d", "123,7b", "127,7f", "128,8001", "163,a301", "205,cd01", "16383,ff7f",
        "16384,808001", "2147483647,ffffffff07"})
    void encodesAndDecodesTheSpecificationVectors(int value, String hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultiByteInt31.write(out, value);
        assertEquals(hex, HexFormat.of().formatHex(out.toByteArray()));
        assertEquals(hex.length() / 2, MultiByteInt31.length(value));
        byte[] b = HexFormat.of().parseHex(hex);
        long d = MultiByteInt31.decode(b, 0, b.length);
        assertEquals(value, MultiByteInt31.value(d));
        assertEquals(b.length, MultiByteInt31.size(d));
    }

    @Test
    void aFifthByteWithMoreThanThreeBitsIsRefusedAndATruncatedOneIsIncomplete() {
        byte[] tooLarge = HexFormat.of().parseHex("ffffffff08");
        assertThrows(IllegalArgumentException.class, () -> MultiByteInt31.decode(tooLarge, 0, 5));
        assertEquals(MultiByteInt31.INCOMPLETE, MultiByteInt31.decode(HexFormat.of().parseHex("8080"), 0, 2));
        assertThrows(MalformedBinaryException.class, () -> new BinaryInput(tooLarge, 0, 5).readMultiByteInt31());
    }
}

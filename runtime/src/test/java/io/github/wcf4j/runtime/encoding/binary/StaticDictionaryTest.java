package io.github.wcf4j.runtime.encoding.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticDictionaryTest {

    @Test
    void holdsWcfs487StringsAtTheirWireIds() {
        assertEquals(487, StaticDictionary.SIZE);
        assertEquals("mustUnderstand", StaticDictionary.string(0x00 / 2));
        assertEquals("Envelope", StaticDictionary.string(0x02 / 2));
        assertEquals("http://www.w3.org/2003/05/soap-envelope", StaticDictionary.string(0x04 / 2));
        assertEquals("http://www.w3.org/2005/08/addressing", StaticDictionary.string(0x06 / 2));
        assertEquals("http://www.w3.org/2005/08/addressing/anonymous", StaticDictionary.string(0x14 / 2));
        assertEquals("CreateSequence", StaticDictionary.string(0x298 / 2));
        assertEquals("http://www.w3.org/2001/XMLSchema-instance", StaticDictionary.string(0x372 / 2));
        assertEquals("http://schemas.xmlsoap.org/soap/envelope/", StaticDictionary.string(0x3C2 / 2));
        assertEquals("detail", StaticDictionary.string(0x3CC / 2));
        assertEquals("http://schemas.xmlsoap.org/ws/2005/02/trust/spnego", StaticDictionary.string(0x1A6 / 2));
        assertEquals(0x0E / 2, StaticDictionary.indexOf("Body"));
        assertEquals(-1, StaticDictionary.indexOf("urn:DemoService"));
        assertThrows(MalformedBinaryException.class, () -> StaticDictionary.string(487));
    }

    /**
     * python-wcfbin's table agrees everywhere but at 0x1A8, where the reference source (authoritative) has a leading
     * space that python-wcfbin dropped.
     */
    @Test
    void agreesWithPythonWcfbinExceptTheLeadingSpaceOfTlsnego() {
        List<String> differences = new ArrayList<>();
        int rows = 0;
        for (String line : GoldenVectors.text("python-wcfbin-dictionary.tsv").split("\n")) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 2);
            int id = Integer.parseInt(f[0], 16);
            rows++;
            if (!StaticDictionary.string(id / 2).equals(f[1])) {
                differences.add(Integer.toHexString(id));
            }
        }
        assertEquals(487, rows);
        assertEquals(List.of("1a8"), differences);
        assertEquals(" http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego", StaticDictionary.string(0x1A8 / 2));
    }
}

package io.github.wcf4j.runtime.encoding.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Byte vectors from pynettcp's differential tests against .NET's own XmlBinaryWriter. */
class NbfxWriterTest {

    private static String write(Consumer<NbfxWriter> calls) {
        NbfxOutput out = new NbfxOutput(64);
        calls.accept(new NbfxWriter(out));
        return GoldenVectors.toHex(out.toByteArray());
    }

    @Test
    void aShortElementWithTextFoldsTheEndElement() {
        assertEquals("400172990568656c6c6f", write(w -> {
            w.startElement("", "r", -1);
            w.text("hello");
            w.endElement();
        }));
    }

    @Test
    void dictionaryNamesAndTextsUseTheirIds() {
        assertEquals("420201", write(w -> {
            w.startElement("", "Envelope", 2);
            w.endElement();
        }));
        assertEquals("400173ab02", write(w -> {
            w.startElement("", "s", -1);
            w.dictionaryText(2);
            w.endElement();
        }));
        assertTrue(write(w -> {
            w.startElement("s", "Envelope", 2);
            w.xmlns("s", "http://www.w3.org/2003/05/soap-envelope", 4);
            w.endElement();
        }).startsWith("56020b017304"));
    }

    @Test
    void aPlainStringEqualToADictionaryEntryStaysLiteral() {
        assertTrue(write(w -> {
            w.startElement("", "s", -1);
            w.text("Envelope");
            w.endElement();
        }).startsWith("400173990845"));
    }

    @Test
    void zeroAndOneAreRecordsAndMustUnderstandIsThreeBytes() {
        assertEquals("440a1e0082990375726e", write(w -> {
            w.startElement("a", "Action", 0x0A);
            w.attribute("s", "mustUnderstand", 0, "1");
            w.text("urn");
            w.endElement();
        }));
    }

    @Test
    void textThatFallsOutOfWcfsWriteBufferEndsWithAnExplicitEndElement() {
        String longText = "x".repeat(170);
        String hex = write(w -> {
            w.startElement("", "s", -1);
            w.text(longText);
            w.endElement();
        });
        // Chars8Text (not folded) + 170 bytes + EndElement, as .NET writes it past ~169 bytes
        assertTrue(hex.startsWith("40017398aa"));
        assertTrue(hex.endsWith("01"));
        assertEquals(2 * (3 + 2 + 170 + 1), hex.length());
        String shortText = "x".repeat(169);
        String folded = write(w -> {
            w.startElement("", "s", -1);
            w.text(shortText);
            w.endElement();
        });
        assertTrue(folded.startsWith("40017399a9"));
        assertEquals(2 * (3 + 2 + 169), folded.length());
    }

    @Test
    void nonAsciiTextTakesUtf16WhenUtf8WouldBeMoreThanTwiceAsLong() {
        assertTrue(write(w -> {
            w.startElement("", "s", -1);
            w.text("中文");
            w.endElement();
        }).startsWith("400173b7042d4e87"));
    }
}

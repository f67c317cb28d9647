package io.github.wcf4j.runtime.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.WcfText;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** Which quota a long body text or array breaks, by the type it is read as. */
class TypedBodyQuotasTest {
    private static final QName OP = new QName("urn:x", "Upload");
    private static final QName DATA = new QName("urn:x", "data");
    private static final String ARRAY = WcfText.XmlMaxArrayLengthExceeded.format(100);
    private static final String STRING = WcfText.XmlMaxStringContentLengthExceeded.format(50);

    private static Optional<String> refusal(TypedBodyQuotas.Finding finding, String stoppedBy) {
        return new TypedBodyQuotas(List.of(finding), 50, 100, stoppedBy).refusal(OP, Set.of("data"),
                Set.of("values"));
    }

    @Test
    void base64InAByteArrayPartIsBoundedByTheArrayQuotaInDecodedBytes() {
        assertEquals(Optional.empty(), refusal(new TypedBodyQuotas.LongText(OP, DATA, 2, 136, 100), null));
        assertEquals(Optional.of(ARRAY), refusal(new TypedBodyQuotas.LongText(OP, DATA, 2, 136, 101), null));
    }

    @Test
    void anythingElseIsBoundedByTheStringQuota() {
        assertEquals(Optional.of(STRING), refusal(new TypedBodyQuotas.LongText(OP, new QName("urn:x", "name"), 2, 51, 36),
                null));
        assertEquals(Optional.of(STRING), refusal(new TypedBodyQuotas.LongText(OP, DATA, 2, 51, -1), null), "not base64");
        assertEquals(Optional.of(STRING), refusal(new TypedBodyQuotas.LongText(OP, DATA, 3, 51, 36), null), "deeper");
        assertEquals(Optional.of(STRING), refusal(new TypedBodyQuotas.LongText(new QName("urn:x", "Other"), DATA, 2, 51,
                36), null), "another operation's element");
        assertEquals(Optional.empty(), refusal(new TypedBodyQuotas.LongText(OP, new QName("urn:x", "name"), 2, 50, -1),
                null));
    }

    @Test
    void aReadStoppedByAnotherQuotaIsRefusedWithItWhenNoTextIsFirst() {
        String depth = WcfText.XmlMaxDepthExceeded.format(5);
        assertEquals(Optional.of(depth), refusal(new TypedBodyQuotas.LongText(OP, DATA, 2, 136, 100), depth));
        assertEquals(Optional.of(ARRAY), refusal(new TypedBodyQuotas.LongText(OP, DATA, 2, 136, 101), depth));
    }

    @Test
    void aLongRunOfItemsIsRefusedOnlyForAPrimitiveArrayPart() {
        assertEquals(Optional.of(WcfText.XmlMaxArrayLengthOrMaxItemsQuotaExceeded.format(100)), refusal(
                new TypedBodyQuotas.LongArray(OP, new QName("urn:x", "values")), null));
        assertEquals(Optional.empty(), refusal(new TypedBodyQuotas.LongArray(OP, new QName("urn:x", "names")), null));
        assertEquals(Optional.empty(), refusal(new TypedBodyQuotas.LongArray(new QName("urn:x", "Other"),
                new QName("urn:x", "values")), null));
    }

    @Test
    void base64LengthIgnoresWhiteSpaceAndCountsPadding() {
        assertEquals(6, base64("QUJD REVG"));
        assertEquals(5, base64("QUJDREU=\r\n"));
        assertEquals(4, base64("QUJDRA=="));
        assertEquals(-1, base64("QUJDRA="), "not a multiple of four");
        assertEquals(-1, base64("QU=DRA=="), "data after padding");
        assertEquals(-1, base64("hello world!"), "not the alphabet");
    }

    private static int base64(String s) {
        char[] c = ("xx" + s).toCharArray();
        return TypedBodyQuotas.LongText.base64Bytes(c, 2, s.length());
    }
}

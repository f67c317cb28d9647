package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageHeaders;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** WCF's {@code EndpointAddressMessageFilter} over address headers: comparable forms and one header per requirement. */
class AddressFilterTest {
    private static final String WSA10 = "http://www.w3.org/2005/08/addressing";

    private static String form(String xml) {
        return HeaderComparableForm.of(xml);
    }

    @Test
    void theComparableFormIsWcfs() {
        assertEquals("<Tenant^6:urn:t^5 region^6:^0=\"eu^2\" >blue^4</>",
                form("<p:Tenant xmlns:p=\"urn:t\" region=\"eu\">blue</p:Tenant>"));
        assertEquals("<a^1:^0 ></>", form("<a/>"));
        assertEquals(form("<a/>"), form("<a></a>"));
        assertEquals("<a^1:^0 ><![CDATA[x^1]]></>", form("<a><![CDATA[x]]></a>"));
    }

    @Test
    void prefixesDeclarationsAttributeOrderAndWhitespaceBetweenElementsDoNotMatter() {
        String a = form("<p:T xmlns:p=\"urn:t\" b=\"2\" a=\"1\">\n  <p:Id>7</p:Id>\n</p:T>");
        assertEquals(a, form("<T xmlns=\"urn:t\" xmlns:unused=\"urn:u\" a=\"1\" b=\"2\"><Id>7</Id></T>"));
        assertEquals(a, form("<q:T xmlns:q=\"urn:t\" xmlns:w=\"" + WSA10 + "\" w:IsReferenceParameter=\"true\""
                + " a=\"1\" b=\"2\"><!-- note --><q:Id>7</q:Id></q:T>"));
        assertNotEquals(a, form("<T xmlns=\"urn:t\" a=\"1\" b=\"2\"><Id> 7</Id></T>"), "text is compared as written");
        assertNotEquals(a, form("<T xmlns=\"urn:other\" a=\"1\" b=\"2\"><Id>7</Id></T>"));
    }

    @Test
    void xsiTypeIsComparedAsAQualifiedName() {
        assertEquals(form("<T xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:x=\"urn:x\" i:type=\"x:N\"/>"),
                form("<T xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:y=\"urn:x\" i:type=\"y:N\"/>"));
    }

    private static MessageHeaders headers(String... xml) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:a", XmlFragment.EMPTY);
        for (String x : xml) {
            m.headers().add(new BufferedHeader(new QName("urn:t", "T"), false, new XmlFragment(x)));
        }
        return m.headers();
    }

    @Test
    void eachRequiredHeaderNeedsAMessageHeaderOfItsOwn() {
        AddressHeader t = new AddressHeader("T", "urn:t", "<T xmlns=\"urn:t\">1</T>");
        AddressFilter twice = AddressFilter.of(List.of(t, t));
        String rp = "<T xmlns=\"urn:t\" xmlns:a=\"" + WSA10 + "\" a:IsReferenceParameter=\"true\">1</T>";
        assertFalse(twice.matches(headers(rp), AddressingVersion.WS_ADDRESSING_10));
        assertTrue(twice.matches(headers(rp, rp), AddressingVersion.WS_ADDRESSING_10));
        assertTrue(AddressFilter.of(List.of(t)).matches(headers(rp, rp), AddressingVersion.WS_ADDRESSING_10));
        assertTrue(AddressFilter.NONE.matches(headers(), AddressingVersion.WS_ADDRESSING_10));
    }

    @Test
    void underAugust2004EveryHeaderOfTheNameCounts() {
        AddressFilter f = AddressFilter.of(List.of(new AddressHeader("T", "urn:t", "<T xmlns=\"urn:t\">1</T>")));
        assertFalse(f.matches(headers("<T xmlns=\"urn:t\">1</T>"), AddressingVersion.WS_ADDRESSING_10));
        assertTrue(f.matches(headers("<T xmlns=\"urn:t\">1</T>"), AddressingVersion.WS_ADDRESSING_AUGUST_2004));
    }
}

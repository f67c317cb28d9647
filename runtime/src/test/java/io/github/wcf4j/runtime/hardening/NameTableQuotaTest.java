package io.github.wcf4j.runtime.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code readerQuotas maxNameTableCharCount} over HTTP loopback: the distinct names of a message (local names,
 * namespaces, prefixes) are counted once each, as WCF's {@code QuotaNameTable} counts what it atomizes; a message
 * past the quota is refused with WCF's text (in the body: WCF's deserialization fault; in a header: 400), and one
 * whose names repeat stays within it however long it is.
 */
class NameTableQuotaTest {
    private static final int QUOTA = 1000;
    private static HostedCalculator service;

    @BeforeAll
    static void host() {
        service = HostedCalculator.hosting(CustomBinding.of("names", TextMessageEncodingBindingElement.defaults()
                .withReaderQuotas(new ReaderQuotas(32, 8192, 16384, 4096, QUOTA)),
                HttpTransportBindingElement.defaults()));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    /** {@code count} elements with distinct 8-character names. */
    private static String distinctNames(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(String.format("<n%07d/>", i));
        }
        return b.toString();
    }

    private RawHttp.Response addWithExtra(String extra) {
        return service.post(service.envelope(HostedCalculator.NS + "/ICalculator/Add", "",
                "<Add xmlns=\"" + HostedCalculator.NS + "\"><n1>2</n1><n2>3</n2>" + extra + "</Add>"));
    }

    @Test
    void aBodyWithTooManyDistinctNamesIsWcfsDeserializationFault() {
        RawHttp.Response r = addWithExtra(distinctNames(QUOTA / 8));
        assertEquals(500, r.status());
        assertTrue(r.body().contains(WcfText.SFxErrorDeserializingRequestBodyMore.format("Add",
                WcfText.XmlMaxNameTableCharCountExceeded.format(QUOTA))), r.body());
        service.assertStillServing();
    }

    @Test
    void aHeaderWithTooManyDistinctNamesIsRefused() {
        RawHttp.Response r = service.post(service.add("<x:Names xmlns:x=\"urn:x\">" + distinctNames(QUOTA / 8)
                + "</x:Names>"));
        assertEquals(400, r.status());
        service.assertStillServing();
    }

    @Test
    void repeatedNamesCountOnce() {
        RawHttp.Response r = service.post(service.add("<x:Names xmlns:x=\"urn:x\">"
                + "<x:n0000001/><x:n0000002/>".repeat(2000) + "</x:Names>"));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("<AddResult>5"), r.body());
    }

    @Test
    void namesWithinTheQuotaAreServed() {
        RawHttp.Response r = service.post(service.add("<x:Names xmlns:x=\"urn:x\">" + distinctNames(50)
                + "</x:Names>"));
        assertEquals(200, r.status(), r.body());
    }
}

package io.github.wcf4j.runtime.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A header the service does not understand, marked {@code mustUnderstand}, is never ignored: WCF's SOAP 1.2
 * {@code MustUnderstand} fault with a {@code NotUnderstood} header naming it, over loopback HTTP, before the operation
 * runs.
 */
class MustUnderstandTest {
    private static HostedCalculator service;

    @BeforeAll
    static void host() {
        service = HostedCalculator.overHttp(HttpTransportBindingElement.defaults());
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true"})
    void anUnknownMandatoryHeaderIsWcfsMustUnderstandFault(String flag) {
        RawHttp.Response r = service.post(service.add("<t:Ticket xmlns:t=\"urn:custom\" s:mustUnderstand=\""
                + flag + "\">x</t:Ticket>"));
        assertEquals(500, r.status());
        String fault = r.body();
        assertTrue(fault.contains("<s:NotUnderstood qname=\"b:Ticket\" xmlns:b=\"urn:custom\"/>"), fault);
        assertTrue(fault.contains("<s:Code><s:Value>s:MustUnderstand</s:Value></s:Code>"), fault);
        assertTrue(fault.contains(WcfText.SFxHeaderNotUnderstood.format("Ticket", "urn:custom")), fault);
        assertTrue(!fault.contains("AddResult"), "the operation did not run: " + fault);
        service.assertStillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false"})
    void anUnknownOptionalHeaderIsIgnored(String flag) {
        RawHttp.Response r = service.post(service.add("<t:Ticket xmlns:t=\"urn:custom\" s:mustUnderstand=\""
                + flag + "\">x</t:Ticket>"));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("<AddResult>5"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.w3.org/2005/08/addressing", "http://schemas.xmlsoap.org/ws/2005/02/rm"})
    void aMandatoryHeaderOfAKnownNamespaceButUnknownNameIsNotUnderstoodEither(String namespace) {
        RawHttp.Response r = service.post(service.add("<u:Unheard xmlns:u=\"" + namespace
                + "\" s:mustUnderstand=\"1\">x</u:Unheard>"));
        assertEquals(500, r.status());
        assertTrue(r.body().contains(WcfText.SFxHeaderNotUnderstood.format("Unheard", namespace)), r.body());
        service.assertStillServing();
    }
}

package io.github.wcf4j.runtime.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What message logging writes of an envelope: WCF's known PII left out, the body only with logEntireMessage. */
class LoggedEnvelopeTest {
    private static final String HEAD = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header><a:Action s:mustUnderstand=\"1\">";
    private static final String SECURITY = "<o:Security xmlns:o=\"http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-wssecurity-secext-1.0.xsd\"><o:UsernameToken><o:Username>alice</o:Username>"
            + "<o:Password>secret</o:Password></o:UsernameToken></o:Security>";

    @Test
    void theSecurityHeaderIsLeftOutAndTheBodyKeptWithLogEntireMessage() {
        String logged = LoggedEnvelope.of(HEAD + "urn:add</a:Action>" + SECURITY + "</s:Header><s:Body><Add"
                + " xmlns=\"urn:c\"><n1>2</n1></Add></s:Body></s:Envelope>", true);
        assertFalse(logged.contains("secret"), logged);
        assertFalse(logged.contains("alice"), logged);
        assertTrue(logged.contains("<!-- Removed-->"), logged);
        assertTrue(logged.contains("<n1>2</n1>"), logged);
        assertTrue(logged.contains("urn:add</a:Action>"), logged);
    }

    @Test
    void withoutLogEntireMessageTheBodyIsLeftOut() {
        String logged = LoggedEnvelope.of(HEAD + "urn:add</a:Action></s:Header><s:Body><Add xmlns=\"urn:c\"><n1>2"
                + "</n1></Add></s:Body></s:Envelope>", false);
        assertFalse(logged.contains("<n1>"), logged);
        assertTrue(logged.contains(">... stream ...</s:Body>"), logged);
    }

    @Test
    void aTokenRequestsBodyIsLeftOutUnderATrustActionOnly() {
        String rst = "<s:Body><t:RequestSecurityToken xmlns:t=\"http://schemas.xmlsoap.org/ws/2005/02/trust\">"
                + "<t:Entropy><t:BinarySecret>a2V5</t:BinarySecret></t:Entropy></t:RequestSecurityToken></s:Body>"
                + "</s:Envelope>";
        String trust = LoggedEnvelope.of(HEAD + "http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT</a:Action>"
                + "</s:Header>" + rst, true);
        assertFalse(trust.contains("a2V5"), trust);
        assertTrue(trust.contains("<t:RequestSecurityToken"), trust);
        String other = LoggedEnvelope.of(HEAD + "urn:app</a:Action></s:Header>" + rst, true);
        assertTrue(other.contains("a2V5"), "an application's own element of that name is its business: " + other);
    }

    @Test
    void textThatIsNotAnEnvelopeIsLoggedAsItIs() {
        assertEquals("<not closed", LoggedEnvelope.of("<not closed", true));
    }
}

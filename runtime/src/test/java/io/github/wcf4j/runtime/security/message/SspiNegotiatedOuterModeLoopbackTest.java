package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SSPI negotiation as the outer mode (WCF's {@code SymmetricSecurityBindingElement} with
 * {@code SspiSecurityTokenParameters}: {@code CreateSspiNegotiationBindingElement}, and wsHttpBinding's
 * {@code Message}/{@code Windows} with {@code establishSecurityContext="false"}), wcf4j to wcf4j against the embedded
 * KDC: one SPNEGO exchange per channel, then each application message secured directly with the negotiated token, no
 * {@code RST/SCT} and no cancel; the Kerberos client principal is the caller.
 */
class SspiNegotiatedOuterModeLoopbackTest extends SecuredLoopback {
    private static final String SPNEGO = "http://schemas.xmlsoap.org/ws/2005/02/trust/spnego";
    private static final String ALICE = "Kerberos:alice@" + EmbeddedKdc.REALM;

    @BeforeEach
    void kerberos() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        serviceKerberos = Optional.of(kdc.credentials("host/localhost"));
        clientKerberos = Optional.of(kdc.credentials("alice"));
    }

    private static SecurityBindingElement outer(boolean requireCancellation) {
        return security(AuthenticationMode.SspiNegotiated).requireSecurityContextCancellation(requireCancellation)
                .build();
    }

    private static String contextId(String envelope) {
        Matcher m = Pattern.compile("<c:Identifier>([^<]+)</c:Identifier>").matcher(envelope);
        assertTrue(m.find(), envelope);
        return m.group(1);
    }

    private static String issuedContextId(String finalLeg) {
        Matcher m = Pattern.compile("<t:RequestedSecurityToken><c:SecurityContextToken[^>]*><c:Identifier>([^<]+)<")
                .matcher(finalLeg);
        assertTrue(m.find(), finalLeg);
        return m.group(1);
    }

    @Test
    void oneSpnegoExchangeThenEachCallIsSecuredWithTheNegotiatedToken() {
        Identity id = both(outer(true), ClientCredentials.none());
        assertEquals(ALICE, id.whoAmI(), "the Kerberos client is the caller");
        assertEquals(5.0, id.add(2, 3));
        assertEquals(7.0, id.add(3, 4));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        List<String> replies = sent(Direction.SERVICE_TO_CLIENT);
        assertEquals(4, requests.size(), "one SPNEGO leg (Kerberos: one round trip), then three calls: " + requests);
        String leg = requests.get(0);
        assertTrue(leg.contains("<a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/02/trust/RST/"
                + "Issue</a:Action>"), leg);
        assertTrue(leg.contains("<t:BinaryExchange ValueType=\"" + SPNEGO + "\""), leg);
        assertFalse(leg.contains("<o:Security "), "the leg is unsecured");
        String last = replies.get(0);
        assertTrue(last.contains("<t:RequestSecurityTokenResponseCollection"), last);
        assertTrue(last.contains("#GSS_Wrap"), last);
        assertTrue(last.contains("<t:Authenticator><t:CombinedHash>"), last);
        assertFalse(last.contains("<dnse:Cookie"), "requireCancellation: the service keeps the token");
        String issued = issuedContextId(last);
        for (String call : requests.subList(1, 4)) {
            assertFalse(call.contains("/RST/SCT"), "no secure conversation on top: " + call);
            assertFalse(call.contains("<t:BinaryExchange"), "negotiated once per channel: " + call);
            assertTrue(call.contains("<c:SecurityContextToken"), "each call carries the negotiated token: " + call);
            assertEquals(issued, contextId(call), "the negotiated token, not another");
            assertTrue(call.contains("<c:DerivedKeyToken"), call);
            assertTrue(call.contains("<e:EncryptedData"), "the body is encrypted: " + call);
            assertFalse(call.contains("<e:EncryptedKey"), "no key wrapped to a certificate");
            assertFalse(call.contains("GSS_Kerberosv5_AP_REQ"), "no Kerberos token profile: " + call);
        }
        for (String reply : replies.subList(1, 4)) {
            assertFalse(reply.contains("<c:SecurityContextToken"), "replies name the token, never carry it");
            assertTrue(reply.contains("URI=\"" + issued + "\""), "by its identifier: " + reply);
        }
        factory.close(id);
        assertEquals(4, sent(Direction.CLIENT_TO_SERVICE).size(), "the negotiated token is never cancelled");
    }

    @Test
    void wsTrust13RunsTheSameWay() {
        MessageSecurityVersion v13 = MessageSecurityVersion.WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12;
        Identity id = both(security(AuthenticationMode.SspiNegotiated).messageSecurityVersion(v13).build(),
                ClientCredentials.none());
        assertEquals(ALICE, id.whoAmI());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(0).contains(
                "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue"));
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(0).contains(
                "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RSTRC/IssueFinal"));
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(1).contains(
                "http://docs.oasis-open.org/ws-sx/ws-secureconversation/200512/sct"), "the token's 1.3 form");
    }

    @Test
    void eachChannelNegotiatesItsOwnToken() {
        Binding b = binding(outer(true));
        host(b, ServiceCredentials.defaults());
        Identity first = client(b, ClientCredentials.none());
        first.whoAmI();
        first.whoAmI();
        Identity second = factory.createChannel();
        second.whoAmI();
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertEquals(1 + 2 + 1 + 1, requests.size(), requests.toString());
        assertTrue(requests.get(3).contains("<t:BinaryExchange"), "the second channel negotiates again");
        assertFalse(contextId(requests.get(1)).equals(contextId(requests.get(4))), "a token per channel");
    }

    @Test
    void cookieModeNeedsNoStateAtTheServiceAndItsCookieCannotBeForged() {
        Identity id = both(outer(false), ClientCredentials.none());
        assertEquals(ALICE, id.whoAmI());
        String call = sent(Direction.CLIENT_TO_SERVICE).get(1);
        assertTrue(call.contains("<dnse:Cookie"), "requireCancellation=false: the token carries its state: " + call);
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE)
                .containing("<dnse:Cookie").then(FaultAction.rewrite(
                        s -> alteredAfter(s, "<dnse:Cookie xmlns:dnse=\"http://schemas.microsoft.com/ws/2006/05/"
                                + "security\">"))));
        int before = IdentityService.CALLS.get();
        assertThrows(RuntimeException.class, id::whoAmI);
        assertEquals(before, IdentityService.CALLS.get(), "a forged cookie is refused");
    }

    @Test
    void aStaleTokenIsNegotiatedAgain() {
        SecurityBindingElement e = outer(true);
        Identity id = both(e, ClientCredentials.none());
        id.whoAmI();
        String firstToken = contextId(sent(Direction.CLIENT_TO_SERVICE).get(1));
        Duration lifetime = e.localServiceSettings().issuedCookieLifetime();
        clientClock.advance(lifetime.multipliedBy(61).dividedBy(100));
        serviceClock.advance(lifetime.multipliedBy(61).dividedBy(100));
        assertEquals(ALICE, id.whoAmI());
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertEquals(4, requests.size(), requests.toString());
        assertTrue(requests.get(2).contains("<t:BinaryExchange"), "negotiated again");
        assertFalse(firstToken.equals(contextId(requests.get(3))));
    }

    @Test
    void aTokenTheServiceNeverNegotiatedIsRefused() {
        Binding b = binding(outer(true));
        host(b, ServiceCredentials.defaults());
        Identity id = client(b, ClientCredentials.none());
        id.whoAmI();
        host.abort();
        host(b, ServiceCredentials.defaults());
        int before = IdentityService.CALLS.get();
        assertThrows(RuntimeException.class, id::whoAmI, "a new service does not know the old token");
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aClientWithoutKerberosCredentialsIsNotOpened() {
        Binding b = binding(outer(true));
        host(b, ServiceCredentials.defaults());
        clientKerberos = Optional.empty();
        String saved = System.getProperty(io.github.wcf4j.runtime.security.KerberosCredentials.SETTING);
        System.clearProperty(io.github.wcf4j.runtime.security.KerberosCredentials.SETTING);
        try {
            RuntimeException e = assertThrows(RuntimeException.class, () -> client(b, ClientCredentials.none()));
            StringBuilder m = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause()) {
                m.append(c.getMessage()).append(" | ");
            }
            assertTrue(m.toString().contains("no Kerberos identity is configured"), m.toString());
        } finally {
            if (saved != null) {
                System.setProperty(io.github.wcf4j.runtime.security.KerberosCredentials.SETTING, saved);
            }
        }
    }

    @Test
    void underWsSecurity10TheOuterModeIsRefusedByName() {
        UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () -> host(binding(
                security(AuthenticationMode.SspiNegotiated).messageSecurityVersion(MessageSecurityVersion
                        .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10)
                        .build()), ServiceCredentials.defaults()));
        assertTrue(e.getMessage().contains("messageSecurityVersion"), e.getMessage());
    }
}

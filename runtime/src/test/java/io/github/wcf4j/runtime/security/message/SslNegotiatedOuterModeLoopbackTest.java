package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSL negotiation as the outer mode (WCF's {@code SymmetricSecurityBindingElement} with {@code SslSecurityTokenParameters}:
 * {@code CreateSslNegotiationBindingElement}, {@code CreateUserNameForSslBindingElement}), wcf4j to wcf4j through the
 * channel stack: the TLSNEGO legs once per channel, then each application message secured directly with the negotiated
 * token, no {@code RST/SCT} and no cancel.
 */
class SslNegotiatedOuterModeLoopbackTest extends SecuredLoopback {

    private static SecurityBindingElement outer(AuthenticationMode mode, boolean requireCancellation) {
        return security(mode).requireSecurityContextCancellation(requireCancellation).build();
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
    void anonymousForSslNegotiatedNegotiatesOnceThenSecuresEachCallWithTheNegotiatedToken() {
        Identity id = both(outer(AuthenticationMode.AnonymousForSslNegotiated, true), anonymous());
        assertEquals(":", id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        assertEquals(7.0, id.add(3, 4));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        List<String> replies = sent(Direction.SERVICE_TO_CLIENT);
        assertEquals(5, requests.size(), "two legs, then three calls, no token request: " + requests);
        assertTrue(requests.get(0).contains("<t:BinaryExchange ValueType=\" http://schemas.xmlsoap.org/ws/2005/02/"
                + "trust/tlsnego\""), requests.get(0));
        assertFalse(requests.get(0).contains("<o:Security "), "the legs are unsecured");
        assertTrue(replies.get(1).contains("#TLS_Wrap"), replies.get(1));
        String issued = issuedContextId(replies.get(1));
        assertFalse(issued.contains("Cookie"));
        assertFalse(replies.get(1).contains("<dnse:Cookie"), "requireCancellation: the service keeps the token");
        for (String call : requests.subList(2, 5)) {
            assertFalse(call.contains("/RST/SCT"), "no secure conversation on top: " + call);
            assertTrue(call.contains("<c:SecurityContextToken"), "each call carries the negotiated token: " + call);
            assertEquals(issued, contextId(call), "the negotiated token, not another");
            assertTrue(call.contains("<c:DerivedKeyToken"), call);
            assertTrue(call.contains("<e:EncryptedData"), "the body is encrypted: " + call);
            assertFalse(call.contains("<e:EncryptedKey"), "no key wrapped to the service's certificate");
        }
        for (String reply : replies.subList(2, 5)) {
            assertFalse(reply.contains("<c:SecurityContextToken"), "replies name the token, never carry it");
            assertTrue(reply.contains("URI=\"" + issued + "\""), "by its identifier: " + reply);
        }
        factory.close(id);
        assertEquals(5, sent(Direction.CLIENT_TO_SERVICE).size(), "the negotiated token is never cancelled");
    }

    @Test
    void eachChannelNegotiatesItsOwnToken() {
        Binding b = binding(outer(AuthenticationMode.AnonymousForSslNegotiated, true));
        host(b, serviceCredentials());
        Identity first = client(b, anonymous());
        first.whoAmI();
        first.whoAmI();
        Identity second = factory.createChannel();
        second.whoAmI();
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertEquals(2 + 2 + 2 + 1, requests.size(), requests.toString());
        assertTrue(requests.get(4).contains("<t:BinaryExchange"), "the second channel negotiates again");
        assertFalse(contextId(requests.get(2)).equals(contextId(requests.get(6))), "a token per channel");
    }

    @Test
    void userNameForSslNegotiatedCarriesTheUserEncryptedInEveryCall() {
        Identity id = both(outer(AuthenticationMode.UserNameForSslNegotiated, true), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertEquals(4, requests.size(), requests.toString());
        for (String call : requests) {
            assertFalse(call.contains("alice"), "the UsernameToken travels encrypted, never in a leg: " + call);
        }
        // the user's token is an encrypted header in each call: the body, the signature and the token encrypted
        for (String call : requests.subList(2, 4)) {
            assertEquals(3, call.split("<e:EncryptedData").length - 1, call);
        }
    }

    @Test
    void aWrongPasswordIsRefusedOnEveryCall() {
        Binding b = binding(outer(AuthenticationMode.UserNameForSslNegotiated, true));
        host(b, serviceCredentials());
        Identity id = client(b, alice("guess"));
        int before = IdentityService.CALLS.get();
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(e instanceof MessageSecurityException || e.getCause() instanceof MessageSecurityException,
                e.toString());
        assertEquals(before, IdentityService.CALLS.get(), "nothing is served");
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(2).contains("Fault"), "the call is answered by a fault");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void mutualSslNegotiatedMakesTheHandshakesCertificateTheCaller(boolean requireCancellation) {
        Identity id = both(outer(AuthenticationMode.MutualSslNegotiated, requireCancellation),
                ClientCredentials.certificate(client).withDefaultServiceCertificate(service.certificate()));
        String caller = "X509:" + X509CertificateAuthentication.id(client.certificate());
        assertEquals(caller, id.whoAmI());
        assertEquals(caller, id.whoAmI());
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertEquals(4, requests.size(), requests.toString());
        assertFalse(requests.get(2).contains("<o:BinarySecurityToken"),
                "the certificate travelled in the handshake, not in the calls");
        assertEquals(!requireCancellation, requests.get(2).contains("<dnse:Cookie"),
                "requireCancellation=false: the token carries its state in its cookie");
    }

    @Test
    void aCookieTokenNeedsNoStateAtTheServiceAndItsCookieCannotBeForged() {
        Identity id = both(outer(AuthenticationMode.AnonymousForSslNegotiated, false), anonymous());
        assertEquals(":", id.whoAmI());
        String call = sent(Direction.CLIENT_TO_SERVICE).get(2);
        assertTrue(call.contains("<dnse:Cookie"), call);
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
        SecurityBindingElement e = outer(AuthenticationMode.AnonymousForSslNegotiated, true);
        Identity id = both(e, anonymous());
        id.whoAmI();
        String firstToken = contextId(sent(Direction.CLIENT_TO_SERVICE).get(2));
        // the token lives issuedCookieLifetime (10 h); past cookieRenewalThresholdPercentage (60%) it is stale
        Duration lifetime = e.localServiceSettings().issuedCookieLifetime();
        clientClock.advance(lifetime.multipliedBy(61).dividedBy(100));
        serviceClock.advance(lifetime.multipliedBy(61).dividedBy(100));
        id.whoAmI();
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertEquals(6, requests.size(), requests.toString());
        assertTrue(requests.get(3).contains("<t:BinaryExchange"), "negotiated again");
        assertFalse(firstToken.equals(contextId(requests.get(5))));
    }

    @Test
    void aTokenTheServiceNeverNegotiatedIsRefused() {
        Binding b = binding(outer(AuthenticationMode.AnonymousForSslNegotiated, true));
        host(b, serviceCredentials());
        Identity id = client(b, anonymous());
        id.whoAmI();
        host.abort();
        host(b, serviceCredentials());
        int before = IdentityService.CALLS.get();
        assertThrows(RuntimeException.class, id::whoAmI, "a new service does not know the old token");
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void underWsSecurity10TheOuterModeIsRefusedByName() {
        UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () -> host(binding(
                security(AuthenticationMode.AnonymousForSslNegotiated).messageSecurityVersion(MessageSecurityVersion
                        .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10)
                        .build()), serviceCredentials()));
        assertTrue(e.getMessage().contains("messageSecurityVersion"), e.getMessage());
    }
}

package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLSNEGO (WCF's AnonymousForSslNegotiated and UserNameForSslNegotiated) as the bootstrap of a secure conversation,
 * wcf4j to wcf4j through the channel stack over the in-memory transport: a TLS 1.2 handshake in unsecured WS-Trust legs,
 * the negotiated token protecting the RST/SCT, then the security session.
 */
class TlsNegoLoopbackTest extends SecuredLoopback {

    static SecurityBindingElement conversation(AuthenticationMode bootstrap) {
        return SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                .requireSecurityContextCancellation(false)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(bootstrap).build()).build();
    }

    private long count(Direction direction, String text) {
        return sent(direction).stream().filter(m -> m.contains(text)).count();
    }

    static SecurityBindingElement negotiated(AuthenticationMode bootstrap, boolean session) {
        return SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                .requireSecurityContextCancellation(session)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(bootstrap).build()).build();
    }

    private static String body(String envelope) {
        return envelope.substring(envelope.indexOf("Body"));
    }

    @Test
    void anonymousForSslNegotiatedRunsTheHandshakeInLegsThenASession() {
        Identity id = both(negotiated(AuthenticationMode.AnonymousForSslNegotiated, true),
                ClientCredentials.none().withDefaultServiceCertificate(service.certificate()));
        assertEquals(":", id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        List<String> replies = sent(Direction.SERVICE_TO_CLIENT);
        // ClientHello; ClientKeyExchange+Finished; then the RST/SCT and the two calls
        assertEquals(5, requests.size(), "two legs, the token request, two calls: " + requests);
        String first = requests.get(0);
        assertTrue(first.contains("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/Issue"), first);
        assertTrue(first.contains("<t:RequestSecurityToken Context=\"uuid-"), first);
        assertTrue(first.contains("<t:TokenType>http://schemas.xmlsoap.org/ws/2005/02/sc/sct</t:TokenType>"
                + "<t:KeySize>256</t:KeySize><t:BinaryExchange ValueType=\" http://schemas.xmlsoap.org/ws/2005/02/"
                + "trust/tlsnego\""), "TokenType, KeySize, BinaryExchange with WCF's spaced ValueType: " + first);
        assertFalse(first.contains("RequestType"), "WCF's first leg names no RequestType");
        assertFalse(first.contains("<o:Security "), "the legs are unsecured");
        assertTrue(replies.get(0).contains("/trust/RSTR/Issue"), replies.get(0));
        assertTrue(requests.get(1).contains("<t:RequestSecurityTokenResponse Context=\"uuid-"), requests.get(1));
        assertTrue(requests.get(1).contains("/trust/RSTR/Issue"), "the client's later legs are RSTRs");
        String last = replies.get(1);
        assertTrue(last.contains("<t:RequestSecurityTokenResponseCollection"), last);
        assertTrue(last.contains("Algorithm=\"http://schemas.xmlsoap.org/2005/02/trust/tlsnego#TLS_Wrap\""), last);
        assertTrue(last.contains("<t:Authenticator><t:CombinedHash>"), last);
        assertFalse(last.contains("<o:Security "), "the final leg is unsecured too");
        String rst = requests.get(2);
        assertTrue(rst.contains("/trust/RST/SCT<"), rst);
        assertTrue(rst.contains("<c:SecurityContextToken"), "the negotiated token protects the RST/SCT: " + rst);
        assertFalse(rst.contains("<e:EncryptedKey"), "no key wrapped to the certificate");
        assertTrue(replies.get(2).contains("/RSTR/SCT"), replies.get(2));
        assertTrue(requests.get(3).contains("<c:SecurityContextToken"), requests.get(3));
        assertFalse(contextId(requests.get(3)).equals(contextId(rst)),
                "the session's context is not the negotiated one");
    }

    @Test
    void userNameForSslNegotiatedCarriesTheUserEncryptedInTheTokenRequest() {
        Identity id = both(negotiated(AuthenticationMode.UserNameForSslNegotiated, true), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        String rst = sent(Direction.CLIENT_TO_SERVICE).get(2);
        assertTrue(rst.contains("/trust/RST/SCT<"), rst);
        assertFalse(rst.contains("alice"), "the UsernameToken travels encrypted: " + rst);
        for (String leg : sent(Direction.CLIENT_TO_SERVICE).subList(0, 2)) {
            assertFalse(leg.contains("alice"), "nothing of the user in the legs");
        }
        factory.close(id);
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).stream().anyMatch(m -> m.contains("/RST/SCT/Cancel")));
    }

    @Test
    void aWrongPasswordIsRefusedAfterTheNegotiation() {
        Binding b = binding(negotiated(AuthenticationMode.UserNameForSslNegotiated, true));
        host(b, serviceCredentials());
        Identity id = client(b, alice("guess"));
        int before = IdentityService.CALLS.get();
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(e instanceof MessageSecurityException || e.getCause() instanceof MessageSecurityException,
                e.toString());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void cookieModeOverTlsNegoRunsToo() {
        Identity id = both(negotiated(AuthenticationMode.UserNameForSslNegotiated, false), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertEquals("UserName:alice", id.whoAmI());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(3).contains("<dnse:Cookie"));
    }

    @Test
    void anUnexpectedServiceCertificateFailsTheHandshake() {
        Binding b = binding(negotiated(AuthenticationMode.AnonymousForSslNegotiated, true));
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none().withDefaultServiceCertificate(impostor.certificate()));
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(String.valueOf(e.getMessage()).contains("not the service certificate")
                || String.valueOf(e.getCause()).contains("not the service certificate"), e.toString());
        assertEquals(1, sent(Direction.CLIENT_TO_SERVICE).size(), "the client stops after the service's hello");
    }

    @Test
    void aTamperedLegFailsTheAuthenticatorOrTheHandshake() {
        Binding b = binding(negotiated(AuthenticationMode.AnonymousForSslNegotiated, true));
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none().withDefaultServiceCertificate(service.certificate()));
        network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).containing("<t:CombinedHash>").then(
                FaultAction.rewrite(s -> alteredAfter(s, "<t:CombinedHash>"))));
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(String.valueOf(e.getMessage()).contains("CombinedHash is incorrect")
                || String.valueOf(e.getCause()).contains("CombinedHash is incorrect"), e.toString());
    }

    private static ClientCredentials certificate(X509Credential own) {
        return ClientCredentials.certificate(own).withDefaultServiceCertificate(service.certificate());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void mutualSslNegotiatedMakesTheClientsCertificateTheCaller(boolean session) {
        Identity id = both(negotiated(AuthenticationMode.MutualSslNegotiated, session), certificate(client));
        String caller = "X509:" + X509CertificateAuthentication.id(client.certificate());
        assertTrue(caller.startsWith("X509:CN=client; "), caller);
        assertEquals(caller, id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        assertEquals(caller, id.whoAmI());
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertTrue(requests.get(0).contains("<t:BinaryExchange"), requests.get(0));
        assertTrue(requests.get(1).contains("<t:RequestSecurityTokenResponse Context=\"uuid-"), requests.get(1));
        assertTrue(requests.get(2).contains("/trust/RST/SCT<"), "two legs, then the token request: " + requests);
        assertFalse(requests.get(2).contains("<o:BinarySecurityToken"),
                "the certificate travels in the handshake, not in the token request");
        assertFalse(requests.get(2).contains("<o:UsernameToken"), requests.get(2));
        byte[] der = encoded(client);
        String hex = java.util.HexFormat.of().formatHex(der);
        byte[] second = Base64.getDecoder().decode(blob(requests.get(1)));
        assertTrue(java.util.HexFormat.of().formatHex(second).contains(hex),
                "the client's second flight carries its certificate");
        byte[] hello = Base64.getDecoder().decode(blob(requests.get(0)));
        assertFalse(java.util.HexFormat.of().formatHex(hello).contains(hex), "not in the ClientHello");
        if (session) {
            factory.close(id);
            assertTrue(sent(Direction.CLIENT_TO_SERVICE).stream().anyMatch(m -> m.contains("/RST/SCT/Cancel")));
        }
    }

    @Test
    void mutualSslNegotiatedRefusesAnUntrustedCertificateWithFailedAuthentication() {
        Binding b = binding(negotiated(AuthenticationMode.MutualSslNegotiated, true));
        host(b, serviceCredentials());
        Identity id = client(b, certificate(impostor));
        int before = IdentityService.CALLS.get();
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        SecurityFaultException fault = null;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SecurityFaultException f) {
                fault = f;
            }
        }
        assertTrue(fault != null, "the service's fault is the cause: " + e);
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION, fault.fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get(), "nothing is served");
        assertEquals(2, sent(Direction.CLIENT_TO_SERVICE).size(), "the two legs, no token request: "
                + sent(Direction.CLIENT_TO_SERVICE));
        assertFalse(sent(Direction.SERVICE_TO_CLIENT).stream().anyMatch(m -> m.contains("RequestSecurityTokenResponseCollection")),
                "no token is issued");
    }

    @Test
    void mutualSslNegotiatedNeedsTheClientsCertificate() {
        Binding b = binding(negotiated(AuthenticationMode.MutualSslNegotiated, true));
        host(b, serviceCredentials());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client(b, anonymous()));
        assertEquals(WcfText.ClientCertificateNotProvidedOnClientCredentials.format(), e.getMessage());
    }

    private static byte[] encoded(X509Credential credential) {
        try {
            return credential.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }

    private static String blob(String envelope) {
        Matcher m = Pattern.compile("<t:BinaryExchange[^>]*>([^<]+)</t:BinaryExchange>").matcher(envelope);
        assertTrue(m.find(), envelope);
        return m.group(1).replaceAll("\\s", "");
    }

    @Test
    void wsTrust13UsesTheUnspacedValueTypeAndIssueFinal() {
        MessageSecurityVersion v13 = MessageSecurityVersion.WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12;
        SecurityBindingElement e = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).messageSecurityVersion(v13)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(
                        AuthenticationMode.UserNameForSslNegotiated).messageSecurityVersion(v13).build()).build();
        Identity id = both(e, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(0).contains(
                "ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego\""));
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(1).contains(
                "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RSTRC/IssueFinal"));
    }

    private static String contextId(String request) {
        Matcher m = Pattern.compile("<c:Identifier>([^<]+)</c:Identifier>").matcher(request);
        assertTrue(m.find(), request);
        return m.group(1);
    }
}

package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SspiNegotiated (SPNEGO over Kerberos through JGSS) as the bootstrap of a secure conversation, the seed's default,
 * wcf4j to wcf4j over the in-memory transport against an embedded KDC: the client's NegTokenInit in the first RST,
 * the service's AP-REP, the SCT, the GSS-wrapped key and the authenticator in the final collection, then the RST/SCT
 * secured with the SSPI token, then the session; the Kerberos client principal is the caller.
 */
class SspiNegotiatedLoopbackTest extends SecuredLoopback {
    private static final String SPNEGO = "http://schemas.xmlsoap.org/ws/2005/02/trust/spnego";

    @BeforeEach
    void kerberos() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        serviceKerberos = Optional.of(kdc.credentials("host/localhost"));
        clientKerberos = Optional.of(kdc.credentials("alice"));
    }

    static SecurityBindingElement conversation(boolean session, MessageSecurityVersion version) {
        return SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                .requireSecurityContextCancellation(session).messageSecurityVersion(version)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SspiNegotiated)
                        .messageSecurityVersion(version).build()).build();
    }

    static SecurityBindingElement conversation(boolean session) {
        return conversation(session, MessageSecurityVersion.DEFAULT);
    }

    @Test
    void theSeedsBootstrapNegotiatesKerberosInOneRoundTripThenASession() {
        Identity id = both(conversation(true), ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI(), "the Kerberos client is the caller");
        assertEquals(5.0, id.add(2, 3));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        List<String> replies = sent(Direction.SERVICE_TO_CLIENT);
        assertEquals(4, requests.size(), "one leg, the token request, two calls: " + requests);
        String first = requests.get(0);
        assertTrue(first.contains("<a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/02/trust/RST/"
                + "Issue</a:Action>"), first);
        assertTrue(first.contains("<t:RequestSecurityToken Context=\"uuid-"), first);
        assertTrue(first.contains("<t:TokenType>http://schemas.xmlsoap.org/ws/2005/02/sc/sct</t:TokenType>"
                + "<t:KeySize>256</t:KeySize><t:BinaryExchange ValueType=\"" + SPNEGO + "\" EncodingType=\"http://docs"
                + ".oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">"), first);
        assertFalse(first.contains("RequestType"), "WCF's first leg names no RequestType");
        assertFalse(first.contains("<o:Security "), "the legs are unsecured");
        byte[] negTokenInit = Base64.getDecoder().decode(blob(first));
        assertEquals(0x60, negTokenInit[0] & 0xff, "an SPNEGO NegTokenInit (GSS initial context token)");
        String last = replies.get(0);
        assertTrue(last.contains("http://schemas.xmlsoap.org/ws/2005/02/trust/RSTR/Issue"), last);
        assertTrue(last.contains("<t:RequestSecurityTokenResponseCollection"), last);
        assertTrue(last.contains("<t:RequestedSecurityToken><c:SecurityContextToken"), last);
        assertTrue(last.contains("<e:EncryptionMethod Algorithm=\"http://schemas.xmlsoap.org/2005/02/trust/spnego"
                + "#GSS_Wrap\"/>"), last);
        assertTrue(last.contains("<t:Authenticator><t:CombinedHash>"), last);
        byte[] apRep = Base64.getDecoder().decode(blob(last));
        assertEquals(0xa1, apRep[0] & 0xff, "the service's NegTokenResp with the AP-REP");
        assertFalse(last.contains("<o:Security "), "the final leg is unsecured too");
        String rst = requests.get(1);
        assertTrue(rst.contains("/trust/RST/SCT<"), rst);
        assertTrue(rst.contains("<c:SecurityContextToken"), "the SSPI token protects the RST/SCT: " + rst);
        assertTrue(rst.contains("<c:DerivedKeyToken"), rst);
        assertFalse(rst.contains("<e:EncryptedKey"), "no key wrapped to a certificate");
        assertFalse(contextId(requests.get(2)).equals(contextId(rst)), "the session's context is not the SSPI one");
        factory.close(id);
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).stream().anyMatch(m -> m.contains("/RST/SCT/Cancel")));
    }

    @Test
    void aDuplexSessionOverCompositeDuplexAsInTheSeedsStack() {
        Binding b = CustomBinding.of("b", conversation(true), CompositeDuplexBindingElement.defaults(),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        host(b, ServiceCredentials.defaults());
        Identity id = client(b, ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(0).contains("<a:ReplyTo>"), "the legs name the back channel");
        assertTrue(network.wire().stream().anyMatch(r -> r.envelope().contains("<t:CombinedHash>")
                && r.envelope().contains("#GSS_Wrap")), "the final leg travels back as its own message");
        factory.close(id);
        assertTrue(network.wire().stream().anyMatch(r -> r.envelope().contains("/RSTR/SCT/Cancel")),
                "the client's Cancel is answered");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void wsTrust13KeepsSpnegosFeb2005ValueTypeAndEndsWithIssueFinal(boolean session) {
        MessageSecurityVersion v13 = MessageSecurityVersion.WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12;
        Identity id = both(conversation(session, v13), ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
        String first = sent(Direction.CLIENT_TO_SERVICE).get(0);
        assertTrue(first.contains("http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue"), first);
        assertTrue(first.contains("ValueType=\"" + SPNEGO + "\""), first);
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(0).contains(
                "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RSTRC/IssueFinal"));
    }

    @Test
    void theServicePrincipalComesFromTheEndpointIdentity() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        serviceKerberos = Optional.of(kdc.credentials("calculator/app.example.com"));
        Binding b = binding(conversation(true));
        host(b, ServiceCredentials.defaults());
        Identity id = client(b, ClientCredentials.none(), Optional.of(
                new EndpointIdentity.ServicePrincipalName("calculator/app.example.com")));
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
    }

    @Test
    void aWrongServicePrincipalFailsWithAClearErrorAndNothingIsSent() {
        Binding b = binding(conversation(true));
        host(b, ServiceCredentials.defaults());
        Identity id = client(b, ClientCredentials.none(), Optional.of(
                new EndpointIdentity.ServicePrincipalName("host/nowhere.example.com")));
        int before = IdentityService.CALLS.get();
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        String message = messages(e);
        assertTrue(message.contains(WcfText.SoapSecurityNegotiationFailedForIssuerAndTarget.format(BASE, BASE)),
                message);
        assertTrue(message.contains("'host/nowhere.example.com'"), message);
        assertTrue(message.contains("NTLM"), "the error says there is no NTLM fallback: " + message);
        assertEquals(0, sent(Direction.CLIENT_TO_SERVICE).size(), "no ticket, nothing sent");
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aServiceWithoutKerberosCredentialsIsNotOpened() {
        serviceKerberos = Optional.empty();
        String saved = System.getProperty(KerberosCredentials.SETTING);
        System.clearProperty(KerberosCredentials.SETTING);
        try {
            RuntimeException e = assertThrows(RuntimeException.class, () -> host(binding(conversation(true)),
                    ServiceCredentials.defaults()));
            String message = messages(e);
            assertTrue(message.contains(KerberosCredentials.SETTING), message);
            assertTrue(message.contains("never as anonymous"), message);
        } finally {
            if (saved != null) {
                System.setProperty(KerberosCredentials.SETTING, saved);
            }
        }
    }

    @Test
    void aClientWithoutKerberosCredentialsIsNotOpened() {
        Binding b = binding(conversation(true));
        host(b, ServiceCredentials.defaults());
        clientKerberos = Optional.empty();
        RuntimeException e = assertThrows(RuntimeException.class, () -> client(b, ClientCredentials.none()));
        assertTrue(messages(e).contains("no Kerberos identity is configured"), messages(e));
    }

    @Test
    void theSettingNamesAPropertiesFile() {
        System.setProperty(KerberosCredentials.SETTING, EmbeddedKdc.shared().settings("alice").toString());
        try {
            clientKerberos = KerberosCredentials.fromSetting();
            Identity id = both(conversation(true), ClientCredentials.none());
            assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
        } finally {
            System.clearProperty(KerberosCredentials.SETTING);
        }
    }

    @Test
    void aTamperedAuthenticatorIsRefusedByTheClient() {
        Binding b = binding(conversation(true));
        host(b, ServiceCredentials.defaults());
        Identity id = client(b, ClientCredentials.none());
        network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).containing("<t:CombinedHash>").then(
                FaultAction.rewrite(s -> alteredAfter(s, "<t:CombinedHash>"))));
        int before = IdentityService.CALLS.get();
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(messages(e).contains(WcfText.RSTRAuthenticatorIncorrect.format()), messages(e));
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aTamperedContextIsRefusedByTheClient() {
        Binding b = binding(conversation(true));
        host(b, ServiceCredentials.defaults());
        Identity id = client(b, ClientCredentials.none());
        network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).containing("<t:CombinedHash>").then(
                FaultAction.rewrite(s -> s.replaceFirst("Context=\"uuid-", "Context=\"uuid-0"))));
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(messages(e).contains(WcfText.BadSecurityNegotiationContext.format()), messages(e));
    }

    @Test
    void aTamperedNegotiationTokenIsRefusedByTheServiceWithAFault() {
        Binding b = binding(conversation(true));
        host(b, ServiceCredentials.defaults());
        Identity id = client(b, ClientCredentials.none());
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<t:BinaryExchange").then(
                FaultAction.rewrite(s -> s.replaceFirst("(<t:BinaryExchange[^>]*>.{300})[^<]*", "$1"))));
        int before = IdentityService.CALLS.get();
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(messages(e).contains(WcfText.AuthenticationOfClientFailed.format()), "the service's"
                + " FailedAuthentication fault, as WCF's client reports it: " + messages(e));
        assertFalse(sent(Direction.SERVICE_TO_CLIENT).stream().anyMatch(m -> m.contains("<t:CombinedHash>")),
                "no token issued");
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(0).contains("Fault"), sent(Direction.SERVICE_TO_CLIENT)
                .get(0));
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aNegTokenInitOfferingOnlyNtlmIsNamedAsSuch() {
        byte[] ntlmOnly = {0x60, 0x1c, 0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02, (byte) 0xa0, 0x12, 0x30, 0x10,
            (byte) 0xa0, 0x0e, 0x30, 0x0c, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x02,
            0x0a};
        assertTrue(SpnegoHandshake.ntlmOnly(ntlmOnly));
        SpnegoHandshake acceptor = SpnegoHandshake.acceptor(serviceKerberos.orElseThrow());
        SecurityTokenValidationException e = assertThrows(SecurityTokenValidationException.class,
                () -> acceptor.step(ntlmOnly));
        assertTrue(e.getMessage().contains("NTLM"), e.getMessage());
    }

    @Test
    void theServiceRefusesALegOfAnUnknownNegotiationAndAReplayedFirstLeg() {
        SecurityBindingElement boot = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SspiNegotiated).build();
        NegotiationProtocol service = NegotiationProtocol.of(boot, serviceClock, TextMessageEncoder.defaultEncoder(),
                ExpectedServiceIdentity.ofAddress(), serviceKerberos);
        NegotiationProtocol client = NegotiationProtocol.of(boot, clientClock, TextMessageEncoder.defaultEncoder(),
                ExpectedServiceIdentity.ofAddress(), clientKerberos);
        List<Message> legs = new ArrayList<>();
        SecurityContext token = client.negotiate(m -> {
            legs.add(m);
            return CompletableFuture.completedFuture(service.answerLeg(m, ServiceCredentials.defaults()));
        }, EndpointAddress.of(BASE), ClientCredentials.none(), MessageVersion.DEFAULT).join();
        assertEquals(32, token.key().length);
        assertEquals(1, legs.size(), "Kerberos with mutual authentication: one leg");

        Message stray = Message.create(MessageVersion.DEFAULT, "http://schemas.xmlsoap.org/ws/2005/02/trust/RSTR/Issue",
                new XmlFragment("<t:RequestSecurityTokenResponse Context=\"uuid-unknown-1\" xmlns:t=\"http://schemas"
                        + ".xmlsoap.org/ws/2005/02/trust\"><t:BinaryExchange ValueType=\"" + SPNEGO + "\">AAAA"
                        + "</t:BinaryExchange></t:RequestSecurityTokenResponse>"));
        MessageSecurityException unknown = assertThrows(MessageSecurityException.class,
                () -> service.answerLeg(stray, ServiceCredentials.defaults()));
        assertEquals(WcfText.BadSecurityNegotiationContext.format(), unknown.getMessage());

        // the same NegTokenInit again: the Kerberos authenticator is a replay
        SecurityTokenValidationException replay = assertThrows(SecurityTokenValidationException.class,
                () -> service.answerLeg(legs.get(0), ServiceCredentials.defaults()));
        assertTrue(replay.getMessage().contains("not authenticated"), replay.getMessage());
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }

    private static String blob(String envelope) {
        Matcher m = Pattern.compile("<t:BinaryExchange[^>]*>([^<]+)</t:BinaryExchange>").matcher(envelope);
        assertTrue(m.find(), envelope);
        return m.group(1).replaceAll("\\s", "");
    }

    private static String contextId(String request) {
        Matcher m = Pattern.compile("<c:Identifier>([^<]+)</c:Identifier>").matcher(request);
        assertTrue(m.find(), request);
        return m.group(1);
    }
}

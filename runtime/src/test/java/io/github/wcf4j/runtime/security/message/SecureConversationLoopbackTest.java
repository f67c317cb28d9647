package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WS-SecureConversation in WCF's cookie mode ({@code requireSecurityContextCancellation="false"}) over the X.509
 * bootstraps, end to end through the channel stack over the in-memory transport: one token request per channel
 * secured by the bootstrap, then application messages secured with the context's key and carrying its token; the
 * service keeps no state (its cookie does), sees the caller the token was issued to, and refuses forged tokens.
 */
class SecureConversationLoopbackTest extends SecuredLoopback {

    static SecurityBindingElement conversation(AuthenticationMode bootstrap) {
        return SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                .requireSecurityContextCancellation(false)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(bootstrap).build()).build();
    }

    private long count(Direction direction, String text) {
        return sent(direction).stream().filter(m -> m.contains(text)).count();
    }

    @Test
    void overUserNameForCertificateOneTokenRequestThenContextSecuredCalls() {
        Identity id = both(conversation(AuthenticationMode.UserNameForCertificate), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertEquals("UserName:alice", id.whoAmI(), "the caller comes back out of the cookie");
        assertEquals(5.0, id.add(2, 3));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertEquals(4, requests.size(), "one token request, then the three calls");
        assertTrue(requests.get(0).contains("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT"), requests.get(0));
        assertTrue(requests.get(0).contains("<e:EncryptedKey"), "the token request is secured by the bootstrap");
        for (String call : requests.subList(1, 4)) {
            assertTrue(call.contains("<c:SecurityContextToken"), "each call carries the token: " + call);
            assertTrue(call.contains("<dnse:Cookie"), "with the service's cookie");
            assertFalse(call.contains("<e:EncryptedKey"), "and no key of its own");
            assertFalse(call.contains("alice"), "the body and identity stay encrypted or sealed");
        }
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(1);
        assertTrue(reply.contains("URI=\"urn:uuid:"), "a reply names the context by its identifier: " + reply);
        assertFalse(reply.contains("SecurityContextToken>"), "and does not carry it");
        String rstr = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertTrue(rstr.contains("/RSTR/SCT"), rstr);
        assertFalse(rstr.contains("dnse:Cookie"), "the issued token travels encrypted");
    }

    @Test
    void overAnonymousForCertificateTheCallerIsAnonymous() {
        Identity id = both(conversation(AuthenticationMode.AnonymousForCertificate), anonymous());
        assertEquals(5.0, id.add(2, 3));
        assertEquals(":", id.whoAmI());
    }

    @Test
    void overMutualCertificateTheCallerIsTheCertificate() {
        Identity id = both(conversation(AuthenticationMode.MutualCertificate),
                ClientCredentials.certificate(client).withDefaultServiceCertificate(service.certificate()));
        assertEquals("X509:CN=client; " + io.github.wcf4j.runtime.security.CertificateFind.thumbprintString(
                client.certificate()), id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
    }

    @Test
    void everyChannelObtainsItsOwnContext() {
        Binding b = binding(conversation(AuthenticationMode.UserNameForCertificate));
        host(b, serviceCredentials());
        Identity first = client(b, alice("secret"));
        first.whoAmI();
        Identity second = factory.createChannel();
        second.whoAmI();
        first.whoAmI();
        assertEquals(2, count(Direction.CLIENT_TO_SERVICE, "/RST/SCT"));
        assertEquals(2, clientMetrics.count("client negotiation succeeded"), "one per token request");
        assertEquals(2, serviceMetrics.count("service negotiation succeeded"), serviceMetrics.events().toString());
    }

    @Test
    void aWrongPasswordIsRefusedAtTheTokenRequestAndNothingIsServed() {
        int before = IdentityService.CALLS.get();
        Identity id = both(conversation(AuthenticationMode.UserNameForCertificate), alice("guess"));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
        assertEquals(0, count(Direction.CLIENT_TO_SERVICE, "SecurityContextToken"), "no token was issued");
        assertEquals(1, serviceMetrics.count("service negotiation failed"), serviceMetrics.events().toString());
        assertEquals(1, clientMetrics.count("client negotiation failed"), clientMetrics.events().toString());
    }

    @Test
    void aForgedCookieIsRefusedAndNeverServed() {
        Identity id = both(conversation(AuthenticationMode.UserNameForCertificate), alice("secret"));
        id.whoAmI();
        int before = IdentityService.CALLS.get();
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<dnse:Cookie").then(
                FaultAction.rewrite(s -> {
                    Matcher m = Pattern.compile("(<dnse:Cookie[^>]*>)(.)").matcher(s);
                    assertTrue(m.find(), s);
                    char flipped = m.group(2).charAt(0) == 'A' ? 'B' : 'A';
                    return s.substring(0, m.start(2)) + flipped + s.substring(m.end(2));
                })));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aTokenFromAnotherServiceIsRefused() {
        Binding b = binding(conversation(AuthenticationMode.UserNameForCertificate));
        host(b, serviceCredentials());
        Identity id = client(b, alice("secret"));
        id.whoAmI();
        host.abort();
        host(b, serviceCredentials());
        int before = IdentityService.CALLS.get();
        assertThrows(MessageSecurityException.class, id::whoAmI, "the new host cannot open the old host's cookie");
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void otherBootstrapsAreRefusedByName() {
        SecurityBindingElement issued = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireSecurityContextCancellation(false)
                .bootstrap(SecurityBindingElement.builder()
                        .authenticationMode(AuthenticationMode.IssuedTokenForCertificate).build())
                .build();
        UnsupportedBindingException w = assertThrows(UnsupportedBindingException.class,
                () -> host(binding(issued), serviceCredentials()));
        assertTrue(w.getMessage().contains("authenticationMode=IssuedTokenForCertificate"), w.getMessage());
    }

    @Test
    void wsTrust13RunsToo() {
        SecurityBindingElement e = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireSecurityContextCancellation(false)
                .messageSecurityVersion(MessageSecurityVersion.WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(AuthenticationMode.UserNameForCertificate)
                        .messageSecurityVersion(MessageSecurityVersion
                                .WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12).build()).build();
        Identity id = both(e, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(0).contains(
                "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/SCT"));
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(1).contains(WsSecurityNames.SC_13));
    }

    static SecurityBindingElement session(AuthenticationMode bootstrap) {
        return SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(bootstrap).build()).build();
    }

    @Test
    void aSecuritySessionIssuesItsTokenAtOpenAndCancelsItAtClose() {
        Identity id = both(session(AuthenticationMode.UserNameForCertificate), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertTrue(requests.get(0).contains("/RST/SCT<"), requests.get(0));
        assertTrue(requests.get(1).contains("<c:SecurityContextToken"), requests.get(1));
        assertFalse(requests.get(1).contains("Cookie"), "the service keeps the session's context: no cookie");
        factory.close(id);
        requests = sent(Direction.CLIENT_TO_SERVICE);
        assertEquals(4, requests.size(), "token request, two calls, cancel: " + requests);
        assertTrue(requests.get(3).contains("/RST/SCT/Cancel"), requests.get(3));
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(3).contains("/RSTR/SCT/Cancel"));
    }

    @Test
    void overMutualCertificateAndAnonymousForCertificateSessionsRunToo() {
        Identity mutual = both(session(AuthenticationMode.MutualCertificate),
                ClientCredentials.certificate(client).withDefaultServiceCertificate(service.certificate()));
        assertTrue(mutual.whoAmI().startsWith("X509:CN=client; "));
        factory.abort();
        host.abort();
        Identity anonymous = both(session(AuthenticationMode.AnonymousForCertificate), anonymous());
        assertEquals(":", anonymous.whoAmI());
        assertEquals(5.0, anonymous.add(2, 3));
    }

    @Test
    void aCancelledContextIsRefusedAndAnotherSessionKeepsServing() {
        Binding b = binding(session(AuthenticationMode.UserNameForCertificate));
        host(b, serviceCredentials());
        Identity first = client(b, alice("secret"));
        first.whoAmI();
        String cancelledId = contextId(sent(Direction.CLIENT_TO_SERVICE).get(1));
        factory.close(first);
        Identity second = factory.createChannel();
        assertEquals("UserName:alice", second.whoAmI());
        int before = IdentityService.CALLS.get();
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<c:SecurityContextToken").then(
                FaultAction.rewrite(s -> s.replaceFirst("<c:Identifier>[^<]+</c:Identifier>",
                        "<c:Identifier>" + cancelledId + "</c:Identifier>"))));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, second::whoAmI);
        // WCF's demux failure: no session takes it (SecuritySessionDemuxFailureHandler), before any cryptography
        MessageFault fault = ((SecurityFaultException) e.getCause()).fault();
        assertEquals(new javax.xml.namespace.QName("http://schemas.xmlsoap.org/ws/2005/02/sc", "BadContextToken"),
                fault.subcode().orElseThrow());
        String action = fault.reason().replaceAll("(?s).*the action '([^']*)'.*", "$1");
        assertTrue(action.endsWith("/WhoAmI"), fault.reason());
        assertEquals(WcfText.BadContextTokenOrActionFaultReason.format(action), fault.reason());
        assertEquals(before, IdentityService.CALLS.get(), "nothing was served with the cancelled context");
        network.clearFaults();
        assertEquals("UserName:alice", second.whoAmI(), "the other session still serves");
    }

    @Test
    void aWrongPasswordFailsTheSessionsOpen() {
        Binding b = binding(session(AuthenticationMode.UserNameForCertificate));
        host(b, serviceCredentials());
        Identity id = client(b, alice("guess"));
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(e instanceof MessageSecurityException || e.getCause() instanceof MessageSecurityException,
                e.toString());
        assertEquals(0, sent(Direction.CLIENT_TO_SERVICE).stream().filter(m -> m.contains("SecurityContextToken>"))
                .count(), "no context was issued");
    }

    private static String contextId(String request) {
        Matcher m = Pattern.compile("<c:Identifier>([^<]+)</c:Identifier>").matcher(request);
        assertTrue(m.find(), request);
        return m.group(1);
    }

    @Test
    void aReliableSessionRunsOverASecuritySession() {
        Binding b = CustomBinding.of("b", io.github.wcf4j.binding.reliability.ReliableSessionBindingElement.builder()
                .build(), session(AuthenticationMode.UserNameForCertificate),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.requestReply());
        host(b, serviceCredentials());
        Identity id = client(b, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        factory.close(id);
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertTrue(requests.get(0).contains("/RST/SCT<"), "the security session first: " + requests.get(0));
        assertTrue(requests.stream().skip(1).allMatch(r -> r.contains("<c:SecurityContextToken")),
                "then everything, CreateSequence included, secured with its context");
        assertTrue(requests.get(requests.size() - 1).contains("/RST/SCT/Cancel"), "cancelled after the sequence");
    }

    private static Binding reliable(io.github.wcf4j.binding.reliability.ReliableMessagingVersion version,
            SecurityBindingElement security) {
        return CustomBinding.of("b", io.github.wcf4j.binding.reliability.ReliableSessionBindingElement.builder()
                .reliableMessagingVersion(version).build(), security, TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    @ParameterizedTest
    @EnumSource(io.github.wcf4j.binding.reliability.ReliableMessagingVersion.class)
    void theSequenceIsBoundToTheSecuritySession(io.github.wcf4j.binding.reliability.ReliableMessagingVersion version) {
        Binding b = reliable(version, session(AuthenticationMode.UserNameForCertificate));
        host(b, serviceCredentials());
        Identity id = client(b, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI(), "the service accepted the sequence: it names the session");
        String createSequence = sent(Direction.CLIENT_TO_SERVICE).get(1);
        boolean v11 = version.name().contains("11");
        assertEquals(v11, createSequence.contains("UsesSequenceSTR s:mustUnderstand=\"1\""),
                "WS-RM 1.1 says so in a header: " + createSequence);
        // WCF signs the protocol messages' bodies and encrypts none
        // (ReliableSessionBindingElement.ProtectProtocolMessage)
        assertTrue(createSequence.matches("(?s).*<s:Body[^>]*><(r:)?CreateSequence"
                + ".*<o:SecurityTokenReference[^>]*>"
                + "<o:Reference URI=\"urn:uuid:.*"),
                "the body, with its reference to the context, in the clear: " + createSequence);
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).stream().anyMatch(r -> r.contains("CreateSequenceResponse><")),
                "its response signed only as well");
        // the RM headers are signed (a wsu:Id a signature references), as the exported SignedParts say
        String call = sent(Direction.CLIENT_TO_SERVICE).get(2);
        assertTrue(call.matches("(?s).*<(r:)?Sequence [^>]*u:Id=\".*"), call);
    }

    @ParameterizedTest
    @EnumSource(io.github.wcf4j.binding.reliability.ReliableMessagingVersion.class)
    void aSequenceNotBoundToItsSecuritySessionIsRefusedWithWcfsText(
            io.github.wcf4j.binding.reliability.ReliableMessagingVersion version) {
        // a client whose secure conversation is in cookie mode (a binding mismatch) creates no security session, so
        // its CreateSequence names none
        host(reliable(version, session(AuthenticationMode.UserNameForCertificate)), serviceCredentials());
        Identity id = client(reliable(version, conversation(AuthenticationMode.UserNameForCertificate)),
                alice("secret"));
        int before = IdentityService.CALLS.get();
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getMessage()).append(" | ");
        }
        assertTrue(chain.toString().contains(WcfText.CSRefusedRequiredSecurityElementMissing.format()), chain.toString());
        assertEquals(before, IdentityService.CALLS.get());
    }

    private static SecurityBindingElement withEntropy(SecurityBindingElement e,
            io.github.wcf4j.binding.security.SecurityKeyEntropyMode mode) {
        return e.toBuilder().keyEntropyMode(mode).build();
    }

    @ParameterizedTest
    @EnumSource(io.github.wcf4j.binding.security.SecurityKeyEntropyMode.class)
    void everyKeyEntropyModeIssuesAWorkingKey(io.github.wcf4j.binding.security.SecurityKeyEntropyMode mode) {
        Identity id = both(withEntropy(session(AuthenticationMode.UserNameForCertificate), mode), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        assertEquals(3, sent(Direction.CLIENT_TO_SERVICE).size(), "one token request, then the two calls");
    }

    @Test
    void aClientWithoutEntropyIsRefusedByACombinedEntropyService() {
        Binding service = binding(session(AuthenticationMode.UserNameForCertificate));
        host(service, serviceCredentials());
        Identity id = client(binding(withEntropy(session(AuthenticationMode.UserNameForCertificate),
                io.github.wcf4j.binding.security.SecurityKeyEntropyMode.ServerEntropy)), alice("secret"));
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(e instanceof MessageSecurityException || e.getCause() instanceof MessageSecurityException,
                e.toString());
    }

    @Test
    void aRetransmissionIsSecuredAgainAndNeverRefusedAsAReplay() {
        Binding b = reliable(io.github.wcf4j.binding.reliability.ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11,
                session(AuthenticationMode.UserNameForCertificate));
        host(b, serviceCredentials());
        Identity id = client(b, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        int before = IdentityService.CALLS.get();
        // the next application request is lost once: the reliable session sends it again
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<r:Sequence").occurrence(1)
                .then(FaultAction.drop()));
        assertEquals(5.0, id.add(2, 3));
        assertEquals(before + 1, IdentityService.CALLS.get(), "delivered once");
        List<String> adds = sent(Direction.CLIENT_TO_SERVICE).stream().filter(m -> m.contains("<r:Sequence")
                && m.contains("<r:MessageNumber>2</r:MessageNumber>")).toList();
        assertTrue(adds.size() >= 2, "sent twice: " + adds.size());
        assertTrue(!signatureNonce(adds.get(0)).equals(signatureNonce(adds.get(1))),
                "each attempt is secured anew (new derived-key nonces), so the replay cache never sees it twice");
        assertFalse(sent(Direction.SERVICE_TO_CLIENT).stream().anyMatch(m -> m.contains("InvalidSecurity")),
                "no attempt was refused");
    }

    private static String signatureNonce(String envelope) {
        Matcher m = Pattern.compile("<c:Nonce>([^<]+)</c:Nonce>").matcher(envelope);
        assertTrue(m.find(), envelope);
        return m.group(1);
    }

    @Test
    void aCookieOutlivingIssuedCookieLifetimeIsRefusedAndTheClientAsksForANewOneWhenItsLifetimeEnds() {
        // no timestamps: only the token's lifetime decides (the clocks drift apart on purpose)
        SecurityBindingElement e = conversation(AuthenticationMode.UserNameForCertificate).toBuilder()
                .includeTimestamp(false).build();
        Identity id = both(e, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        int before = IdentityService.CALLS.get();
        serviceClock.advance(java.time.Duration.ofHours(10).plusMinutes(1));
        MessageSecurityException expired = assertThrows(MessageSecurityException.class, id::whoAmI,
                "the service's cookie lifetime (issuedCookieLifetime, 10 h) has passed");
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) expired.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
        clientClock.advance(java.time.Duration.ofHours(10).plusMinutes(1));
        assertEquals("UserName:alice", id.whoAmI(), "the client's token expired too: it asked for a new one");
        assertEquals(2, count(Direction.CLIENT_TO_SERVICE, "/RST/SCT<"));
    }
}

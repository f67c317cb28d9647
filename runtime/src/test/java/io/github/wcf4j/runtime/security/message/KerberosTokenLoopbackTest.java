package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.credentials.TokenImpersonationLevel;
import io.github.wcf4j.binding.credentials.WindowsClientCredential;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.LocalServiceSecuritySettings;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.KerberosTicketTimes;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code authenticationMode="Kerberos"} (the WS-Security Kerberos Token Profile 1.1) wcf4j to wcf4j over the in-memory
 * transport against the embedded KDC: the request carries a fresh GSS-framed AP-REQ as its protection token, its
 * derived keys come from the Kerberos session key, the reply names that key by the token's SHA-1; replays and tickets
 * for another service principal are refused and nothing is dispatched.
 */
class KerberosTokenLoopbackTest extends SecuredLoopback {
    static final String GSS_AP_REQ =
            "http://docs.oasis-open.org/wss/oasis-wss-kerberos-token-profile-1.1#GSS_Kerberosv5_AP_REQ";
    static final String AP_REQ_SHA1 =
            "http://docs.oasis-open.org/wss/oasis-wss-kerberos-token-profile-1.1#Kerberosv5APREQSHA1";
    /** The Kerberos mechanism's OID as DER, right after the GSS framing's 0x60 length. */
    private static final byte[] KRB5_OID_DER = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12,
        0x01, 0x02, 0x02};

    @BeforeEach
    void principals() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        serviceKerberos = Optional.of(kdc.credentials("host/localhost"));
        clientKerberos = Optional.of(kdc.credentials("alice"));
    }

    /** What WCF's {@code CreateKerberosBindingElement} makes: suite KerberosDefault (Basic128). */
    static SecurityBindingElement kerberos() {
        return security(AuthenticationMode.Kerberos).defaultAlgorithmSuite("Basic128").build();
    }

    @Test
    void aKerberosTicketProtectsTheRequestAndItsHashNamesTheKeyOfTheReply() throws Exception {
        Identity id = both(kerberos(), ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI(), "the ticket's client is the caller");
        assertEquals(5.0, id.add(2, 3));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        List<String> replies = sent(Direction.SERVICE_TO_CLIENT);
        assertEquals(2, requests.size(), "no negotiation: each call is one message");
        String request = requests.get(0);
        Matcher bst = Pattern.compile("<o:BinarySecurityToken ValueType=\"" + Pattern.quote(GSS_AP_REQ)
                + "\" u:Id=\"(uuid-[^\"]+)\">([^<]+)</o:BinarySecurityToken>").matcher(request);
        assertTrue(bst.find(), request);
        byte[] token = Base64.getDecoder().decode(bst.group(2));
        assertEquals(0x60, token[0] & 0xff, "a GSS initial context token, its framing kept as SSPI gives it");
        assertTrue(indexOf(token, KRB5_OID_DER) >= 0 && indexOf(token, KRB5_OID_DER) < 6,
                "the Kerberos mechanism, not SPNEGO");
        assertTrue(request.indexOf("<o:BinarySecurityToken") < request.indexOf("<c:DerivedKeyToken"),
                "the token before the keys derived from it");
        assertTrue(request.contains("<o:Reference URI=\"#" + bst.group(1) + "\""), "the derived keys' source: "
                + request);
        assertTrue(request.contains("xmlenc#aes128-cbc"), "Basic128, WCF's KerberosDefault");
        assertFalse(request.contains("<e:EncryptedKey"), "no key wrapped to a certificate");
        String reply = replies.get(0);
        assertFalse(reply.contains("BinarySecurityToken"), "the token goes to the recipient only (Once)");
        String sha1 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(token));
        assertTrue(reply.contains("ValueType=\"" + AP_REQ_SHA1 + "\"") && reply.contains(">" + sha1 + "</o:KeyIdentifier>"),
                "the reply's keys derive from the request's ticket, named by its SHA-1: " + reply);
        String second = requests.get(1);
        Matcher next = Pattern.compile("ValueType=\"" + Pattern.quote(GSS_AP_REQ) + "\"[^>]*>([^<]+)<").matcher(second);
        assertTrue(next.find());
        assertFalse(next.group(1).equals(bst.group(2)), "each request carries a new AP-REQ");
    }

    @Test
    void theReferenceSourcesNamesAndTheBasicSecurityProfileAttributes() {
        Identity id = both(security(AuthenticationMode.Kerberos).defaultAlgorithmSuite("Basic128")
                .messageSecurityVersion(io.github.wcf4j.binding.security.MessageSecurityVersion
                        .WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10)
                .build(), ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        assertTrue(request.contains("<o:BinarySecurityToken EncodingType=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-soap-message-security-1.0#Base64Binary\" ValueType=\"" + GSS_AP_REQ + "\""), request);
        assertTrue(request.contains("k:TokenType=\"" + GSS_AP_REQ + "\""), "BSP: the references' token type: "
                + request);
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertTrue(reply.contains("<o:KeyIdentifier EncodingType=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-soap-message-security-1.0#Base64Binary\" ValueType=\"" + AP_REQ_SHA1 + "\">"), reply);
    }

    @Test
    void aTicketForAnotherServicePrincipalIsRefusedAndNothingIsDispatched() {
        EmbeddedKdc.shared().keytab("HTTP/other.example.com");
        Binding b = binding(kerberos());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none(), Optional.of(
                new EndpointIdentity.ServicePrincipalName("HTTP/other.example.com")));
        int before = IdentityService.CALLS.get();
        assertThrows(RuntimeException.class, id::whoAmI);
        assertEquals(before, IdentityService.CALLS.get(), "nothing dispatched");
        String fault = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertTrue(fault.contains("FailedAuthentication"), "WCF's token fault: " + fault);
        assertTrue(fault.contains("At least one security token in the message could not be validated."), fault);
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, client(b, ClientCredentials.none()).whoAmI(),
                "the service keeps serving");
    }

    /**
     * A service ticket past its end time: the JDK's acceptor reads the system clock and the KDC issues tickets from
     * its own "now", so the request's ticket is re-issued on the wire under the service's key with other times
     * ({@link KerberosTicketTimes}), all else as the client wrote it. Ended an hour ago (beyond the five minutes of
     * clock skew): refused as WCF refuses a token SSPI does not accept, nothing dispatched. The control, the same
     * re-issue within its times (and one ended a minute ago, within the skew, as SSPI and the JDK allow it), is
     * served: the end time alone decides.
     */
    @Test
    void aTicketPastItsEndTimeIsRefusedWithWcfsTextAndNothingIsDispatched() {
        Binding b = binding(kerberos());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none());
        KerberosTicketTimes tickets = KerberosTicketTimes.of(EmbeddedKdc.shared(), "host/localhost");
        java.time.Instant now = java.time.Instant.now();
        List<String> reissued = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the three calls' tickets: ended an hour ago; valid now; ended a minute ago
        List<java.time.Instant[]> times = List.of(
                new java.time.Instant[] {now.minus(java.time.Duration.ofHours(10)), now.minus(java.time.Duration.ofHours(1))},
                new java.time.Instant[] {now.minus(java.time.Duration.ofMinutes(10)), now.plus(java.time.Duration.ofHours(1))},
                new java.time.Instant[] {now.minus(java.time.Duration.ofHours(10)),
                    now.minus(java.time.Duration.ofMinutes(1))});
        network.inject(io.github.wcf4j.runtime.transport.inmemory.FaultRule.on(Direction.CLIENT_TO_SERVICE)
                .containing("IIdentity/WhoAmI").occurrences(1, 3).then(io.github.wcf4j.runtime.transport.inmemory
                        .FaultAction.rewrite(s -> {
                            java.time.Instant[] t = times.get(reissued.size());
                            return record(reissued, withTicket(s, tickets, t[0], t[1]));
                        })));
        int before = IdentityService.CALLS.get();
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertEquals(before, IdentityService.CALLS.get(), "nothing dispatched");
        String fault = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertTrue(fault.contains("FailedAuthentication"), "WCF's token fault: " + fault);
        assertTrue(fault.contains("At least one security token in the message could not be validated."), fault);
        assertTrue(messages(e).contains("At least one security token in the message could not be validated."),
                messages(e));
        // the control: re-issued within its times, the service runs the call; its reply names the key by the
        // SHA-1 of the token it received, the re-issued one, which the client did not write: it refuses the reply
        RuntimeException unresolved = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(messages(unresolved).contains("A derived key token does not derive from the message's key."),
                messages(unresolved));
        assertEquals(before + 1, IdentityService.CALLS.get(), "a re-issued ticket within its times is accepted");
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(1);
        assertTrue(reply.contains(">" + sha1OfToken(reissued.get(1)) + "</o:KeyIdentifier>"), reply);
        assertThrows(RuntimeException.class, id::whoAmI);
        assertEquals(before + 2, IdentityService.CALLS.get(), "ended a minute ago: within the clock skew");
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI(), "the service keeps serving");
    }

    private static String record(List<String> reissued, String envelope) {
        reissued.add(envelope);
        return envelope;
    }

    /** The envelope with its AP-REQ's ticket re-issued for {@code start}..{@code end}. */
    private static String withTicket(String envelope, KerberosTicketTimes tickets, java.time.Instant start,
            java.time.Instant end) {
        Matcher bst = Pattern.compile("(ValueType=\"" + Pattern.quote(GSS_AP_REQ) + "\"[^>]*>)([^<]+)(<)")
                .matcher(envelope);
        assertTrue(bst.find(), envelope);
        byte[] token = tickets.revalidated(Base64.getDecoder().decode(bst.group(2)), start, end);
        return envelope.substring(0, bst.start(2)) + Base64.getEncoder().encodeToString(token)
                + envelope.substring(bst.end(2));
    }

    private static String sha1OfToken(String envelope) {
        Matcher bst = Pattern.compile("ValueType=\"" + Pattern.quote(GSS_AP_REQ) + "\"[^>]*>([^<]+)<")
                .matcher(envelope);
        assertTrue(bst.find(), envelope);
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                    Base64.getDecoder().decode(bst.group(1))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTargetTheKdcDoesNotKnowFailsAtTheClientAndNothingIsSent() {
        Binding b = binding(kerberos());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none(), Optional.of(
                new EndpointIdentity.ServicePrincipalName("host/nowhere.example.com")));
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(messages(e).contains("'host/nowhere.example.com'"), messages(e));
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).isEmpty(), "no ticket, nothing sent");
    }

    @Test
    void aReplayedApRequestIsRefusedByTheAcceptorEvenWithoutTheMessageReplayCache() {
        SecurityBindingElement noReplayCache = kerberos().toBuilder().localServiceSettings(withoutReplayDetection())
                .build();
        Identity id = both(noReplayCache, ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
        byte[] request = sent(Direction.CLIENT_TO_SERVICE).get(0).getBytes(StandardCharsets.UTF_8);
        TextMessageEncoder encoder = TextMessageEncoder.defaultEncoder();
        KerberosSecurityProtocol service = new KerberosSecurityProtocol(noReplayCache, serviceClock, encoder,
                ExpectedServiceIdentity.ofAddress(), serviceKerberos, WindowsCredentials.defaults());
        Message replayed = encoder.read(request, encoder.contentType());
        SecurityTokenValidationException e = assertThrows(SecurityTokenValidationException.class,
                () -> service.verifyRequest(replayed, serviceCredentials()));
        assertTrue(e.getMessage().toLowerCase().contains("replay"), e.getMessage());
    }

    @Test
    void aReplayedRequestIsRefusedByTheReplayCache() {
        Identity id = both(kerberos(), ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
        TextMessageEncoder encoder = TextMessageEncoder.defaultEncoder();
        byte[] request = sent(Direction.CLIENT_TO_SERVICE).get(0).getBytes(StandardCharsets.UTF_8);
        int before = IdentityService.CALLS.get();
        network.inject(io.github.wcf4j.runtime.transport.inmemory.FaultRule.on(Direction.CLIENT_TO_SERVICE)
                .containing("IIdentity/WhoAmI").then(io.github.wcf4j.runtime.transport.inmemory.FaultAction.rewrite(
                        s -> new String(request, StandardCharsets.UTF_8))));
        assertThrows(RuntimeException.class, id::whoAmI, "the recorded request sent again is refused");
        assertEquals(before, IdentityService.CALLS.get(), "nothing dispatched");
        assertTrue(encoder.read(request, encoder.contentType()) != null);
    }

    @Test
    void aServiceWithoutKerberosCredentialsIsNotOpened() {
        serviceKerberos = Optional.empty();
        String saved = System.getProperty(KerberosCredentials.SETTING);
        System.clearProperty(KerberosCredentials.SETTING);
        try {
            RuntimeException e = assertThrows(RuntimeException.class, () -> host(binding(kerberos()),
                    serviceCredentials()));
            assertTrue(messages(e).contains("never as anonymous"), messages(e));
        } finally {
            if (saved != null) {
                System.setProperty(KerberosCredentials.SETTING, saved);
            }
        }
    }

    @Test
    void delegationIsRefusedByTheKerberosTokenProfileAsWcfRefusesIt() {
        Binding b = binding(kerberos());
        host(b, serviceCredentials());
        RuntimeException e = assertThrows(RuntimeException.class, () -> clientWith(b, TokenImpersonationLevel.Delegation));
        assertTrue(messages(e).contains("allowedImpersonationLevel=\"Delegation\""), messages(e));
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).isEmpty());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, clientWith(b, TokenImpersonationLevel.Impersonation)
                .whoAmI(), "Impersonation runs");
    }

    @Test
    void aSecureConversationOverAKerberosBootstrapAsWsHttpBindingWithoutNegotiation() {
        SecurityBindingElement conversation = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireSecurityContextCancellation(true)
                .defaultAlgorithmSuite("Basic128").bootstrap(kerberos()).build();
        Identity id = both(conversation, ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertTrue(requests.get(0).contains("/trust/RST/SCT<"), requests.get(0));
        assertTrue(requests.get(0).contains("ValueType=\"" + GSS_AP_REQ + "\""), "the RST/SCT is protected by the"
                + " Kerberos token: " + requests.get(0));
        assertFalse(requests.get(1).contains("BinarySecurityToken"), "the calls by the context token");
        assertTrue(requests.get(1).contains("<c:SecurityContextToken"), requests.get(1));
    }

    /** KerberosOverTransport over the in-memory transport, which protects nothing: allowInsecureTransport. */
    static SecurityBindingElement overTransport() {
        return security(AuthenticationMode.KerberosOverTransport).defaultAlgorithmSuite("Basic128")
                .allowInsecureTransport(true).build();
    }

    @Test
    void kerberosOverTransportEndorsesTheTimestampWithTheSessionKey() {
        Identity id = both(overTransport(), ClientCredentials.none());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        int ts = request.indexOf("<u:Timestamp u:Id=\"_0\">");
        int token = request.indexOf("<o:BinarySecurityToken ");
        assertTrue(request.contains("ValueType=\"" + GSS_AP_REQ + "\""), request);
        int signature = request.indexOf("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">");
        assertTrue(ts >= 0 && ts < token && token < signature, "timestamp, token, signature: " + request);
        assertTrue(request.contains("<SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#hmac-sha1\"/>"),
                "a symmetric signature, the Kerberos session key's: " + request);
        assertTrue(request.contains("<Reference URI=\"#_0\">"), "over the timestamp");
        assertFalse(request.contains("EncryptedData") || request.contains("DerivedKeyToken"),
                "the transport protects the message; no derived keys (the factory's RequireDerivedKeys=false)");
        assertTrue(request.contains("<s:Body><WhoAmI"), "the body in clear for the transport: " + request);
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertTrue(reply.contains("<u:Timestamp") && !reply.contains("BinarySecurityToken"), reply);
    }

    @Test
    void kerberosOverTransportRefusesASignatureByAnotherKeyAndATicketForAnotherPrincipal() {
        Binding b = binding(overTransport());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none());
        int before = IdentityService.CALLS.get();
        network.inject(io.github.wcf4j.runtime.transport.inmemory.FaultRule.on(Direction.CLIENT_TO_SERVICE)
                .containing("IIdentity/WhoAmI").then(io.github.wcf4j.runtime.transport.inmemory.FaultAction.rewrite(
                        s -> alteredAfter(s, "<SignatureValue>"))));
        assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(0).contains("InvalidSecurity"),
                sent(Direction.SERVICE_TO_CLIENT).get(0));
        EmbeddedKdc.shared().keytab("HTTP/other.example.com");
        Identity other = client(b, ClientCredentials.none(), Optional.of(
                new EndpointIdentity.ServicePrincipalName("HTTP/other.example.com")));
        assertThrows(RuntimeException.class, other::whoAmI, "wrong principal");
        assertEquals(before, IdentityService.CALLS.get(), "nothing dispatched");
        assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(1).contains("FailedAuthentication"),
                sent(Direction.SERVICE_TO_CLIENT).get(1));
    }

    @Test
    void spnegoRunsAtEveryLevelAJvmCanGiveAndRefusesNone() {
        Binding b = binding(SspiNegotiatedLoopbackTest.conversation(true));
        host(b, serviceCredentials());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, clientWith(b, TokenImpersonationLevel.Delegation)
                .whoAmI(), "Delegation asks JGSS to delegate; the KDC decides");
        factory.abort();
        RuntimeException none = assertThrows(RuntimeException.class,
                () -> clientWith(b, TokenImpersonationLevel.None).whoAmI());
        assertTrue(messages(none).contains(io.github.wcf4j.binding.WcfText.SpnegoImpersonationLevelCannotBeSetToNone
                .format()), messages(none));
    }

    private Identity clientWith(Binding b, TokenImpersonationLevel level) {
        var builder = io.github.wcf4j.runtime.client.ClientFactory.builder(
                new io.github.wcf4j.binding.description.ClientEndpoint("", BASE, "customBinding", "b", b, CONTRACT,
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty()), Identity.class)
                .parameter(io.github.wcf4j.runtime.time.Scheduler.class, scheduler)
                .parameter(io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork.class, network)
                .parameter(java.time.Clock.class, clientClock)
                .parameter(WindowsClientCredential.class, new WindowsClientCredential(level, true))
                .parameter(KerberosCredentials.class, clientKerberos.orElseThrow())
                .credentials(ClientCredentials.none());
        factory = builder.build();
        return factory.createChannel();
    }

    static LocalServiceSecuritySettings withoutReplayDetection() {
        LocalServiceSecuritySettings d = LocalServiceSecuritySettings.defaults();
        return new LocalServiceSecuritySettings(false, d.inactivityTimeout(), d.issuedCookieLifetime(),
                d.maxCachedCookies(), d.maxClockSkew(), d.maxPendingSessions(), d.maxStatefulNegotiations(),
                d.negotiationTimeout(), d.reconnectTransportOnFailure(), d.replayCacheSize(), d.replayWindow(),
                d.sessionKeyRenewalInterval(), d.sessionKeyRolloverInterval(), d.timestampValidityDuration());
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}

package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.LocalClientSecuritySettings;
import io.github.wcf4j.binding.security.LocalServiceSecuritySettings;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Session key renewal and rollover in a security session ({@code requireSecurityContextCancellation="true"}) on moved
 * clocks: the client renews its key ({@code RST/SCT/Renew}, {@code RSTR/SCT/Renew} with the new {@code Instance})
 * when {@code sessionKeyRenewalInterval} has passed and secures what follows with the new generation; the service
 * answers a message under a key older than its own renewal interval with WCF's renew fault; the previous key is
 * accepted within {@code sessionKeyRolloverInterval} and refused after it.
 */
class SecuritySessionKeyRenewalTest extends SecuredLoopback {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String FEB2005 = MessageSecurityVersion
            .WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11.name();

    enum Version {
        FEBRUARY_2005(MessageSecurityVersion
                .WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11,
                "http://schemas.xmlsoap.org/ws/2005/02/trust", WsSecurityNames.SC_FEB2005),
        V1_3(MessageSecurityVersion.WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12,
                "http://docs.oasis-open.org/ws-sx/ws-trust/200512", WsSecurityNames.SC_13);

        final MessageSecurityVersion version;
        final String trust;
        final String sc;

        Version(MessageSecurityVersion version, String trust, String sc) {
            this.version = version;
            this.trust = trust;
            this.sc = sc;
        }
    }

    static LocalClientSecuritySettings client(Duration renewal, Duration rollover) {
        var d = LocalClientSecuritySettings.defaults();
        return new LocalClientSecuritySettings(d.cacheCookies(), d.cookieRenewalThresholdPercentage(),
                d.detectReplays(), d.maxClockSkew(), d.maxCookieCachingTime(), d.reconnectTransportOnFailure(),
                d.replayCacheSize(), d.replayWindow(), renewal, rollover, d.timestampValidityDuration());
    }

    static LocalServiceSecuritySettings service(Duration renewal, Duration rollover, boolean detectReplays) {
        var d = LocalServiceSecuritySettings.defaults();
        return new LocalServiceSecuritySettings(detectReplays, d.inactivityTimeout(), d.issuedCookieLifetime(),
                d.maxCachedCookies(), d.maxClockSkew(), d.maxPendingSessions(), d.maxStatefulNegotiations(),
                d.negotiationTimeout(), d.reconnectTransportOnFailure(), d.replayCacheSize(), d.replayWindow(),
                renewal, rollover, d.timestampValidityDuration());
    }

    static SecurityBindingElement.Builder session(Version v) {
        return SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                .messageSecurityVersion(v.version)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(AuthenticationMode
                        .UserNameForCertificate).messageSecurityVersion(v.version).build());
    }

    /** Both clocks move: timestamps stay fresh, only the keys age. */
    private void advance(Duration d) {
        clientClock.advance(d);
        serviceClock.advance(d);
    }

    private List<String> withAction(Direction direction, String action) {
        return sent(direction).stream().filter(m -> m.contains(">" + action + "<")).toList();
    }

    private static String group(String pattern, String text) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), pattern + " in " + text);
        return m.group(1);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void theClientRenewsItsKeyWhenTheRenewalIntervalHasPassedAndUsesTheNewGeneration(Version v) {
        Identity id = both(session(v).localClientSettings(client(MINUTE, Duration.ofSeconds(30))).build(),
                alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        String contextId = group("<c:Identifier>([^<]+)</c:Identifier>", sent(Direction.CLIENT_TO_SERVICE).get(1));
        assertTrue(withAction(Direction.CLIENT_TO_SERVICE, v.trust + "/RST/SCT/Renew").isEmpty(),
                "no renewal before the interval");

        advance(MINUTE);
        assertEquals("UserName:alice", id.whoAmI(), "the call after the interval runs, on the renewed key");

        List<String> renews = withAction(Direction.CLIENT_TO_SERVICE, v.trust + "/RST/SCT/Renew");
        assertEquals(1, renews.size(), "one RST/SCT/Renew, before the call");
        String renew = renews.get(0);
        assertTrue(renew.contains("<c:SecurityContextToken"), "the renewal carries the current token: " + renew);
        assertFalse(renew.contains("<c:Instance>"), "the first key has no generation");
        assertFalse(renew.contains("RenewTarget"), "its body (RenewTarget, entropy) travels encrypted");
        // WCF's way (SecuritySessionSecurityTokenProvider.CreateRenewRequest): secured by the bootstrap, a key wrapped
        // to the service's certificate, and endorsed by the session's current token through a key derived from it
        assertTrue(renew.contains("<e:EncryptedKey"), "secured by the bootstrap: " + renew);
        assertEquals(contextId, group("<c:Identifier>([^<]+)</c:Identifier>", renew), "the session's token");
        String sctId = group("<c:SecurityContextToken [^>]*u:Id=\"([^\"]+)\"", renew);
        assertTrue(renew.matches("(?s).*<c:DerivedKeyToken [^>]*>\\s*<o:SecurityTokenReference>\\s*<o:Reference URI=\"#"
                + Pattern.quote(sctId) + "\".*"), "a key derived from the session token endorses: " + renew);
        List<String> rstrs = withAction(Direction.SERVICE_TO_CLIENT, v.trust + "/RSTR/SCT/Renew");
        assertEquals(1, rstrs.size(), "answered by RSTR/SCT/Renew");
        assertTrue(rstrs.get(0).contains("EncryptedKeySHA1"), "the answer under the bootstrap's key: " + rstrs.get(0));

        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        String call = requests.get(requests.size() - 1);
        String instance = group("<c:Instance>([^<]+)</c:Instance>", call);
        assertTrue(instance.startsWith("urn:uuid:"), instance);
        assertEquals(contextId, group("<c:Identifier>([^<]+)</c:Identifier>", call), "the same context");
        assertTrue(call.contains("xmlns:c=\"" + v.sc + "\""), "in the version's namespace");
        List<String> replies = sent(Direction.SERVICE_TO_CLIENT);
        String reply = replies.get(replies.size() - 1);
        String reference = group("(<o:Reference [^>]*c:Instance=\"" + instance + "\"[^>]*>)", reply);
        assertTrue(reference.contains("URI=\"" + contextId + "\""),
                "the reply names the new generation by its Instance: " + reference);

        advance(Duration.ofSeconds(30));
        assertEquals(5.0, id.add(2, 3), "no renewal within the new key's interval");
        assertEquals(1, withAction(Direction.CLIENT_TO_SERVICE, v.trust + "/RST/SCT/Renew").size());
        factory.close(id);
        List<String> all = sent(Direction.CLIENT_TO_SERVICE);
        assertTrue(all.get(all.size() - 1).contains("/RST/SCT/Cancel")
                && all.get(all.size() - 1).contains(instance), "the cancel is secured with the renewed key");
    }

    /**
     * A renewal secured with the session's key alone (no bootstrap) is refused: WCF secures it by the bootstrap
     * (the other bootstraps in {@link SessionKeyRenewalOverBootstrapsTest}), and so does the service expect it.
     */
    @Test
    void aRenewalSecuredWithTheSessionsKeyAloneIsRefused() {
        Identity id = both(session(Version.FEBRUARY_2005).localClientSettings(client(MINUTE, Duration.ofSeconds(30)))
                .build(), alice("secret"));
        id.whoAmI();
        advance(MINUTE);
        // the renewal as a session message: its EncryptedKey renamed away, the service finds no bootstrap key
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("/RST/SCT/Renew<").then(FaultAction
                .rewrite(m -> m.replace("<e:EncryptedKey ", "<e:EncryptedKeyX ").replace("</e:EncryptedKey>",
                        "</e:EncryptedKeyX>"))));
        int before = IdentityService.CALLS.get();
        assertThrows(RuntimeException.class, id::whoAmI);
        assertEquals(before, IdentityService.CALLS.get());
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, Version.FEBRUARY_2005.trust + "/RSTR/SCT/Renew").isEmpty(),
                "no new key is issued");
    }

    @Test
    void aBootstrapSecuredRenewalEndorsedByAForgedTokenIsRefused() {
        Identity id = both(session(Version.FEBRUARY_2005).localClientSettings(client(MINUTE, Duration.ofSeconds(30)))
                .build(), alice("secret"));
        id.whoAmI();
        advance(MINUTE);
        // the endorsing token's identifier changed: no session holds it, so the renewal is refused
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE)
                .containing("/RST/SCT/Renew<").then(FaultAction.rewrite(
                        m -> m.replaceFirst("<c:Identifier>urn:uuid:[0-9a-f]", "<c:Identifier>urn:uuid:z"))));
        int before = IdentityService.CALLS.get();
        assertThrows(RuntimeException.class, id::whoAmI);
        assertEquals(before, IdentityService.CALLS.get());
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, Version.FEBRUARY_2005.trust + "/RSTR/SCT/Renew").isEmpty(),
                "no new key is issued");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void overCompositeDuplexTheRenewalIsCorrelatedAndTheServiceAnswersUnderTheNewKey(Version v) {
        Binding b = CustomBinding.of("b", session(v).localClientSettings(client(MINUTE, Duration.ofSeconds(30)))
                .build(), CompositeDuplexBindingElement.at(URI.create("inmemory://localhost/client/")),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        host(b, serviceCredentials());
        Identity id = client(b, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        advance(MINUTE);
        assertEquals(5.0, id.add(2, 3), "the call after the interval runs, on the renewed key");
        // over composite duplex each direction is its own one-way exchange: the service's messages go to the
        // client's address
        List<String> toService = network.wire().stream().map(r -> r.envelope())
                .filter(m -> m.contains(">inmemory://localhost/secured</a:To>")).toList();
        List<String> toClient = network.wire().stream().map(r -> r.envelope())
                .filter(m -> m.contains(">inmemory://localhost/client/")
                        && !m.contains(">inmemory://localhost/secured</a:To>")).toList();
        List<String> renews = toService.stream().filter(m -> m.contains(">" + v.trust + "/RST/SCT/Renew<")).toList();
        assertEquals(1, renews.size());
        String renewId = group("<a:MessageID[^>]*>([^<]+)</a:MessageID>", renews.get(0));
        List<String> rstrs = toClient.stream().filter(m -> m.contains(">" + v.trust + "/RSTR/SCT/Renew<")).toList();
        assertEquals(1, rstrs.size());
        assertTrue(rstrs.get(0).contains(renewId + "</a:RelatesTo>"), "correlated by RelatesTo");
        String instance = group("<c:Instance>([^<]+)</c:Instance>", toService.get(toService.size() - 1));
        assertTrue(toClient.get(toClient.size() - 1).contains("c:Instance=\"" + instance + "\""),
                "the service's message after the client used the new key is secured with it");
    }

    @Test
    void withoutCanRenewSecurityContextTokenADueKeyFailsTheCallAndAStaleOneIsRefused() {
        Identity id = both(session(Version.FEBRUARY_2005).canRenewSecurityContextToken(false)
                .localClientSettings(client(MINUTE, Duration.ofSeconds(30)))
                .localServiceSettings(service(Duration.ofMinutes(2), Duration.ofSeconds(30), true)).build(),
                alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        int before = IdentityService.CALLS.get();
        clientClock.advance(MINUTE);
        RuntimeException due = assertThrows(RuntimeException.class, id::whoAmI);
        Throwable cause = due instanceof MessageSecurityException ? due : due.getCause();
        assertEquals(WcfText.SessionKeyRenewalNotSupported.format(), cause.getMessage(), due.toString());
        assertTrue(withAction(Direction.CLIENT_TO_SERVICE, Version.FEBRUARY_2005.trust + "/RST/SCT/Renew")
                .isEmpty(), "nothing renewed");

        serviceClock.advance(MINUTE);
        Identity other = factory.createChannel();
        assertEquals("UserName:alice", other.whoAmI());
        serviceClock.advance(Duration.ofMinutes(2).plusSeconds(1));
        MessageSecurityException stale = assertThrows(MessageSecurityException.class, other::whoAmI,
                "a stale key gets no renew fault: the key has expired");
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) stale.getCause()).fault().subcode().orElseThrow());
        assertEquals(before + 1, IdentityService.CALLS.get());
    }

    @Test
    void inCookieModeTheClientAsksForANewTokenAtCookieRenewalThresholdPercentageAndNeverRenews() {
        SecurityBindingElement cookie = SecureConversationLoopbackTest.conversation(
                AuthenticationMode.UserNameForCertificate).toBuilder()
                .localClientSettings(client(MINUTE, Duration.ofSeconds(30))).build();
        Identity id = both(cookie, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        advance(Duration.ofHours(5));
        assertEquals("UserName:alice", id.whoAmI(), "within 60 % of the 10 h cookie the token is kept");
        assertEquals(1, sent(Direction.CLIENT_TO_SERVICE).stream().filter(m -> m.contains("/RST/SCT<")).count());
        advance(Duration.ofHours(1).plusMinutes(1));
        assertEquals("UserName:alice", id.whoAmI());
        assertEquals(2, sent(Direction.CLIENT_TO_SERVICE).stream().filter(m -> m.contains("/RST/SCT<")).count(),
                "past 60 % (cookieRenewalThresholdPercentage) a new token is issued");
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).stream().noneMatch(m -> m.contains("/RST/SCT/Renew")),
                "cookie mode never renews, whatever sessionKeyRenewalInterval says");
    }

    @Test
    void theRenewalRequestAndResponseBodiesAreWcfs() {
        ContextTokenIssuance feb = new ContextTokenIssuance(MessageSecurityVersion.valueOf(FEB2005));
        SecurityContext current = new SecurityContext("urn:uuid:ctx", "<x/>", new byte[32], java.time.Instant.MAX,
                java.util.Optional.of("urn:uuid:gen1"), null);
        String rst = feb.renew(current, java.util.Optional.of(new byte[32]), 256);
        String t = "http://schemas.xmlsoap.org/ws/2005/02/trust";
        assertTrue(rst.matches("<t:RequestSecurityToken xmlns:t=\"" + t + "\"><t:TokenType>"
                + WsSecurityNames.SC_FEB2005 + "/sct</t:TokenType><t:RequestType>" + t + "/Renew</t:RequestType>"
                + "<t:Entropy><t:BinarySecret [^>]+>[^<]+</t:BinarySecret></t:Entropy><t:KeySize>256</t:KeySize>"
                + "<t:RenewTarget><o:SecurityTokenReference xmlns:o=\"[^\"]+\"><o:Reference URI=\"urn:uuid:ctx\""
                + " c:Instance=\"urn:uuid:gen1\" xmlns:c=\"" + WsSecurityNames.SC_FEB2005 + "\" ValueType=\""
                + WsSecurityNames.SC_FEB2005 + "/sct\"/></o:SecurityTokenReference></t:RenewTarget>"
                + "</t:RequestSecurityToken>"), rst);
        ContextTokenIssuance.Request read = feb.readRequest(DomXml.parse(rst));
        assertEquals(new ContextTokenIssuance.Target("urn:uuid:ctx", java.util.Optional.of("urn:uuid:gen1")),
                read.renewTarget().orElseThrow());
        String token = feb.sessionToken("uuid-1", "urn:uuid:ctx", java.util.Optional.of("urn:uuid:gen2"));
        assertTrue(token.contains("<c:Identifier>urn:uuid:ctx</c:Identifier><c:Instance>urn:uuid:gen2</c:Instance>"),
                token);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aKeyOlderThanTheServicesRenewalIntervalGetsWcfsRenewFaultAndTheNextCallRenews(Version v) {
        Identity id = both(session(v).localServiceSettings(service(MINUTE, Duration.ofSeconds(30), true)).build(),
                alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        int before = IdentityService.CALLS.get();

        // the client's clock lags the service's (within the skew allowed): by its own reckoning its key is not due
        serviceClock.advance(MINUTE.plusSeconds(1));
        MessageSecurityException stale = assertThrows(MessageSecurityException.class, id::whoAmI,
                "the service finds the key stale");
        assertEquals(WcfText.SecuritySessionFaultReplyWasSent.format(), stale.getMessage());
        var fault = ((SecurityFaultException) stale.getCause()).fault();
        assertEquals(new javax.xml.namespace.QName(v.sc, "RenewNeeded"), fault.subcode().orElseThrow());
        assertEquals(WcfText.SecurityRenewFaultReason.format(), fault.reason());
        assertEquals(before, IdentityService.CALLS.get(), "nothing was served under the stale key");
        List<String> replies = sent(Direction.SERVICE_TO_CLIENT);
        assertTrue(replies.get(replies.size() - 1).contains(
                ">http://schemas.microsoft.com/ws/2006/05/security/SecureConversationFault<"),
                "WCF's security session fault action, the fault secured with the session");

        assertEquals("UserName:alice", id.whoAmI(), "the fault made the key due: the next call renews first");
        assertEquals(1, withAction(Direction.CLIENT_TO_SERVICE, v.trust + "/RST/SCT/Renew").size());
        assertEquals(before + 1, IdentityService.CALLS.get());
    }

    @Test
    void thePreviousKeyIsAcceptedWithinTheRolloverIntervalAndRefusedAfterIt() {
        Version v = Version.FEBRUARY_2005;
        // no replay cache: the old request is sent again on purpose, its key is what is tested
        Identity id = both(session(v).localClientSettings(client(Duration.ofMinutes(2), Duration.ofMinutes(5)))
                .localServiceSettings(service(Duration.ofMinutes(15), MINUTE, false)).build(), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        String underFirstKey = requests.get(requests.size() - 1);
        assertFalse(underFirstKey.contains("<c:Instance>"));

        advance(Duration.ofMinutes(2));
        assertEquals("UserName:alice", id.whoAmI(), "renewed, and the new key in use: the rollover starts");
        int before = IdentityService.CALLS.get();

        advance(Duration.ofSeconds(30));
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<c:Instance>").occurrence(1)
                .then(FaultAction.rewrite(s -> underFirstKey)));
        assertEquals("UserName:alice", id.whoAmI(), "within the rollover the previous key is still accepted");
        assertEquals(before + 1, IdentityService.CALLS.get());
        List<String> replies = sent(Direction.SERVICE_TO_CLIENT);
        assertTrue(replies.get(replies.size() - 1).contains("c:Instance="),
                "answered under the session's current key, as everything the service sends");

        network.clearFaults();
        advance(Duration.ofSeconds(31));
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<c:Instance>").occurrence(1)
                .then(FaultAction.rewrite(s -> underFirstKey)));
        MessageSecurityException refused = assertThrows(MessageSecurityException.class, id::whoAmI,
                "after the rollover the previous key is forgotten");
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) refused.getCause()).fault().subcode().orElseThrow());
        assertEquals(before + 1, IdentityService.CALLS.get(), "nothing served under the rolled-over key");
        network.clearFaults();
        assertEquals("UserName:alice", id.whoAmI(), "the session goes on under its current key");
    }

    @Test
    void theClientAcceptsThePreviousKeyWithinItsRolloverOnly() {
        SettableClock clock = new SettableClock();
        SecurityContext first = new SecurityContext("urn:uuid:ctx", "<x/>", new byte[] {1}, clock.instant()
                .plus(Duration.ofHours(15)), java.util.Optional.empty(), clock.instant());
        ClientSessionKeys keys = new ClientSessionKeys(first, client(MINUTE, Duration.ofMinutes(5)), clock);
        SecurityContext second = new SecurityContext("urn:uuid:ctx", "<y/>", new byte[] {2}, clock.instant()
                .plus(Duration.ofHours(15)), java.util.Optional.of("urn:uuid:gen"), clock.instant());
        assertEquals(first, keys.forSending(c -> { throw new AssertionError("not due yet"); }).join());
        clock.advance(MINUTE);
        assertEquals(second, keys.forSending(c -> java.util.concurrent.CompletableFuture.completedFuture(second))
                .join(), "due after the renewal interval");
        assertEquals(1, keys.keyOf("urn:uuid:ctx", java.util.Optional.empty())[0], "the previous key, in rollover");
        assertEquals(2, keys.keyOf("urn:uuid:ctx", java.util.Optional.of("urn:uuid:gen"))[0]);
        clock.advance(Duration.ofMinutes(5));
        MessageSecurityException gone = assertThrows(MessageSecurityException.class,
                () -> keys.keyOf("urn:uuid:ctx", java.util.Optional.empty()));
        assertEquals(WcfText.SecurityContextNotRegistered.format("urn:uuid:ctx", ""), gone.getMessage());
    }

    @Test
    void theServiceSendsNothingUnderAStaleKey() {
        SettableClock clock = new SettableClock();
        SecureConversationProtocol protocol = new SecureConversationProtocol(session(Version.FEBRUARY_2005)
                .localServiceSettings(service(MINUTE, Duration.ofSeconds(30), true)).build(), clock,
                io.github.wcf4j.runtime.encoding.TextMessageEncoder.defaultEncoder(),
                io.github.wcf4j.runtime.security.ExpectedServiceIdentity.ofAddress());
        var issued = new SecureConversationProtocol.ServiceContext("urn:uuid:ctx", new byte[32],
                ServiceSecurityContext.anonymous(), clock.instant().plus(MINUTE));
        ServiceSessionKeys keys = protocol.renewal().serviceKeys(issued);
        assertEquals(issued, protocol.renewal().forSending(keys));
        clock.advance(MINUTE.plusSeconds(1));
        MessageSecurityException stale = assertThrows(MessageSecurityException.class,
                () -> protocol.renewal().forSending(keys), "WCF's CheckOutgoingToken");
        assertEquals(WcfText.SecuritySessionKeyIsStale.format(), stale.getMessage());
        assertTrue(protocol.renewal().stale(issued), "and a message under it gets the renew fault");
    }

    @Test
    void aRenewalIsCheckedAgainstTheSessionsCurrentGeneration() {
        SettableClock clock = new SettableClock();
        var issued = new SecureConversationProtocol.ServiceContext("urn:uuid:ctx", new byte[] {1},
                ServiceSecurityContext.anonymous(), clock.instant().plus(Duration.ofHours(15)));
        ServiceSessionKeys keys = new ServiceSessionKeys(issued, MINUTE, clock);
        var next = new SecureConversationProtocol.ServiceContext("urn:uuid:ctx", new byte[] {2},
                ServiceSecurityContext.anonymous(), clock.instant().plus(Duration.ofHours(15)),
                java.util.Optional.of("urn:uuid:gen"));
        MessageSecurityException wrong = assertThrows(MessageSecurityException.class,
                () -> keys.renewed(java.util.Optional.of("urn:uuid:other"), next));
        assertEquals(WcfText.CurrentSessionTokenNotRenewed.format("urn:uuid:other", ""), wrong.getMessage());
        for (int i = 0; i < ServiceSessionKeys.MAX_PENDING_KEYS; i++) {
            keys.renewed(java.util.Optional.empty(), next);
        }
        assertEquals(WcfText.TooManyPendingSessionKeys.format(), assertThrows(MessageSecurityException.class,
                () -> keys.renewed(java.util.Optional.empty(), next)).getMessage());
        assertEquals(issued, keys.current(), "a renewed key becomes current only when a message uses it");
        assertEquals(next, keys.find(java.util.Optional.of("urn:uuid:gen")));
        assertEquals(next, keys.current());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> reliableStacks() {
        return java.util.stream.Stream.of(ReliableMessagingVersion.values()).flatMap(rm -> java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(rm, false),
                org.junit.jupiter.params.provider.Arguments.of(rm, true)));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("reliableStacks")
    void aReliableSessionOverARenewedSecuritySessionResendsUnderTheNewKeyAndIsNeverRefused(ReliableMessagingVersion rm,
            boolean compositeDuplex) {
        SecurityBindingElement security = session(Version.FEBRUARY_2005)
                .localClientSettings(client(MINUTE, Duration.ofSeconds(30))).build();
        ReliableSessionBindingElement reliable = ReliableSessionBindingElement.builder().reliableMessagingVersion(rm)
                .build();
        // the seed's stack (reliable session, security session, composite duplex) or request/reply
        Binding b = compositeDuplex
                ? CustomBinding.of("b", reliable, security,
                        CompositeDuplexBindingElement.at(URI.create("inmemory://localhost/client/")),
                        OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                        InMemoryTransportBindingElement.requestReply())
                : CustomBinding.of("b", reliable, security, TextMessageEncodingBindingElement.defaults(),
                        InMemoryTransportBindingElement.requestReply());
        host(b, serviceCredentials());
        Identity id = client(b, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        int before = IdentityService.CALLS.get();
        advance(MINUTE);
        // the first application message after the renewal is lost once: the reliable session sends it again
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("MessageNumber>2<").occurrence(1)
                .then(FaultAction.drop()));
        assertEquals(5.0, id.add(2, 3));
        assertEquals(before + 1, IdentityService.CALLS.get(), "delivered once");
        List<String> all = network.wire().stream().map(r -> r.envelope()).toList();
        assertEquals(1, all.stream().filter(m -> m.contains(">" + Version.FEBRUARY_2005.trust + "/RST/SCT/Renew<"))
                .count());
        List<String> adds = all.stream().filter(m -> m.contains("MessageNumber>2<")
                && m.contains(">inmemory://localhost/secured</a:To>")).toList();
        assertTrue(adds.size() >= 2, "sent twice: " + adds.size());
        assertTrue(adds.stream().allMatch(m -> m.contains("<c:Instance>")), "each attempt under the new key");
        assertFalse(all.stream().anyMatch(m -> m.contains("InvalidSecurity") || m.contains("RenewNeeded")),
                "no attempt was refused");
        factory.close(id);
    }

    @Test
    void aServiceRolloverLongerThanItsRenewalIntervalIsRefusedWithWcfsText() {
        SecurityBindingElement e = session(Version.FEBRUARY_2005)
                .localServiceSettings(service(MINUTE, Duration.ofMinutes(2), true)).build();
        UnsupportedBindingException refused = assertThrows(UnsupportedBindingException.class,
                () -> host(binding(e), serviceCredentials()));
        assertTrue(refused.getMessage().contains(WcfText.KeyRolloverGreaterThanKeyRenewal.format()),
                refused.getMessage());
    }
}

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
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.LocalClientSecuritySettings;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The session key renewal ({@code RST/SCT/Renew}) secured WCF's way over the MutualCertificate, Kerberos,
 * negotiated (TLSNEGO, SPNEGO) and transport (UserNameOverTransport; the HTTPS and net.tcp runs are in
 * {@code TransportSecurityHttpsTest} and {@code TransportWithMessageCredentialTcpTest}) bootstraps ({@code SecuritySessionSecurityTokenProvider.CreateRenewRequest}): by the
 * bootstrap, the session's current token included as an endorsing supporting token whose derived key signs the primary
 * signature; the {@code RSTR/SCT/Renew} under the bootstrap's key; the next call on the new key generation.
 */
class SessionKeyRenewalOverBootstrapsTest extends SecuredLoopback {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String RENEW = "http://schemas.xmlsoap.org/ws/2005/02/trust/RST/SCT/Renew";
    private static final String RENEWED = "http://schemas.xmlsoap.org/ws/2005/02/trust/RSTR/SCT/Renew";
    private static final String ALICE_KERBEROS = "Kerberos:alice@" + EmbeddedKdc.REALM;

    private static SecurityBindingElement session(SecurityBindingElement bootstrap, LocalClientSecuritySettings client) {
        return SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                .defaultAlgorithmSuite(bootstrap.defaultAlgorithmSuite())
                .localClientSettings(client).bootstrap(bootstrap).build();
    }

    private static SecurityBindingElement session(SecurityBindingElement bootstrap) {
        return session(bootstrap, SecuritySessionKeyRenewalTest.client(MINUTE, Duration.ofSeconds(30)));
    }

    /**
     * Renewal after a minute, and {@code maxCookieCachingTime} 30 s: at the renewal the session's negotiated token is
     * no longer used.
     */
    private static LocalClientSecuritySettings negotiatedTokenCachedHalfAMinute() {
        var d = LocalClientSecuritySettings.defaults();
        return new LocalClientSecuritySettings(d.cacheCookies(), d.cookieRenewalThresholdPercentage(),
                d.detectReplays(), d.maxClockSkew(), Duration.ofSeconds(30), d.reconnectTransportOnFailure(),
                d.replayCacheSize(), d.replayWindow(), MINUTE, Duration.ofSeconds(30), d.timestampValidityDuration());
    }

    private void kerberos() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        serviceKerberos = Optional.of(kdc.credentials("host/localhost"));
        clientKerberos = Optional.of(kdc.credentials("alice"));
    }

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

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /**
     * Renews once after a minute and checks what every bootstrap shares: the session's token in the renewal, a key
     * derived from it endorsing, the answer, and the next call on the new generation. Returns the renewal.
     */
    private String renewed(Identity id, String caller) {
        assertEquals(caller, id.whoAmI());
        List<String> before = sent(Direction.CLIENT_TO_SERVICE);
        String contextId = group("<c:Identifier>([^<]+)</c:Identifier>", before.get(before.size() - 1));
        advance(MINUTE);
        assertEquals(caller, id.whoAmI(), "renewed, then served on the new key");
        List<String> renews = withAction(Direction.CLIENT_TO_SERVICE, RENEW);
        assertEquals(1, renews.size());
        String renew = renews.get(0);
        assertTrue(renew.contains("<c:Identifier>" + contextId + "</c:Identifier>"), "the session's token: " + renew);
        String sctId = group("<c:SecurityContextToken [^>]*?u:Id=\"([^\"]+)\"[^>]*><c:Identifier>" + Pattern.quote(contextId),
                renew);
        assertTrue(renew.matches("(?s).*<c:DerivedKeyToken [^>]*>\\s*<o:SecurityTokenReference>\\s*<o:Reference URI=\"#"
                + Pattern.quote(sctId) + "\".*"), "a key derived from the session token endorses: " + renew);
        assertEquals(1, withAction(Direction.SERVICE_TO_CLIENT, RENEWED).size(), "answered by RSTR/SCT/Renew");
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        String call = requests.get(requests.size() - 1);
        assertTrue(group("<c:Instance>([^<]+)</c:Instance>", call).startsWith("urn:uuid:"), "the new generation");
        factory.close(id);
        return renew;
    }

    @Test
    void overMutualCertificateTheRenewalCarriesANewKeyAndBothEndorsements() {
        SecurityBindingElement bootstrap = security(AuthenticationMode.MutualCertificate).build();
        Identity id = both(session(bootstrap), ClientCredentials.certificate(client)
                .withDefaultServiceCertificate(service.certificate()));
        String renew = renewed(id, "X509:" + X509CertificateAuthentication.id(client.certificate()));
        assertTrue(renew.contains("<e:EncryptedKey"), "a key wrapped to the service's certificate: " + renew);
        assertTrue(renew.contains("<o:BinarySecurityToken"), "the client's certificate endorses: " + renew);
        // the primary, the certificate's and the session token's signatures, all encrypted (EncryptSignature)
        assertEquals(0, count(renew, "<Signature "), "no signature in clear: " + renew);
        assertTrue(count(renew, "<e:EncryptedData") >= 4, "body and three signatures encrypted: " + renew);
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, RENEWED).get(0).contains("EncryptedKeySHA1"),
                "the answer under the bootstrap's key");
    }

    @Test
    void overMutualCertificateSignBeforeEncryptTheEndorsingSignaturesAreInClearAndBothChecked() {
        SecurityBindingElement bootstrap = security(AuthenticationMode.MutualCertificate)
                .messageProtectionOrder(MessageProtectionOrder.SignBeforeEncrypt)
                .build();
        Identity id = both(session(bootstrap), ClientCredentials.certificate(client)
                .withDefaultServiceCertificate(service.certificate()));
        String renew = renewed(id, "X509:" + X509CertificateAuthentication.id(client.certificate()));
        assertEquals(3, count(renew, "<Signature "), "primary, certificate, session token: " + renew);
        assertTrue(renew.indexOf("<o:BinarySecurityToken") < renew.lastIndexOf("<c:DerivedKeyToken"),
                "the certificate's endorsement first, then the session token's");
    }

    @Test
    void aRenewalWithoutTheCertificatesEndorsementIsRefused() {
        SecurityBindingElement bootstrap = security(AuthenticationMode.MutualCertificate)
                .messageProtectionOrder(MessageProtectionOrder.SignBeforeEncrypt)
                .build();
        Identity id = both(session(bootstrap), ClientCredentials.certificate(client)
                .withDefaultServiceCertificate(service.certificate()));
        id.whoAmI();
        advance(MINUTE);
        // the certificate's endorsing signature (the one whose key is the BinarySecurityToken) dropped
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing(">" + RENEW + "<").then(FaultAction
                .rewrite(m -> m.replaceFirst("(?s)<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
                        + "(?:(?!</Signature>).)*#rsa-sha(?:(?!</Signature>).)*</Signature>", ""))));
        assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, RENEWED).isEmpty(), "no new key is issued");
    }

    @Test
    void overKerberosTheRenewalCarriesANewTicket() {
        kerberos();
        SecurityBindingElement bootstrap = security(AuthenticationMode.Kerberos).defaultAlgorithmSuite("Basic128")
                .build();
        Identity id = both(session(bootstrap), ClientCredentials.none());
        String renew = renewed(id, ALICE_KERBEROS);
        assertTrue(renew.contains("#GSS_Kerberosv5_AP_REQ\""), "secured by a Kerberos ticket: " + renew);
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, RENEWED).get(0).contains("#Kerberosv5APREQSHA1"),
                "the answer under the ticket's key");
    }

    @Test
    void overSslNegotiationTheRenewalGoesUnderTheSessionsNegotiatedToken() {
        Identity id = both(session(security(AuthenticationMode.AnonymousForSslNegotiated).build()), anonymous());
        String renew = renewed(id, ":");
        String negotiated = group("<t:RequestedSecurityToken><c:SecurityContextToken[^>]*><c:Identifier>([^<]+)<",
                sent(Direction.SERVICE_TO_CLIENT).get(1));
        assertEquals(2, count(renew, "<c:SecurityContextToken "), "the negotiated token and the session's: " + renew);
        assertTrue(renew.contains("<c:Identifier>" + negotiated + "</c:Identifier>"),
                "the token negotiated for the session, still cached: " + renew);
        assertEquals(2, sent(Direction.CLIENT_TO_SERVICE).stream().filter(m -> m.contains("<t:BinaryExchange"))
                .count(), "no new negotiation: the two TLSNEGO legs of the start only");
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, RENEWED).get(0).contains("URI=\"" + negotiated + "\""),
                "the answer under the negotiated token");
    }

    @Test
    void overUserNameForSslNegotiationTheRenewalCarriesTheUserEncrypted() {
        Identity id = both(session(security(AuthenticationMode.UserNameForSslNegotiated).build()), alice("secret"));
        String renew = renewed(id, "UserName:alice");
        assertFalse(renew.contains("alice"), "the UsernameToken travels encrypted");
        assertEquals(2, count(renew, "<c:SecurityContextToken "), renew);
    }

    @Test
    void aNegotiatedTokenNoLongerCachedIsNegotiatedAgainBeforeTheRenewal() {
        LocalClientSecuritySettings settings = negotiatedTokenCachedHalfAMinute();
        Identity id = both(session(security(AuthenticationMode.AnonymousForSslNegotiated).build(), settings),
                anonymous());
        String renew = renewed(id, ":");
        String first = group("<t:RequestedSecurityToken><c:SecurityContextToken[^>]*><c:Identifier>([^<]+)<",
                sent(Direction.SERVICE_TO_CLIENT).get(1));
        assertEquals(4, sent(Direction.CLIENT_TO_SERVICE).stream().filter(m -> m.contains("<t:BinaryExchange"))
                .count(), "TLSNEGO again before the renewal");
        assertFalse(renew.contains("<c:Identifier>" + first + "</c:Identifier>"), "under the new negotiated token");
        assertEquals(2, count(renew, "<c:SecurityContextToken "), renew);
    }

    @Test
    void overSspiNegotiationTheRenewalGoesUnderTheSessionsSpnegoToken() {
        kerberos();
        Identity id = both(session(security(AuthenticationMode.SspiNegotiated).build()), ClientCredentials.none());
        String renew = renewed(id, ALICE_KERBEROS);
        String negotiated = group("<t:RequestedSecurityToken><c:SecurityContextToken[^>]*><c:Identifier>([^<]+)<",
                sent(Direction.SERVICE_TO_CLIENT).get(0));
        assertEquals(2, count(renew, "<c:SecurityContextToken "), renew);
        assertTrue(renew.contains("<c:Identifier>" + negotiated + "</c:Identifier>"), renew);
        assertEquals(1, sent(Direction.CLIENT_TO_SERVICE).stream().filter(m -> m.contains("<t:BinaryExchange"))
                .count(), "the one SPNEGO leg of the start");
    }

    @Test
    void aRenewalUnderANegotiatedTokenEndorsedByAForgedSessionTokenIsRefused() {
        Identity id = both(session(security(AuthenticationMode.AnonymousForSslNegotiated).build()), anonymous());
        id.whoAmI();
        advance(MINUTE);
        String session = group("<c:Identifier>([^<]+)</c:Identifier>", sent(Direction.CLIENT_TO_SERVICE).get(3));
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing(">" + RENEW + "<").then(FaultAction
                .rewrite(m -> m.replace("<c:Identifier>" + session + "<", "<c:Identifier>urn:uuid:forged<"))));
        int before = IdentityService.CALLS.get();
        assertThrows(RuntimeException.class, id::whoAmI);
        assertEquals(before, IdentityService.CALLS.get());
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, RENEWED).isEmpty(), "no new key is issued");
    }

    /**
     * The seed's stack (SspiNegotiated bootstrap, composite duplex): the renewal under the session's SPNEGO token is
     * correlated among the one-way messages, and what follows goes under the new key; a negotiation no longer cached
     * is run again over the same correlation first.
     */
    @Test
    void overCompositeDuplexAsInTheSeedTheRenewalUnderTheSpnegoTokenIsCorrelated() {
        kerberos();
        LocalClientSecuritySettings settings = negotiatedTokenCachedHalfAMinute();
        Binding b = CustomBinding.of("b",
                session(security(AuthenticationMode.SspiNegotiated).build(), settings),
                CompositeDuplexBindingElement.at(
                        URI.create("inmemory://localhost/client/")),
                OneWayBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        host(b, ServiceCredentials.defaults());
        Identity id = client(b, ClientCredentials.none());
        assertEquals(ALICE_KERBEROS, id.whoAmI());
        advance(MINUTE);
        assertEquals(5.0, id.add(2, 3), "the call after the interval runs, on the renewed key");
        List<String> wire = network.wire().stream().map(r -> r.envelope()).toList();
        List<String> renews = wire.stream().filter(m -> m.contains(">" + RENEW + "<")).toList();
        assertEquals(1, renews.size());
        assertEquals(2, count(renews.get(0), "<c:SecurityContextToken "), "the SPNEGO token and the session's");
        assertEquals(2, wire.stream().filter(m -> m.contains("<t:BinaryExchange") && m.contains(
                "<t:RequestSecurityToken ")).count(), "SPNEGO at the start and again before the renewal");
        String renewId = group("<a:MessageID[^>]*>([^<]+)</a:MessageID>", renews.get(0));
        List<String> rstrs = wire.stream().filter(m -> m.contains(">" + RENEWED + "<")).toList();
        assertEquals(1, rstrs.size());
        assertTrue(rstrs.get(0).contains(renewId + "</a:RelatesTo>"), "correlated by RelatesTo");
        factory.close(id);
    }

    /**
     * A security session over UserNameOverTransport on the in-memory transport (which protects nothing:
     * allowInsecureTransport), WCF's shape: the context token endorses with its own key (no derived keys).
     */
    private Identity overUserNameOverTransport() {
        return overTransport(AuthenticationMode.UserNameOverTransport, ClientCredentials.userName("alice", "secret"));
    }

    private Identity overTransport(AuthenticationMode mode, ClientCredentials credentials) {
        SecurityBindingElement bootstrap = security(mode).allowInsecureTransport(true).build();
        SecurityBindingElement session = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireDerivedKeys(false)
                .requireSecurityContextCancellation(true).allowInsecureTransport(true)
                .localClientSettings(SecuritySessionKeyRenewalTest.client(MINUTE, Duration.ofSeconds(30)))
                .bootstrap(bootstrap).build();
        return both(session, credentials);
    }

    /**
     * Over UserNameOverTransport the renewal is the bootstrap's header (timestamp, UsernameToken) with the session's
     * current token endorsing the timestamp by its own key; the RSTR/SCT/Renew carries a timestamp only; the next call
     * is endorsed by the new generation.
     */
    @Test
    void overUserNameOverTransportTheRenewalCarriesTheUserAndTheSessionTokensEndorsement() {
        Identity id = overUserNameOverTransport();
        assertEquals("UserName:alice", id.whoAmI());
        advance(MINUTE);
        assertEquals("UserName:alice", id.whoAmI());
        List<String> renews = withAction(Direction.CLIENT_TO_SERVICE, RENEW);
        assertEquals(1, renews.size());
        String renew = renews.get(0);
        assertTrue(renew.indexOf("<o:UsernameToken") < renew.indexOf("<c:SecurityContextToken")
                && renew.indexOf("<c:SecurityContextToken") < renew.indexOf("<Signature "),
                "timestamp, user name, the session's token, its signature: " + renew);
        assertEquals(1, count(renew, "<Signature "), renew);
        assertTrue(renew.contains("#hmac-sha1") && !renew.contains("DerivedKeyToken"), renew);
        String answer = withAction(Direction.SERVICE_TO_CLIENT, RENEWED).get(0);
        assertFalse(answer.contains("<Signature "), "the answer carries a timestamp only: " + answer);
        String instance = group("<c:Instance>([^<]+)</c:Instance>", answer);
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        assertTrue(requests.get(requests.size() - 1).contains("<c:Instance>" + instance + "</c:Instance>"));
        factory.close(id);
    }

    /** A renewal over a transport bootstrap whose session token's signature is forged is refused: no new key. */
    @Test
    void aRenewalOverTheTransportBootstrapWithAForgedSessionEndorsementIsRefused() {
        Identity id = overUserNameOverTransport();
        id.whoAmI();
        advance(MINUTE);
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing(">" + RENEW + "<").then(FaultAction
                .rewrite(m -> m.replaceFirst("<SignatureValue>.", "<SignatureValue>"
                        + (m.contains("<SignatureValue>A") ? "B" : "A")))));
        assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, RENEWED).isEmpty(), "no new key is issued");
    }

    /**
     * A renewal over a transport bootstrap without the session token's endorsement (the bootstrap's credential alone)
     * is refused: the renewal must prove the current key.
     */
    @Test
    void aRenewalOverTheTransportBootstrapWithoutTheSessionsEndorsementIsRefused() {
        Identity id = overUserNameOverTransport();
        id.whoAmI();
        advance(MINUTE);
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing(">" + RENEW + "<").then(FaultAction
                .rewrite(m -> m.replaceFirst("(?s)<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">.*?"
                        + "</Signature>", ""))));
        assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, RENEWED).isEmpty(), "no new key is issued");
    }

    /**
     * Over CertificateOverTransport the renewal carries the client certificate endorsing the timestamp and the
     * {@code To} header, then the session's token endorsing them with its key.
     */
    @Test
    void overCertificateOverTransportTheRenewalCarriesBothEndorsements() {
        Identity id = overTransport(AuthenticationMode.CertificateOverTransport, ClientCredentials.certificate(client));
        String caller = "X509:" + X509CertificateAuthentication.id(client.certificate());
        assertEquals(caller, id.whoAmI());
        advance(MINUTE);
        assertEquals(caller, id.whoAmI(), "renewed");
        String renew = withAction(Direction.CLIENT_TO_SERVICE, RENEW).get(0);
        assertEquals(2, count(renew, "<Signature "), "the certificate's and the session token's: " + renew);
        assertTrue(renew.indexOf("<o:BinarySecurityToken") < renew.indexOf("<c:SecurityContextToken")
                && renew.indexOf("#rsa-sha1") < renew.lastIndexOf("#hmac-sha1"), renew);
        factory.close(id);
    }

    /** A renewal over CertificateOverTransport without the certificate's endorsement is refused: no new key. */
    @Test
    void aRenewalOverCertificateOverTransportWithoutTheCertificatesEndorsementIsRefused() {
        Identity again = overTransport(AuthenticationMode.CertificateOverTransport,
                ClientCredentials.certificate(client));
        again.whoAmI();
        advance(MINUTE);
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing(">" + RENEW + "<").then(FaultAction
                .rewrite(m -> m.replaceFirst("(?s)<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
                        + "(?:(?!</Signature>).)*#rsa-sha(?:(?!</Signature>).)*</Signature>", ""))));
        assertThrows(RuntimeException.class, again::whoAmI);
        assertTrue(withAction(Direction.SERVICE_TO_CLIENT, RENEWED).isEmpty(), "no new key is issued");
    }
}

package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AnonymousForCertificate and UserNameForCertificate end to end, client and service, through the channel stack over
 * the in-memory transport: what travels (only cipher text of the body, the password and the signature), who the
 * service sees, and what each side refuses, with WCF's texts and faults; a refused request never reaches the operation.
 */
class SymmetricSecurityLoopbackTest extends SecuredLoopback {

    @Test
    void anonymousForCertificateCallsWithAnAnonymousCallerAndEverythingEncrypted() {
        Identity id = both(security(AuthenticationMode.AnonymousForCertificate).build(), anonymous());
        assertEquals(5.0, id.add(2, 3));
        assertEquals(":", id.whoAmI(), "WCF's anonymous ServiceSecurityContext: no name, no authentication type");
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertFalse(request.contains("<add") || request.contains("<n1>"), "the body travels encrypted: " + request);
        assertFalse(reply.contains("addResult") || reply.contains(">5<"), "so does the reply's: " + reply);
        assertTrue(request.contains("<e:EncryptedKey"), "the request's key, wrapped to the service's certificate");
        assertTrue(request.contains(Base64.getEncoder().encodeToString(
                io.github.wcf4j.runtime.security.CertificateFind.thumbprint(service.certificate()))),
                "named by its thumbprint");
        assertFalse(reply.contains("<e:EncryptedKey"), "the reply reuses the request's key");
        assertTrue(reply.contains("EncryptedKeySHA1"), "named by its SHA-1");
        assertFalse(reply.contains("SignatureConfirmation"), "the confirmation of the request's (encrypted)"
                + " signature travels encrypted, as WCF sends it: " + reply);
        assertEquals(3, reply.split("<e:EncryptedData ", -1).length - 1,
                "body, signature and confirmation: " + reply);
        assertTrue(request.contains("<c:DerivedKeyToken"), "derived keys sign and encrypt");
        assertTrue(request.indexOf("<a:To") < request.indexOf("<o:Security"), request);
        Matcher to = Pattern.compile("<a:To [^>]*u:Id=\"_\\d+\"").matcher(request);
        assertTrue(to.find(), "the To header the transport sets is signed: " + request);
    }

    @Test
    void userNameForCertificateAuthenticatesTheCallerWithoutThePasswordOnTheWire() {
        Identity id = both(security(AuthenticationMode.UserNameForCertificate).build(), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        assertFalse(request.contains("secret") || request.contains("alice"), "the token travels encrypted");
    }

    @Test
    void mutualCertificateAuthenticatesTheCallersCertificateAndConfirmsBothSignatures() {
        Identity id = both(security(AuthenticationMode.MutualCertificate).build(),
                ClientCredentials.certificate(client).withDefaultServiceCertificate(service.certificate()));
        assertEquals("X509:CN=client; " + io.github.wcf4j.runtime.security.CertificateFind.thumbprintString(
                client.certificate()), id.whoAmI());
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        assertTrue(request.contains("<o:BinarySecurityToken"), "the client's certificate travels in the request");
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertFalse(reply.contains("<o:BinarySecurityToken"), "and never in a reply");
        // the client checked that the reply confirms both signatures, primary and endorsing; as the request's
        // signatures were encrypted, so are the confirmations (WCF)
        assertFalse(reply.contains("<k:SignatureConfirmation"), reply);
    }

    @Test
    void mutualCertificateRefusesAnUntrustedCertificateWithFailedAuthentication() {
        int before = IdentityService.CALLS.get();
        Identity id = both(security(AuthenticationMode.MutualCertificate).build(),
                ClientCredentials.certificate(impostor).withDefaultServiceCertificate(service.certificate()));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void mutualCertificateNeedsTheClientsCertificate() {
        Binding b = binding(security(AuthenticationMode.MutualCertificate).build());
        host(b, serviceCredentials());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client(b, anonymous()));
        assertEquals(WcfText.ClientCertificateNotProvidedOnClientCredentials.format(), e.getMessage());
    }

    @Test
    void aWrongPasswordIsRefusedWithFailedAuthenticationAndNeverServed() {
        int before = IdentityService.CALLS.get();
        Identity id = both(security(AuthenticationMode.UserNameForCertificate).build(), alice("guess"));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WcfText.UnsecuredMessageFaultReceived.format(), e.getMessage());
        SecurityFaultException fault = assertInstanceOf(SecurityFaultException.class, e.getCause());
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION, fault.fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
        assertFalse(sent(Direction.SERVICE_TO_CLIENT).get(0).contains("incorrect password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic128", "Basic192", "Basic256", "TripleDes", "Basic256Sha256", "Basic128Sha256",
            "Basic256Rsa15", "TripleDesSha256Rsa15"})
    void everySuiteRuns(String suite) {
        Identity id = both(security(AuthenticationMode.UserNameForCertificate).defaultAlgorithmSuite(suite).build(),
                alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
    }

    @ParameterizedTest
    @EnumSource(value = MessageSecurityVersion.class, names = "WSSecurity11.*", mode = EnumSource.Mode.MATCH_ALL)
    void everyWsSecurity11VersionRuns(MessageSecurityVersion version) {
        Identity id = both(security(AuthenticationMode.AnonymousForCertificate).messageSecurityVersion(version)
                .build(), anonymous());
        assertEquals(5.0, id.add(2, 3));
        String ns = SymmetricSecurityProtocol.secureConversationNamespace(version);
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(0).contains(ns), "derived keys in " + ns);
    }

    @Test
    void aClientWithoutTheServicesCertificateFailsWithWcfsText() {
        Binding b = binding(security(AuthenticationMode.AnonymousForCertificate).build());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> id.add(1, 2));
        assertEquals(WcfText.ServiceCertificateNotProvidedOnClientCredentials.format(BASE), e.getMessage());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).isEmpty(), "nothing was sent");
    }

    @Test
    void aCertificateThatIsNotTheAddressesHostFailsTheIdentityCheckBeforeSending() {
        Binding b = binding(security(AuthenticationMode.AnonymousForCertificate).build());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none().withDefaultServiceCertificate(impostor.certificate()));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
        assertEquals(WcfText.DnsIdentityCheckFailedForOutgoingMessage.format("localhost", "elsewhere.example"),
                e.getMessage());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).isEmpty(), "nothing was sent");
    }

    @Test
    void aCertificateIdentityIsTheServicesCertificateWhenTheCredentialsNameNone() throws Exception {
        Binding b = binding(security(AuthenticationMode.AnonymousForCertificate).build());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none(), Optional.of(new EndpointIdentity.Certificate(
                Base64.getEncoder().encodeToString(service.certificate().getEncoded()))));
        assertEquals(5.0, id.add(2, 3));
    }

    @Test
    void aServiceWithoutItsCertificateDoesNotOpen() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> host(binding(security(
                AuthenticationMode.AnonymousForCertificate).build()), ServiceCredentials.defaults()));
        assertTrue(e.getMessage().contains(WcfText.ServiceCertificateNotProvidedOnServiceCredentials.format()),
                e.getMessage());
    }

    @Test
    void aRequestEncryptedToAnotherCertificateIsRefusedAndNeverServed() {
        int before = IdentityService.CALLS.get();
        Binding b = binding(security(AuthenticationMode.AnonymousForCertificate).build());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.none().withDefaultServiceCertificate(impostor.certificate()),
                Optional.of(new EndpointIdentity.Dns("elsewhere.example")));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aTamperedBodyIsRefusedAndNeverServed() {
        int before = IdentityService.CALLS.get();
        Identity id = both(security(AuthenticationMode.AnonymousForCertificate).build(), anonymous());
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).then(FaultAction.rewrite(s -> {
            Matcher m = Pattern.compile("(<s:Body[^>]*>.*?<e:CipherValue>)(.)").matcher(s);
            assertTrue(m.find(), s);
            char flipped = m.group(2).charAt(0) == 'A' ? 'B' : 'A';
            return s.substring(0, m.start(2)) + flipped + s.substring(m.end(2));
        })));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aReplayedRequestIsRefusedWithWcfsText() {
        SecurityBindingElement element = security(AuthenticationMode.AnonymousForCertificate).build();
        Identity id = both(element, anonymous());
        id.add(2, 3);
        byte[] captured = sent(Direction.CLIENT_TO_SERVICE).get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TextMessageEncoder encoder = TextMessageEncoder.defaultEncoder();
        SymmetricSecurityProtocol protocol = new SymmetricSecurityProtocol(element, java.time.Clock.systemUTC(),
                encoder, ExpectedServiceIdentity.ofAddress());
        ServiceCredentials credentials = serviceCredentials();
        Message first = protocol.verifyRequest(encoder.read(captured, encoder.contentType()), credentials).request();
        assertEquals("http://tempuri.org/IIdentity/Add", first.headers().action());
        MessageSecurityException replayed = assertThrows(MessageSecurityException.class, () -> protocol.verifyRequest(
                encoder.read(captured, encoder.contentType()), credentials));
        assertEquals(ReplayCache.REPLAYED, replayed.getMessage());
        SymmetricSecurityProtocol forgetful = new SymmetricSecurityProtocol(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.AnonymousForCertificate).localServiceSettings(noReplayDetection()).build(), java.time.Clock.systemUTC(),
                encoder, ExpectedServiceIdentity.ofAddress());
        forgetful.verifyRequest(encoder.read(captured, encoder.contentType()), credentials);
        forgetful.verifyRequest(encoder.read(captured, encoder.contentType()), credentials);
    }

    private static io.github.wcf4j.binding.security.LocalServiceSecuritySettings noReplayDetection() {
        var d = io.github.wcf4j.binding.security.LocalServiceSecuritySettings.defaults();
        return new io.github.wcf4j.binding.security.LocalServiceSecuritySettings(false, d.inactivityTimeout(),
                d.issuedCookieLifetime(), d.maxCachedCookies(), d.maxClockSkew(), d.maxPendingSessions(),
                d.maxStatefulNegotiations(), d.negotiationTimeout(), d.reconnectTransportOnFailure(),
                d.replayCacheSize(), d.replayWindow(), d.sessionKeyRenewalInterval(), d.sessionKeyRolloverInterval(),
                d.timestampValidityDuration());
    }

    @Test
    void settingsTheEngineDoesNotApplyAreRefusedByName() {
        for (SecurityBindingElement e : List.of(
                security(AuthenticationMode.AnonymousForCertificate).messageSecurityVersion(MessageSecurityVersion
                        .WSSecurity10WSTrust13WSSecureConversation13WSSecurityPolicy12BasicSecurityProfile10).build())) {
            UnsupportedBindingException refused = assertThrows(UnsupportedBindingException.class,
                    () -> host(binding(e), serviceCredentials()));
            assertTrue(refused.getMessage().contains("AnonymousForCertificate"), refused.getMessage());
        }
    }
}

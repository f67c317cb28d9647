package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * The asymmetric binding end to end, client and service, through the channel stack over the in-memory transport:
 * MutualCertificate under WS-Security 1.0 (custom bindings and basicHttpBinding's {@code Message} security) and
 * MutualCertificateDuplex, for every message security version WCF offers them; what travels (WCF's WS-Security 1.0
 * layout: the client's certificate as a BinarySecurityToken, a fresh key wrapped to the receiver's certificate holding
 * the reference list, no derived keys; and the other protection orders and derived keys), who the service sees, and
 * what each side refuses.
 */
class AsymmetricSecurityLoopbackTest extends SecuredLoopback {
    private static final MessageSecurityVersion WSS10 = MessageSecurityVersion
            .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10;

    private static SecurityBindingElement.Builder mutual(MessageSecurityVersion version) {
        return security(AuthenticationMode.MutualCertificate).messageSecurityVersion(version);
    }

    private static ClientCredentials clientCertificate() {
        return ClientCredentials.certificate(client).withDefaultServiceCertificate(service.certificate());
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String whoIsClient() {
        return "X509:CN=client; " + CertificateFind.thumbprintString(client.certificate());
    }

    @Test
    void mutualCertificateUnderWss10SignsWithTheClientsKeyAndEncryptsToTheService() {
        Identity id = both(mutual(WSS10).build(), clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertFalse(request.contains("<whoAmI") || reply.contains("whoAmIResult"), "bodies travel encrypted");
        assertTrue(request.contains("<o:BinarySecurityToken"), "the client's certificate (AlwaysToRecipient)");
        assertFalse(reply.contains("<o:BinarySecurityToken"), "the service's is never sent (Never)");
        assertFalse(request.contains("DerivedKeyToken") || reply.contains("DerivedKeyToken"), "no derived keys");
        assertFalse(request.contains("ThumbprintSHA1") || reply.contains("EncryptedKeySHA1"),
                "WS-Security 1.0 has no thumbprint and no EncryptedKeySHA1: " + request);
        byte[] serviceSki = CertificateFind.subjectKeyIdentifier(service.certificate());
        byte[] clientSki = CertificateFind.subjectKeyIdentifier(client.certificate());
        assertTrue(request.contains("EncodingType=\"" + WsSecurityNames.BASE64_BINARY + "\" ValueType=\""
                + X509Reference.SUBJECT_KEY_IDENTIFIER + "\">" + base64(serviceSki)),
                "the request's key is wrapped to the service, named by its subject key identifier");
        assertTrue(reply.contains(">" + base64(clientSki) + "<"), "the reply's to the client's certificate");
        assertFalse(reply.contains(">" + base64(serviceSki) + "<"),
                "the reference to the service's signing certificate is inside the encrypted signature");
        Matcher key = Pattern.compile("<e:EncryptedKey .*?</e:EncryptedKey>").matcher(request);
        assertTrue(key.find(), request);
        assertTrue(key.group().contains("<e:ReferenceList><e:DataReference"), "the key holds the reference list");
        assertEquals(2, request.split("<e:EncryptedData ", -1).length - 1, "the body and the signature");
        assertFalse(request.contains("<e:EncryptedData Id=\"_") && request.matches(
                "(?s).*<e:EncryptedData [^>]*>\\s*<e:EncryptionMethod[^>]*/>\\s*<KeyInfo.*"),
                "encrypted data carry no key info: the key names them");
        assertFalse(request.contains("<ds:Signature") || request.contains("<Signature "), "the signature is encrypted");
    }

    @ParameterizedTest
    @EnumSource(value = MessageSecurityVersion.class, names = "WSSecurity10.*", mode = EnumSource.Mode.MATCH_ALL)
    void mutualCertificateRunsUnderEveryWsSecurity10Version(MessageSecurityVersion version) {
        Identity id = both(mutual(version).build(), clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(0).contains("X509SubjectKeyIdentifier"));
    }

    @ParameterizedTest
    @EnumSource(MessageSecurityVersion.class)
    void mutualCertificateDuplexRunsOverRequestReplyUnderEveryVersion(MessageSecurityVersion version)
            throws Exception {
        Identity id = both(security(AuthenticationMode.MutualCertificateDuplex).messageSecurityVersion(version)
                .build(), clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertTrue(reply.contains("<o:BinarySecurityToken"), "the service's certificate travels (AlwaysToInitiator)");
        assertTrue(reply.contains(base64(service.certificate().getEncoded())), reply);
        String reference = version.isWsSecurity11() ? "ThumbprintSHA1" : "X509SubjectKeyIdentifier";
        assertTrue(request.contains(reference) && reply.contains(reference),
                "certificates that are not sent are named by " + reference + ": " + request);
    }

    @Test
    void basicHttpBindingsMessageSecurityRunsOverSoap11WithoutAddressing() {
        // what basicHttpBinding Message/Certificate expands to (BasicHttpMessageSecurity.CreateMessageSecurity)
        SecurityBindingElement element = mutual(WSS10).securityHeaderLayout(SecurityHeaderLayout.Lax)
                .requireDerivedKeys(false).allowSerializedSigningTokenOnReply(true).build();
        Binding b = CustomBinding.of("b", element, TextMessageEncodingBindingElement.defaults()
                .withMessageVersion(MessageVersion.SOAP11), InMemoryTransportBindingElement.requestReply());
        host(b, serviceCredentials());
        Identity id = client(b, clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        assertTrue(request.contains("http://schemas.xmlsoap.org/soap/envelope/"), request);
        assertFalse(request.contains("<a:To"), "no addressing headers to sign");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic128", "Basic192", "Basic256", "TripleDes", "Basic256Sha256", "Basic128Rsa15",
            "Basic256Sha256Rsa15", "TripleDesSha256Rsa15"})
    void everySuiteRuns(String suite) {
        Identity id = both(mutual(WSS10).defaultAlgorithmSuite(suite).build(), clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
    }

    @ParameterizedTest
    @EnumSource(value = SecurityHeaderLayout.class)
    void everyLayoutRuns(SecurityHeaderLayout layout) {
        Identity id = both(mutual(WSS10).securityHeaderLayout(layout).build(), clientCertificate());
        assertEquals(5.0, id.add(2, 3));
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        boolean last = request.contains("</u:Timestamp></o:Security>");
        assertEquals(layout == SecurityHeaderLayout.LaxTimestampLast, last, "the timestamp's place");
    }

    @Test
    void signatureConfirmationUnderWss11ConfirmsTheRequestsSignatureEncrypted() {
        Identity id = both(security(AuthenticationMode.MutualCertificateDuplex).requireSignatureConfirmation(true)
                .build(), clientCertificate());
        assertEquals(5.0, id.add(2, 3));
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(0);
        assertFalse(reply.contains("<k:SignatureConfirmation"), "it travels encrypted");
        assertEquals(3, reply.split("<e:EncryptedData ", -1).length - 1, "body, signature, confirmation: " + reply);
    }

    @Test
    void anUntrustedClientCertificateIsRefusedWithFailedAuthenticationAndNeverServed() {
        int before = IdentityService.CALLS.get();
        Identity id = both(mutual(WSS10).build(),
                ClientCredentials.certificate(impostor).withDefaultServiceCertificate(service.certificate()));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WcfText.UnsecuredMessageFaultReceived.format(), e.getMessage());
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION,
                assertInstanceOf(SecurityFaultException.class, e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aTamperedBodyIsRefusedWithInvalidSecurityAndNeverServed() {
        int before = IdentityService.CALLS.get();
        Identity id = both(mutual(WSS10).build(), clientCertificate());
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
    void aTamperedReplyIsRefusedByTheClient() {
        Identity id = both(mutual(WSS10).build(), clientCertificate());
        network.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).then(FaultAction.rewrite(s -> {
            Matcher m = Pattern.compile("(<s:Body[^>]*>.*?<e:CipherValue>)(.)").matcher(s);
            assertTrue(m.find(), s);
            char flipped = m.group(2).charAt(0) == 'A' ? 'B' : 'A';
            return s.substring(0, m.start(2)) + flipped + s.substring(m.end(2));
        })));
        assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
    }

    @Test
    void aRequestEncryptedToAnotherCertificateIsRefusedAndNeverServed() {
        int before = IdentityService.CALLS.get();
        Binding b = binding(mutual(WSS10).build());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.certificate(client)
                .withDefaultServiceCertificate(impostor.certificate()),
                java.util.Optional.of(new io.github.wcf4j.binding.address.EndpointIdentity.Dns("elsewhere.example")));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aReplySignedByAnotherCertificateIsRefused() {
        // the service holds the right key to decrypt (its certificate) but the client expects another signer
        Binding b = binding(mutual(WSS10).build());
        host(b, serviceCredentials());
        AsymmetricSecurityProtocol protocol = new AsymmetricSecurityProtocol(mutual(WSS10).build(), Clock.systemUTC(),
                TextMessageEncoder.defaultEncoder(), ExpectedServiceIdentity.ofAddress());
        Identity id = client(b, clientCertificate());
        id.add(1, 2);
        String reply = sent(Direction.SERVICE_TO_CLIENT).get(0);
        Document replyDoc = DomXml.parse(reply).getOwnerDocument();
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> AsymmetricHeaderReader.read(
                replyDoc, new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName("Default"),
                        WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict, true).protection(mutual(WSS10).build()),
                client,
                new AsymmetricHeaderReader.Signer.Known(impostor.certificate(), false)));
        assertTrue(e.getMessage().startsWith("Cannot resolve KeyInfo for verifying signature"), e.getMessage());
        assertTrue(protocol != null);
    }

    @Test
    void theClientNeedsItsCertificateAndTheServiceItsOwnWithWcfsTexts() {
        Binding b = binding(mutual(WSS10).build());
        host(b, serviceCredentials());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client(b, anonymous()));
        assertEquals(WcfText.ClientCertificateNotProvidedOnClientCredentials.format(), e.getMessage());
        host.abort();
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> host(binding(mutual(WSS10)
                .build()), ServiceCredentials.defaults()));
        assertTrue(s.getMessage().contains(WcfText.ServiceCertificateNotProvidedOnServiceCredentials.format()),
                s.getMessage());
    }

    @Test
    void aReplayedRequestIsRefusedWithWcfsText() {
        SecurityBindingElement element = mutual(WSS10).build();
        Identity id = both(element, clientCertificate());
        id.add(2, 3);
        byte[] captured = sent(Direction.CLIENT_TO_SERVICE).get(0).getBytes(StandardCharsets.UTF_8);
        TextMessageEncoder encoder = TextMessageEncoder.defaultEncoder();
        AsymmetricSecurityProtocol protocol = new AsymmetricSecurityProtocol(element, Clock.systemUTC(), encoder,
                ExpectedServiceIdentity.ofAddress());
        Message first = protocol.verifyRequest(encoder.read(captured, encoder.contentType()), serviceCredentials())
                .request();
        assertEquals("http://tempuri.org/IIdentity/Add", first.headers().action());
        MessageSecurityException replayed = assertThrows(MessageSecurityException.class, () -> protocol.verifyRequest(
                encoder.read(captured, encoder.contentType()), serviceCredentials()));
        assertEquals(ReplayCache.REPLAYED, replayed.getMessage());
    }

    @Test
    void theSymmetricX509ModesUnderWss10AreRefusedWithWcfsText() {
        for (AuthenticationMode mode : List.of(AuthenticationMode.AnonymousForCertificate,
                AuthenticationMode.UserNameForCertificate)) {
            UnsupportedBindingException refused = assertThrows(UnsupportedBindingException.class,
                    () -> host(binding(security(mode).messageSecurityVersion(WSS10).build()), serviceCredentials()));
            assertTrue(refused.getMessage().contains("has been configured with an incompatible security version that"
                    + " does not support unattached references to EncryptedKeys. Use 'WSSecurity11' or higher"),
                    refused.getMessage());
        }
    }

    /**
     * {@code messageProtectionOrder="SignBeforeEncrypt"}: the body is encrypted, the signature (and a reply's signature
     * confirmation) travel in the clear after the {@code EncryptedKey}, whose reference list names the body alone.
     */
    @ParameterizedTest
    @EnumSource(value = AuthenticationMode.class, names = {"MutualCertificate", "MutualCertificateDuplex"})
    void signBeforeEncryptLeavesTheSignatureInTheClear(AuthenticationMode mode) {
        SecurityBindingElement e = security(mode).messageSecurityVersion(mode == AuthenticationMode.MutualCertificate
                ? WSS10 : MessageSecurityVersion.DEFAULT).messageProtectionOrder(MessageProtectionOrder.SignBeforeEncrypt)
                .requireSignatureConfirmation(mode == AuthenticationMode.MutualCertificateDuplex).build();
        Identity id = both(e, clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        for (String m : List.of(sent(Direction.CLIENT_TO_SERVICE).get(1), sent(Direction.SERVICE_TO_CLIENT).get(1))) {
            assertEquals(1, m.split("<e:EncryptedData ", -1).length - 1, "the body alone is encrypted: " + m);
            assertTrue(m.indexOf("</e:EncryptedKey>") < m.indexOf("<Signature xmlns=\"http://www.w3.org/2000/09/"
                    + "xmldsig#\">"), "the signature in the clear, after the key: " + m);
            assertFalse(m.contains("<add") || m.contains("addResult"), "the body is still encrypted");
        }
        if (mode == AuthenticationMode.MutualCertificateDuplex) {
            assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(1).contains("<k:SignatureConfirmation"),
                    "the confirmation in the clear too");
        }
    }

    /**
     * {@code protectTokens="true"}: the primary signature covers the signing certificate's {@code BinarySecurityToken}
     * (the client's in requests, the service's in MutualCertificateDuplex replies); seen here in the clear under
     * SignBeforeEncrypt.
     */
    @ParameterizedTest
    @EnumSource(value = AuthenticationMode.class, names = {"MutualCertificate", "MutualCertificateDuplex"})
    void protectTokensSignsTheSigningToken(AuthenticationMode mode) {
        SecurityBindingElement e = security(mode).messageSecurityVersion(mode == AuthenticationMode.MutualCertificate
                ? WSS10 : MessageSecurityVersion.DEFAULT).messageProtectionOrder(MessageProtectionOrder.SignBeforeEncrypt)
                .protectTokens(true).build();
        Identity id = both(e, clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        List<String> messages = new ArrayList<>(List.of(sent(Direction.CLIENT_TO_SERVICE).get(0)));
        if (mode == AuthenticationMode.MutualCertificateDuplex) {
            messages.add(sent(Direction.SERVICE_TO_CLIENT).get(0));
        }
        for (String m : messages) {
            Matcher bst = Pattern.compile("<o:BinarySecurityToken [^>]*u:Id=\"([^\"]+)\"").matcher(m);
            assertTrue(bst.find(), m);
            assertTrue(m.contains("<Reference URI=\"#" + bst.group(1) + "\">"), "the token is signed: " + m);
        }
    }

    @Test
    void aServiceThatProtectsTokensRefusesAnUnsignedOne() {
        host(binding(mutual(WSS10).protectTokens(true).build()), serviceCredentials());
        Identity id = client(binding(mutual(WSS10).build()), clientCertificate());
        int before = IdentityService.CALLS.get();
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                assertInstanceOf(SecurityFaultException.class, e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aServiceThatDoesNotProtectTokensAcceptsASignedOne() {
        host(binding(mutual(WSS10).build()), serviceCredentials());
        Identity id = client(binding(mutual(WSS10).protectTokens(true).build()), clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
    }

    @Test
    void aServiceThatEncryptsTheSignatureRefusesOneInTheClear() {
        Binding service = binding(mutual(WSS10).build());
        host(service, serviceCredentials());
        Identity id = client(binding(mutual(WSS10).messageProtectionOrder(MessageProtectionOrder.SignBeforeEncrypt)
                .build()), clientCertificate());
        int before = IdentityService.CALLS.get();
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                assertInstanceOf(SecurityFaultException.class, e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get(), "PrimarySignatureIsRequiredToBeEncrypted: nothing served");
    }

    @Test
    void signatureConfirmationUnderWss10IsRefusedWithWcfsText() {
        UnsupportedBindingException confirmation = assertThrows(UnsupportedBindingException.class, () -> host(
                binding(mutual(WSS10).requireSignatureConfirmation(true).build()), serviceCredentials()));
        assertTrue(confirmation.getMessage().contains(WcfText.SignatureConfirmationNotSupported.format()),
                confirmation.getMessage());
    }

    private static SecurityBindingElement.Builder asymmetric(AuthenticationMode mode) {
        return security(mode).messageSecurityVersion(mode == AuthenticationMode.MutualCertificate ? WSS10
                : MessageSecurityVersion.DEFAULT);
    }

    /**
     * {@code messageProtectionOrder="EncryptBeforeSign"} as WCF's {@code SendSecurityHeader} writes it: the body
     * content encrypted first (its EncryptedData naming the EncryptedKey, no skipped key info), the signature in the
     * clear over the encrypted body, the reference list after the signature; both directions, the service's
     * confirmation (MutualCertificateDuplex, WS-Security 1.1) in the clear.
     */
    @ParameterizedTest
    @EnumSource(value = AuthenticationMode.class, names = {"MutualCertificate", "MutualCertificateDuplex"})
    void encryptBeforeSignSignsTheEncryptedBodyAndListsItAfterTheSignature(AuthenticationMode mode) {
        SecurityBindingElement e = asymmetric(mode).messageProtectionOrder(MessageProtectionOrder.EncryptBeforeSign)
                .requireSignatureConfirmation(mode == AuthenticationMode.MutualCertificateDuplex).build();
        Identity id = both(e, clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        for (String m : List.of(sent(Direction.CLIENT_TO_SERVICE).get(1), sent(Direction.SERVICE_TO_CLIENT).get(1))) {
            assertEquals(1, m.split("<e:EncryptedData ", -1).length - 1, "the body alone is encrypted: " + m);
            assertFalse(m.contains("<add") || m.contains("addResult"), "the body is encrypted: " + m);
            int signature = m.indexOf("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">");
            int list = m.indexOf("<e:ReferenceList");
            assertTrue(m.indexOf("</e:EncryptedKey>") < signature && signature < list,
                    "key, signature in the clear, then the reference list: " + m);
            Matcher key = Pattern.compile("<e:EncryptedKey [^>]*Id=\"([^\"]+)\".*?</e:EncryptedKey>").matcher(m);
            assertTrue(key.find(), m);
            assertFalse(key.group().contains("ReferenceList"), "the key holds no reference list: " + m);
            assertTrue(m.matches("(?s).*<s:Body[^>]*><e:EncryptedData [^>]*>\\s*<e:EncryptionMethod[^>]*/>\\s*"
                    + "<KeyInfo[^>]*><o:SecurityTokenReference[^>]*><o:Reference URI=\"#" + key.group(1) + "\".*"),
                    "the encrypted body names the EncryptedKey: " + m);
            Matcher bodyId = Pattern.compile("<s:Body u:Id=\"([^\"]+)\"").matcher(m);
            assertTrue(bodyId.find() && m.substring(signature).contains("<Reference URI=\"#" + bodyId.group(1)),
                    "the signature covers the body: " + m);
        }
        if (mode == AuthenticationMode.MutualCertificateDuplex) {
            assertTrue(sent(Direction.SERVICE_TO_CLIENT).get(1).contains("<k:SignatureConfirmation"),
                    "the confirmation in the clear");
        }
    }

    /**
     * {@code requireDerivedKeys="true"} as WCF's {@code SendSecurityHeader} writes it for an asymmetric binding: the
     * X.509 key signs as it is (no signing DKT), one DerivedKeyToken derived from the wrapped key encrypts (the
     * suite's encryption length, defaults omitted for 32 bytes), named by the encrypted data; the reference list
     * then leaves the EncryptedKey for the header.
     */
    @ParameterizedTest
    @EnumSource(value = AuthenticationMode.class, names = {"MutualCertificate", "MutualCertificateDuplex"})
    void derivedKeysEncryptWithOneKeyDerivedFromTheWrappedKey(AuthenticationMode mode) {
        SecurityBindingElement e = asymmetric(mode).requireDerivedKeys(true).build();
        Identity id = both(e, clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        for (String m : List.of(sent(Direction.CLIENT_TO_SERVICE).get(1), sent(Direction.SERVICE_TO_CLIENT).get(1))) {
            assertEquals(1, m.split("<c:DerivedKeyToken ", -1).length - 1, "one derived key: " + m);
            Matcher key = Pattern.compile("<e:EncryptedKey [^>]*Id=\"([^\"]+)\".*?</e:EncryptedKey>").matcher(m);
            assertTrue(key.find(), m);
            assertFalse(key.group().contains("ReferenceList"), "the reference list is in the header: " + m);
            Matcher dkt = Pattern.compile("<c:DerivedKeyToken [^>]*u:Id=\"([^\"]+)\"[^>]*>(.*?)</c:DerivedKeyToken>")
                    .matcher(m);
            assertTrue(dkt.find(), m);
            assertTrue(dkt.group(2).contains("URI=\"#" + key.group(1) + "\""), "derived from the wrapped key: " + m);
            assertFalse(dkt.group(2).contains("<c:Length>"), "Basic256 encrypts with 32 bytes, the default: " + m);
            assertTrue(m.indexOf("</e:EncryptedKey>") < m.indexOf("<c:DerivedKeyToken")
                    && m.indexOf("<c:DerivedKeyToken") < m.indexOf("<e:ReferenceList"), "declared in order: " + m);
            assertEquals(2, m.split("<o:Reference URI=\"#" + dkt.group(1) + "\"", -1).length - 1,
                    "the body and the signature name the derived key: " + m);
            assertFalse(m.contains("<add") || m.contains("addResult"), "the body is encrypted: " + m);
        }
    }

    @Test
    void derivedKeysAndEncryptBeforeSignRunTogether() {
        Identity id = both(mutual(WSS10).requireDerivedKeys(true)
                .messageProtectionOrder(MessageProtectionOrder.EncryptBeforeSign).build(), clientCertificate());
        assertEquals(whoIsClient(), id.whoAmI());
        String request = sent(Direction.CLIENT_TO_SERVICE).get(0);
        assertTrue(request.contains("<c:DerivedKeyToken") && request.indexOf("<Signature xmlns")
                < request.indexOf("<e:ReferenceList"), request);
    }

    /**
     * A service refuses another order than its own (WCF's {@code MessageProtectionOrderMismatch}) and, requiring
     * derived keys, a body encrypted with the wrapped key itself ({@code MessageWasNotEncryptedByDerivedEncryptionToken}):
     * WCF's generic fault, nothing served.
     */
    @ParameterizedTest
    @ValueSource(strings = {"EncryptBeforeSign/SignBeforeEncrypt", "SignBeforeEncrypt/EncryptBeforeSign",
            "SignBeforeEncryptAndEncryptSignature/EncryptBeforeSign", "derived/plain"})
    void aServiceRefusesAnotherOrderAndAKeyThatIsNotDerived(String serviceAndClient) {
        String[] sides = serviceAndClient.split("/");
        SecurityBindingElement[] pair = new SecurityBindingElement[2];
        for (int i = 0; i < 2; i++) {
            pair[i] = switch (sides[i]) {
                case "derived" -> mutual(WSS10).requireDerivedKeys(true).build();
                case "plain" -> mutual(WSS10).build();
                default -> mutual(WSS10).messageProtectionOrder(MessageProtectionOrder.valueOf(sides[i])).build();
            };
        }
        host(binding(pair[0]), serviceCredentials());
        Identity id = client(binding(pair[1]), clientCertificate());
        int before = IdentityService.CALLS.get();
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                assertInstanceOf(SecurityFaultException.class, e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get(), "nothing served");
    }

    /**
     * A receiver that does not require derived keys accepts them (the service serves a request encrypted with a
     * derived key), one that requires them refuses the wrapped key itself, as WCF's {@code ReceiveSecurityHeader}:
     * the client refuses the service's reply with WCF's text.
     */
    @Test
    void aServiceWithoutDerivedKeysAcceptsThemAndAClientRequiringThemRefusesItsReply() {
        host(binding(mutual(WSS10).build()), serviceCredentials());
        Identity id = client(binding(mutual(WSS10).requireDerivedKeys(true).build()), clientCertificate());
        int before = IdentityService.CALLS.get();
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(before + 1, IdentityService.CALLS.get(), "the service served the request");
        assertTrue(e.getMessage().startsWith("The message is not encrypted with a key derived from the encryption"
                + " token."), e.getMessage());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE).get(0).contains("<c:DerivedKeyToken"));
    }

    @Test
    void overDuplexChannelsOnlyMutualCertificateDuplexRunsWithOrWithoutConfirmation() {
        ChannelShape shape = ChannelShape.DUPLEX;
        Function<SecurityBindingElement, List<String>> refusedOverDuplex = e ->
                new MessageSecurityLayerProvider().refusals().stream()
                        .filter(r -> r.shapes().contains(shape))
                        .filter(r -> r.applies().test(e)).map(r -> r.reason().apply(e)).toList();
        SecurityBindingElement duplex = security(AuthenticationMode.MutualCertificateDuplex).build();
        assertEquals(List.of(), refusedOverDuplex.apply(duplex));
        assertEquals(List.of(), refusedOverDuplex.apply(security(AuthenticationMode.MutualCertificateDuplex)
                .requireSignatureConfirmation(true).build()), "WCF opens it; nothing is confirmed over duplex");
        List<String> mutual = refusedOverDuplex.apply(mutual(WSS10).build());
        assertEquals(1, mutual.size(), mutual.toString());
        assertTrue(mutual.get(0).contains("MutualCertificateDuplex only"), mutual.get(0));
        assertTrue(new MessageSecurityLayerProvider().refusals().stream()
                .filter(r -> r.shapes().isEmpty()).noneMatch(r -> r.applies().test(duplex)),
                "over request/reply nothing of MutualCertificateDuplex is refused");
    }

    @Test
    void aSubstitutedClientCertificateIsRefusedAndNeverServed() throws Exception {
        // the attacker swaps in another certificate the service trusts: the signature no longer verifies
        int before = IdentityService.CALLS.get();
        Binding b = binding(mutual(WSS10).build());
        host(b, ServiceCredentials.defaults().withServiceCertificate(service).withClientCertificateAuthentication(
                X509CertificateAuthentication.peerTrust(List.of(client.certificate(), impostor.certificate()))));
        Identity id = client(b, clientCertificate());
        String swapped = base64(impostor.certificate().getEncoded());
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).then(FaultAction.rewrite(s ->
                s.replaceFirst("(<o:BinarySecurityToken[^>]*>)[^<]*", "$1" + swapped))));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aRequestWhoseBodyIsNotEncryptedIsRefused() {
        // a downgrade: the body in clear, its EncryptedData moved out of it
        int before = IdentityService.CALLS.get();
        Identity id = both(mutual(WSS10).build(), clientCertificate());
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).then(FaultAction.rewrite(s -> s.replaceFirst(
                "(<s:Body[^>]*>)(<e:EncryptedData.*?</e:EncryptedData>)</s:Body>",
                "$1<Add xmlns=\"http://tempuri.org/\"><n1>1</n1><n2>2</n2></Add></s:Body>"))));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aClientClockBeyondTheSkewIsRefusedByTheService() {
        int before = IdentityService.CALLS.get();
        Identity id = both(mutual(WSS10).build(), clientCertificate());
        clientClock.advance(java.time.Duration.ofMinutes(6));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }
}

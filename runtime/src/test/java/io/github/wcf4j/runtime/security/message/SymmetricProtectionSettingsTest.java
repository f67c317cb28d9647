package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The symmetric binding's protection settings on whole envelopes, as WCF's {@code SendSecurityHeader} writes and its
 * {@code ReceiveSecurityHeader} reads them: {@code requireDerivedKeys="false"} (the message key itself, the reference
 * list inside the request's EncryptedKey), {@code messageProtectionOrder} {@code SignBeforeEncrypt} and
 * {@code EncryptBeforeSign} (and the receivers' order checks), {@code protectTokens="true"} (the request's primary
 * token signed, required by the service); for the X.509 modes and for a security context's key.
 */
class SymmetricProtectionSettingsTest {
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSA10 = "http://www.w3.org/2005/08/addressing";
    private static final String ADD = "<Add xmlns=\"http://Microsoft.ServiceModel.Samples\"><n1>2</n1><n2>3</n2></Add>";
    private static final String REPLY = "<AddResponse xmlns=\"http://Microsoft.ServiceModel.Samples\"><AddResult>5"
            + "</AddResult></AddResponse>";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final SymmetricHeaderWriter.Settings DEFAULTS = new SymmetricHeaderWriter.Settings(
            AlgorithmSuite.forName("Default"), WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict);
    private static final SymmetricHeaderWriter.Settings NO_DERIVED = with(false,
            MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature, false);
    private static final SymmetricHeaderWriter.Settings SIGN_FIRST = with(true, MessageProtectionOrder.SignBeforeEncrypt,
            false);
    private static final SymmetricHeaderWriter.Settings ENCRYPT_FIRST = with(true,
            MessageProtectionOrder.EncryptBeforeSign, false);
    private static final SymmetricHeaderWriter.Settings PROTECT = with(true,
            MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature, true);
    private static final String SCT = "<c:SecurityContextToken u:Id=\"uuid-5e1c-3\" xmlns:c=\""
            + WsSecurityNames.SC_FEB2005 + "\" xmlns:u=\"" + WsSecurityNames.WSU + "\"><c:Identifier>urn:uuid:3a5b"
            + "</c:Identifier></c:SecurityContextToken>";

    @TempDir
    static Path dir;
    static X509Credential service;

    @BeforeAll
    static void keys() throws Exception {
        service = TestKeys.client(dir, "service");
    }

    private static SymmetricHeaderWriter.Settings with(boolean derivedKeys, MessageProtectionOrder order,
            boolean protectTokens) {
        return new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName("Default"), WsSecurityNames.SC_FEB2005,
                SecurityHeaderLayout.Strict, false, derivedKeys, order, protectTokens);
    }

    private static Document envelope(String body) {
        return DomXml.parse("<s:Envelope xmlns:s=\"" + SOAP12 + "\" xmlns:a=\"" + WSA10 + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://Microsoft.ServiceModel.Samples/ICalculator/Add</a:Action>"
                + "<a:MessageID>urn:uuid:0b1e0000-0000-0000-0000-000000000001</a:MessageID>"
                + "<a:To s:mustUnderstand=\"1\">http://localhost:8080/calc</a:To>"
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>").getOwnerDocument();
    }

    private static Optional<SecurityTimestamp> timestamp() {
        return Optional.of(SecurityTimestamp.issue(NOW, Duration.ofMinutes(5)));
    }

    private static String thumbprint() {
        return Base64.getEncoder().encodeToString(CertificateFind.thumbprint(service.certificate()));
    }

    private static Document wire(Document d) {
        return DomXml.parse(XmlEncryption.serialize(d.getDocumentElement())).getOwnerDocument();
    }

    private static String text(Document d) {
        return XmlEncryption.serialize(d.getDocumentElement());
    }

    private static Element security(Document d) {
        Element header = DomXml.children(d.getDocumentElement()).get(0);
        return SymmetricHeaderWriter.child(header, WsSecurityNames.WSSE, "Security").orElseThrow();
    }

    private static List<String> items(Document d) {
        return DomXml.children(security(d)).stream().map(Element::getLocalName).toList();
    }

    private static Element body(Document d) {
        return DomXml.children(d.getDocumentElement()).get(1);
    }

    private static Document request(SymmetricHeaderWriter.Settings s, Optional<UserNameCredential> user) {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, s, timestamp(), service.certificate(), user);
        return wire(request);
    }

    private static SymmetricHeaderReader.Received read(Document d, SymmetricHeaderWriter.Settings s) {
        return SymmetricHeaderReader.readRequest(d, s, service.privateKey(), thumbprint());
    }

    private static String refusal(Document d, SymmetricHeaderWriter.Settings s) {
        // a reader decrypts in place: refuse a copy, the test reads the original later
        return assertThrows(MessageSecurityException.class, () -> read(wire(d), s)).getMessage();
    }

    private static void assertAdd(Document received) {
        Element add = DomXml.children(body(received)).get(0);
        assertEquals("Add", add.getLocalName());
    }

    @Test
    void withoutDerivedKeysTheKeyItselfProtectsAndTheEncryptedKeyHoldsTheReferenceList() {
        Document sent = request(NO_DERIVED, Optional.empty());
        String xml = text(sent);
        assertEquals(List.of("Timestamp", "EncryptedKey", "EncryptedData"), items(sent), xml);
        assertFalse(xml.contains("DerivedKeyToken"), xml);
        Element ek = DomXml.children(security(sent)).get(1);
        List<String> ekParts = DomXml.children(ek).stream().map(Element::getLocalName).toList();
        assertEquals(List.of("EncryptionMethod", "KeyInfo", "CipherData", "ReferenceList"), ekParts);
        assertEquals(2, ek.getElementsByTagNameNS(WsSecurityNames.XENC, "DataReference").getLength());
        for (Element data : List.of(DomXml.children(security(sent)).get(2), DomXml.children(body(sent)).get(0))) {
            assertEquals(List.of("EncryptionMethod", "CipherData"),
                    DomXml.children(data).stream().map(Element::getLocalName).toList(),
                    "WCF's skipKeyInfoForEncryption: the EncryptedKey's reference list names the data");
        }
        SymmetricHeaderReader.Received r = read(sent, NO_DERIVED);
        assertAdd(sent);
        Element signature = (Element) sent.getElementsByTagNameNS(WsSecurityNames.DS, "Signature").item(0);
        String keyInfo = XmlEncryption.serialize(
                (Element) signature.getElementsByTagNameNS(WsSecurityNames.DS, "KeyInfo").item(0));
        assertTrue(keyInfo.contains("URI=\"#" + ek.getAttribute("Id") + "\""), keyInfo);

        Document reply = envelope(REPLY);
        SymmetricHeaderWriter.writeReply(reply, NO_DERIVED, timestamp(), r.key(), r.encryptedKeySha1(), List.of());
        Document replied = wire(reply);
        assertEquals(List.of("Timestamp", "ReferenceList", "EncryptedData"), items(replied));
        String replyXml = text(replied);
        assertEquals(2, replyXml.split(WsSecurityNames.ENCRYPTED_KEY_SHA1, -1).length - 1,
                "both EncryptedData name the request's key by its EncryptedKeySHA1: " + replyXml);
        SymmetricHeaderReader.readReply(replied, NO_DERIVED, r.key(), r.encryptedKeySha1());
        assertEquals("AddResponse", DomXml.children(body(replied)).get(0).getLocalName());
    }

    @Test
    void aReceiverThatRequiresDerivedKeysRefusesTheKeyItselfAndOneThatDoesNotAcceptsDerivedKeys() {
        String refused = refusal(request(NO_DERIVED, Optional.empty()), DEFAULTS);
        assertTrue(refused.startsWith("The message is not encrypted with a key derived from the encryption token."
                + " The binding's token parameter 'System.ServiceModel.Security.Tokens.X509SecurityTokenParameters:"),
                refused);
        // WCF checks only that required derived keys were used (ReceiveSecurityHeader.EnforceDerivedKeyRequirement)
        Document derived = request(DEFAULTS, Optional.empty());
        read(derived, NO_DERIVED);
        assertAdd(derived);
    }

    @Test
    void withoutDerivedKeysATamperedMessageIsRefused() {
        Document sent = request(NO_DERIVED, Optional.of(new UserNameCredential("alice", "s3cret")));
        Element body = DomXml.children(body(sent)).get(0);
        Element value = (Element) body.getElementsByTagNameNS(WsSecurityNames.XENC, "CipherValue").item(0);
        byte[] b = Base64.getDecoder().decode(value.getTextContent());
        b[20] ^= 1;
        value.setTextContent(Base64.getEncoder().encodeToString(b));
        assertThrows(MessageSecurityException.class, () -> read(sent, NO_DERIVED));
        Document intact = request(NO_DERIVED, Optional.of(new UserNameCredential("alice", "s3cret")));
        assertEquals("alice", read(intact, NO_DERIVED).userName().orElseThrow().userName());
    }

    @Test
    void signBeforeEncryptLeavesTheSignatureInClearAfterTheReferenceList() {
        Document sent = request(SIGN_FIRST, Optional.of(new UserNameCredential("alice", "s3cret")));
        assertEquals(List.of("Timestamp", "EncryptedKey", "DerivedKeyToken", "DerivedKeyToken", "ReferenceList",
                "EncryptedData", "Signature"), items(sent));
        assertEquals(2, sent.getElementsByTagNameNS(WsSecurityNames.XENC, "DataReference").getLength(),
                "the body and the UsernameToken");
        assertFalse(text(sent).contains("alice"));
        assertEquals(WcfText.PrimarySignatureIsRequiredToBeEncrypted.format(), refusal(sent, DEFAULTS));
        assertEquals(WcfText.MessageProtectionOrderMismatch.format("EncryptBeforeSign"),
                refusal(request(SIGN_FIRST, Optional.empty()), ENCRYPT_FIRST));
        SymmetricHeaderReader.Received r = read(sent, SIGN_FIRST);
        assertEquals("alice", r.userName().orElseThrow().userName());
        assertAdd(sent);
        // WCF's SignBeforeEncrypt receiver does not require the signature in clear
        read(request(DEFAULTS, Optional.empty()), SIGN_FIRST);

        Document reply = envelope(REPLY);
        SymmetricHeaderWriter.writeReply(reply, SIGN_FIRST, timestamp(), r.key(), r.encryptedKeySha1(),
                List.of(r.signatureValue()));
        Document replied = wire(reply);
        assertEquals(List.of("Timestamp", "DerivedKeyToken", "DerivedKeyToken", "ReferenceList",
                "SignatureConfirmation", "Signature"), items(replied),
                "the request's signature came in clear, so the confirmation is not encrypted");
        SymmetricHeaderReader.Received back = SymmetricHeaderReader.readReply(replied, SIGN_FIRST, r.key(),
                r.encryptedKeySha1());
        assertArrayEquals(r.signatureValue(), back.confirmations().get(0));
    }

    @Test
    void encryptBeforeSignSignsTheEncryptedBodyAndPutsTheReferenceListLast() {
        Document sent = request(ENCRYPT_FIRST, Optional.of(new UserNameCredential("alice", "s3cret")));
        assertEquals(List.of("Timestamp", "EncryptedKey", "DerivedKeyToken", "DerivedKeyToken", "EncryptedData",
                "Signature", "ReferenceList"), items(sent));
        Element signature = DomXml.children(security(sent)).get(5);
        Element encryptedToken = DomXml.children(security(sent)).get(4);
        String signedInfo = XmlEncryption.serialize(DomXml.children(signature).get(0));
        assertTrue(signedInfo.contains("URI=\"#" + body(sent).getAttributeNS(WsSecurityNames.WSU, "Id") + "\""));
        assertTrue(signedInfo.contains("URI=\"#" + encryptedToken.getAttribute("Id") + "\""),
                "the UsernameToken is signed in its encrypted form: " + signedInfo);
        assertEquals(WcfText.MessageProtectionOrderMismatch.format("SignBeforeEncrypt"),
                refusal(sent, SIGN_FIRST));
        assertEquals(WcfText.MessageProtectionOrderMismatch.format("SignBeforeEncryptAndEncryptSignature"),
                refusal(request(ENCRYPT_FIRST, Optional.empty()), DEFAULTS));
        assertEquals(WcfText.MessageProtectionOrderMismatch.format("EncryptBeforeSign"),
                refusal(request(DEFAULTS, Optional.empty()), ENCRYPT_FIRST));
        SymmetricHeaderReader.Received r = read(sent, ENCRYPT_FIRST);
        assertEquals("alice", r.userName().orElseThrow().userName());
        assertAdd(sent);

        Document reply = envelope(REPLY);
        SymmetricHeaderWriter.writeReply(reply, ENCRYPT_FIRST, timestamp(), r.key(), r.encryptedKeySha1(),
                List.of(r.signatureValue()));
        Document replied = wire(reply);
        assertEquals(List.of("Timestamp", "DerivedKeyToken", "DerivedKeyToken", "SignatureConfirmation",
                "Signature", "ReferenceList"), items(replied));
        SymmetricHeaderReader.readReply(replied, ENCRYPT_FIRST, r.key(), r.encryptedKeySha1());
        assertEquals("AddResponse", DomXml.children(body(replied)).get(0).getLocalName());
    }

    @Test
    void encryptBeforeSignRefusesATamperedCipherBeforeDecryptingIt() {
        Document sent = request(ENCRYPT_FIRST, Optional.empty());
        Element value = (Element) body(sent).getElementsByTagNameNS(WsSecurityNames.XENC, "CipherValue").item(0);
        byte[] b = Base64.getDecoder().decode(value.getTextContent());
        b[b.length - 1] ^= 1;
        value.setTextContent(Base64.getEncoder().encodeToString(b));
        assertEquals("Signature verification failed.", refusal(sent, ENCRYPT_FIRST),
                "the signature covers the cipher text, so padding is never probed");
    }

    @Test
    void protectTokensSignsTheRequestsEncryptedKeyAndTheServiceRequiresIt() {
        Document sent = request(PROTECT, Optional.empty());
        Element ek = DomXml.children(security(sent)).get(1);
        assertEquals("EncryptedKey", ek.getLocalName());
        read(sent, PROTECT);
        Element signature = (Element) sent.getElementsByTagNameNS(WsSecurityNames.DS, "Signature").item(0);
        String signedInfo = XmlEncryption.serialize(DomXml.children(signature).get(0));
        assertTrue(signedInfo.contains("URI=\"#" + ek.getAttribute("Id") + "\""), signedInfo);
        // WCF's receivers consume a signed primary token whatever their setting
        read(request(PROTECT, Optional.empty()), DEFAULTS);
        assertEquals(WcfText.SupportingTokenIsNotSigned.format(SymmetricHeaderReader.ISSUED_PARAMETERS),
                refusal(request(DEFAULTS, Optional.empty()), PROTECT));
        // without derived keys the reference list stays in the header: inside the EncryptedKey it would break the
        // EncryptedKey's digest
        SymmetricHeaderWriter.Settings plainProtected = with(false,
                MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature, true);
        Document plain = request(plainProtected, Optional.empty());
        assertEquals(List.of("Timestamp", "EncryptedKey", "ReferenceList", "EncryptedData"), items(plain));
        read(plain, plainProtected);
    }

    @Test
    void aTamperedProtectedEncryptedKeyIsRefused() {
        Document sent = request(PROTECT, Optional.empty());
        Element ek = DomXml.children(security(sent)).get(1);
        Element method = DomXml.children(ek).get(0);
        method.setAttributeNS(WsSecurityNames.WSU, "u:Id", "injected");
        assertEquals("Signature verification failed.", refusal(sent, PROTECT));
    }

    @Test
    void aSecurityContextsMessagesRunEverySetting() {
        for (SymmetricHeaderWriter.Settings s : List.of(NO_DERIVED, SIGN_FIRST, ENCRYPT_FIRST, PROTECT,
                with(false, MessageProtectionOrder.EncryptBeforeSign, true))) {
            byte[] key = KeyWrap.generateKey(256);
            Document request = envelope(ADD);
            SymmetricHeaderWriter.writeWithContext(request, s, timestamp(), key, "urn:uuid:3a5b", Optional.of(SCT));
            Document sent = wire(request);
            String xml = text(sent);
            assertEquals(!s.derivedKeys(), !xml.contains("DerivedKeyToken"), xml);
            Element sct = DomXml.children(security(sent)).get(1);
            assertEquals("SecurityContextToken", sct.getLocalName());
            SymmetricHeaderReader.ContextKeys keys = new SymmetricHeaderReader.ContextKeys() {
                @Override
                public byte[] keyOf(Element securityContextToken) {
                    return key;
                }

                @Override
                public byte[] keyOf(String contextId) {
                    assertEquals("urn:uuid:3a5b", contextId);
                    return key;
                }
            };
            SymmetricHeaderReader.Received r = SymmetricHeaderReader.readWithContext(sent, s, false, true, keys);
            assertEquals("urn:uuid:3a5b", r.contextId().orElseThrow());
            assertAdd(sent);
            if (s.protectTokens()) {
                Element signature = (Element) sent.getElementsByTagNameNS(WsSecurityNames.DS, "Signature").item(0);
                assertTrue(XmlEncryption.serialize(signature).contains("URI=\"#uuid-5e1c-3\""));
            } else {
                Document unprotected = envelope(ADD);
                SymmetricHeaderWriter.writeWithContext(unprotected, s, timestamp(), key, "urn:uuid:3a5b",
                        Optional.of(SCT));
                SymmetricHeaderWriter.Settings requiring = new SymmetricHeaderWriter.Settings(s.suite(),
                        s.scNamespace(), s.layout(), false, s.derivedKeys(), s.order(), true);
                assertEquals(WcfText.SupportingTokenIsNotSigned.format(SymmetricHeaderReader.ISSUED_PARAMETERS),
                        assertThrows(MessageSecurityException.class, () -> SymmetricHeaderReader.readWithContext(
                                wire(unprotected), requiring, false, true, keys)).getMessage());
            }

            Document reply = envelope(REPLY);
            SymmetricHeaderWriter.writeWithContext(reply, s, timestamp(), key, "urn:uuid:3a5b", Optional.empty());
            Document replied = wire(reply);
            assertFalse(text(replied).contains("SecurityContextToken "), "no token in a reply");
            SymmetricHeaderReader.readWithContext(replied, s, false, false, keys);
            assertEquals("AddResponse", DomXml.children(body(replied)).get(0).getLocalName());
        }
    }
}

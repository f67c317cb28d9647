package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * AnonymousForCertificate's message protection on whole envelopes: the request's wire shape, request and reply
 * round trips with signature confirmation, and the attacks of the security reference's §9 (tampered cipher values,
 * wrong keys, removed or wrapped signatures, unsigned headers, downgrades, duplicate ids, replays).
 */
class SymmetricMessageProtectionTest {
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSA10 = "http://www.w3.org/2005/08/addressing";
    private static final String ADD = "<Add xmlns=\"http://Microsoft.ServiceModel.Samples\"><n1>2</n1><n2>3</n2></Add>";
    private static final SymmetricHeaderWriter.Settings BASIC256 = new SymmetricHeaderWriter.Settings(
            AlgorithmSuite.forName("Default"), WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    static Path dir;
    static X509Credential service;
    static X509Credential other;

    @BeforeAll
    static void keys() throws Exception {
        service = TestKeys.client(dir, "service");
        other = TestKeys.client(dir, "other");
    }

    private static Document envelope(String body) {
        return DomXml.parse("<s:Envelope xmlns:s=\"" + SOAP12 + "\" xmlns:a=\"" + WSA10 + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://Microsoft.ServiceModel.Samples/ICalculator/Add</a:Action>"
                + "<a:MessageID>urn:uuid:0b1e0000-0000-0000-0000-000000000001</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">http://localhost:8080/calc</a:To>"
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>").getOwnerDocument();
    }

    private static Optional<SecurityTimestamp> timestamp() {
        return Optional.of(SecurityTimestamp.issue(NOW, Duration.ofMinutes(5)));
    }

    private static String thumbprint(X509Credential c) {
        return Base64.getEncoder().encodeToString(CertificateFind.thumbprint(c.certificate()));
    }

    /** The envelope as sent and received: serialized and parsed again. */
    private static Document wire(Document d) {
        return DomXml.parse(XmlEncryption.serialize(d.getDocumentElement())).getOwnerDocument();
    }

    private static String text(Document d) {
        return XmlEncryption.serialize(d.getDocumentElement());
    }

    private static SymmetricHeaderReader.Received receive(Document d) {
        return SymmetricHeaderReader.readRequest(d, BASIC256, service.privateKey(), thumbprint(service));
    }

    private static Element security(Document d) {
        Element header = DomXml.children(d.getDocumentElement()).get(0);
        return SymmetricHeaderWriter.child(header, WsSecurityNames.WSSE, "Security").orElseThrow();
    }

    private static Element body(Document d) {
        return DomXml.children(d.getDocumentElement()).get(1);
    }

    @Test
    void aRequestHasWcfsSymmetricShapeAndHidesItsBody() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(), service.certificate(), Optional.empty());
        Document sent = wire(request);
        List<String> items = DomXml.children(security(sent)).stream().map(Element::getLocalName).toList();
        assertEquals(List.of("Timestamp", "EncryptedKey", "DerivedKeyToken", "DerivedKeyToken", "ReferenceList",
                "EncryptedData"), items);
        String xml = text(sent);
        assertFalse(xml.contains("<n1>"), xml);
        assertTrue(xml.contains("<c:Offset>0</c:Offset><c:Length>24</c:Length>"), xml);
        assertEquals(1, xml.split("<c:Length>", -1).length - 1, "the 32-byte encryption key omits its length");
        assertTrue(xml.contains("Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p\""), xml);
        assertTrue(xml.contains("ValueType=\"" + WsSecurityNames.THUMBPRINT_SHA1 + "\">" + thumbprint(service)), xml);
        assertTrue(xml.contains("Type=\"http://www.w3.org/2001/04/xmlenc#Content\""), xml);
        assertTrue(xml.contains("Type=\"http://www.w3.org/2001/04/xmlenc#Element\""), xml);
        assertTrue(body(sent).hasAttributeNS(WsSecurityNames.WSU, "Id"));
        for (Element h : DomXml.children(DomXml.children(sent.getDocumentElement()).get(0))) {
            if (!h.getLocalName().equals("Security")) {
                assertTrue(h.hasAttributeNS(WsSecurityNames.WSU, "Id"), h.getLocalName());
            }
        }
    }

    @Test
    void theServiceReadsTheRequestAndTheClientItsConfirmedReply() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.Sent sent = SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(),
                service.certificate(), Optional.empty());
        Document received = wire(request);
        SymmetricHeaderReader.Received r = receive(received);
        assertArrayEquals(sent.key(), r.key());
        assertEquals(sent.encryptedKeySha1(), r.encryptedKeySha1());
        assertArrayEquals(sent.signatureValue(), r.signatureValue());
        assertEquals(NOW, r.timestamp().orElseThrow().created());
        Element add = DomXml.children(body(received)).get(0);
        assertEquals("Add", add.getLocalName());
        assertEquals("3", add.getElementsByTagNameNS("http://Microsoft.ServiceModel.Samples", "n2").item(0)
                .getTextContent());

        Document reply = envelope("<AddResponse xmlns=\"http://Microsoft.ServiceModel.Samples\"><AddResult>5"
                + "</AddResult></AddResponse>");
        SymmetricHeaderWriter.writeReply(reply, BASIC256, timestamp(), r.key(), r.encryptedKeySha1(),
                List.of(r.signatureValue()));
        Document replied = wire(reply);
        String xml = text(replied);
        assertTrue(xml.contains("ValueType=\"" + WsSecurityNames.ENCRYPTED_KEY_SHA1 + "\">"
                + sent.encryptedKeySha1()), xml);
        assertFalse(xml.contains("EncryptedKey Id"), xml);
        assertEquals(List.of("Timestamp", "DerivedKeyToken", "DerivedKeyToken", "ReferenceList",
                "EncryptedData", "EncryptedData"),
                DomXml.children(security(replied)).stream().map(Element::getLocalName).toList(),
                "the confirmation is encrypted in its place, as WCF encrypts it when the request's signature was");
        assertFalse(xml.contains("SignatureConfirmation"), xml);
        SymmetricHeaderReader.Received back = SymmetricHeaderReader.readReply(replied, BASIC256, sent.key(),
                sent.encryptedKeySha1());
        assertEquals(1, back.confirmations().size());
        assertArrayEquals(sent.signatureValue(), back.confirmations().get(0));
        assertEquals("AddResponse", DomXml.children(body(replied)).get(0).getLocalName());
    }

    @Test
    void underTheBasicSecurityProfileReferencesCarryTheAttributesWcfAddsForIt() {
        // WCF's emitBspRequiredAttributes: EncodingType on every KeyIdentifier (KeyIdentifierStrEntry.WriteContent),
        // the referenced token's type as ValueType on local references (LocalReferenceStrEntry.WriteContent)
        SymmetricHeaderWriter.Settings bsp = new SymmetricHeaderWriter.Settings(BASIC256.suite(),
                WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict, true);
        Document request = envelope(ADD);
        SymmetricHeaderWriter.Sent sent = SymmetricHeaderWriter.writeRequest(request, bsp, timestamp(),
                service.certificate(), Optional.empty());
        Document received = wire(request);
        String xml = text(received);
        assertTrue(xml.contains("EncodingType=\"" + WsSecurityNames.BASE64_BINARY + "\""), xml);
        assertTrue(xml.contains("ValueType=\"" + WsSecurityNames.SC_FEB2005 + "/dk\""), xml);
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readRequest(received, bsp, service.privateKey(),
                thumbprint(service));

        Document reply = envelope("<AddResponse xmlns=\"http://Microsoft.ServiceModel.Samples\"><AddResult>5"
                + "</AddResult></AddResponse>");
        SymmetricHeaderWriter.writeReply(reply, bsp, timestamp(), r.key(), r.encryptedKeySha1(),
                List.of(r.signatureValue()));
        Document replied = wire(reply);
        assertTrue(text(replied).contains("EncodingType=\"" + WsSecurityNames.BASE64_BINARY + "\" ValueType=\""
                + WsSecurityNames.ENCRYPTED_KEY_SHA1 + "\"") || text(replied).contains("ValueType=\""
                + WsSecurityNames.ENCRYPTED_KEY_SHA1 + "\" EncodingType=\"" + WsSecurityNames.BASE64_BINARY + "\""),
                text(replied));
        SymmetricHeaderReader.readReply(replied, bsp, sent.key(), sent.encryptedKeySha1());
        assertFalse(text(wire(writtenWith(BASIC256))).contains("EncodingType"), "not without the profile");
    }

    private static Document writtenWith(SymmetricHeaderWriter.Settings s) {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, s, timestamp(), service.certificate(), Optional.empty());
        return request;
    }

    @Test
    void laxTimestampLastPutsTheTimestampLast() {
        SymmetricHeaderWriter.Settings lax = new SymmetricHeaderWriter.Settings(BASIC256.suite(),
                WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.LaxTimestampLast);
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, lax, timestamp(), service.certificate(), Optional.empty());
        Document received = wire(request);
        List<Element> items = DomXml.children(security(received));
        assertEquals("Timestamp", items.get(items.size() - 1).getLocalName());
        SymmetricHeaderReader.readRequest(received, lax, service.privateKey(), thumbprint(service));
    }

    private static void assertRefused(Consumer<Document> tamper) {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(), service.certificate(), Optional.empty());
        Document received = wire(request);
        tamper.accept(received);
        Document again = wire(received);
        assertThrows(MessageSecurityException.class, () -> receive(again));
    }

    private static Element cipherValue(Element encryptedData) {
        return (Element) encryptedData.getElementsByTagNameNS(WsSecurityNames.XENC, "CipherValue").item(0);
    }

    private static void flip(Element cipherValue, int index) {
        byte[] bytes = Base64.getDecoder().decode(cipherValue.getTextContent());
        bytes[index] ^= 1;
        cipherValue.setTextContent(Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void aTamperedBodyCipherValueIsRefused() {
        assertRefused(d -> flip(cipherValue(DomXml.children(body(d)).get(0)), 20));
        assertRefused(d -> {
            Element v = cipherValue(DomXml.children(body(d)).get(0));
            byte[] b = Base64.getDecoder().decode(v.getTextContent());
            b[b.length - 17] ^= 0x10;
            v.setTextContent(Base64.getEncoder().encodeToString(b));
        });
    }

    @Test
    void aTamperedSignatureOrKeyIsRefused() {
        assertRefused(d -> flip(cipherValue(last(security(d))), 40));
        assertRefused(d -> flip(cipherValue(DomXml.children(security(d)).get(1)), 5));
    }

    private static Element last(Element parent) {
        List<Element> c = DomXml.children(parent);
        return c.get(c.size() - 1);
    }

    @Test
    void aRequestForAnotherServiceOrAnotherKeyIsRefused() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(), other.certificate(), Optional.empty());
        Document received = wire(request);
        assertThrows(MessageSecurityException.class, () -> receive(received));
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> SymmetricHeaderReader.readRequest(wire(received), BASIC256, service.privateKey(),
                        thumbprint(other)));
        assertEquals(BlockCipher.DECRYPTION_FAILED, e.getMessage());
    }

    @Test
    void aRemovedSignatureOrAnUnencryptedBodyIsRefused() {
        assertRefused(d -> security(d).removeChild(last(security(d))));
        assertRefused(d -> {
            Element b = body(d);
            b.removeChild(DomXml.children(b).get(0));
            b.appendChild(d.importNode(DomXml.parse(ADD), true));
        });
    }

    @Test
    void anUnsignedAddressingHeaderIsRefused() {
        assertRefused(d -> {
            Element header = DomXml.children(d.getDocumentElement()).get(0);
            Element to = d.createElementNS(WSA10, "a:To");
            to.setTextContent("http://evil.example/");
            header.insertBefore(to, header.getFirstChild());
        });
    }

    @Test
    void aDuplicateIdIsRefused() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(), service.certificate(), Optional.empty());
        Document received = wire(request);
        Element header = DomXml.children(received.getDocumentElement()).get(0);
        Element wrapper = received.createElementNS("urn:evil", "x:Wrapper");
        wrapper.setAttributeNS(WsSecurityNames.WSU, "u:Id", body(received).getAttributeNS(WsSecurityNames.WSU, "Id"));
        header.appendChild(wrapper);
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> receive(wire(received)));
        assertTrue(e.getMessage().contains("occurred twice"), e.getMessage());
    }

    @Test
    void anotherSuiteIsADowngradeAndRefused() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.Settings basic128 = new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName(
                "Basic128"), WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict);
        SymmetricHeaderWriter.writeRequest(request, basic128, timestamp(), service.certificate(), Optional.empty());
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> receive(wire(request)));
        assertTrue(e.getMessage().contains("is not accepted for operation") || e.getMessage().equals(
                BlockCipher.DECRYPTION_FAILED), e.getMessage());
        Document sha256 = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(sha256, new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName(
                "Basic256Sha256"), WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict), timestamp(),
                service.certificate(), Optional.empty());
        MessageSecurityException s = assertThrows(MessageSecurityException.class, () -> receive(wire(sha256)));
        assertTrue(s.getMessage().contains("is not accepted for operation"), s.getMessage());
    }

    @Test
    void aReplyWithAnotherKeyIsRefused() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.Sent sent = SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(),
                service.certificate(), Optional.empty());
        Document reply = envelope("<R xmlns=\"urn:r\"/>");
        byte[] otherKey = KeyWrap.generateKey(256);
        SymmetricHeaderWriter.writeReply(reply, BASIC256, timestamp(), otherKey, sent.encryptedKeySha1(), List.of());
        assertThrows(MessageSecurityException.class, () -> SymmetricHeaderReader.readReply(wire(reply), BASIC256,
                sent.key(), sent.encryptedKeySha1()));
        Document named = envelope("<R xmlns=\"urn:r\"/>");
        SymmetricHeaderWriter.writeReply(named, BASIC256, timestamp(), sent.key(), "AAAA", List.of());
        assertThrows(MessageSecurityException.class, () -> SymmetricHeaderReader.readReply(wire(named), BASIC256,
                sent.key(), sent.encryptedKeySha1()));
    }

    @Test
    void aReplayedSignatureIsRefusedUntilItsLifetimeEnds() {
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ReplayCache cache = new ReplayCache(clock, 2, Duration.ofMinutes(5), Duration.ofMinutes(5));
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(), service.certificate(), Optional.empty());
        String copy = text(request);
        byte[] nonce = receive(wire(request)).signatureValue();
        cache.check(nonce);
        byte[] again = receive(DomXml.parse(copy).getOwnerDocument()).signatureValue();
        assertEquals(ReplayCache.REPLAYED, assertThrows(MessageSecurityException.class, () -> cache.check(again))
                .getMessage());
        cache.check(new byte[] {1});
        assertThrows(MessageSecurityException.class, () -> cache.check(new byte[] {2}), "full: fail closed");
        now[0] = NOW.plus(Duration.ofMinutes(15));
        cache.check(again);
    }

    @Test
    void userNameForCertificateSignsAndEncryptsTheUsernameToken() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(), service.certificate(),
                Optional.of(new UserNameCredential("alice", "s3cret")));
        Document received = wire(request);
        String xml = text(received);
        assertFalse(xml.contains("alice") || xml.contains("s3cret") || xml.contains("UsernameToken"), xml);
        assertEquals(List.of("Timestamp", "EncryptedKey", "DerivedKeyToken", "DerivedKeyToken", "ReferenceList",
                "EncryptedData", "EncryptedData"),
                DomXml.children(security(received)).stream().map(Element::getLocalName).toList());
        assertEquals(3, received.getElementsByTagNameNS(WsSecurityNames.XENC, "DataReference").getLength());
        SymmetricHeaderReader.Received r = receive(received);
        assertEquals("alice", r.userName().orElseThrow().userName());
        assertEquals("s3cret", r.userName().orElseThrow().password());
        assertEquals(Optional.empty(), receive(wire(signedRequest())).userName());
    }

    private static Document signedRequest() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(), service.certificate(), Optional.empty());
        return request;
    }

    @Test
    void anInsertedUnsignedUsernameTokenIsRefused() {
        assertRefused(d -> {
            Element token = SecurityHeaderWriter.usernameToken(d, new UserNameCredential("mallory", "x"));
            Element security = security(d);
            security.insertBefore(token, last(security));
        });
    }
}

package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * MutualCertificate (WS-Security 1.1) on whole envelopes: AnonymousForCertificate's protection plus the client's
 * certificate as an endorsing supporting token whose signature covers the primary signature; the reply confirms both
 * signatures. The refusals are WCF's: no token, a token that did not endorse, an endorsing signature over anything
 * but the primary signature, a signature the token's key did not make.
 */
class MutualCertificateProtectionTest {
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSA10 = "http://www.w3.org/2005/08/addressing";
    private static final String ADD = "<Add xmlns=\"http://Microsoft.ServiceModel.Samples\"><n1>2</n1><n2>3</n2></Add>";
    private static final SymmetricHeaderWriter.Settings BASIC256 = new SymmetricHeaderWriter.Settings(
            AlgorithmSuite.forName("Default"), WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    static Path dir;
    static X509Credential service;
    static X509Credential client;
    static X509Credential other;

    @BeforeAll
    static void keys() throws Exception {
        service = TestKeys.client(dir, "service");
        client = TestKeys.client(dir, "alice");
        other = TestKeys.client(dir, "mallory");
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

    private static Document wire(Document d) {
        return DomXml.parse(XmlEncryption.serialize(d.getDocumentElement())).getOwnerDocument();
    }

    private static String thumbprint(X509Credential c) {
        return Base64.getEncoder().encodeToString(CertificateFind.thumbprint(c.certificate()));
    }

    private static SymmetricHeaderWriter.Sent request(Document d) {
        return SymmetricHeaderWriter.writeRequest(d, BASIC256, timestamp(), service.certificate(), Optional.empty(),
                Optional.of(client));
    }

    private static SymmetricHeaderReader.Received receive(Document d) {
        return SymmetricHeaderReader.readRequest(d, BASIC256, service.privateKey(), thumbprint(service),
                SymmetricHeaderReader.EndorsingToken.X509);
    }

    private static Element security(Document d) {
        Element header = DomXml.children(d.getDocumentElement()).get(0);
        return SymmetricHeaderWriter.child(header, WsSecurityNames.WSSE, "Security").orElseThrow();
    }

    private static List<String> items(Document d) {
        return DomXml.children(security(d)).stream().map(Element::getLocalName).toList();
    }

    private static Element item(Document d, String localName, int nth) {
        return DomXml.children(security(d)).stream().filter(e -> e.getLocalName().equals(localName)).toList()
                .get(nth);
    }

    private static List<Element> signatures(Document d) {
        return DomXml.children(security(d)).stream().filter(e -> e.getLocalName().equals("Signature")).toList();
    }

    private static String refused(Document d) {
        return assertThrows(MessageSecurityException.class, () -> receive(wire(d))).getMessage();
    }

    @Test
    void aRequestCarriesTheClientCertificateAndAnEncryptedEndorsingSignature() throws Exception {
        Document request = envelope(ADD);
        request(request);
        Document sent = wire(request);
        assertEquals(List.of("Timestamp", "EncryptedKey", "DerivedKeyToken", "DerivedKeyToken", "ReferenceList",
                "BinarySecurityToken", "EncryptedData", "EncryptedData"), items(sent));
        Element bst = item(sent, "BinarySecurityToken", 0);
        assertEquals(WsSecurityNames.X509V3, bst.getAttribute("ValueType"));
        assertEquals(WsSecurityNames.BASE64_BINARY, bst.getAttribute("EncodingType"));
        assertEquals(Base64.getEncoder().encodeToString(client.certificate().getEncoded()), bst.getTextContent());
        assertTrue(bst.getAttributeNS(WsSecurityNames.WSU, "Id").startsWith("uuid-"));
        assertEquals(3, sent.getElementsByTagNameNS(WsSecurityNames.XENC, "DataReference").getLength(),
                "the body, the primary and the endorsing signature");
        assertEquals(0, sent.getElementsByTagNameNS(WsSecurityNames.DS, "SignedInfo").getLength(),
                "both signatures are encrypted");

        receive(sent); // decrypts both signatures in place
        List<Element> signatures = signatures(sent);
        assertEquals(2, signatures.size());
        Element primary = signatures.get(0);
        Element endorsing = signatures.get(1);
        String primaryId = primary.getAttribute("Id");
        assertFalse(primaryId.isEmpty(), "the primary signature is targettable");
        List<Element> references = elements(endorsing, "Reference");
        assertEquals(1, references.size());
        assertEquals("#" + primaryId, references.get(0).getAttribute("URI"));
        assertEquals(WsSecurityNames.EXC_C14N, elements(references.get(0), "Transform").get(0)
                .getAttribute("Algorithm"));
        assertEquals(AlgorithmSuite.RSA_SHA1, elements(endorsing, "SignatureMethod").get(0).getAttribute("Algorithm"));
        Element keyRef = (Element) endorsing.getElementsByTagNameNS(WsSecurityNames.WSSE, "Reference").item(0);
        assertEquals("#" + bst.getAttributeNS(WsSecurityNames.WSU, "Id"), keyRef.getAttribute("URI"));
        assertFalse(keyRef.hasAttribute("ValueType"), "no ValueType outside the Basic Security Profile versions");
        assertEquals(AlgorithmSuite.HMAC_SHA1, elements(primary, "SignatureMethod").get(0).getAttribute("Algorithm"));
    }

    private static List<Element> elements(Element parent, String dsLocalName) {
        List<Element> out = new ArrayList<>();
        var nodes = parent.getElementsByTagNameNS(WsSecurityNames.DS, dsLocalName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Test
    void theServiceGetsTheClientCertificateAndTheClientBothConfirmations() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.Sent sent = request(request);
        assertEquals(2, sent.signatureValues().size());
        assertArrayEquals(sent.signatureValue(), sent.signatureValues().get(0));
        SymmetricHeaderReader.Received r = receive(wire(request));
        assertEquals(client.certificate(), r.clientCertificate().orElseThrow());
        assertArrayEquals(sent.signatureValue(), r.signatureValue(), "the replay nonce is the primary signature");
        assertEquals(2, r.signatureValues().size());
        assertArrayEquals(sent.signatureValues().get(1), r.signatureValues().get(1));

        Document reply = envelope("<AddResponse xmlns=\"http://Microsoft.ServiceModel.Samples\"><AddResult>5"
                + "</AddResult></AddResponse>");
        SymmetricHeaderWriter.writeReply(reply, BASIC256, timestamp(), r.key(), r.encryptedKeySha1(),
                r.signatureValues());
        Document replied = wire(reply);
        assertEquals(List.of("Timestamp", "DerivedKeyToken", "DerivedKeyToken", "ReferenceList",
                "EncryptedData", "EncryptedData", "EncryptedData"), items(replied),
                "the client's token is AlwaysToRecipient: never in a reply; both confirmations are encrypted");
        SymmetricHeaderReader.Received back = SymmetricHeaderReader.readReply(replied, BASIC256, sent.key(),
                sent.encryptedKeySha1());
        assertEquals(Optional.empty(), back.clientCertificate());
        SymmetricHeaderReader.checkConfirmations(sent.signatureValues(), back.confirmations());
        assertEquals("AddResponse", DomXml.children(DomXml.children(replied.getDocumentElement()).get(1)).get(0)
                .getLocalName());
    }

    @Test
    void aReplyConfirmingOnlyThePrimarySignatureIsRefusedByTheClient() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.Sent sent = request(request);
        SymmetricHeaderReader.Received r = receive(wire(request));
        Document reply = envelope("<R xmlns=\"urn:r\"/>");
        SymmetricHeaderWriter.writeReply(reply, BASIC256, timestamp(), r.key(), r.encryptedKeySha1(),
                List.of(r.signatureValue()));
        SymmetricHeaderReader.Received back = SymmetricHeaderReader.readReply(wire(reply), BASIC256, sent.key(),
                sent.encryptedKeySha1());
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> SymmetricHeaderReader.checkConfirmations(sent.signatureValues(), back.confirmations()));
        assertEquals("Not all the signatures in the request message were confirmed in the reply message.",
                e.getMessage());
        List<byte[]> swapped = List.of(r.signatureValues().get(1), r.signatureValues().get(0));
        SymmetricHeaderReader.checkConfirmations(sent.signatureValues(), swapped);
        assertThrows(MessageSecurityException.class, () -> SymmetricHeaderReader.checkConfirmations(
                sent.signatureValues(), List.of(r.signatureValue(), r.signatureValue())));
    }

    @Test
    void laxTimestampLastPutsTheTimestampAfterTheEndorsingSignature() {
        SymmetricHeaderWriter.Settings lax = new SymmetricHeaderWriter.Settings(BASIC256.suite(),
                WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.LaxTimestampLast);
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, lax, timestamp(), service.certificate(), Optional.empty(),
                Optional.of(client));
        Document received = wire(request);
        assertEquals(List.of("EncryptedKey", "DerivedKeyToken", "DerivedKeyToken", "ReferenceList",
                "BinarySecurityToken", "EncryptedData", "EncryptedData", "Timestamp"), items(received));
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readRequest(received, lax, service.privateKey(),
                thumbprint(service), SymmetricHeaderReader.EndorsingToken.X509);
        assertEquals(client.certificate(), r.clientCertificate().orElseThrow());
    }

    @Test
    void aSha256SuiteEndorsesWithRsaSha256() {
        SymmetricHeaderWriter.Settings sha256 = new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName(
                "Basic256Sha256"), WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict);
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, sha256, timestamp(), service.certificate(), Optional.empty(),
                Optional.of(client));
        Document received = wire(request);
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readRequest(received, sha256, service.privateKey(),
                thumbprint(service), SymmetricHeaderReader.EndorsingToken.X509);
        assertEquals(client.certificate(), r.clientCertificate().orElseThrow());
        assertEquals(AlgorithmSuite.RSA_SHA256, elements(signatures(received).get(1), "SignatureMethod").get(0)
                .getAttribute("Algorithm"));
    }

    @Test
    void aRequestWithoutTheClientCertificateIsRefused() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.writeRequest(request, BASIC256, timestamp(), service.certificate(), Optional.empty());
        assertEquals("A supporting token that satisfies parameters 'System.ServiceModel.Security.Tokens."
                + "X509SecurityTokenParameters:\r\nInclusionMode: AlwaysToRecipient\r\nReferenceStyle: Internal\r\n"
                + "RequireDerivedKeys: False\r\nX509ReferenceStyle: Thumbprint' and attachment mode 'Endorsing' was not"
                + " provided.", refused(request));
    }

    @Test
    void aRequestWhoseTokenDidNotEndorseIsRefused() {
        Document request = envelope(ADD);
        request(request);
        Document d = wire(request);
        Element endorsing = item(d, "EncryptedData", 1);
        dataReference(d, endorsing.getAttribute("Id")).getParentNode().removeChild(
                dataReference(d, endorsing.getAttribute("Id")));
        security(d).removeChild(endorsing);
        assertEquals(WcfText.SupportingTokenIsNotEndorsing.format(SymmetricHeaderReader.ENDORSING_X509_PARAMETERS),
                refused(d));
    }

    private static Element dataReference(Document d, String id) {
        var refs = d.getElementsByTagNameNS(WsSecurityNames.XENC, "DataReference");
        for (int i = 0; i < refs.getLength(); i++) {
            if (((Element) refs.item(i)).getAttribute("URI").equals("#" + id)) {
                return (Element) refs.item(i);
            }
        }
        throw new AssertionError("no data reference #" + id);
    }

    @Test
    void anAnonymousForCertificateServiceRefusesTheClientToken() {
        Document request = envelope(ADD);
        request(request);
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> SymmetricHeaderReader.readRequest(wire(request), BASIC256, service.privateKey(),
                        thumbprint(service)));
        assertEquals("The security header element 'BinarySecurityToken' is not expected here.", e.getMessage());
    }

    /**
     * A request whose endorsing signature is in the clear ({@code EncryptedData} decrypted with the message's key,
     * its data reference removed), as a sender that does not encrypt it sends it.
     */
    private static Document withPlainEndorsingSignature(Document request, SymmetricHeaderWriter.Sent sent) {
        Document d = wire(request);
        Element encrypted = item(d, "EncryptedData", 1);
        Element reference = dataReference(d, encrypted.getAttribute("Id"));
        reference.getParentNode().removeChild(reference);
        decrypt(d, encrypted, sent);
        return d;
    }

    private static byte[] encryptionKey(Document d, Element encryptedData, SymmetricHeaderWriter.Sent sent) {
        XmlEncryption.Parsed parsed = XmlEncryption.read(encryptedData, BASIC256.suite());
        String dktId = ((TokenReference.Local) parsed.keyRef()).id();
        Element dkt = DomXml.children(security(d)).stream()
                .filter(e -> dktId.equals(e.getAttributeNS(WsSecurityNames.WSU, "Id"))).findFirst().orElseThrow();
        return DerivedKeyToken.read(dkt, WsSecurityNames.SC_FEB2005).key(sent.key());
    }

    private static Element decrypt(Document d, Element encryptedData, SymmetricHeaderWriter.Sent sent) {
        byte[] key = encryptionKey(d, encryptedData, sent);
        return (Element) XmlEncryption.decrypt(XmlEncryption.read(encryptedData, BASIC256.suite()), key,
                BASIC256.suite()).get(0);
    }

    @Test
    void aPlainEndorsingSignatureIsAcceptedAndATamperedOneRefused() {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.Sent sent = request(request);
        Document plain = withPlainEndorsingSignature(request, sent);
        assertEquals("Signature", items(plain).get(items(plain).size() - 1));
        assertEquals(client.certificate(), receive(wire(plain)).clientCertificate().orElseThrow());

        Element value = elements(signatures(plain).get(0), "SignatureValue").get(0);
        byte[] bytes = Base64.getDecoder().decode(value.getTextContent());
        bytes[7] ^= 1;
        value.setTextContent(Base64.getEncoder().encodeToString(bytes));
        assertEquals("Signature verification failed.", refused(plain));
    }

    @Test
    void aSwappedClientCertificateIsRefused() throws Exception {
        Document request = envelope(ADD);
        request(request);
        Document d = wire(request);
        item(d, "BinarySecurityToken", 0).setTextContent(Base64.getEncoder().encodeToString(
                other.certificate().getEncoded()));
        assertEquals("Signature verification failed.", refused(d));
    }

    @Test
    void aSecondClientTokenIsRefused() throws Exception {
        Document request = envelope(ADD);
        request(request);
        Document d = wire(request);
        Element bst = item(d, "BinarySecurityToken", 0);
        Element extra = (Element) bst.cloneNode(true);
        extra.setAttributeNS(WsSecurityNames.WSU, "u:Id", "uuid-mallory-1");
        extra.setTextContent(Base64.getEncoder().encodeToString(other.certificate().getEncoded()));
        security(d).insertBefore(extra, bst);
        assertEquals("The security header element 'BinarySecurityToken' is not expected here.", refused(d));
    }

    /**
     * The request with its endorsing signature replaced by one {@code signer} makes over the ids {@code targets}
     * picks from (the primary signature's id, the timestamp's id), in the clear, naming the request's
     * {@code BinarySecurityToken}; the primary signature encrypted again as it was.
     */
    private static Document reEndorsed(PrivateKey signer, BiFunction<String, String, List<String>> targets)
            throws Exception {
        Document request = envelope(ADD);
        SymmetricHeaderWriter.Sent sent = request(request);
        Document d = withPlainEndorsingSignature(request, sent);
        security(d).removeChild(signatures(d).get(0));
        Element encryptedPrimary = item(d, "EncryptedData", 0);
        String encryptedId = encryptedPrimary.getAttribute("Id");
        byte[] key = encryptionKey(d, encryptedPrimary, sent);
        TokenReference keyRef = XmlEncryption.read(encryptedPrimary, BASIC256.suite()).keyRef();
        Element primary = decrypt(d, encryptedPrimary, sent);
        primary.setIdAttribute("Id", true);
        Element timestamp = item(d, "Timestamp", 0);
        timestamp.setIdAttributeNS(WsSecurityNames.WSU, "Id", true);

        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        List<Reference> references = new ArrayList<>();
        for (String id : targets.apply(primary.getAttribute("Id"), timestamp.getAttributeNS(WsSecurityNames.WSU,
                "Id"))) {
            references.add(f.newReference("#" + id, f.newDigestMethod(BASIC256.suite().digest(), null),
                    List.of(f.newTransform(WsSecurityNames.EXC_C14N, (TransformParameterSpec) null)), null, null));
        }
        String bstId = item(d, "BinarySecurityToken", 0).getAttributeNS(WsSecurityNames.WSU, "Id");
        var signature = f.newXMLSignature(f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                (C14NMethodParameterSpec) null), f.newSignatureMethod(BASIC256.suite().asymmetricSignature(), null),
                references), f.getKeyInfoFactory().newKeyInfo(List.of(new DOMStructure(
                        new TokenReference.Local(bstId, null).write(d, null)))));
        DOMSignContext context = new DOMSignContext(signer, security(d));
        context.setDefaultNamespacePrefix("");
        signature.sign(context);
        XmlEncryption.encryptElement(primary, encryptedId, key, BASIC256.suite(), keyRef);
        return d;
    }

    @Test
    void anEndorsingSignatureOverAnythingButThePrimarySignatureIsRefused() throws Exception {
        Document overPrimary = reEndorsed(client.privateKey(), (primary, ts) -> List.of(primary));
        assertEquals(client.certificate(), receive(wire(overPrimary)).clientCertificate().orElseThrow(),
                "the control: re-endorsing the primary signature is accepted");

        String timestampId = item(overPrimary, "Timestamp", 0).getAttributeNS(WsSecurityNames.WSU, "Id");
        String notResolved = "Cannot resolve reference URI '#" + timestampId + "' in signature to compute digest.";
        assertEquals(notResolved, refused(reEndorsed(client.privateKey(), (primary, ts) -> List.of(ts))));
        assertEquals(notResolved, refused(reEndorsed(client.privateKey(), (primary, ts) -> List.of(primary, ts))));
    }

    @Test
    void anEndorsingSignatureByAnotherKeyIsRefused() throws Exception {
        assertEquals("Signature verification failed.",
                refused(reEndorsed(other.privateKey(), (primary, ts) -> List.of(primary))));
    }

    @Test
    void theServiceDecidesWhetherItTrustsTheClientCertificate() {
        Document request = envelope(ADD);
        request(request);
        var certificate = receive(wire(request)).clientCertificate().orElseThrow();
        X509CertificateAuthentication.peerTrust(List.of(client.certificate())).validate(certificate);
        assertThrows(SecurityTokenValidationException.class,
                () -> X509CertificateAuthentication.peerTrust(List.of(other.certificate())).validate(certificate));
        ServiceSecurityContext caller = ServiceSecurityContext.certificate(certificate);
        assertEquals("X509", caller.authenticationType());
        assertTrue(caller.primaryIdentityName().contains("CN=alice"), caller.primaryIdentityName());
    }
}

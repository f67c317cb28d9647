package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecDKEncrypt;
import org.apache.wss4j.dom.message.WSSecDKSign;
import org.apache.wss4j.dom.message.WSSecEncryptedKey;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The other direction: symmetric requests built by WSS4J (as CXF builds them for WCF's policies) read by wcf4j:
 * AnonymousForCertificate, and MutualCertificate with the client's certificate as an endorsing token (CXF's
 * {@code doEndorsedSignatures}: a BinarySecurityToken and an RSA signature over the primary signature).
 */
class Wss4jRequestTest {
    @TempDir
    Path dir;

    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";

    private Merlin crypto(String name) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            keys.load(in, SelfSignedKeyStore.PASSWORD);
        }
        Merlin crypto = new Merlin();
        crypto.setKeyStore(keys);
        return crypto;
    }

    private static String thumbprint(X509Credential c) {
        return Base64.getEncoder().encodeToString(CertificateFind.thumbprint(c.certificate()));
    }

    @Test
    void wcf4jReadsAWss4jSymmetricRequest() throws Exception {
        WSSConfig.init();
        X509Credential service = TestKeys.client(dir, "service");
        Merlin crypto = crypto("service");
        String soap = SOAP;
        Document doc = DomXml.parse("<s:Envelope xmlns:s=\"" + soap + "\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://tempuri.org/ICalculator/Add</a:Action>"
                + "</s:Header><s:Body><Add xmlns=\"http://tempuri.org/\"><a>2</a></Add></s:Body></s:Envelope>")
                .getOwnerDocument();
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        WSSecTimestamp ts = new WSSecTimestamp(header);
        ts.build();
        WSSecEncryptedKey ek = new WSSecEncryptedKey(header);
        ek.setUseThisCert(service.certificate());
        ek.setKeyIdentifierType(WSConstants.THUMBPRINT_IDENTIFIER);
        ek.setKeyEncAlgo(WSConstants.KEYTRANSPORT_RSAOAEP);
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        SecretKey key = g.generateKey();
        ek.prepare(crypto, key);
        WSSecDKSign sign = new WSSecDKSign(header);
        sign.setTokenIdentifier(ek.getId());
        sign.setCustomValueType(WSConstants.SOAPMESSAGE_NS11 + "#" + WSConstants.ENC_KEY_VALUE_TYPE);
        sign.setSignatureAlgorithm(WSConstants.HMAC_SHA1);
        sign.setDerivedKeyLength(24);
        sign.getParts().add(new WSEncryptionPart("Body", soap, ""));
        sign.getParts().add(new WSEncryptionPart("Timestamp", WsSecurityNames.WSU, ""));
        sign.getParts().add(new WSEncryptionPart("Action", "http://www.w3.org/2005/08/addressing", ""));
        sign.build(key.getEncoded());
        WSSecDKEncrypt encrypt = new WSSecDKEncrypt(header);
        encrypt.setTokenIdentifier(ek.getId());
        encrypt.setCustomValueType(WSConstants.SOAPMESSAGE_NS11 + "#" + WSConstants.ENC_KEY_VALUE_TYPE);
        encrypt.setSymmetricEncAlgorithm(WSConstants.AES_256);
        encrypt.getParts().add(new WSEncryptionPart("Body", soap, "Content"));
        encrypt.getParts().add(new WSEncryptionPart(sign.getSignatureId(), "Element"));
        encrypt.build(key.getEncoded());
        ek.prependToHeader();
        ts.prependToHeader();

        Document received = DomXml.parse(XmlEncryption.serialize(doc.getDocumentElement())).getOwnerDocument();
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readRequest(received,
                new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName("Default"), WsSecurityNames.SC_13,
                        SecurityHeaderLayout.Lax),
                service.privateKey(), thumbprint(service));
        assertEquals(List.of(), r.confirmations());
    }

    @Test
    void wcf4jReadsAWss4jMutualCertificateRequestAndItsClientCertificate() throws Exception {
        WSSConfig.init();
        X509Credential service = TestKeys.client(dir, "service");
        X509Credential client = TestKeys.client(dir, "alice");
        Document doc = DomXml.parse("<s:Envelope xmlns:s=\"" + SOAP + "\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://tempuri.org/ICalculator/Add</a:Action>"
                + "</s:Header><s:Body><Add xmlns=\"http://tempuri.org/\"><a>2</a></Add></s:Body></s:Envelope>")
                .getOwnerDocument();
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        WSSecTimestamp ts = new WSSecTimestamp(header);
        ts.build();
        WSSecEncryptedKey ek = new WSSecEncryptedKey(header);
        ek.setUseThisCert(service.certificate());
        ek.setKeyIdentifierType(WSConstants.THUMBPRINT_IDENTIFIER);
        ek.setKeyEncAlgo(WSConstants.KEYTRANSPORT_RSAOAEP);
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        SecretKey key = g.generateKey();
        ek.prepare(crypto("service"), key);
        WSSecDKSign sign = new WSSecDKSign(header);
        sign.setTokenIdentifier(ek.getId());
        sign.setCustomValueType(WSConstants.SOAPMESSAGE_NS11 + "#" + WSConstants.ENC_KEY_VALUE_TYPE);
        sign.setSignatureAlgorithm(WSConstants.HMAC_SHA1);
        sign.setDerivedKeyLength(24);
        sign.getParts().add(new WSEncryptionPart("Body", SOAP, ""));
        sign.getParts().add(new WSEncryptionPart("Timestamp", WsSecurityNames.WSU, ""));
        sign.getParts().add(new WSEncryptionPart("Action", "http://www.w3.org/2005/08/addressing", ""));
        sign.build(key.getEncoded());

        WSSecSignature endorse = new WSSecSignature(header);
        endorse.setUserInfo("service", new String(SelfSignedKeyStore.PASSWORD));
        endorse.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        endorse.setSignatureAlgorithm(WSConstants.RSA_SHA1);
        endorse.setDigestAlgo(WSConstants.SHA1);
        Merlin clientCrypto = crypto("alice");
        endorse.prepare(clientCrypto);
        List<javax.xml.crypto.dsig.Reference> refs = endorse.addReferencesToSign(List.of(
                new WSEncryptionPart(sign.getSignatureId())));
        endorse.computeSignature(refs, false, null);
        endorse.prependBSTElementToHeader();

        WSSecDKEncrypt encrypt = new WSSecDKEncrypt(header);
        encrypt.setTokenIdentifier(ek.getId());
        encrypt.setCustomValueType(WSConstants.SOAPMESSAGE_NS11 + "#" + WSConstants.ENC_KEY_VALUE_TYPE);
        encrypt.setSymmetricEncAlgorithm(WSConstants.AES_256);
        encrypt.getParts().add(new WSEncryptionPart("Body", SOAP, "Content"));
        encrypt.getParts().add(new WSEncryptionPart(sign.getSignatureId(), "Element"));
        encrypt.getParts().add(new WSEncryptionPart(endorse.getId(), "Element"));
        encrypt.build(key.getEncoded());
        ek.prependToHeader();
        ts.prependToHeader();

        Document received = DomXml.parse(XmlEncryption.serialize(doc.getDocumentElement())).getOwnerDocument();
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readRequest(received,
                new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName("Default"), WsSecurityNames.SC_13,
                        SecurityHeaderLayout.Lax),
                service.privateKey(), thumbprint(service), SymmetricHeaderReader.EndorsingToken.X509);
        assertEquals(client.certificate(), r.clientCertificate().orElseThrow());
        assertEquals(2, r.signatureValues().size());
        assertArrayEquals(endorse.getSignatureValue(), r.signatureValues().get(1));
    }
}

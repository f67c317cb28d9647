package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.callback.Callback;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * An independent check of the AnonymousForCertificate request wcf4j writes: Apache WSS4J (the engine CXF runs with
 * WCF's plug-fest policies) finds the service certificate by thumbprint, unwraps the key, derives the keys, decrypts
 * the signature and the body and verifies the signature; validates the UsernameToken of UserNameForCertificate;
 * verifies MutualCertificate's endorsing signature by the client's BinarySecurityToken over the primary signature; and
 * reads the reply, whose key it is given for the EncryptedKeySHA1 it names, with its signature confirmation.
 */
class Wss4jCrossCheckTest {
    @TempDir
    Path dir;

    private static final SymmetricHeaderWriter.Settings BASIC256 = new SymmetricHeaderWriter.Settings(
            AlgorithmSuite.forName("Default"), WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict);

    private static Document envelope() {
        return DomXml.parse("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://tempuri.org/ICalculator/Add</a:Action>"
                + "<a:To s:mustUnderstand=\"1\">http://localhost:8080/calc</a:To></s:Header><s:Body>"
                + "<Add xmlns=\"http://tempuri.org/\"><a>2</a><b>3</b></Add></s:Body></s:Envelope>")
                .getOwnerDocument();
    }

    private static Optional<SecurityTimestamp> now() {
        return Optional.of(SecurityTimestamp.issue(Instant.now(), Duration.ofMinutes(5)));
    }

    private static Document wire(Document d) {
        return DomXml.parse(XmlEncryption.serialize(d.getDocumentElement())).getOwnerDocument();
    }

    /** WSS4J's processing of {@code received}; its callbacks answer key store and user passwords and reply keys. */
    private WSHandlerResult process(Document received, byte[] replyKey, X509Certificate... trusted)
            throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("service.p12"))) {
            keys.load(in, SelfSignedKeyStore.PASSWORD);
        }
        for (X509Certificate t : trusted) {
            keys.setCertificateEntry(t.getSubjectX500Principal().getName(), t);
        }
        Merlin crypto = new Merlin();
        crypto.setKeyStore(keys);
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setDecCrypto(crypto);
        data.setSigVerCrypto(crypto);
        data.setDisableBSPEnforcement(true);
        data.setCallbackHandler(callbacks -> {
            for (Callback c : callbacks) {
                WSPasswordCallback pc = (WSPasswordCallback) c;
                if (pc.getUsage() == WSPasswordCallback.USERNAME_TOKEN) {
                    pc.setPassword("alice".equals(pc.getIdentifier()) ? "s3cret" : null);
                } else if (replyKey != null) {
                    pc.setKey(replyKey);
                } else {
                    pc.setPassword(new String(SelfSignedKeyStore.PASSWORD));
                }
            }
        });
        return new WSSecurityEngine().processSecurityHeader(received, data);
    }

    private static Set<Integer> actions(WSHandlerResult result) {
        return result.getResults().stream().map(r -> (Integer) r.get(WSSecurityEngineResult.TAG_ACTION))
                .collect(Collectors.toSet());
    }

    private static String bodyElement(Document d) {
        return DomXml.children(DomXml.children(d.getDocumentElement()).get(1)).get(0).getLocalName();
    }

    @Test
    void wss4jVerifiesAndDecryptsAnAnonymousForCertificateRequest() throws Exception {
        X509Credential service = TestKeys.client(dir, "service");
        Document request = envelope();
        SymmetricHeaderWriter.writeRequest(request, BASIC256, now(), service.certificate(), Optional.empty());
        Document received = wire(request);
        Set<Integer> actions = actions(process(received, null));
        assertTrue(actions.containsAll(List.of(WSConstants.ENCR, WSConstants.SIGN, WSConstants.TS,
                WSConstants.DKT)), actions.toString());
        assertEquals("Add", bodyElement(received));
    }

    @Test
    void wss4jValidatesTheSignedEncryptedUsernameTokenOfUserNameForCertificate() throws Exception {
        X509Credential service = TestKeys.client(dir, "service");
        Document request = envelope();
        SymmetricHeaderWriter.writeRequest(request, BASIC256, now(), service.certificate(),
                Optional.of(new UserNameCredential("alice", "s3cret")));
        Set<Integer> actions = actions(process(wire(request), null));
        assertTrue(actions.containsAll(List.of(WSConstants.ENCR, WSConstants.SIGN, WSConstants.UT)),
                actions.toString());
    }

    @Test
    void wss4jVerifiesTheEndorsingSignatureOfAMutualCertificateRequest() throws Exception {
        X509Credential service = TestKeys.client(dir, "service");
        X509Credential client = TestKeys.client(dir, "alice");
        Document request = envelope();
        SymmetricHeaderWriter.writeRequest(request, BASIC256, now(), service.certificate(), Optional.empty(),
                Optional.of(client));
        Document received = wire(request);
        List<WSSecurityEngineResult> signatures = process(received, null, client.certificate()).getResults()
                .stream().filter(r -> (Integer) r.get(WSSecurityEngineResult.TAG_ACTION) == WSConstants.SIGN)
                .toList();
        assertEquals(2, signatures.size(), signatures.toString());
        WSSecurityEngineResult endorsing = signatures.stream()
                .filter(r -> r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE) != null).findFirst().orElseThrow();
        assertEquals(client.certificate(), endorsing.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE));
        @SuppressWarnings("unchecked")
        List<WSDataRef> refs = (List<WSDataRef>) endorsing.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        assertEquals(1, refs.size());
        assertEquals(new QName(WsSecurityNames.DS, "Signature"), refs.get(0).getName(),
                "the endorsing signature covers the primary signature");
        assertEquals(AlgorithmSuite.RSA_SHA1, endorsing.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD));
        assertEquals("Add", bodyElement(received));
    }

    @Test
    void wss4jReadsTheReplyByItsEncryptedKeySha1() throws Exception {
        X509Credential service = TestKeys.client(dir, "service");
        Document request = envelope();
        SymmetricHeaderWriter.Sent sent = SymmetricHeaderWriter.writeRequest(request, BASIC256, now(),
                service.certificate(), Optional.empty());
        Document reply = envelope();
        SymmetricHeaderWriter.writeReply(reply, BASIC256, now(), sent.key(), sent.encryptedKeySha1(),
                List.of(sent.signatureValue()));
        Document received = wire(reply);
        Set<Integer> actions = actions(process(received, sent.key()));
        assertTrue(actions.containsAll(List.of(WSConstants.ENCR, WSConstants.SIGN, WSConstants.SC)),
                actions.toString());
        assertEquals("Add", bodyElement(received));
    }

    @Test
    void wss4jReadsRequestsUnderEveryProtectionSetting() throws Exception {
        X509Credential service = TestKeys.client(dir, "service");
        for (boolean derivedKeys : List.of(true, false)) {
            for (io.github.wcf4j.binding.security.MessageProtectionOrder order
                    : io.github.wcf4j.binding.security.MessageProtectionOrder.values()) {
                for (boolean protectTokens : List.of(false, true)) {
                    SymmetricHeaderWriter.Settings s = new SymmetricHeaderWriter.Settings(BASIC256.suite(),
                            BASIC256.scNamespace(), BASIC256.layout(), false, derivedKeys, order, protectTokens);
                    Document request = envelope();
                    // WSS4J decrypts a header EncryptedData where it meets it, before the signature that covers
                    // its cipher text (EncryptBeforeSign, where WCF writes the UsernameToken ahead of the signature)
                    boolean user = order != io.github.wcf4j.binding.security.MessageProtectionOrder.EncryptBeforeSign;
                    SymmetricHeaderWriter.writeRequest(request, s, now(), service.certificate(),
                            user ? Optional.of(new UserNameCredential("alice", "s3cret")) : Optional.empty());
                    Document received = wire(request);
                    String what = derivedKeys + " " + order + " " + protectTokens;
                    Set<Integer> actions;
                    try {
                        actions = actions(process(received, null));
                    } catch (Exception e) {
                        throw new AssertionError(what + ": " + e + " " + XmlEncryption.serialize(wire(request)
                                .getDocumentElement()), e);
                    }
                    assertTrue(actions.containsAll(List.of(WSConstants.ENCR, WSConstants.SIGN)), what + ": " + actions);
                    assertEquals(user, actions.contains(WSConstants.UT), what);
                    assertEquals(derivedKeys, actions.contains(WSConstants.DKT), what);
                    assertEquals("Add", bodyElement(received), what);
                }
            }
        }
    }
}

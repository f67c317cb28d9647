package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.callback.Callback;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An independent check of the AnonymousForCertificate request wcf4j writes: Apache WSS4J (the engine CXF runs with
 * WCF's plug-fest policies) finds the service certificate by thumbprint, unwraps the key, derives the keys, decrypts
 * the signature and the body and verifies the signature.
 */
class Wss4jCrossCheckTest {
    @TempDir
    Path dir;

    @Test
    void wss4jVerifiesAndDecryptsAnAnonymousForCertificateRequest() throws Exception {
        X509Credential service = TestKeys.client(dir, "service");
        Document request = DomXml.parse("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://tempuri.org/ICalculator/Add</a:Action>"
                + "<a:To s:mustUnderstand=\"1\">http://localhost:8080/calc</a:To></s:Header><s:Body>"
                + "<Add xmlns=\"http://tempuri.org/\"><a>2</a><b>3</b></Add></s:Body></s:Envelope>")
                .getOwnerDocument();
        SymmetricHeaderWriter.writeRequest(request, new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName(
                "Default"), WsSecurityNames.SC_FEB2005, SecurityHeaderLayout.Strict),
                Optional.of(SecurityTimestamp.issue(Instant.now(), Duration.ofMinutes(5))), service.certificate(), Optional.empty());
        Document received = DomXml.parse(XmlEncryption.serialize(request.getDocumentElement())).getOwnerDocument();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("service.p12"))) {
            keys.load(in, SelfSignedKeyStore.PASSWORD);
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
                ((WSPasswordCallback) c).setPassword(new String(SelfSignedKeyStore.PASSWORD));
            }
        });
        WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(received, data);

        Set<Integer> actions = result.getResults().stream()
                .map(r -> (Integer) r.get(WSSecurityEngineResult.TAG_ACTION)).collect(Collectors.toSet());
        assertTrue(actions.containsAll(List.of(WSConstants.ENCR, WSConstants.SIGN,
                WSConstants.TS, WSConstants.DKT)), actions.toString());
        Element body = DomXml.children(received.getDocumentElement()).get(1);
        assertEquals("Add", DomXml.children(body).get(0).getLocalName());
    }
}

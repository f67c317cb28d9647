package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The symmetric binding's {@code requireDerivedKeys="false"}, {@code messageProtectionOrder} and
 * {@code protectTokens="true"} end to end through the channel stack over the in-memory transport, for the X.509 modes
 * and for a secure conversation (its bootstrap with the same settings); a client and a service whose settings
 * differ do not talk.
 */
class SymmetricProtectionSettingsLoopbackTest extends SecuredLoopback {

    private static SecurityBindingElement.Builder settings(SecurityBindingElement.Builder b, boolean derivedKeys,
            MessageProtectionOrder order, boolean protectTokens) {
        return b.requireDerivedKeys(derivedKeys).messageProtectionOrder(order).protectTokens(protectTokens);
    }

    private String request() {
        return sent(Direction.CLIENT_TO_SERVICE).get(0);
    }

    private String reply() {
        return sent(Direction.SERVICE_TO_CLIENT).get(0);
    }

    @Test
    void withoutDerivedKeysTheRequestsKeyItselfProtectsBothWays() {
        Identity id = both(settings(security(AuthenticationMode.AnonymousForCertificate), false,
                MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature, false).build(), anonymous());
        assertEquals(5.0, id.add(2, 3));
        String request = request();
        assertFalse(request.contains("DerivedKeyToken"), request);
        assertTrue(Pattern.compile("<e:EncryptedKey .*<e:ReferenceList>.*</e:ReferenceList></e:EncryptedKey>")
                .matcher(request).find(), "the reference list inside the EncryptedKey: " + request);
        assertFalse(request.contains("<add") || request.contains("<n1>"), request);
        String reply = reply();
        assertFalse(reply.contains("DerivedKeyToken"), reply);
        assertTrue(reply.contains("EncryptedKeySHA1"), reply);
        assertFalse(reply.contains(">5<"), reply);
    }

    @Test
    void signBeforeEncryptAuthenticatesTheUserWithTheSignatureInClear() {
        Identity id = both(settings(security(AuthenticationMode.UserNameForCertificate), true,
                MessageProtectionOrder.SignBeforeEncrypt, false).build(), alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        String request = request();
        assertFalse(request.contains("secret") || request.contains("alice"), request);
        assertTrue(request.indexOf("<e:ReferenceList") < request.indexOf("<Signature "), request);
        assertTrue(request.contains("<SignatureValue>"), "the signature travels in clear: " + request);
        assertTrue(reply().contains("<SignatureValue>"), "so does the reply's: " + reply());
    }

    @Test
    void encryptBeforeSignAuthenticatesTheCertificateAndSignsTheCipherText() {
        Identity id = both(settings(security(AuthenticationMode.MutualCertificate), true,
                MessageProtectionOrder.EncryptBeforeSign, false).build(),
                ClientCredentials.certificate(client).withDefaultServiceCertificate(service.certificate()));
        assertTrue(id.whoAmI().startsWith("X509:CN=client; "));
        String request = request();
        int primary = request.indexOf("<Signature ");
        int endorsing = request.indexOf("<Signature ", primary + 1);
        assertTrue(primary > 0 && endorsing > primary && request.indexOf("<e:ReferenceList") > endorsing,
                "primary and endorsing signature in clear, the reference list last: " + request);
        Matcher body = Pattern.compile("<s:Body u:Id=\"(_\\d+)\"").matcher(request);
        assertTrue(body.find(), request);
        assertTrue(request.contains("<Reference URI=\"#" + body.group(1) + "\">"), request);
        String reply = reply();
        assertTrue(reply.indexOf("<Signature ") < reply.indexOf("<e:ReferenceList"), reply);
        assertFalse(reply.contains(">X509:CN=client"), reply);
    }

    @Test
    void protectTokensSignsTheRequestsEncryptedKey() {
        Identity id = both(settings(security(AuthenticationMode.AnonymousForCertificate), true,
                MessageProtectionOrder.SignBeforeEncrypt, true).build(), anonymous());
        assertEquals(5.0, id.add(2, 3));
        String request = request();
        Matcher ek = Pattern.compile("<e:EncryptedKey[^>]* Id=\"([^\"]+)\"").matcher(request);
        assertTrue(ek.find(), request);
        assertTrue(request.contains("<Reference URI=\"#" + ek.group(1) + "\">"),
                "the primary signature covers the EncryptedKey: " + request);
    }

    @Test
    void aClientAndAServiceWithAnotherOrderOrKeyDerivationDoNotTalk() {
        List<SecurityBindingElement[]> pairs = List.of(
                new SecurityBindingElement[] {security(AuthenticationMode.AnonymousForCertificate).build(),
                        settings(security(AuthenticationMode.AnonymousForCertificate), true,
                                MessageProtectionOrder.EncryptBeforeSign, false).build()},
                new SecurityBindingElement[] {security(AuthenticationMode.AnonymousForCertificate).build(),
                        settings(security(AuthenticationMode.AnonymousForCertificate), false,
                                MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature, false).build()},
                new SecurityBindingElement[] {settings(security(AuthenticationMode.AnonymousForCertificate), true,
                        MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature, true).build(),
                        security(AuthenticationMode.AnonymousForCertificate).build()});
        for (SecurityBindingElement[] pair : pairs) {
            host(binding(pair[0]), serviceCredentials());
            Identity id = client(binding(pair[1]), anonymous());
            int before = IdentityService.CALLS.get();
            assertThrows(MessageSecurityException.class, () -> id.add(2, 3));
            assertEquals(before, IdentityService.CALLS.get(), "nothing delivered");
            factory.abort();
            host.abort();
        }
    }

    @Test
    void aSecureConversationAndItsBootstrapRunEverySetting() {
        for (MessageProtectionOrder order : MessageProtectionOrder.values()) {
            SecurityBindingElement bootstrap = settings(security(AuthenticationMode.UserNameForCertificate), false,
                    order, true).build();
            SecurityBindingElement conversation = settings(SecurityBindingElement.builder()
                    .authenticationMode(AuthenticationMode.SecureConversation)
                    .requireSecurityContextCancellation(false).bootstrap(bootstrap), false, order, true).build();
            Binding b = binding(conversation);
            network.clearWire();
            host(b, serviceCredentials());
            Identity id = client(b, alice("secret"));
            assertEquals("UserName:alice", id.whoAmI(), order.name());
            assertEquals(5.0, id.add(2, 3));
            for (String m : network.wire().stream().map(r -> r.envelope()).toList()) {
                assertFalse(m.contains("DerivedKeyToken"), m);
                assertFalse(m.contains("secret"), m);
            }
            String call = sent(Direction.CLIENT_TO_SERVICE).get(1);
            Matcher sct = Pattern.compile("<c:SecurityContextToken [^>]*u:Id=\"([^\"]+)\"").matcher(call);
            assertTrue(sct.find(), call);
            if (order != MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature) {
                assertTrue(call.contains("<Reference URI=\"#" + sct.group(1) + "\">"),
                        "the signature covers the context token: " + call);
            }
            factory.abort();
            host.abort();
        }
    }

    @Test
    void aSecuritySessionIssuesUsesAndCancelsItsTokenUnderEverySetting() {
        for (MessageProtectionOrder order : MessageProtectionOrder.values()) {
            SecurityBindingElement bootstrap = settings(security(AuthenticationMode.UserNameForCertificate), false,
                    order, true).build();
            SecurityBindingElement session = settings(SecurityBindingElement.builder()
                    .authenticationMode(AuthenticationMode.SecureConversation).bootstrap(bootstrap), false, order,
                    true).build();
            network.clearWire();
            Identity id = both(session, alice("secret"));
            assertEquals("UserName:alice", id.whoAmI(), order.name());
            assertEquals(5.0, id.add(2, 3));
            factory.close(id);
            List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
            assertTrue(requests.get(requests.size() - 1).contains("/RST/SCT/Cancel"), "the token is cancelled");
            assertTrue(sent(Direction.SERVICE_TO_CLIENT).stream().anyMatch(m -> m.contains("/RSTR/SCT/Cancel")),
                    "and the cancel answered");
            for (String m : network.wire().stream().map(r -> r.envelope()).toList()) {
                assertFalse(m.contains("DerivedKeyToken") || m.contains("secret"), m);
            }
            factory.abort();
            host.abort();
        }
    }

    @Test
    void overAnSslNegotiatedBootstrapTheTokenRequestIsProtectedByTheBootstrapsSettings() {
        SecurityBindingElement bootstrap = settings(security(AuthenticationMode.UserNameForSslNegotiated), false,
                MessageProtectionOrder.EncryptBeforeSign, true).build();
        SecurityBindingElement session = settings(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).bootstrap(bootstrap), true,
                MessageProtectionOrder.SignBeforeEncrypt, false).build();
        Identity id = both(session, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        List<String> requests = sent(Direction.CLIENT_TO_SERVICE);
        String rst = requests.get(2);
        assertTrue(rst.contains("/trust/RST/SCT<"), rst);
        assertFalse(rst.contains("DerivedKeyToken") || rst.contains("alice"), rst);
        assertTrue(rst.indexOf("<Signature ") < rst.indexOf("<e:ReferenceList"), "encrypted, then signed: " + rst);
        String call = requests.get(3);
        assertTrue(call.contains("DerivedKeyToken"), "the conversation derives its keys: " + call);
        assertTrue(call.indexOf("<e:ReferenceList") < call.indexOf("<Signature "), "signed, then encrypted: " + call);
    }
}

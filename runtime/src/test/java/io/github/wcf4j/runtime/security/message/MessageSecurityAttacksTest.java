package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The attacks of the security reference's §9 that need a running service, made on the wire between a wcf4j client
 * and a wcf4j service (the header-level forms are in {@link SymmetricMessageProtectionTest},
 * {@link MutualCertificateProtectionTest} and {@link SecurityHeaderVerificationTest}): every one is refused with WCF's
 * one generic security fault, the operation never runs, and the service goes on serving.
 *
 * <ul>
 *   <li>a CBC padding/format oracle on the encrypted body (Jager and Somorovsky, CCS 2011): a broken padding, a
 *       garbled first block, random cipher text, a length that is no multiple of the block: byte for byte the same
 *       fault (ids aside), so no failure can be told from another;</li>
 *   <li>PKCS#1 v1.5 key transport offered to a suite that wraps with RSA-OAEP (Bleichenbacher's attack);</li>
 *   <li>derived-key abuse: a huge offset, length or generation, an overlong nonce;</li>
 *   <li>a replayed token request (RST/SCT) of a security session: the bootstrap's replay cache refuses it, so no
 *       second context is issued for it;</li>
 *   <li>signature wrapping by namespace: the signed body moved into a header and a forged body in its place.</li>
 * </ul>
 */
class MessageSecurityAttacksTest extends SecuredLoopback {
    private static final Pattern BODY_CIPHER = Pattern.compile("(<s:Body[^>]*>.*?<e:CipherValue>)([^<]+)(<)");
    private static final Pattern MESSAGE_IDS = Pattern.compile("urn:uuid:[0-9a-fA-F-]+|_\\d+|uuid-[0-9a-fA-F-]+-\\d+");

    private static UnaryOperator<String> bodyCipher(UnaryOperator<byte[]> change) {
        return s -> {
            Matcher m = BODY_CIPHER.matcher(s);
            assertTrue(m.find(), s);
            byte[] cipher = Base64.getDecoder().decode(m.group(2));
            return s.substring(0, m.start(2)) + Base64.getEncoder().encodeToString(change.apply(cipher))
                    + s.substring(m.end(2));
        };
    }

    private static byte[] flip(byte[] b, int index) {
        byte[] c = b.clone();
        c[index] ^= 0x5a;
        return c;
    }

    /** The fault the service sent for one tampered request, its ids and timestamps blanked. */
    private String faultFor(Identity id, UnaryOperator<String> tamper) {
        int before = IdentityService.CALLS.get();
        int replies = sent(Direction.SERVICE_TO_CLIENT).size();
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).then(FaultAction.rewrite(tamper)));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> id.add(1, 2));
        assertEquals(WsSecurityNames.INVALID_SECURITY,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        network.clearFaults();
        assertEquals(before, IdentityService.CALLS.get(), "the operation never ran");
        assertEquals(5.0, id.add(2, 3), "the service goes on serving");
        List<String> sent = sent(Direction.SERVICE_TO_CLIENT);
        return MESSAGE_IDS.matcher(sent.get(replies)).replaceAll("ID")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "TIME");
    }

    @Test
    void everyWayToBreakTheEncryptedBodyGetsTheSameFaultSoNoneCanBeToldApart() {
        Identity id = both(security(AuthenticationMode.AnonymousForCertificate).build(), anonymous());
        assertEquals(5.0, id.add(2, 3));
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("padding", faultFor(id, bodyCipher(c -> flip(c, c.length - 17))));
        faults.put("first block", faultFor(id, bodyCipher(c -> flip(c, 16))));
        faults.put("iv", faultFor(id, bodyCipher(c -> flip(c, 0))));
        faults.put("random", faultFor(id, bodyCipher(c -> {
            byte[] r = new byte[c.length];
            new java.util.Random(7).nextBytes(r);
            return r;
        })));
        faults.put("not a block multiple", faultFor(id, bodyCipher(c -> java.util.Arrays.copyOf(c, c.length - 5))));
        faults.put("shorter than a block", faultFor(id, bodyCipher(c -> java.util.Arrays.copyOf(c, 7))));
        faults.put("not base64", faultFor(id, s -> BODY_CIPHER.matcher(s).replaceFirst("$1@@@$3")));
        String first = faults.values().iterator().next();
        assertTrue(first.contains("An error occurred when verifying security for the message."), first);
        faults.forEach((how, fault) -> assertEquals(first, fault, how + " differs from padding"));
    }

    @Test
    void pkcs1v15KeyTransportIsRefusedUnderARsaOaepSuite() {
        Identity id = both(security(AuthenticationMode.AnonymousForCertificate).build(), anonymous());
        String fault = faultFor(id, s -> {
            assertTrue(s.contains(AlgorithmSuite.RSA_OAEP), s);
            return s.replace(AlgorithmSuite.RSA_OAEP, AlgorithmSuite.RSA_15);
        });
        String padding = faultFor(id, bodyCipher(c -> flip(c, c.length - 17)));
        assertEquals(padding, fault, "the same fault as any other failure");
    }

    @Test
    void derivedKeyAbuseIsRefused() {
        Identity id = both(security(AuthenticationMode.AnonymousForCertificate).build(), anonymous());
        String padding = faultFor(id, bodyCipher(c -> flip(c, c.length - 17)));
        List<UnaryOperator<String>> abuses = new ArrayList<>();
        abuses.add(s -> s.replaceFirst("<c:Offset>0</c:Offset>", "<c:Offset>2147483647</c:Offset>"));
        abuses.add(s -> s.replaceFirst("<c:Offset>0</c:Offset>", "<c:Offset>-1</c:Offset>"));
        abuses.add(s -> s.replaceFirst("<c:Length>24</c:Length>", "<c:Length>2000000000</c:Length>"));
        abuses.add(s -> s.replaceFirst("<c:Offset>0</c:Offset>", "<c:Generation>99999999</c:Generation>"));
        abuses.add(s -> s.replaceFirst("<c:Nonce>[^<]+</c:Nonce>",
                "<c:Nonce>" + Base64.getEncoder().encodeToString(new byte[4 * 1024]) + "</c:Nonce>"));
        abuses.add(s -> s.replaceFirst("<c:Nonce>[^<]+</c:Nonce>", "<c:Nonce></c:Nonce>"));
        for (UnaryOperator<String> abuse : abuses) {
            assertEquals(padding, faultFor(id, s -> {
                String changed = abuse.apply(s);
                assertFalse(changed.equals(s), "the abuse applies to " + s);
                return changed;
            }));
        }
    }

    @Test
    void aSignedBodyMovedIntoAHeaderBehindAForgedBodyIsRefused() {
        Identity id = both(security(AuthenticationMode.AnonymousForCertificate).build(), anonymous());
        String padding = faultFor(id, bodyCipher(c -> flip(c, c.length - 17)));
        String forged = "<s:Body><Add xmlns=\"http://tempuri.org/\"><n1>1000</n1><n2>1</n2></Add></s:Body>";
        assertEquals(padding, faultFor(id, s -> {
            Matcher m = Pattern.compile("(<s:Body[^>]*>)(.*)(</s:Body>)", Pattern.DOTALL).matcher(s);
            assertTrue(m.find(), s);
            String wrapped = "<x:Wrapper xmlns:x=\"urn:evil\" xmlns:s=\"urn:not-soap\">" + m.group() + "</x:Wrapper>";
            String headerMoved = s.substring(0, m.start()) + forged + s.substring(m.end());
            return headerMoved.replace("</s:Header>", wrapped + "</s:Header>");
        }));
    }

    @Test
    void aReplayedTokenRequestIssuesNoSecondContext() {
        SecurityBindingElement session = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireSecurityContextCancellation(true)
                .bootstrap(security(AuthenticationMode.UserNameForCertificate).build()).build();
        Binding b = binding(session);
        host(b, serviceCredentials());
        Identity id = client(b, alice("secret"));
        assertEquals("UserName:alice", id.whoAmI());
        byte[] rst = sent(Direction.CLIENT_TO_SERVICE).get(0).getBytes(StandardCharsets.UTF_8);
        TextMessageEncoder encoder = TextMessageEncoder.defaultEncoder();
        SecureConversationProtocol service = new SecureConversationProtocol(session, serviceClock, encoder,
                ExpectedServiceIdentity.ofAddress());
        SecureConversationProtocol.Issued issued = service.issueContext(encoder.read(rst, encoder.contentType()),
                serviceCredentials());
        assertTrue(issued.answer().request().headers().action().endsWith("/RST/SCT"));
        MessageSecurityException replayed = assertThrows(MessageSecurityException.class,
                () -> service.issueContext(encoder.read(rst, encoder.contentType()), serviceCredentials()));
        assertEquals(ReplayCache.REPLAYED, replayed.getMessage());
    }
}

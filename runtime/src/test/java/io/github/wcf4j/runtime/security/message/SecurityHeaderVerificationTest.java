package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.ReceivedEnvelope;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The receive checks of the security header, one attack or mistake per test (wcf-security-reference.md §3.1, §9):
 * tampering, signature wrapping, duplicate ids, algorithm downgrade, layouts, unsigned and stale timestamps, each with
 * WCF's text; all of them end in the same generic fault on the wire ({@link TransportSecurityLoopbackTest}).
 */
class SecurityHeaderVerificationTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00.000Z");
    private static final AlgorithmSuite BASIC256 = AlgorithmSuite.forName("Default");
    private static final UserNamePasswordValidator ANYONE = (u, p) -> { };

    @TempDir
    static Path dir;
    static X509Credential client;

    @BeforeAll
    static void keys() throws Exception {
        client = TestKeys.client(dir, "client");
    }

    private static String signed(SecurityHeaderLayout layout, AlgorithmSuite suite) {
        return SecurityHeaderWriter.write(layout, Optional.of(SecurityTimestamp.issue(NOW, Duration.ofMinutes(5))),
                Optional.empty(), Optional.of(client), suite, false).content();
    }

    private static String standalone(String content) {
        return "<o:Security xmlns:o=\"" + WsSecurityNames.WSSE + "\" xmlns:u=\"" + WsSecurityNames.WSU + "\">" + content
                + "</o:Security>";
    }

    private static SecurityHeaderReader.Received read(String content, SecurityHeaderLayout layout,
            AlgorithmSuite suite) {
        return SecurityHeaderReader.read(DomXml.parse(standalone(content)), layout, suite);
    }

    private static String readFails(String content, SecurityHeaderLayout layout) {
        return assertThrows(MessageSecurityException.class, () -> read(content, layout, BASIC256)).getMessage();
    }

    private static ServiceSecurityContext verify(AuthenticationMode mode, String content) {
        TransportSecurityProtocol protocol = new TransportSecurityProtocol(SecurityBindingElement.builder()
                .authenticationMode(mode).build(), Clock.fixed(NOW, ZoneOffset.UTC));
        // without addressing the endorsing signature covers the timestamp alone (no To header to sign)
        Message m = Message.create(MessageVersion.SOAP12, "urn:a", XmlFragment.EMPTY);
        m.headers().add(new BufferedHeader(WsSecurityNames.SECURITY, true, new XmlFragment(standalone(content))));
        return protocol.authenticate(m, ServiceCredentials.defaults().withUserNameValidator(ANYONE)
                .withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                        List.of(client.certificate()))));
    }

    @Test
    void aSignedHeaderVerifiesAndNamesItsSigner() {
        SecurityHeaderReader.Received r = read(signed(SecurityHeaderLayout.Strict, BASIC256),
                SecurityHeaderLayout.Strict, BASIC256);
        assertEquals(List.of(client.certificate()), r.endorsingSigners());
        assertEquals(Optional.of("_0"), r.timestampId());
        assertTrue(verify(AuthenticationMode.CertificateOverTransport, signed(SecurityHeaderLayout.Strict, BASIC256))
                .primaryIdentityName().startsWith("CN=client; "));
    }

    @Test
    void aTamperedTimestampFailsTheSignature() {
        String tampered = signed(SecurityHeaderLayout.Strict, BASIC256).replace("10:05:00.000Z", "11:05:00.000Z");
        assertEquals("Signature verification failed.", readFails(tampered, SecurityHeaderLayout.Strict));
    }

    @Test
    void aSignatureOverAnotherElementThanTheTimestampIsRefused() {
        String header = signed(SecurityHeaderLayout.Strict, BASIC256);
        String tokenId = header.replaceAll("(?s).*BinarySecurityToken u:Id=\"([^\"]+)\".*", "$1");
        String moved = header.replace("<Reference URI=\"#_0\">", "<Reference URI=\"#" + tokenId + "\">");
        assertEquals(WcfText.RequiredSecurityHeaderElementNotSigned.format("Timestamp", "_0"),
                readFails(moved, SecurityHeaderLayout.Strict));
    }

    @Test
    void aDuplicateIdIsRefusedBeforeAnythingIsResolved() {
        String header = signed(SecurityHeaderLayout.Lax, BASIC256);
        String wrapped = header + "<u:Timestamp u:Id=\"_0\"><u:Created>2026-12-07T10:00:00Z</u:Created></u:Timestamp>";
        assertEquals(WcfText.DuplicateIdInMessageToBeVerified.format("_0"), readFails(wrapped,
                SecurityHeaderLayout.Lax));
    }

    @Test
    void aSecondTimestampIsRefused() {
        String header = signed(SecurityHeaderLayout.Lax, BASIC256);
        String two = header + "<u:Timestamp u:Id=\"_9\"><u:Created>2026-12-07T09:00:00Z</u:Created></u:Timestamp>";
        assertTrue(readFails(two, SecurityHeaderLayout.Lax).startsWith("Only one Timestamp"));
    }

    @Test
    void aWeakerOrOtherSuiteThanTheBindingsIsRefused() {
        String sha256 = signed(SecurityHeaderLayout.Strict, AlgorithmSuite.forName("Basic256Sha256"));
        assertEquals(WcfText.SuiteDoesNotAcceptAlgorithm.format(AlgorithmSuite.RSA_SHA256, "AsymmetricSignature",
                "Basic256"), readFails(sha256, SecurityHeaderLayout.Strict));
        String sha1 = signed(SecurityHeaderLayout.Strict, BASIC256);
        assertEquals(WcfText.SuiteDoesNotAcceptAlgorithm.format(AlgorithmSuite.RSA_SHA1, "AsymmetricSignature",
                "Basic256Sha256"), assertThrows(MessageSecurityException.class, () -> read(sha1,
                SecurityHeaderLayout.Strict, AlgorithmSuite.forName("Basic256Sha256"))).getMessage());
    }

    @Test
    void onlyTheLaxTimestampLayoutsPlaceTheTimestampStrictDoesNotAsInWcf() {
        String last = signed(SecurityHeaderLayout.LaxTimestampLast, BASIC256);
        String first = signed(SecurityHeaderLayout.Strict, BASIC256);
        assertEquals(WcfText.TimestampMustOccurFirstInSecurityHeaderLayout.format(),
                readFails(last, SecurityHeaderLayout.LaxTimestampFirst));
        assertEquals(WcfText.TimestampMustOccurLastInSecurityHeaderLayout.format(),
                readFails(first, SecurityHeaderLayout.LaxTimestampLast));
        for (SecurityHeaderLayout lax : List.of(SecurityHeaderLayout.Lax, SecurityHeaderLayout.Strict)) {
            read(last, lax, BASIC256);
            read(first, lax, BASIC256);
        }
    }

    @Test
    void strictRequiresTheTokenBeforeTheSignatureThatUsesIt() {
        String header = signed(SecurityHeaderLayout.Strict, BASIC256);
        int bst = header.indexOf("<o:BinarySecurityToken");
        int sig = header.indexOf("<Signature");
        String reordered = header.substring(0, bst) + header.substring(sig, header.indexOf("</Signature>") + 12)
                + header.substring(bst, sig);
        assertTrue(readFails(reordered, SecurityHeaderLayout.Strict).contains("must precede it"));
        read(reordered, SecurityHeaderLayout.Lax, BASIC256);
    }

    @Test
    void aCertificateWithoutItsSignatureDoesNotAuthenticate() {
        String header = signed(SecurityHeaderLayout.Strict, BASIC256);
        String unsigned = header.substring(0, header.indexOf("<Signature"));
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> verify(AuthenticationMode.CertificateOverTransport, unsigned));
        assertEquals(WcfText.SupportingTokenIsNotEndorsing.format("X509SecurityTokenParameters"), e.getMessage());
    }

    /** A request as the service receives it: {@code client}'s certificate over a transport, written and read again. */
    private static Message received(UnaryOperator<String> change) {
        TransportSecurityProtocol protocol = new TransportSecurityProtocol(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.CertificateOverTransport).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:a", XmlFragment.EMPTY);
        m.headers().to(EndpointAddress.of(URI.create(
                "https://localhost/service")));
        protocol.secureRequest(m, ClientCredentials.certificate(client));
        var encoder = TextMessageEncoder.defaultEncoder();
        String sent = new String(encoder.write(m), StandardCharsets.UTF_8);
        return encoder.read(change.apply(sent).getBytes(StandardCharsets.UTF_8),
                encoder.contentType());
    }

    private static String refusedWithTo(UnaryOperator<String> change) {
        TransportSecurityProtocol protocol = new TransportSecurityProtocol(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.CertificateOverTransport).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Message m = received(change);
        return assertThrows(MessageSecurityException.class, () -> protocol.authenticate(m,
                ServiceCredentials.defaults().withClientCertificateAuthentication(X509CertificateAuthentication
                        .peerTrust(List.of(client.certificate()))))).getMessage();
    }

    @Test
    void withAddressingTheEndorsingSignatureCoversTheToHeaderAsWcfs() {
        Message m = received(s -> s);
        TransportSecurityProtocol protocol = new TransportSecurityProtocol(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.CertificateOverTransport).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(protocol.authenticate(m, ServiceCredentials.defaults().withClientCertificateAuthentication(
                X509CertificateAuthentication.peerTrust(List.of(client.certificate())))).primaryIdentityName()
                .startsWith("CN=client; "));
        String sent = m.properties().get(ReceivedEnvelope.class).orElseThrow().xml();
        assertTrue(sent.contains("<a:To s:mustUnderstand=\"1\" u:Id=\"_1\">https://localhost/service</a:To>"), sent);
        assertTrue(sent.indexOf("<Reference URI=\"#_0\">") < sent.indexOf("<Reference URI=\"#_1\">"), sent);
    }

    @Test
    void aRedirectedToHeaderFailsTheSignature() {
        assertEquals("Signature verification failed.", refusedWithTo(s -> s.replace(
                "https://localhost/service</a:To>", "https://elsewhere/service</a:To>")));
    }

    @Test
    void aToHeaderWithoutItsIdIsUnsigned() {
        assertEquals(WcfText.UnsignedToHeaderInTransportSecuredMessage.format(),
                refusedWithTo(s -> s.replace(" u:Id=\"_1\">https://localhost", ">https://localhost")));
    }

    @Test
    void aSignatureThatLeavesTheToHeaderOutIsRefused() {
        assertEquals(WcfText.UnsignedToHeaderInTransportSecuredMessage.format(),
                refusedWithTo(s -> s.replaceFirst("<Reference URI=\"#_1\">.*?</Reference>", "")));
    }

    @Test
    void aSecondToHeaderIsRefusedWithWcfsText() {
        assertEquals(WcfText.TransportSecuredMessageHasMoreThanOneToHeader.format(), refusedWithTo(s -> s.replace(
                "<a:To s:mustUnderstand=\"1\" u:Id=\"_1\">", "<a:To s:mustUnderstand=\"1\">https://elsewhere/</a:To>"
                        + "<a:To s:mustUnderstand=\"1\" u:Id=\"_1\">")));
    }

    @Test
    void aMessageWithoutToIsRefusedWithWcfsText() {
        assertEquals(WcfText.TransportSecuredMessageMissingToHeader.format(),
                refusedWithTo(s -> s.replaceFirst("<a:To [^>]*>[^<]*</a:To>", "")));
    }

    @Test
    void aMissingTimestampIsRefused() {
        String token = "<o:UsernameToken u:Id=\"t\"><o:Username>a</o:Username><o:Password>b</o:Password>"
                + "</o:UsernameToken>";
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> verify(AuthenticationMode.UserNameOverTransport, token));
        assertEquals(WcfText.RequiredTimestampMissingInSecurityHeader.format(), e.getMessage());
    }

    @Test
    void aDigestPasswordIsRefused() {
        String header = "<u:Timestamp u:Id=\"_0\"><u:Created>2026-12-07T10:00:00Z</u:Created></u:Timestamp>"
                + "<o:UsernameToken><o:Username>a</o:Username><o:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">x</o:Password></o:UsernameToken>";
        assertTrue(readFails(header, SecurityHeaderLayout.Strict).contains("PasswordDigest"));
    }

    @Test
    void aDocumentTypeInTheHeaderIsRefused() {
        assertThrows(MessageSecurityException.class, () -> DomXml.parse("<!DOCTYPE x [<!ENTITY e \"e\">]>"
                + standalone("&e;")));
    }

    @Test
    void replayDetectionIsOffForOverTransportAsInWcfsFactories() {
        String header = signed(SecurityHeaderLayout.Strict, BASIC256);
        verify(AuthenticationMode.CertificateOverTransport, header);
        verify(AuthenticationMode.CertificateOverTransport, header);
    }

    @Test
    void timestampsAreCheckedWithWcfsRulesAndTexts() {
        Duration skew = Duration.ofMinutes(5);
        Duration life = Duration.ofMinutes(5);
        SecurityTimestamp ts = new SecurityTimestamp(NOW, NOW.plus(Duration.ofMinutes(5)));
        ts.validate(NOW, life, skew);
        ts.validate(NOW.minus(Duration.ofMinutes(4)), life, skew);
        assertEquals("The security timestamp is invalid because its creation time ('2026-12-07T10:00:00.000Z') is"
                + " greater than or equal to its expiration time ('2026-12-07T10:00:00.000Z').",
                assertThrows(MessageSecurityException.class, () -> new SecurityTimestamp(NOW, NOW)
                        .validate(NOW, life, skew)).getMessage());
        assertEquals("The security timestamp is invalid because its creation time ('2026-12-07T10:00:00.000Z') is in"
                + " the future. Current time is '2026-12-07T09:55:00.000Z' and allowed clock skew is '00:05:00'.",
                assertThrows(MessageSecurityException.class, () -> ts.validate(NOW.minus(skew), life, skew))
                        .getMessage());
        assertEquals("The security timestamp is stale because its expiration time ('2026-12-07T10:05:00.000Z') is in"
                + " the past. Current time is '2026-12-07T10:10:00.000Z' and allowed clock skew is '00:05:00'.",
                assertThrows(MessageSecurityException.class, () -> ts.validate(NOW.plus(Duration.ofMinutes(10)),
                        life, skew)).getMessage());
        SecurityTimestamp longLived = new SecurityTimestamp(NOW, NOW.plus(Duration.ofHours(1)));
        assertEquals("The security timestamp is stale because its creation time ('2026-12-07T10:00:00.000Z') is too"
                + " far back in the past. Current time is '2026-12-07T10:10:00.000Z', maximum timestamp lifetime is"
                + " '00:05:00' and allowed clock skew is '00:05:00'.", assertThrows(MessageSecurityException.class,
                () -> longLived.validate(NOW.plus(Duration.ofMinutes(10)), life, skew)).getMessage());
    }

    @Test
    void timestampsAreReadInUtcWithUpToSevenFractionDigits() {
        assertEquals(Instant.parse("2026-12-07T10:00:00.1234567Z"), SecurityTimestamp.parse("2026-12-07T10:00:00.1234567Z"));
        assertEquals(NOW, SecurityTimestamp.parse("2026-12-07T10:00:00Z"));
        assertThrows(MessageSecurityException.class, () -> SecurityTimestamp.parse("2026-12-07T10:00:00+01:00"));
        assertThrows(MessageSecurityException.class, () -> SecurityTimestamp.parse("2026-12-07T10:00:00.12345678Z"));
        assertEquals("2026-12-07T10:00:00.000Z", SecurityTimestamp.format(NOW));
    }
}

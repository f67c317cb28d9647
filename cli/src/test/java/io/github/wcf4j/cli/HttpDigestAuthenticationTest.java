package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.service.streamed.FileTransfer;
import io.github.wcf4j.runtime.service.streamed.FileTransferService;
import io.github.wcf4j.runtime.transport.http.HttpDigestPasswords;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import io.github.wcf4j.runtime.transport.http.RecordingTcpRelay;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP Digest on a service from an unchanged configuration ({@code httpTransport authenticationScheme="Digest"}), on
 * the wire: the 401 challenge (realm, nonce, {@code qop="auth"}, MD5), a response computed as RFC 2617/7616 and .NET's
 * {@code HttpWebRequest} compute it is served, with the caller its user name; a wrong password, another URI, a replayed
 * nonce count and an expired nonce ({@code stale=true}) are answered 401 and never reach the service. A streamed
 * wcf4j client obtains the challenge with a {@code HEAD} first, so its body goes once.
 */
class HttpDigestAuthenticationTest {
    private static final String CONFIG = """
            <configuration><system.serviceModel>
              <bindings><customBinding><binding name="digest"><textMessageEncoding/>
                <httpTransport authenticationScheme="Digest" realm="calculators"/></binding></customBinding></bindings>
              <services><service name="IdentityService">
                <endpoint address="" binding="customBinding" bindingConfiguration="digest" contract="%1$s"/>
              </service></services>
              <client><endpoint name="identity" address="http://localhost/unused" binding="customBinding"
                  bindingConfiguration="digest" contract="%1$s"/></client>
            </system.serviceModel></configuration>
            """.formatted(Identity.class.getName());

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final MovableClock clock = new MovableClock();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private URI host() {
        return host(CONFIG);
    }

    private URI host(String xml) {
        ServiceModelConfiguration config = ServiceModelConfigReader.create().read("app.config", xml).orThrow();
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("http://localhost:0/digest"))
                .parameter(Clock.class, clock)
                .parameter(HttpDigestPasswords.class, HttpDigestPasswords.of(Map.of("alice", "alice-pw"))).build();
        opened.add(host);
        host.open();
        return host.endpoints().get(0).address();
    }

    private static String envelope(URI to) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://tempuri.org/IIdentity/WhoAmI</a:Action>"
                + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">" + to + "</a:To></s:Header>"
                + "<s:Body><WhoAmI xmlns=\"http://tempuri.org/\"/></s:Body></s:Envelope>";
    }

    private static RawHttp.Response post(URI to, String authorization) throws Exception {
        try (RawHttp raw = RawHttp.to(to)) {
            String head = "POST " + to.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                    + " application/soap+xml; charset=utf-8" + (authorization == null ? ""
                            : "\r\nAuthorization: " + authorization);
            return raw.exchange(head, envelope(to).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String md5(String s) throws Exception {
        return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5")
                .digest(s.getBytes(StandardCharsets.UTF_8))));
    }

    /** The client's side of RFC 2617 with qop=auth, as .NET computes it. */
    private static String authorization(String user, String password, String nonce, String uri, int nc)
            throws Exception {
        String cnonce = "0a4f113b";
        String count = String.format("%08x", nc);
        String ha1 = md5(user + ":calculators:" + password);
        String ha2 = md5("POST:" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"calculators\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=MD5, response=\"" + response + "\", qop=auth, nc=" + count + ", cnonce=\""
                + cnonce + "\"";
    }

    private static String nonce(RawHttp.Response challenge) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge.header("WWW-Authenticate"));
        assertTrue(m.find(), challenge.header("WWW-Authenticate"));
        return m.group(1);
    }

    @Test
    void aDigestResponseIsServedAndTheCallerIsItsUser() throws Exception {
        URI to = host();
        RawHttp.Response challenge = post(to, null);
        assertEquals(401, challenge.status());
        String www = challenge.header("WWW-Authenticate");
        assertTrue(www.startsWith("Digest realm=\"calculators\", nonce=\"") && www.endsWith(
                "\", qop=\"auth\", algorithm=MD5"), www);
        String nonce = nonce(challenge);
        RawHttp.Response ok = post(to, authorization("alice", "alice-pw", nonce, to.getPath(), 1));
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("UserName:alice"), ok.body());
        assertEquals(200, post(to, authorization("alice", "alice-pw", nonce, to.getPath(), 2)).status(),
                "the nonce again with the next count");
    }

    @Test
    void aStreamedServiceChecksTheDigestAsItStreamsTheRequest() throws Exception {
        URI to = host(CONFIG.replace("realm=\"calculators\"/>", "realm=\"calculators\" transferMode=\"Streamed\"/>"));
        RawHttp.Response challenge = post(to, null);
        assertEquals(401, challenge.status());
        String nonce = nonce(challenge);
        RawHttp.Response ok = post(to, authorization("alice", "alice-pw", nonce, to.getPath(), 1));
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("UserName:alice"), ok.body());
        assertEquals(401, post(to, authorization("alice", "alice-pw", nonce, to.getPath(), 1)).status(), "replayed");
    }

    @Test
    void wrongPasswordsOtherUrisReplayedCountsAndUnknownNoncesAreAnswered401() throws Exception {
        URI to = host();
        String nonce = nonce(post(to, null));
        int before = IdentityService.CALLS.get();
        assertEquals(401, post(to, authorization("alice", "guess", nonce, to.getPath(), 1)).status());
        assertEquals(401, post(to, authorization("bob", "bob-pw", nonce, to.getPath(), 1)).status());
        assertEquals(401, post(to, authorization("alice", "alice-pw", nonce, "/elsewhere", 1)).status());
        String forged = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertEquals(401, post(to, authorization("alice", "alice-pw", forged, to.getPath(), 1)).status());
        assertEquals(before, IdentityService.CALLS.get(), "nothing reached the service");
        String first = authorization("alice", "alice-pw", nonce, to.getPath(), 1);
        assertEquals(200, post(to, first).status());
        RawHttp.Response replayed = post(to, first);
        assertEquals(401, replayed.status(), "the same nonce count again is a replay");
        assertEquals(before + 1, IdentityService.CALLS.get());
    }

    @Test
    void anExpiredNonceIsStaleAndTheNewOneServes() throws Exception {
        URI to = host();
        String nonce = nonce(post(to, null));
        clock.advance(Duration.ofMinutes(6));
        RawHttp.Response stale = post(to, authorization("alice", "alice-pw", nonce, to.getPath(), 1));
        assertEquals(401, stale.status());
        assertTrue(stale.header("WWW-Authenticate").endsWith(", stale=true"), stale.header("WWW-Authenticate"));
        String fresh = nonce(stale);
        assertFalse(fresh.equals(nonce));
        assertEquals(200, post(to, authorization("alice", "alice-pw", fresh, to.getPath(), 1)).status());
    }

    @Test
    void aDigestServiceWithoutPasswordsDoesNotOpen() {
        ServiceModelConfiguration config = ServiceModelConfigReader.create().read("app.config", CONFIG).orThrow();
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("http://localhost:0/digest")).build();
        opened.add(host);
        RuntimeException e = assertThrows(RuntimeException.class, host::open);
        assertTrue(messages(e).contains("HttpDigestPasswords"), messages(e));
    }

    @Test
    void aWcf4jClientAnswersTheChallengeThenPreAuthenticates() {
        ServiceModelConfiguration config = ServiceModelConfigReader.create().read("app.config", CONFIG).orThrow();
        URI to = host();
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClientFactory<Identity> f = ClientFactory.builder(config.clientEndpoint("identity").orElseThrow()
                .withAddress(to), Identity.class).credentials(ClientCredentials.userName("alice", "alice-pw"))
                .parameter(io.github.wcf4j.runtime.transport.WireTap.class, (direction, bytes, type) -> {
                    if (direction == io.github.wcf4j.runtime.transport.WireTap.Direction.SENT) {
                        sent.add(new String(bytes, StandardCharsets.UTF_8));
                    }
                }).build();
        opened.add(f);
        Identity id = f.createChannel();
        assertEquals("UserName:alice", id.whoAmI());
        assertEquals(2, sent.size(), "the first request, then again with the answer to its 401");
        assertEquals(5.0, id.add(2, 3));
        assertEquals(3, sent.size(), "the next request pre-authenticated with the nonce's next count");
        ClientFactory<Identity> wrong = ClientFactory.builder(config.clientEndpoint("identity").orElseThrow()
                .withAddress(to), Identity.class).credentials(ClientCredentials.userName("alice", "guess")).build();
        opened.add(wrong);
        RuntimeException e = assertThrows(RuntimeException.class, () -> wrong.createChannel().whoAmI());
        assertTrue(messages(e).contains("The HTTP request is unauthorized with client authentication scheme"
                + " 'Digest'."), messages(e));
    }

    @Test
    void aStreamedWcf4jClientObtainsTheChallengeWithAHeadSoItsBodyGoesOnce() throws Exception {
        String xml = """
                <configuration><system.serviceModel>
                  <bindings><customBinding><binding name="digest"><textMessageEncoding/>
                    <httpTransport authenticationScheme="Digest" realm="calculators" transferMode="Streamed"
                        maxReceivedMessageSize="1000000"/></binding></customBinding></bindings>
                  <services><service name="FileTransferService">
                    <endpoint address="%2$s" listenUri="http://127.0.0.1:0/digest" binding="customBinding"
                        bindingConfiguration="digest" contract="%1$s"/>
                  </service></services>
                  <client><endpoint name="files" address="%2$s" binding="customBinding"
                      bindingConfiguration="digest" contract="%1$s"/></client>
                </system.serviceModel></configuration>
                """;
        ServiceHost[] host = new ServiceHost[1];
        RecordingTcpRelay relay = new RecordingTcpRelay(() -> host[0].endpoints().get(0).listenUri());
        opened.add(relay);
        URI published = URI.create("http://127.0.0.1:" + relay.port() + "/digest");
        ServiceModelConfiguration config = ServiceModelConfigReader.create().read("app.config",
                xml.formatted(FileTransfer.class.getName(), published)).orThrow();
        host[0] = ServiceHost.builder(config, "FileTransferService")
                .types(ServiceTypes.empty().map("FileTransferService", FileTransferService.class))
                .parameter(Clock.class, clock)
                .parameter(HttpDigestPasswords.class, HttpDigestPasswords.of(Map.of("alice", "alice-pw"))).build();
        opened.add(host[0]);
        host[0].open();
        ClientFactory<FileTransfer> f = ClientFactory.builder(config.clientEndpoint("files").orElseThrow(),
                FileTransfer.class).credentials(ClientCredentials.userName("alice", "alice-pw")).build();
        opened.add(f);
        FileTransfer files = f.createChannel();
        byte[] data = new byte[30_000];
        new java.util.Random(15).nextBytes(data);
        assertEquals(data.length, files.upload(new java.io.ByteArrayInputStream(data)));
        clock.advance(Duration.ofMinutes(6)); // the first nonce is stale by now: a streamed body must never meet it
        assertEquals(data.length, files.upload(new java.io.ByteArrayInputStream(data)));
        String wire = relay.sent();
        List<String> requestLines = new ArrayList<>();
        Matcher m = Pattern.compile("(HEAD|POST) /digest HTTP/1\\.1\r\n").matcher(wire);
        while (m.find()) {
            requestLines.add(m.group(1));
        }
        assertEquals(List.of("HEAD", "POST", "HEAD", "POST"), requestLines, wire);
        String[] requests = wire.split("(?=(HEAD|POST) /digest HTTP/1\\.1\r\n)");
        List<String> nonces = new ArrayList<>();
        for (String r : requests) {
            String head = r.substring(0, r.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            if (r.startsWith("HEAD")) {
                assertFalse(head.contains("authorization:"), "the probe carries no credentials: " + head);
            } else {
                assertTrue(head.contains("transfer-encoding: chunked"), "streamed: " + head);
                assertTrue(head.contains("authorization: digest username=\"alice\", realm=\"calculators\""), head);
                assertTrue(head.contains("nc=00000001"), "answering the probe's fresh challenge: " + head);
                Matcher n = Pattern.compile("nonce=\"([^\"]+)\"").matcher(head);
                assertTrue(n.find(), head);
                nonces.add(n.group(1));
            }
        }
        assertFalse(nonces.get(0).equals(nonces.get(1)), "a fresh nonce for the second body: " + nonces);
        assertEquals(2, wire.split("<s:Envelope", -1).length - 1, "each body sent once: " + wire.length());
        ClientFactory<FileTransfer> wrong = ClientFactory.builder(config.clientEndpoint("files").orElseThrow(),
                FileTransfer.class).credentials(ClientCredentials.userName("alice", "guess")).build();
        opened.add(wrong);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> wrong.createChannel().upload(new java.io.ByteArrayInputStream(data)));
        assertTrue(messages(e).contains("The HTTP request is unauthorized with client authentication scheme"
                + " 'Digest'."), messages(e));
        assertEquals(3, relay.sent().split("<s:Envelope", -1).length - 1, "a wrong password's body goes once");
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }

    /** A clock the test moves (nonce lifetimes without waiting). */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

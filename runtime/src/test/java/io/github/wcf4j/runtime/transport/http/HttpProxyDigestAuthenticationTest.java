package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proxyAuthenticationScheme="Digest"} through a {@link LoopbackForwardProxy} that challenges with
 * {@code 407 Proxy-Authenticate: Digest} and checks each {@code Proxy-Authorization}'s RFC 7616 response hash itself.
 * The service is addressed by a name nothing resolves: a reply proves the request went through the proxy.
 */
class HttpProxyDigestAuthenticationTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String UNRESOLVABLE = "wcf4j-service.test";
    private static final String PROXY_407 = WcfText.UnexpectedHttpResponseCode.format(407,
            "Proxy Authentication Required");

    @TempDir
    static Path dir;
    static Path keyStore;

    private final SystemScheduler scheduler = new SystemScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened = new ArrayList<>();
    private final AtomicInteger served = new AtomicInteger();
    private LoopbackForwardProxy proxy;

    @BeforeAll
    static void createKeyStore() throws Exception {
        keyStore = SelfSignedKeyStore.create(dir.resolve("service.p12"), UNRESOLVABLE, "dns:" + UNRESOLVABLE);
    }

    @AfterEach
    void closeAll() throws IOException {
        opened.forEach(CommunicationObject::abort);
        if (proxy != null) {
            proxy.close();
        }
        scheduler.close();
    }

    private HttpTransportBindingElement digestProxy() {
        return HttpTransportBindingElement.builder().proxyAddress(proxy.address()).useDefaultWebProxy(false)
                .proxyAuthenticationScheme(AuthenticationScheme.Digest).build();
    }

    private BindingParameters params() {
        return new BindingParameters().put(Scheduler.class, scheduler);
    }

    private BindingParameters alice(String password) {
        return params().put(ClientCredentials.class, ClientCredentials.userName("alice", password));
    }

    /** A pong service that counts what reaches it, addressed by the unresolvable name. */
    private URI serve(Binding binding, BindingParameters p, String scheme) {
        ChannelListener<ReplyChannel> l = AnsweringService.open(builder, binding, p,
                ListenAddress.unique(URI.create(scheme + "://localhost:0/svc/")), request -> {
                    served.incrementAndGet();
                    return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:pong",
                            new XmlFragment("<Pong xmlns=\"urn:t\"/>"));
                }, T);
        opened.add(l);
        URI u = l.uri();
        return URI.create(scheme + "://" + UNRESOLVABLE + ":" + u.getPort() + u.getRawPath());
    }

    private RequestChannel channel(Binding binding, BindingParameters p, URI to) {
        ChannelFactory<RequestChannel> f = builder.buildFactory(binding, ChannelType.REQUEST, p);
        Futures.join(f.open(T));
        opened.add(f);
        RequestChannel c = f.createChannel(EndpointAddress.of(to));
        Futures.join(c.open(T));
        return c;
    }

    private static Message ping(RequestChannel c) {
        return Futures.join(c.request(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:ping",
                new XmlFragment("<Ping xmlns=\"urn:t\"/>")), T));
    }

    private static CustomBinding binding(HttpTransportBindingElement http) {
        return CustomBinding.of("proxied", TextMessageEncodingBindingElement.defaults(), http);
    }

    @Test
    void aForwardedRequestAnswersTheProxysDigestChallengeAndLaterRequestsArePreauthenticated() throws IOException {
        proxy = new LoopbackForwardProxy();
        proxy.requireDigest("alice", "proxy-pw");
        URI service = serve(binding(HttpTransportBindingElement.defaults()), params(), "http");
        RequestChannel c = channel(binding(digestProxy()), alice("proxy-pw"), service);
        for (int i = 0; i < 2; i++) {
            assertEquals("<Pong xmlns=\"urn:t\"/>", ping(c).body().xml());
        }
        String line = "POST " + service + " HTTP/1.1";
        assertEquals(List.of(line, line, line), proxy.requestLines(),
                "the first request unauthenticated (407), once more answering it, the second pre-authenticated");
        List<String> accepted = proxy.digestAccepted();
        assertEquals(2, accepted.size(), accepted.toString());
        for (int i = 0; i < 2; i++) {
            Map<String, String> p = LoopbackForwardProxy.digestParameters(accepted.get(i));
            assertEquals("alice", p.get("username"));
            assertEquals(service.toString(), p.get("uri"), "the digest URI is the absolute request target");
            assertEquals(String.format("%08x", i + 1), p.get("nc"), "the nonce count of the same challenge");
            assertEquals("0pq", p.get("opaque"), "the challenge's opaque echoed");
            assertEquals("MD5", p.get("algorithm"));
        }
        assertEquals(2, served.get());
    }

    @Test
    void aStreamedRequestWhoseBodyGoesOnceIsPrecededByAHeadWhose407ItAnswers() throws IOException {
        proxy = new LoopbackForwardProxy();
        proxy.requireDigest("alice", "proxy-pw");
        URI service = serve(binding(HttpTransportBindingElement.builder()
                .transferMode(io.github.wcf4j.binding.transport.TransferMode.Streamed).build()), params(), "http");
        HttpTransportBindingElement streamed = HttpTransportBindingElement.builder().proxyAddress(proxy.address())
                .useDefaultWebProxy(false).proxyAuthenticationScheme(AuthenticationScheme.Digest)
                .transferMode(io.github.wcf4j.binding.transport.TransferMode.Streamed).build();
        RequestChannel c = channel(binding(streamed), alice("proxy-pw"), service);
        Message reply = Futures.join(c.request(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:ping",
                w -> {
                    w.writeStartElement("", "Ping", "urn:t");
                    w.writeDefaultNamespace("urn:t");
                    w.writeEndElement();
                }), T));
        assertEquals("<Pong xmlns=\"urn:t\"/>", reply.body().xml());
        assertEquals(List.of("HEAD " + service + " HTTP/1.1", "HEAD " + service + " HTTP/1.1",
                "POST " + service + " HTTP/1.1"), proxy.requestLines(),
                "the HEAD's 407 answered by the HEAD once more, the streamed POST pre-authenticated");
        assertEquals(2, proxy.digestAccepted().size(), proxy.digestAccepted().toString());
        assertEquals(String.format("%08x", 2), LoopbackForwardProxy.digestParameters(proxy.digestAccepted().get(1))
                .get("nc"));
        assertEquals(1, served.get());
    }

    @Test
    void aWrongPasswordIsTheProxys407AsWcfReportsItAndNothingReachesTheService() throws IOException {
        proxy = new LoopbackForwardProxy();
        proxy.requireDigest("alice", "proxy-pw");
        URI service = serve(binding(HttpTransportBindingElement.defaults()), params(), "http");
        RequestChannel c = channel(binding(digestProxy()), alice("not-the-password"), service);
        Throwable e = assertThrows(ProtocolException.class, () -> ping(c));
        assertEquals(PROXY_407, e.getMessage());
        String line = "POST " + service + " HTTP/1.1";
        assertEquals(List.of(line, line), proxy.requestLines(), "the challenge answered once, never twice");
        assertEquals(List.of(), proxy.digestAccepted());
        assertEquals(0, served.get(), "nothing reached the service");
    }

    @Test
    void anHttpsTunnelAnswersTheDigestChallengeOfItsConnectOnTheSameConnection() throws IOException {
        proxy = new LoopbackForwardProxy();
        proxy.requireDigest("alice", "proxy-pw");
        TlsSettings tls = TlsSettings.keyStore(keyStore, SelfSignedKeyStore.PASSWORD);
        URI service = serve(CustomBinding.of("https", TextMessageEncodingBindingElement.defaults(),
                HttpsTransportBindingElement.defaults()), params().put(TlsSettings.class, tls), "https");
        CustomBinding client = CustomBinding.of("https", TextMessageEncodingBindingElement.defaults(),
                new HttpsTransportBindingElement(digestProxy(), false));
        RequestChannel c = channel(client, alice("proxy-pw").put(TlsSettings.class, tls), service);
        for (int i = 0; i < 2; i++) {
            assertEquals("<Pong xmlns=\"urn:t\"/>", ping(c).body().xml());
        }
        String authority = UNRESOLVABLE + ":" + service.getPort();
        String connect = "CONNECT " + authority + " HTTP/1.1";
        assertEquals(List.of(connect, connect), proxy.requestLines(),
                "the 407 (its body skipped) answered on the same connection, one tunnel kept alive");
        List<String> accepted = proxy.digestAccepted();
        assertEquals(1, accepted.size(), accepted.toString());
        Map<String, String> p = LoopbackForwardProxy.digestParameters(accepted.get(0));
        assertEquals(authority, p.get("uri"), "a CONNECT's digest URI is its host:port (hashed with CONNECT)");
        assertEquals(2, served.get());
    }

    @Test
    void aWrongPasswordForTheTunnelIsTheProxys407AsWcfReportsIt() throws IOException {
        proxy = new LoopbackForwardProxy();
        proxy.requireDigest("alice", "proxy-pw");
        CustomBinding client = CustomBinding.of("https", TextMessageEncodingBindingElement.defaults(),
                new HttpsTransportBindingElement(digestProxy(), false));
        URI service = URI.create("https://" + UNRESOLVABLE + ":1/svc/");
        Throwable e = assertThrows(ProtocolException.class, () -> ping(channel(client, alice("wrong"), service)));
        assertEquals(PROXY_407, e.getMessage());
        String connect = "CONNECT " + UNRESOLVABLE + ":1 HTTP/1.1";
        assertEquals(List.of(connect, connect), proxy.requestLines());
    }

    @Test
    void withoutAUserNameNoRequestIsSentToTheDigestProxy() throws IOException {
        proxy = new LoopbackForwardProxy();
        Throwable e = assertThrows(IllegalStateException.class, () -> channel(binding(digestProxy()), params(),
                URI.create("http://" + UNRESOLVABLE + ":1/svc/")));
        assertTrue(e.getMessage().startsWith("proxyAuthenticationScheme=\"Digest\": the client's user name and"
                + " password are not set"), e.getMessage());
        assertEquals(List.of(), proxy.requestLines());
    }

    @Test
    void ntlmToAProxyIsRefusedNamingNtlmAndWhatToConfigureInstead() {
        UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () -> builder.buildFactory(
                binding(HttpTransportBindingElement.builder().proxyAddress(URI.create("http://proxy.test:8080"))
                        .useDefaultWebProxy(false).proxyAuthenticationScheme(AuthenticationScheme.Ntlm).build()),
                ChannelType.REQUEST, alice("pw")));
        assertTrue(e.getMessage().contains("proxyAuthenticationScheme=\"Ntlm\": NTLM to an HTTP proxy is not"
                + " implemented"), e.getMessage());
        assertTrue(e.getMessage().contains("proxyAuthenticationScheme=\"Negotiate\"")
                && e.getMessage().contains("\"Digest\" or \"Basic\""), e.getMessage());
    }
}

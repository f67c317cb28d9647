package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's proxy settings over loopback, through a {@link LoopbackForwardProxy} that records what it is asked.
 * Services are addressed by names nothing resolves ({@code .test}, or a dotless name): a reply proves the request went
 * through the proxy, and a name-resolution failure that the proxy never saw proves it went direct.
 */
class HttpProxyTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final char[] PASSWORD = SelfSignedKeyStore.PASSWORD;
    /** Reserved for testing (RFC 2606): never resolves. */
    private static final String UNRESOLVABLE = "wcf4j-service.test";

    @TempDir
    static Path dir;
    static Path keyStore;

    private final SystemScheduler scheduler = new SystemScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened = new ArrayList<>();
    private LoopbackForwardProxy proxy;

    /** A service certificate for the unresolvable name, reached only through the proxy's tunnel. */
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

    private static CustomBinding binding(HttpTransportBindingElement http) {
        return CustomBinding.of("proxied", TextMessageEncodingBindingElement.defaults(), http);
    }

    private static HttpTransportBindingElement.Builder http() {
        return HttpTransportBindingElement.builder();
    }

    private HttpTransportBindingElement throughTheProxy(boolean bypassOnLocal) {
        return http().proxyAddress(proxy.address()).useDefaultWebProxy(false).bypassProxyOnLocal(bypassOnLocal)
                .build();
    }

    private BindingParameters params() {
        return new BindingParameters().put(Scheduler.class, scheduler);
    }

    /** A pong service on a fresh loopback port; returns its path and port. */
    private URI serve(Binding binding, BindingParameters p, String scheme) {
        ChannelListener<ReplyChannel> l = AnsweringService.open(builder, binding, p,
                ListenAddress.unique(URI.create(scheme + "://localhost:0/svc/")),
                request -> Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:pong",
                        new XmlFragment("<Pong xmlns=\"urn:t\"/>")), T);
        opened.add(l);
        return l.uri();
    }

    private URI serve() {
        return serve(binding(HttpTransportBindingElement.defaults()), params(), "http");
    }

    /** {@code service} with its host replaced. */
    private static URI named(URI service, String host) {
        return URI.create(service.getScheme() + "://" + host + ":" + service.getPort() + service.getRawPath());
    }

    /** A channel of a new factory, open. */
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

    private Message call(Binding binding, BindingParameters p, URI to) {
        return ping(channel(binding, p, to));
    }

    private Message call(HttpTransportBindingElement http, URI to) {
        return call(binding(http), params(), to);
    }

    @Test
    void aRequestGoesToTheProxyWithTheAbsoluteUriAsItsTarget() throws IOException {
        proxy = new LoopbackForwardProxy();
        URI service = named(serve(), UNRESOLVABLE);
        RequestChannel c = channel(binding(throughTheProxy(false)), params(), service);
        for (int i = 0; i < 2; i++) {
            assertEquals("<Pong xmlns=\"urn:t\"/>", ping(c).body().xml());
        }
        String line = "POST http://" + UNRESOLVABLE + ":" + service.getPort() + service.getRawPath() + " HTTP/1.1";
        assertEquals(List.of(line, line), proxy.requestLines());
    }

    @Test
    void loopbackTargetsAlwaysGoDirectAsWcfsWebProxyBypassesThem() throws IOException {
        proxy = new LoopbackForwardProxy();
        URI service = serve();
        call(throughTheProxy(false), named(service, "localhost"));
        call(throughTheProxy(false), named(service, "127.0.0.1"));
        assertEquals(List.of(), proxy.requestLines());
    }

    @Test
    void withBypassProxyOnLocalADotlessNameGoesDirectAndWithoutItThroughTheProxy() throws IOException {
        proxy = new LoopbackForwardProxy();
        URI service = named(serve(), "wcf4jservice");
        call(throughTheProxy(false), service);
        assertEquals(1, proxy.requestLines().size());
        // direct: the client resolves the name itself, and nothing does
        Throwable e = assertThrows(EndpointNotFoundException.class, () -> call(throughTheProxy(true), service));
        assertEquals(WcfText.EndpointNotFound.format(service), e.getMessage());
        assertEquals(1, proxy.requestLines().size());
    }

    @Test
    void httpsGoesThroughAConnectTunnelAndVerifiesTheServersName() throws IOException {
        proxy = new LoopbackForwardProxy();
        TlsSettings tls = TlsSettings.keyStore(keyStore, PASSWORD);
        URI service = named(serve(CustomBinding.of("https", TextMessageEncodingBindingElement.defaults(),
                HttpsTransportBindingElement.defaults()), params().put(TlsSettings.class, tls), "https"), UNRESOLVABLE);
        CustomBinding client = CustomBinding.of("https", TextMessageEncodingBindingElement.defaults(),
                new HttpsTransportBindingElement(throughTheProxy(false), false));
        RequestChannel c = channel(client, params().put(TlsSettings.class, tls), service);
        for (int i = 0; i < 2; i++) {
            assertEquals("<Pong xmlns=\"urn:t\"/>", ping(c).body().xml());
        }
        assertEquals(List.of("CONNECT " + UNRESOLVABLE + ":" + service.getPort() + " HTTP/1.1"),
                proxy.requestLines(), "one tunnel, kept alive");
    }

    @Test
    void aTunnelTheProxyRefusesFailsWithTheProxysStatusAsWcfReportsIt() throws IOException {
        proxy = new LoopbackForwardProxy();
        proxy.refuseTunnels("407 Proxy Authentication Required");
        CustomBinding client = CustomBinding.of("https", TextMessageEncodingBindingElement.defaults(),
                new HttpsTransportBindingElement(throughTheProxy(false), false));
        URI service = URI.create("https://" + UNRESOLVABLE + ":1/svc/");
        Throwable e = assertThrows(ProtocolException.class, () -> call(client, params(), service));
        assertEquals(WcfText.UnexpectedHttpResponseCode.format(407, "Proxy Authentication Required"), e.getMessage());
    }

    @Test
    void basicProxyAuthenticationGoesWithForwardedRequestsAndTunnelsAndItsAbsenceIsThe407() throws Exception {
        proxy = new LoopbackForwardProxy();
        String expected = HttpBasicAuthentication.authorization("alice", "proxy-pw");
        proxy.requireAuthorization(expected);
        URI service = named(serve(), UNRESOLVABLE);
        HttpTransportBindingElement basic = http().proxyAddress(proxy.address()).useDefaultWebProxy(false)
                .proxyAuthenticationScheme(io.github.wcf4j.binding.transport.AuthenticationScheme.Basic).build();
        BindingParameters alice = params().put(io.github.wcf4j.runtime.security.message.ClientCredentials.class,
                io.github.wcf4j.runtime.security.message.ClientCredentials.userName("alice", "proxy-pw"));
        assertEquals("<Pong xmlns=\"urn:t\"/>", call(binding(basic), alice, service).body().xml());
        Throwable refused = assertThrows(ProtocolException.class, () -> call(throughTheProxy(false), service));
        assertEquals(WcfText.UnexpectedHttpResponseCode.format(407, "Proxy Authentication Required"),
                refused.getMessage(), "without proxy credentials the proxy's 407, as WCF reports it");
        CustomBinding https = CustomBinding.of("https", TextMessageEncodingBindingElement.defaults(),
                new HttpsTransportBindingElement(basic, false));
        URI tunnelled = URI.create("https://" + UNRESOLVABLE + ":1/svc/");
        Throwable noServer = assertThrows(RuntimeException.class, () -> call(https, alice, tunnelled));
        assertFalse(noServer.getMessage().contains("407"), "the CONNECT was authorized: " + noServer.getMessage());
        assertTrue(proxy.requestLines().contains("CONNECT " + UNRESOLVABLE + ":1 HTTP/1.1"), proxy.requestLines()
                .toString());
    }

    @Test
    void negotiateProxyAuthenticationSendsAFreshKerberosTokenForTheProxysHttpPrincipal() throws Exception {
        io.github.wcf4j.runtime.security.EmbeddedKdc kdc = io.github.wcf4j.runtime.security.EmbeddedKdc.shared();
        proxy = new LoopbackForwardProxy();
        proxy.requireNegotiate(kdc.credentials("HTTP/127.0.0.1"));
        URI service = named(serve(), UNRESOLVABLE);
        HttpTransportBindingElement negotiate = http().proxyAddress(proxy.address()).useDefaultWebProxy(false)
                .proxyAuthenticationScheme(io.github.wcf4j.binding.transport.AuthenticationScheme.Negotiate).build();
        BindingParameters alice = params().put(io.github.wcf4j.runtime.security.KerberosCredentials.class,
                kdc.credentials("alice"));
        RequestChannel c = channel(binding(negotiate), alice, service);
        for (int i = 0; i < 2; i++) {
            assertEquals("<Pong xmlns=\"urn:t\"/>", ping(c).body().xml());
        }
        assertEquals(List.of("alice@" + io.github.wcf4j.runtime.security.EmbeddedKdc.REALM,
                "alice@" + io.github.wcf4j.runtime.security.EmbeddedKdc.REALM), proxy.negotiatedClients(),
                "a fresh token each request: the proxy's replay cache would refuse one sent twice");
        Throwable refused = assertThrows(ProtocolException.class, () -> call(throughTheProxy(false), service));
        assertEquals(WcfText.UnexpectedHttpResponseCode.format(407, "Proxy Authentication Required"),
                refused.getMessage());
    }

    /** A system proxy that records what it is asked and answers {@code answer}. */
    private static final class RecordingSelector extends ProxySelector {
        final List<URI> asked = new CopyOnWriteArrayList<>();
        final Proxy answer;

        RecordingSelector(Proxy answer) {
            this.answer = answer;
        }

        @Override
        public List<Proxy> select(URI uri) {
            asked.add(uri);
            return List.of(answer);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    }

    @Test
    void useDefaultWebProxyTakesTheSystemProxyChoice() throws IOException {
        proxy = new LoopbackForwardProxy();
        URI service = named(serve(), "localhost");
        RecordingSelector viaProxy = new RecordingSelector(new Proxy(Proxy.Type.HTTP, proxy.socketAddress()));
        call(binding(HttpTransportBindingElement.defaults()), params().put(ProxySelector.class, viaProxy), service);
        assertEquals(List.of(service), viaProxy.asked);
        assertEquals(List.of("POST " + service + " HTTP/1.1"), proxy.requestLines());

        RecordingSelector direct = new RecordingSelector(Proxy.NO_PROXY);
        call(binding(HttpTransportBindingElement.defaults()), params().put(ProxySelector.class, direct), service);
        assertEquals(List.of(service), direct.asked);
        assertEquals(1, proxy.requestLines().size(), "DIRECT: connected directly, as without a proxy");
    }

    @Test
    void aSystemProxyThatIsOnlySocksFailsTheRequestRatherThanGoingDirect() {
        URI service = named(serve(), "localhost");
        RecordingSelector socks = new RecordingSelector(new Proxy(Proxy.Type.SOCKS,
                InetSocketAddress.createUnresolved("socks.example", 1080)));
        Throwable e = assertThrows(CommunicationException.class, () -> call(binding(HttpTransportBindingElement
                .defaults()), params().put(ProxySelector.class, socks), service));
        assertTrue(e.getMessage().startsWith("The system proxy for " + service + " is the SOCKS proxy"
                + " socks.example"), e.getMessage());
    }

    @Test
    void withoutUseDefaultWebProxyAndWithoutAProxyAddressTheSystemProxyIsNotAsked() throws IOException {
        proxy = new LoopbackForwardProxy();
        URI service = serve();
        RecordingSelector viaProxy = new RecordingSelector(new Proxy(Proxy.Type.HTTP, proxy.socketAddress()));
        call(binding(http().useDefaultWebProxy(false).build()), params().put(ProxySelector.class, viaProxy), service);
        assertEquals(List.of(), viaProxy.asked);
        assertEquals(List.of(), proxy.requestLines());
    }

    @Test
    void anExplicitProxyAddressWithUseDefaultWebProxyIsWcfsBuildError() {
        BindingValidationException e = assertThrows(BindingValidationException.class, () -> builder.buildFactory(
                binding(http().proxyAddress(URI.create("http://proxy.example:8080")).build()), ChannelType.REQUEST,
                params()));
        assertEquals(WcfText.UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress, e.text());
    }

    @Test
    void aProxyAddressThatIsNotAnHttpUriIsRefusedByName() {
        for (String address : List.of("https://proxy.example:8443", "socks://proxy.example:1080", "proxy")) {
            UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () -> builder.buildFactory(
                    binding(http().proxyAddress(URI.create(address)).useDefaultWebProxy(false).build()),
                    ChannelType.REQUEST, params()));
            assertTrue(e.getMessage().startsWith("The proxyAddress '" + address + "' is not supported by the wcf4j"
                    + " runtime: only an absolute http:// proxy address"), e.getMessage());
        }
    }
}

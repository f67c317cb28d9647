package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code allowCookies} over loopback against a server that sets cookies: on, the factory stores every
 * {@code Set-Cookie} and sends the cookies back on later requests to matching URIs from any of its channels (WCF's
 * per-factory {@code CookieContainer}); off (WCF's default), cookies are neither stored nor sent.
 */
class HttpCookiesTest {
    private static final Duration T = Duration.ofSeconds(10);

    private final SystemScheduler scheduler = new SystemScheduler();
    private final List<ChannelFactory<RequestChannel>> factories = new ArrayList<>();
    /** The {@code Cookie} header of every request the server received, in order ({@code null}: none). */
    private final List<String> cookiesReceived = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Answers every POST with an empty 202; the first request to a path gets that path's cookies set. */
    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            cookiesReceived.add(exchange.getRequestHeaders().getFirst("Cookie"));
            exchange.getRequestBody().readAllBytes();
            if (cookiesReceived.size() == 1) {
                exchange.getResponseHeaders().add("Set-Cookie", "session=abc123; Path=/svc");
                exchange.getResponseHeaders().add("Set-Cookie", "elsewhere=1; Path=/other");
                exchange.getResponseHeaders().add("Set-Cookie", "gone=1; Path=/; Max-Age=0");
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        factories.forEach(ChannelFactory::abort);
        server.stop(0);
        scheduler.close();
    }

    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private ChannelFactory<RequestChannel> factory(boolean allowCookies) {
        CustomBinding binding = CustomBinding.of("cookies", TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.builder().allowCookies(allowCookies).build());
        ChannelFactory<RequestChannel> f = ChannelStackBuilder.standard().buildFactory(binding, ChannelType.REQUEST,
                new BindingParameters().put(Scheduler.class, scheduler));
        Futures.join(f.open(T));
        factories.add(f);
        return f;
    }

    private static void send(ChannelFactory<RequestChannel> f, URI to) {
        RequestChannel c = f.createChannel(EndpointAddress.of(to));
        Futures.join(c.open(T));
        assertNull(Futures.join(c.request(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:ping",
                new XmlFragment("<Ping xmlns=\"urn:t\"/>")), T)));
    }

    @Test
    void withAllowCookiesTheCookiesAResponseSetAreSentBackByEveryChannelOfTheFactoryToMatchingUris() {
        ChannelFactory<RequestChannel> f = factory(true);
        send(f, at("/svc/calculator"));
        send(f, at("/svc/calculator")); // a new channel of the same factory
        send(f, at("/svc/other-endpoint"));
        send(f, at("/unrelated"));
        send(factory(true), at("/svc/calculator")); // another factory has cookies of its own
        assertEquals(Arrays.asList(null, "session=abc123", "session=abc123", null, null),
                cookiesReceived);
    }

    @Test
    void withoutAllowCookiesNoCookieIsStoredOrSent() {
        ChannelFactory<RequestChannel> f = factory(false);
        send(f, at("/svc/calculator"));
        send(f, at("/svc/calculator"));
        send(f, at("/other/x"));
        assertEquals(Arrays.asList(null, null, null), cookiesReceived);
    }
}

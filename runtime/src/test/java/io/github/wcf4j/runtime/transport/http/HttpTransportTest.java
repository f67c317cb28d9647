package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** httpTransport over real loopback sockets: the HTTP semantics WCF's transport has, on both sides. */
class HttpTransportTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final Duration T = Duration.ofSeconds(10);
    private static final String SOAP12 = "application/soap+xml; charset=utf-8";

    private final SystemScheduler scheduler = new SystemScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened =
            new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(CommunicationObject::abort);
        scheduler.close();
    }

    private static CustomBinding text(HttpTransportBindingElement http) {
        return CustomBinding.of("text", TextMessageEncodingBindingElement.defaults(), http);
    }

    private BindingParameters params() {
        return new BindingParameters().put(Scheduler.class, scheduler);
    }

    /** A reply listener at a fresh loopback address, answering every request with {@code answer}. */
    private URI serve(CustomBinding binding, Function<Message, Message> answer) {
        ChannelListener<ReplyChannel> l = AnsweringService.open(builder, binding, params(),
                ListenAddress.unique(URI.create("http://localhost:0/svc/")), answer, T);
        opened.add(l);
        return l.uri();
    }

    private RequestChannel client(CustomBinding binding, URI to) {
        ChannelFactory<RequestChannel> f = builder.buildFactory(binding, ChannelType.REQUEST, params());
        Futures.join(f.open(T));
        opened.add(f);
        RequestChannel c = f.createChannel(EndpointAddress.of(to));
        Futures.join(c.open(T));
        return c;
    }

    private static Message add(MessageVersion v) {
        Message m = Message.create(v, NS + "/ICalculator/Add",
                new XmlFragment("<Add xmlns=\"" + NS + "\"><n1>2</n1><n2>3</n2></Add>"));
        m.headers().messageId("urn:uuid:" + UUID.randomUUID());
        return m;
    }

    private static Message addResponse(Message request) {
        Message r = Message.create(request.version(), NS + "/ICalculator/AddResponse",
                new XmlFragment("<AddResponse xmlns=\"" + NS + "\"><AddResult>5</AddResult></AddResponse>"));
        r.headers().relatesTo(request.headers().messageId());
        return r;
    }

    @Test
    void theWireIsWhatAWcfClientSeesAndTheConnectionIsKeptAlive() throws Exception {
        URI at = serve(text(HttpTransportBindingElement.defaults()), HttpTransportTest::addResponse);
        TextMessageEncoder enc = TextMessageEncoder.defaultEncoder();
        String request = new String(enc.write(add(MessageVersion.SOAP12_WS_ADDRESSING10)),
                StandardCharsets.UTF_8);
        try (RawHttp raw = new RawHttp(at)) {
            for (int i = 0; i < 2; i++) { // two exchanges on one connection
                RawHttp.Response r = raw.exchange("POST " + at.getPath() + " HTTP/1.1\r\nHost: localhost:"
                        + at.getPort() + "\r\nContent-Type: " + SOAP12
                        + "; action=\"" + NS + "/ICalculator/Add\"\r\nUpgrade: h2c\r\nConnection: Upgrade, keep-alive",
                        request.getBytes(StandardCharsets.UTF_8));
                assertEquals(200, r.status());
                assertEquals(SOAP12, r.header("Content-Type")); // replies never carry the action parameter
                assertTrue(r.body().startsWith("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""));
            }
        }
    }

    @Test
    void aServiceWithoutKeepAliveAnswersConnectionCloseAndClosesTheConnectionAfterEachResponse() throws Exception {
        HttpTransportBindingElement noKeepAlive = HttpTransportBindingElement.builder().keepAliveEnabled(false).build();
        URI at = serve(text(noKeepAlive), HttpTransportTest::addResponse);
        byte[] request = TextMessageEncoder.defaultEncoder().write(add(MessageVersion.SOAP12_WS_ADDRESSING10));
        try (RawHttp raw = new RawHttp(at)) { // an HTTP/1.1 request asking for nothing: keep-alive by default
            RawHttp.Response r = raw.exchange("POST " + at.getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: " + SOAP12, request);
            assertEquals(200, r.status());
            assertEquals("close", r.header("Connection"));
            assertTrue(raw.closedByServer());
        }
        try (RawHttp raw = new RawHttp(at)) { // an error the listener answers itself, too
            RawHttp.Response r = raw.post(at.getPath(), "localhost", "text/xml; charset=utf-8", "<x/>");
            assertEquals(415, r.status());
            assertEquals("close", r.header("Connection"));
            assertTrue(raw.closedByServer());
        }
        RequestChannel c = client(text(HttpTransportBindingElement.defaults()), at);
        for (int i = 0; i < 2; i++) { // a keep-alive client opens a new connection for each request
            Message sent = add(MessageVersion.SOAP12_WS_ADDRESSING10);
            assertEquals(sent.headers().messageId(), Futures.join(c.request(sent, T)).headers().relatesTo());
        }
    }

    @Test
    void aOneWayAnswerIsAnEmpty202() throws Exception {
        URI at = serve(text(HttpTransportBindingElement.defaults()), m -> null);
        try (RawHttp raw = new RawHttp(at)) {
            RawHttp.Response r = raw.post(at.getPath(), "localhost", SOAP12, new String(TextMessageEncoder
                    .defaultEncoder().write(add(MessageVersion.SOAP12_WS_ADDRESSING10)),
                    StandardCharsets.UTF_8));
            assertEquals(202, r.status());
            assertEquals("0", r.header("Content-Length"));
        }
    }

    @Test
    void aFaultIsA500CarryingTheSoapFault() throws Exception {
        URI at = serve(text(HttpTransportBindingElement.defaults()), m -> Message.createFault(m.version(),
                MessageFault.receiver("Divide by zero"), "http://www.w3.org/2005/08/addressing/soap/fault"));
        try (RawHttp raw = new RawHttp(at)) {
            RawHttp.Response r = raw.post(at.getPath(), "localhost", SOAP12, new String(TextMessageEncoder
                    .defaultEncoder().write(add(MessageVersion.SOAP12_WS_ADDRESSING10)),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(500, r.status());
            assertEquals(SOAP12, r.header("Content-Type"));
            assertTrue(r.body().contains("<s:Text xml:lang=\"en-US\">Divide by zero</s:Text>"), r.body());
        }
    }

    @Test
    void anUnknownPathIs404AndWcfsEndpointNotFound() throws Exception {
        URI at = serve(text(HttpTransportBindingElement.defaults()), HttpTransportTest::addResponse);
        URI wrong = URI.create("http://localhost:" + at.getPort() + "/nothing-here");
        try (RawHttp raw = new RawHttp(at)) {
            assertEquals(404, raw.post("/nothing-here", "localhost", SOAP12, "<x/>").status());
        }
        RequestChannel c = client(text(HttpTransportBindingElement.defaults()), wrong);
        Throwable e = assertThrows(EndpointNotFoundException.class, () ->
                Futures.join(c.request(add(MessageVersion.SOAP12_WS_ADDRESSING10), T)));
        assertEquals(WcfText.EndpointNotFound.format(wrong), e.getMessage());
    }

    @Test
    void aPathBelowTheListenersIsRoutedToItCaseInsensitively() throws Exception {
        URI at = serve(text(HttpTransportBindingElement.defaults()), HttpTransportTest::addResponse);
        String upper = at.getPath().toUpperCase(Locale.ROOT) + "mex";
        try (RawHttp raw = new RawHttp(at)) {
            String body = new String(TextMessageEncoder.defaultEncoder().write(add(
                    MessageVersion.SOAP12_WS_ADDRESSING10)), StandardCharsets.UTF_8);
            assertEquals(200, raw.post(upper, "localhost", SOAP12, body).status());
        }
    }

    @Test
    void getIs405() throws Exception {
        URI at = serve(text(HttpTransportBindingElement.defaults()), HttpTransportTest::addResponse);
        try (RawHttp raw = new RawHttp(at)) {
            RawHttp.Response r = raw.exchange("GET " + at.getPath() + " HTTP/1.1\r\nHost: localhost", new byte[0]);
            assertEquals(405, r.status());
            assertEquals("POST", r.header("Allow"));
        }
    }

    @Test
    void aWrongContentTypeIs415WithWcfsStatusDescriptionAndTheClientGetsWcfsError() throws Exception {
        URI at = serve(text(HttpTransportBindingElement.defaults()), HttpTransportTest::addResponse);
        try (RawHttp raw = new RawHttp(at)) {
            RawHttp.Response r = raw.post(at.getPath(), "localhost", "text/xml; charset=utf-8", "<x/>");
            assertEquals(415, r.status());
            assertEquals("Cannot process the message because the content type 'text/xml; charset=utf-8' was not the"
                    + " expected type 'application/soap+xml; charset=utf-8'.", r.reason());
            RawHttp.Response missing = raw.exchange("POST " + at.getPath() + " HTTP/1.1\r\nHost: localhost",
                    "<x/>".getBytes(StandardCharsets.UTF_8));
            assertEquals(415, missing.status());
            assertEquals("Missing Content Type", missing.reason());
        }
        CustomBinding soap11 = CustomBinding.of("soap11", TextMessageEncodingBindingElement.defaults()
                .withMessageVersion(MessageVersion.SOAP11_WS_ADDRESSING10), HttpTransportBindingElement.defaults());
        RequestChannel c = client(soap11, at);
        Throwable e = assertThrows(ProtocolException.class, () ->
                Futures.join(c.request(add(MessageVersion.SOAP11_WS_ADDRESSING10), T)));
        assertEquals(WcfText.FramingContentTypeMismatch.format("text/xml; charset=utf-8", at), e.getMessage());
    }

    @Test
    void aRequestPastMaxReceivedMessageSizeIs413WithoutItsBodyBeingRead() throws Exception {
        HttpTransportBindingElement small = HttpTransportBindingElement.builder().maxReceivedMessageSize(1000)
                .build();
        URI at = serve(text(small), HttpTransportTest::addResponse);
        try (RawHttp raw = new RawHttp(at)) {
            // the declared length alone decides: the body beyond the limit is never buffered
            RawHttp.Response r = raw.exchange("POST " + at.getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: " + SOAP12, new byte[50_000]);
            assertEquals(413, r.status());
        }
    }

    @Test
    void exactHostNameComparisonRefusesOtherHostNames() throws Exception {
        HttpTransportBindingElement exact = HttpTransportBindingElement.builder()
                .hostNameComparisonMode(HostNameComparisonMode.Exact).build();
        URI at = serve(text(exact), HttpTransportTest::addResponse);
        String body = new String(TextMessageEncoder.defaultEncoder().write(add(MessageVersion.SOAP12_WS_ADDRESSING10)),
                StandardCharsets.UTF_8);
        try (RawHttp raw = new RawHttp(at)) {
            assertEquals(200, raw.post(at.getPath(), "localhost:" + at.getPort(), SOAP12, body).status());
            assertEquals(404, raw.post(at.getPath(), "other.example:" + at.getPort(), SOAP12, body).status());
        }
        URI wildcard = serve(text(HttpTransportBindingElement.defaults()), HttpTransportTest::addResponse);
        try (RawHttp raw = new RawHttp(wildcard)) {
            assertEquals(200, raw.post(wildcard.getPath(), "other.example", SOAP12, body).status());
        }
    }

    @Test
    void soap11CarriesTheActionInSoapActionAndWithoutAddressingItIsTheMessagesAction() throws Exception {
        CustomBinding basic = CustomBinding.of("basic", TextMessageEncodingBindingElement.defaults()
                .withMessageVersion(MessageVersion.SOAP11), HttpTransportBindingElement.defaults());
        CompletableFuture<String> seen = new CompletableFuture<>();
        URI at = serve(basic, m -> {
            seen.complete(m.headers().action());
            return Message.create(m.version(), null, new XmlFragment("<ok xmlns=\"urn:t\"/>"));
        });
        try (RawHttp raw = new RawHttp(at)) {
            RawHttp.Response r = raw.exchange("POST " + at.getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \"" + NS + "/ICalculator/Add\"",
                    ("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Add xmlns=\"" + NS
                            + "\"/></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, r.status());
            assertEquals("text/xml; charset=utf-8", r.header("Content-Type"));
        }
        assertEquals(NS + "/ICalculator/Add", seen.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aServiceThatNeverAnswersTimesOutWithWcfsTextAndTheConnectionIsNotReused() {
        ChannelListener<ReplyChannel> l = builder.buildListener(text(HttpTransportBindingElement.defaults()),
                ChannelType.REPLY, params().put(ListenAddress.class,
                        ListenAddress.unique(URI.create("http://localhost:0/silent/"))));
        Futures.join(l.open(T));
        opened.add(l);
        ReplyChannel rc = Futures.join(l.acceptChannel(T)).orElseThrow();
        Futures.join(rc.open(T));
        RequestChannel c = client(text(HttpTransportBindingElement.defaults()), l.uri());
        CompletableFuture<Message> pending = c.request(add(MessageVersion.SOAP12_WS_ADDRESSING10),
                Duration.ofMillis(300));
        Throwable e = assertThrows(CommunicationTimeoutException.class, () -> Futures.join(pending));
        assertEquals(WcfText.RequestTimedOut.format("00:00:00.3000000"), e.getMessage());
        // the late request is still answerable; a new request gets a fresh connection and its own reply
        RequestContext late = Futures.join(rc.receiveRequest(T)).orElseThrow();
        late.reply(addResponse(late.requestMessage()), T);
        CompletableFuture<Message> next = c.request(add(MessageVersion.SOAP12_WS_ADDRESSING10), T);
        RequestContext ctx = Futures.join(rc.receiveRequest(T)).orElseThrow();
        ctx.reply(addResponse(ctx.requestMessage()), T);
        assertEquals(ctx.requestMessage().headers().messageId(), Futures.join(next).headers().relatesTo());
        assertFalse(next.isCompletedExceptionally());
    }

    @Test
    void aUrlIsRegisteredOnceOnASharedPortAndOtherPathsShareThePort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI a = URI.create("http://localhost:" + port + "/shared/a/");
        ChannelListener<ReplyChannel> first = explicitListener(a);
        Futures.join(first.open(T));
        ChannelListener<ReplyChannel> again = explicitListener(a);
        Throwable e = assertThrows(io.github.wcf4j.runtime.channel.AddressAlreadyInUseException.class,
                () -> Futures.join(again.open(T)));
        assertEquals(WcfText.HttpRegistrationAlreadyExists.format(a), e.getMessage());
        ChannelListener<ReplyChannel> other = explicitListener(URI.create("http://localhost:" + port + "/shared/b/"));
        Futures.join(other.open(T));
        assertEquals(CommunicationState.Opened, first.state());
        assertEquals(CommunicationState.Opened, other.state());
    }

    private ChannelListener<ReplyChannel> explicitListener(URI at) {
        ChannelListener<ReplyChannel> l = builder.buildListener(text(HttpTransportBindingElement.defaults()),
                ChannelType.REPLY, params().put(ListenAddress.class, ListenAddress.explicit(at)));
        opened.add(l);
        return l;
    }

    @Test
    void aUriWithTheWrongSchemeIsRefusedWithWcfsText() {
        ChannelFactory<RequestChannel> f = builder.buildFactory(text(HttpTransportBindingElement.defaults()),
                ChannelType.REQUEST, params());
        Futures.join(f.open(T));
        opened.add(f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                f.createChannel(EndpointAddress.of("net.tcp://localhost/svc")));
        assertTrue(e.getMessage().startsWith("The provided URI scheme 'net.tcp' is invalid; expected 'http'."));
    }
}

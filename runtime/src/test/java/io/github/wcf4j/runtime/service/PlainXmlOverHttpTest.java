package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import jakarta.jws.Oneway;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code textMessageEncoding messageVersion="None"}: plain XML over HTTP, the body element alone, between wcf4j's
 * client and service, and between a plain HTTP client and wcf4j's service.
 */
class PlainXmlOverHttpTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final String NONE_NS = "http://schemas.microsoft.com/ws/2005/05/envelope/none";
    private static final TextMessageEncodingBindingElement POX = TextMessageEncodingBindingElement.defaults()
            .withMessageVersion(MessageVersion.NONE);
    private static final Binding HTTP = CustomBinding.of("pox", POX, HttpTransportBindingElement.defaults());

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    private final List<String> clientWire = new CopyOnWriteArrayList<>();
    private ServiceHost host;
    private ClientFactory<Calculator> client;

    @AfterEach
    void close() {
        if (client != null) {
            client.abort();
        }
        if (host != null) {
            host.abort();
        }
        scheduler.close();
    }

    private URI host(Binding binding, URI base) {
        ServiceDescription d = new ServiceDescription("Calc", Optional.empty(), List.of(base), List.of(
                new ServiceEndpoint("", "", "customBinding", "pox", binding, "ICalc", Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty())));
        host = ServiceHost.builder(d).types(ServiceTypes.empty().map("Calc", CalculatorService.class)
                .map("ICalc", Calculator.class)).parameter(Scheduler.class, scheduler)
                .parameter(InMemoryNetwork.class, network).build();
        host.open();
        return host.endpoints().get(0).listenUri();
    }

    private Calculator client(Binding binding, URI at, List<AddressHeader> headers) {
        WireTap tap = (direction, bytes, contentType) -> clientWire.add(direction + " " + contentType + " "
                + new String(bytes, StandardCharsets.UTF_8));
        client = ClientFactory.builder(new ClientEndpoint("", at, "customBinding", "pox", binding, "ICalc",
                Optional.empty(), Optional.empty(), headers, Optional.empty()), Calculator.class)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .parameter(WireTap.class, tap).build();
        return client.createChannel();
    }

    private static HttpResponse<String> post(URI at, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(at).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWcf4jClientCallsAWcf4jServiceWithPlainXmlRequestReplyAndOneWay() {
        Calculator calc = client(HTTP, host(HTTP, URI.create("http://localhost:0/pox/")), List.of());
        assertEquals(5.0, calc.add(2, 3));
        assertEquals(-1.0, calc.subtract(2, 3));
        calc.reset(0);
        assertEquals(ChannelShape.REQUEST, client.shape());
        assertEquals(ChannelShape.REPLY, host.endpoints().get(0).shape());
    }

    /** A contract of one-way operations only, which a {@code oneWay} element's datagram channels carry. */
    @WebService(name = "ILog", targetNamespace = NS)
    public interface Log {
        // named: once the fuzz tests have loaded Jazzer, classes it instruments lose their parameter names
        @Oneway
        void write(@WebParam(name = "line") String line);
    }

    /** Hands what it is sent to the test. */
    public static final class LogService implements Log {
        static final BlockingQueue<String> LINES = new LinkedBlockingQueue<>();

        @Override
        public void write(String line) {
            LINES.add(line);
        }
    }

    @Test
    void oneWayOperationsOverTheOneWayElement() throws Exception {
        Binding oneWay = CustomBinding.of("pox", OneWayBindingElement.defaults(), POX,
                HttpTransportBindingElement.defaults());
        ServiceDescription d = new ServiceDescription("Log", Optional.empty(), List.of(URI.create(
                "http://localhost:0/log/")), List.of(new ServiceEndpoint("", "", "customBinding", "pox", oneWay,
                "ILog", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty())));
        host = ServiceHost.builder(d).types(ServiceTypes.empty().map("Log", LogService.class)
                .map("ILog", Log.class)).parameter(Scheduler.class, scheduler).build();
        host.open();
        assertEquals(ChannelShape.INPUT, host.endpoints().get(0).shape());
        try (ClientFactory<Log> logs = ClientFactory.builder(new ClientEndpoint("", host.endpoints().get(0).address(),
                "customBinding", "pox", oneWay, "ILog", Optional.empty(), Optional.empty(), List.of(),
                Optional.empty()), Log.class).parameter(Scheduler.class, scheduler).build()) {
            assertEquals(ChannelShape.OUTPUT, logs.shape());
            logs.createChannel().write("started");
            assertEquals("started", LogService.LINES.poll(10, TimeUnit.SECONDS));
        }
        HttpResponse<String> r = post(host.endpoints().get(0).address(), "application/xml",
                "<Write xmlns=\"" + NS + "\"><line>plain</line></Write>");
        assertEquals(202, r.statusCode());
        assertEquals("plain", LogService.LINES.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void theWireCarriesTheBodyElementAloneAsApplicationXml() {
        Calculator calc = client(HTTP, host(HTTP, URI.create("http://localhost:0/pox/")), List.of());
        assertEquals(5.0, calc.add(2, 3));
        calc.reset(3);
        assertEquals(List.of(
                "SENT application/xml; charset=utf-8 <Add xmlns=\"" + NS + "\"><n1>2.0</n1><n2>3.0</n2></Add>",
                "RECEIVED application/xml; charset=utf-8 <AddResponse xmlns=\"" + NS
                        + "\"><AddResult>5.0</AddResult></AddResponse>",
                "SENT application/xml; charset=utf-8 <Reset xmlns=\"" + NS + "\"><to>3</to></Reset>"), clientWire);
    }

    @Test
    void aPlainHttpClientPostsXmlAndReadsThePlainXmlReply() throws Exception {
        URI at = host(HTTP, URI.create("http://localhost:0/pox/"));
        HttpResponse<String> r = post(at, "application/xml", "<Add xmlns=\"" + NS + "\"><n1>2</n1><n2>3</n2></Add>");
        assertEquals(200, r.statusCode());
        assertEquals("application/xml; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<AddResponse xmlns=\"" + NS + "\"><AddResult>5.0</AddResult></AddResponse>", r.body());
        HttpResponse<String> oneWay = post(at, "text/xml", "<Reset xmlns=\"" + NS + "\"><to>1</to></Reset>");
        assertEquals(202, oneWay.statusCode());
        assertEquals("", oneWay.body());
    }

    @Test
    void aServiceExceptionIsAPlainXmlFaultWithStatus500AndAFaultExceptionAtTheClient() throws Exception {
        URI at = host(HTTP, URI.create("http://localhost:0/pox/"));
        HttpResponse<String> r = post(at, "application/xml", "<Divide xmlns=\"" + NS + "\"><n1>1</n1><n2>0</n2>"
                + "</Divide>");
        assertEquals(500, r.statusCode());
        assertEquals("application/xml; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<Fault xmlns=\"" + NONE_NS + "\"><Code><Value>Receiver</Value><Subcode><Value"
                + " xmlns:a=\"http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher\">"
                + "a:InternalServiceFault</Value></Subcode></Code><Reason><Text xml:lang=\"en-US\">"
                + WcfText.SFxInternalServerError.format().replace("<", "&lt;").replace(">", "&gt;")
                + "</Text></Reason></Fault>", r.body());
        Calculator calc = client(HTTP, at, List.of());
        SOAPFaultException e = assertThrows(SOAPFaultException.class, () -> calc.divide(1, 0));
        assertEquals(WcfText.SFxInternalServerError.format(), e.getFault().getFaultString());
        assertEquals("InternalServiceFault", e.getFault().getFaultSubcodes().next().getLocalPart());
    }

    @Test
    void aPayloadNoOperationTakesIsAnsweredWithAFaultThatSaysWhatWasExpected() throws Exception {
        URI at = host(HTTP, URI.create("http://localhost:0/pox/"));
        HttpResponse<String> r = post(at, "application/xml", "<Multiply xmlns=\"" + NS + "\"/>");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().startsWith("<Fault xmlns=\"" + NONE_NS + "\"><Code><Value>Sender</Value><Subcode><Value"
                + " xmlns:a=\"http://schemas.microsoft.com/ws/2005/05/addressing/none\">a:ActionNotSupported</Value>"
                + "</Subcode></Code><Reason><Text xml:lang=\"en-US\">The message whose element {" + NS + "}Multiply is"
                + " not the request of any operation of contract 'ICalculator' at the receiver. With messageVersion"
                + " None a message has no action, so the operation is chosen by its body element, which must be one"
                + " of: {" + NS + "}Add, "), r.body());
        HttpResponse<String> empty = post(at, "application/xml", "");
        assertEquals(500, empty.statusCode());
        assertTrue(empty.body().contains("The message without a body element is not the request"), empty.body());
    }

    @Test
    void plainXmlRunsOverHttps(@TempDir Path dir) throws Exception {
        TlsSettings tls = TlsSettings.keyStore(SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost",
                "dns:localhost,ip:127.0.0.1"), SelfSignedKeyStore.PASSWORD);
        Binding https = CustomBinding.of("pox", POX, HttpsTransportBindingElement.defaults());
        ServiceDescription d = new ServiceDescription("Calc", Optional.empty(), List.of(URI.create(
                "https://localhost:0/pox/")), List.of(new ServiceEndpoint("", "", "customBinding", "pox", https,
                "ICalc", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty())));
        host = ServiceHost.builder(d).types(ServiceTypes.empty().map("Calc", CalculatorService.class)
                .map("ICalc", Calculator.class)).parameter(Scheduler.class, scheduler)
                .parameter(TlsSettings.class, tls).build();
        host.open();
        client = ClientFactory.builder(new ClientEndpoint("", host.endpoints().get(0).address(), "customBinding",
                "pox", https, "ICalc", Optional.empty(), Optional.empty(), List.of(), Optional.empty()),
                Calculator.class).parameter(Scheduler.class, scheduler).parameter(TlsSettings.class, tls).build();
        Calculator calc = client.createChannel();
        assertEquals(5.0, calc.add(2, 3));
        calc.reset(1);
        assertThrows(SOAPFaultException.class, () -> calc.divide(1, 0));
    }

    @Test
    void plainXmlRunsOverTheInMemoryTransport() {
        Binding inMemory = CustomBinding.of("pox", POX, InMemoryTransportBindingElement.requestReply());
        Calculator calc = client(inMemory, host(inMemory, URI.create("inmemory://localhost/pox")), List.of());
        assertEquals(5.0, calc.add(2, 3));
        assertEquals("<Add xmlns=\"" + NS + "\"><n1>2.0</n1><n2>3.0</n2></Add>", network.wire().get(0).envelope());
        assertThrows(SOAPFaultException.class, () -> calc.divide(1, 0));
    }

    /**
     * What {@code Add} fails with when a plain HTTP service answers every POST with {@code status} and {@code body}
     * as application/xml.
     */
    private <X extends Throwable> X addFailsAgainst(int status, String body, Class<X> failure) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            Calculator calc = client(HTTP, URI.create("http://localhost:" + server.getAddress().getPort() + "/"),
                    List.of());
            return assertThrows(failure, () -> calc.add(2, 3));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anEmptyReplyToARequestReplyCallFailsTheCallClearly() throws IOException {
        assertEquals("No response returned.", addFailsAgainst(200, "", WebServiceException.class).getMessage());
    }

    @Test
    void anErrorStatusWithAPayloadThatIsNoFault() throws IOException {
        ProtocolException e = addFailsAgainst(500, "<error>database down</error>", ProtocolException.class);
        assertEquals(WcfText.UnexpectedHttpResponseCode.format(500, "Internal Server Error"), e.getMessage());
        assertEquals("The remote server returned an error: (500) Internal Server Error. Its plain XML body is not"
                + " a fault: <error>database down</error>", e.getCause().getMessage());
    }

    @Test
    void aRequestReplyCallOverADuplexSessionWithoutAddressingFailsClearly() {
        Binding sessions = CustomBinding.of("pox", POX, InMemoryTransportBindingElement.duplexSession());
        Calculator calc = client(sessions, host(sessions, URI.create("inmemory://localhost/pox")), List.of());
        assertEquals(ChannelShape.DUPLEX_SESSION, client.shape());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> calc.add(2, 3));
        assertTrue(e.getMessage().startsWith("A request/reply call over a duplex channel needs WS-Addressing"),
                e.getMessage());
    }

    @Test
    void aClientEndpointWithAddressHeadersIsRefusedByName() {
        AddressHeader header = new AddressHeader("Tenant", "urn:t", "<Tenant xmlns=\"urn:t\">a</Tenant>");
        UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class,
                () -> client(HTTP, URI.create("http://localhost:1/pox/"), List.of(header)));
        assertTrue(e.getMessage().contains("Envelope Version 'EnvelopeNone"
                + " (http://schemas.microsoft.com/ws/2005/05/envelope/none)' does not support adding Message"
                + " Headers."), e.getMessage());
    }
}

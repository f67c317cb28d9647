package io.github.wcf4j.runtime.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.encoding.binary.GoldenVectors;
import io.github.wcf4j.runtime.encoding.binary.MultiByteInt31;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * net.tcp on the wire against real WCF's bytes (pynettcp's {@code framing_none.json}: a stock WCF client and service,
 * netTcpBinding security None): the service reads the WCF client's exact byte stream and answers with exactly what the
 * WCF service sent; the client sends exactly what the WCF client sent; framing faults reach a raw client.
 */
class TcpWireTest {
    private static final Duration T = Duration.ofMinutes(1);
    private static final String ECHO = "urn:DemoService/IDemoService/Echo";
    private static final String ID1 = "urn:uuid:c92b8486-cefb-4201-8a89-22bcd24b699e";
    private static final String ID2 = "urn:uuid:e044fcf2-f6e9-49db-b548-c629bfda2cc7";
    private static final int PREAMBLE = 39;
    private final ManualScheduler clock = new ManualScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened = new ArrayList<>();
    private final CustomBinding netTcpNone = CustomBinding.of("netTcpNone",
            BinaryMessageEncodingBindingElement.defaults(), TcpTransportBindingElement.defaults());

    @AfterEach
    void abortAll() {
        opened.forEach(CommunicationObject::abort);
        clock.runPending();
    }

    /** A listener at {@code /Demo} on an ephemeral port. */
    private ChannelListener<DuplexSessionChannel> listen() {
        ChannelListener<DuplexSessionChannel> l = builder.buildListener(netTcpNone, ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("net.tcp://localhost:0/Demo"))));
        opened.add(l);
        await(l.open(T));
        return l;
    }

    private static Message reply(String relatesTo, String text) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO + "Response",
                new XmlFragment("<EchoResponse xmlns=\"urn:DemoService\"><EchoResult>" + text
                        + "</EchoResult></EchoResponse>"));
        m.headers().relatesTo(relatesTo).to(EndpointAddress.ANONYMOUS);
        return m;
    }

    @Test
    void theServiceReadsAWcfClientsSessionAndAnswersByteForByteAsTheWcfServiceDid() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listen();
        byte[] c2s = GoldenVectors.hex("pynettcp-framing-none.c2s.hex");
        byte[] s2c = GoldenVectors.hex("pynettcp-framing-none.s2c.hex");
        int request1 = PREAMBLE + 3 + 163;
        int request2 = request1 + 2 + 73;
        int reply1 = 1 + 3 + 148;
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            OutputStream out = raw.getOutputStream();
            DataInputStream in = new DataInputStream(raw.getInputStream());
            // the capture's Via names port 8898; the service routes by path, as WCF's host-name matching allows
            out.write(withVia(Arrays.copyOfRange(c2s, 0, PREAMBLE), listener.uri()));
            assertEquals(0x0B, in.readUnsignedByte(), "PreambleAck");
            DuplexSessionChannel service = await(listener.acceptChannel(T)).orElseThrow();
            opened.add(service);
            await(service.open(T));
            out.write(Arrays.copyOfRange(c2s, PREAMBLE, request1));
            Message first = await(service.receive(T)).orElseThrow();
            assertEquals(ECHO, first.headers().action());
            assertEquals(ID1, first.headers().messageId());
            assertEquals("<Echo xmlns=\"urn:DemoService\"><text>hello0</text></Echo>", first.body().xml());
            await(service.send(reply(ID1, "hello0"), T));
            assertArrayEquals(Arrays.copyOfRange(s2c, 1, reply1), readBytes(in, reply1 - 1));
            out.write(Arrays.copyOfRange(c2s, request1, request2));
            assertEquals(ID2, await(service.receive(T)).orElseThrow().headers().messageId());
            await(service.send(reply(ID2, "hello1"), T));
            assertArrayEquals(Arrays.copyOfRange(s2c, reply1, s2c.length - 1), readBytes(in, s2c.length - 1 - reply1));
            out.write(0x07);
            assertEquals(Optional.empty(), await(service.receive(T)), "End ends the service's input");
            await(service.close(T));
            assertEquals(0x07, in.readUnsignedByte(), "End answered with End");
            // the connection now awaits the next preamble, as WCF's demuxer does for a client's pooled connection
            out.write(withVia(Arrays.copyOfRange(c2s, 0, PREAMBLE), listener.uri()));
            assertEquals(0x0B, in.readUnsignedByte(), "a second session on the same connection");
            DuplexSessionChannel second = await(listener.acceptChannel(T)).orElseThrow();
            opened.add(second);
            await(second.open(T));
            // a new session: a new dictionary, so WCF's first request (which defines its strings) reads again
            out.write(Arrays.copyOfRange(c2s, PREAMBLE, request1));
            assertEquals(ID1, await(second.receive(T)).orElseThrow().headers().messageId());
        }
    }

    @Test
    void aSessionThatEndedGracefullyLeavesItsConnectionToTheNextSessionOfTheFactory() {
        ChannelListener<DuplexSessionChannel> listener = listen();
        ChannelFactory<DuplexSessionChannel> factory = builder.buildFactory(netTcpNone, ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock));
        opened.add(factory);
        await(factory.open(T));
        TcpDuplexSessionChannel first = (TcpDuplexSessionChannel) factory.createChannel(
                EndpointAddress.of(listener.uri()));
        opened.add(first);
        await(first.open(T));
        DuplexSessionChannel service = await(listener.acceptChannel(T)).orElseThrow();
        opened.add(service);
        await(service.open(T));
        Message hello = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>one</text></Echo>"));
        await(first.send(hello, T));
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>one</text></Echo>",
                await(service.receive(T)).orElseThrow().body().xml());
        CompletableFuture<Void> closing = first.close(T);
        assertEquals(Optional.empty(), await(service.receive(T)));
        assertEquals(false, closing.isDone(), "the client's close awaits the service's End");
        await(service.close(T));
        await(closing);
        io.netty.channel.Channel connection = first.connection();
        TcpDuplexSessionChannel second = (TcpDuplexSessionChannel) factory.createChannel(
                EndpointAddress.of(listener.uri()));
        opened.add(second);
        await(second.open(T));
        assertSame(connection, second.connection(), "the pooled connection");
        DuplexSessionChannel service2 = await(listener.acceptChannel(T)).orElseThrow();
        opened.add(service2);
        await(service2.open(T));
        assertEquals(second.session().id(), service2.session().id());
        assertNotEquals(first.session().id(), second.session().id());
        await(second.send(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>two</text></Echo>")), T));
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>two</text></Echo>",
                await(service2.receive(T)).orElseThrow().body().xml());
    }

    @Test
    void theClientWritesWhatTheWcfClientWrote() throws Exception {
        byte[] c2s = GoldenVectors.hex("pynettcp-framing-none.c2s.hex");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            URI via = URI.create("net.tcp://localhost:" + server.getLocalPort() + "/Demo");
            ChannelFactory<DuplexSessionChannel> factory = builder.buildFactory(netTcpNone,
                    ChannelType.DUPLEX_SESSION, new BindingParameters().put(Scheduler.class, clock));
            opened.add(factory);
            await(factory.open(T));
            DuplexSessionChannel client = factory.createChannel(
                    EndpointAddress.of("net.tcp://localhost:8898/Demo"), via);
            opened.add(client);
            CompletableFuture<Void> opening = client.open(T);
            try (Socket raw = server.accept()) {
                raw.setSoTimeout(30_000);
                DataInputStream in = new DataInputStream(raw.getInputStream());
                byte[] expectedPreamble = withVia(Arrays.copyOfRange(c2s, 0, PREAMBLE), via);
                assertArrayEquals(expectedPreamble, readBytes(in, expectedPreamble.length));
                raw.getOutputStream().write(0x0B);
                await(opening);
                Message request = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                        new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>hello0</text></Echo>"));
                request.headers().messageId(ID1).replyTo(EndpointAddress.ANONYMOUS);
                await(client.send(request, T));
                assertArrayEquals(Arrays.copyOfRange(c2s, PREAMBLE, PREAMBLE + 3 + 163), readBytes(in, 3 + 163));
                CompletableFuture<Void> closing = client.close(T);
                assertEquals(0x07, in.readUnsignedByte());
                clock.runPending();
                assertEquals(false, closing.isDone(), "the close awaits the service's End");
                raw.getOutputStream().write(0x07);
                await(closing);
                assertEquals(CommunicationState.Closed, client.state());
            }
        }
    }

    /** A client session opened against a raw server socket that acknowledged its preamble. */
    private record RawSession(ServerSocket server, Socket raw, DataInputStream in, DuplexSessionChannel client)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            raw.close();
            server.close();
        }
    }

    private RawSession rawSession() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(30_000);
        URI via = URI.create("net.tcp://localhost:" + server.getLocalPort() + "/Demo");
        ChannelFactory<DuplexSessionChannel> factory = builder.buildFactory(netTcpNone, ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock));
        opened.add(factory);
        await(factory.open(T));
        DuplexSessionChannel client = factory.createChannel(EndpointAddress.of(via));
        opened.add(client);
        CompletableFuture<Void> opening = client.open(T);
        Socket raw = server.accept();
        raw.setSoTimeout(30_000);
        DataInputStream in = new DataInputStream(raw.getInputStream());
        readBytes(in, PREAMBLE - "net.tcp://localhost:8898/Demo".length() + via.toString().length());
        raw.getOutputStream().write(0x0B);
        await(opening);
        return new RawSession(server, raw, in, client);
    }

    @Test
    void aCloseWhoseEndIsNeverAnsweredTimesOutWithWcfsTextAndAbortsTheConnection() throws Exception {
        try (RawSession s = rawSession()) {
            Duration timeout = Duration.ofSeconds(10);
            CompletableFuture<Void> closing = s.client().close(timeout);
            assertEquals(0x07, s.in().readUnsignedByte(), "End");
            awaitTimers(1);
            clock.advanceBy(timeout.minusMillis(1));
            assertEquals(false, closing.isDone(), "still awaiting the peer's End");
            clock.advanceBy(Duration.ofMillis(1));
            Throwable e = failure(closing);
            assertInstanceOf(CommunicationTimeoutException.class, e);
            assertEquals(WcfText.TimeoutOnClose.format("00:00:10"), e.getMessage());
            assertEquals(-1, s.in().read(), "the connection is aborted");
            assertEquals(CommunicationState.Closed, s.client().state());
        }
    }

    @Test
    void aMessageInsteadOfTheAwaitedEndFailsTheCloseWithWcfsText() throws Exception {
        byte[] s2c = GoldenVectors.hex("pynettcp-framing-none.s2c.hex");
        try (RawSession s = rawSession()) {
            CompletableFuture<Void> closing = s.client().close(T);
            assertEquals(0x07, s.in().readUnsignedByte(), "End");
            s.raw().getOutputStream().write(Arrays.copyOfRange(s2c, 1, 1 + 3 + 148)); // WCF's first reply
            Throwable e = failure(closing);
            assertInstanceOf(ProtocolException.class, e);
            assertEquals(WcfText.ReceiveShutdownReturnedMessage.format(ECHO + "Response"), e.getMessage());
            assertEquals(-1, s.in().read(), "the connection is aborted");
        }
    }

    @Test
    void aPeerThatClosesTheConnectionInsteadOfAnsweringEndEndsTheCloseAsMonoDoes() throws Exception {
        try (RawSession s = rawSession()) {
            CompletableFuture<Void> closing = s.client().close(T);
            assertEquals(0x07, s.in().readUnsignedByte(), "End");
            s.raw().shutdownOutput(); // no End: the end of the stream, at a record boundary
            await(closing);
            assertEquals(CommunicationState.Closed, s.client().state());
            assertEquals(-1, s.in().read(), "the connection is closed, not pooled");
        }
    }

    @Test
    void aViaNobodyListensAtGetsTheEndpointNotFoundFaultAndTheClientWcfsText() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listen();
        URI elsewhere = URI.create("net.tcp://localhost:" + listener.uri().getPort() + "/nobody-here");
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            raw.getOutputStream().write(withVia(Arrays.copyOfRange(GoldenVectors.hex(
                    "pynettcp-framing-none.c2s.hex"), 0, PREAMBLE), elsewhere));
            byte[] fault = raw.getInputStream().readAllBytes();
            String uri = "http://schemas.microsoft.com/ws/2006/05/framing/faults/EndpointNotFound";
            assertEquals(0x08, fault[0]);
            assertEquals(uri, new String(fault, 2, fault[1], StandardCharsets.UTF_8));
        }
        ChannelFactory<DuplexSessionChannel> factory = builder.buildFactory(netTcpNone, ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock));
        opened.add(factory);
        await(factory.open(T));
        DuplexSessionChannel client = factory.createChannel(EndpointAddress.of(elsewhere));
        opened.add(client);
        Throwable e = failure(client.open(T));
        assertInstanceOf(EndpointNotFoundException.class, e);
        assertEquals(WcfText.EndpointNotFound.format(elsewhere), e.getMessage());
    }

    @Test
    void anUpgradeRequestToAServiceWithoutStreamSecurityIsFaultedUpgradeInvalid() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listen();
        byte[] preamble = withVia(Arrays.copyOfRange(GoldenVectors.hex("pynettcp-framing-none.c2s.hex"), 0,
                PREAMBLE), listener.uri());
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(preamble, 0, preamble.length - 1); // without PreambleEnd
        b.write(0x09);
        b.write(21);
        b.writeBytes("application/negotiate".getBytes(StandardCharsets.US_ASCII));
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            raw.getOutputStream().write(b.toByteArray());
            byte[] fault = raw.getInputStream().readAllBytes();
            assertEquals("http://schemas.microsoft.com/ws/2006/05/framing/faults/UpgradeInvalid",
                    new String(fault, 2, fault[1], StandardCharsets.UTF_8));
        }
    }

    @Test
    void aClientTalkingToAnHttpPortGetsWcfsMaybeHttpText() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            ChannelFactory<DuplexSessionChannel> factory = builder.buildFactory(netTcpNone,
                    ChannelType.DUPLEX_SESSION, new BindingParameters().put(Scheduler.class, clock));
            opened.add(factory);
            await(factory.open(T));
            DuplexSessionChannel client = factory.createChannel(EndpointAddress.of(
                    "net.tcp://localhost:" + server.getLocalPort() + "/x"));
            opened.add(client);
            CompletableFuture<Void> opening = client.open(T);
            try (Socket raw = server.accept()) {
                raw.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                Throwable e = failure(opening);
                assertInstanceOf(ProtocolException.class, e);
                assertEquals(WcfText.PreambleAckIncorrectMaybeHttp.format(), e.getMessage());
            }
        }
    }

    @Test
    void anEnvelopeThatIsNotBinaryXmlFaultsItsSessionAndTheListenerKeepsServing() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listen();
        byte[] preamble = withVia(Arrays.copyOfRange(GoldenVectors.hex("pynettcp-framing-none.c2s.hex"), 0,
                PREAMBLE), listener.uri());
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            raw.getOutputStream().write(preamble);
            assertEquals(0x0B, raw.getInputStream().read());
            DuplexSessionChannel service = await(listener.acceptChannel(T)).orElseThrow();
            opened.add(service);
            await(service.open(T));
            CompletableFuture<Optional<Message>> receiving = service.receive(T);
            // a session block claiming more strings than the envelope holds
            raw.getOutputStream().write(new byte[] {0x06, 0x03, 0x7f, 0x01, 0x41});
            assertInstanceOf(CommunicationException.class, failure(receiving));
            assertEquals(CommunicationState.Faulted, service.state());
            assertEquals(-1, raw.getInputStream().read(), "the connection is closed");
        }
        try (Socket again = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            again.setSoTimeout(30_000);
            again.getOutputStream().write(preamble);
            assertEquals(0x0B, again.getInputStream().read(), "the next client is served");
        }
    }

    @Test
    void aPreambleNotCompleteWithinChannelInitializationTimeoutIsCutOffWithoutAFault() throws Exception {
        ChannelListener<DuplexSessionChannel> listener = listen();
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            raw.getOutputStream().write(new byte[] {0x00, 0x01, 0x00, 0x01});
            raw.getOutputStream().flush();
            awaitTimers(1);
            clock.advanceBy(TcpTransportBindingElement.DEFAULT_CHANNEL_INITIALIZATION_TIMEOUT);
            assertEquals(-1, raw.getInputStream().read(), "closed, nothing sent");
        }
    }

    @Test
    void pastMaxPendingConnectionsTheServerAcceptsNoMoreUntilAPreambleEnds() throws Exception {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        TcpTransportBindingElement onePending = new TcpTransportBindingElement(false, d.maxBufferPoolSize(),
                d.maxReceivedMessageSize(), d.connectionBufferSize(), d.hostNameComparisonMode(),
                d.channelInitializationTimeout(), d.maxBufferSize(), 1, d.maxOutputDelay(), d.maxPendingAccepts(),
                d.transferMode(), d.listenBacklog(), false, false, d.connectionPoolSettings());
        ChannelListener<DuplexSessionChannel> listener = builder.buildListener(CustomBinding.of("one",
                BinaryMessageEncodingBindingElement.defaults(), onePending), ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("net.tcp://localhost:0/Demo"))));
        opened.add(listener);
        await(listener.open(T));
        byte[] preamble = withVia(Arrays.copyOfRange(GoldenVectors.hex("pynettcp-framing-none.c2s.hex"), 0,
                PREAMBLE), listener.uri());
        assertEquals(0, clock.pendingTimers(), "no timer before the first connection");
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort());
                Socket second = new Socket()) {
            first.setSoTimeout(30_000);
            awaitTimers(1); // the first connection reads its preamble: the server stops accepting
            second.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.uri().getPort()));
            second.setSoTimeout(30_000);
            second.getOutputStream().write(preamble); // waits in the backlog, unread
            first.getOutputStream().write(preamble);
            assertEquals(0x0B, first.getInputStream().read());
            TcpDuplexSessionChannel a = (TcpDuplexSessionChannel) await(listener.acceptChannel(T)).orElseThrow();
            opened.add(a);
            assertEquals(first.getLocalPort(), ((InetSocketAddress) a.connection().remoteAddress())
                    .getPort(), () -> "the first connection's session is accepted first; second local port "
                    + second.getLocalPort() + ", timers " + clock.pendingTimers());
            assertEquals(0x0B, second.getInputStream().read(), "then the second is accepted and read");
            TcpDuplexSessionChannel b = (TcpDuplexSessionChannel) await(listener.acceptChannel(T)).orElseThrow();
            opened.add(b);
            assertEquals(second.getLocalPort(), ((InetSocketAddress) b.connection().remoteAddress())
                    .getPort());
        }
    }

    @Test
    void aGzipSessionAnnouncesItsContentTypeAndRunsCompressed() throws Exception {
        CustomBinding gzip = CustomBinding.of("gzip", new BinaryMessageEncodingBindingElement(64, 16, 2048, "GZip",
                ReaderQuotas.defaults()), TcpTransportBindingElement.defaults());
        ChannelListener<DuplexSessionChannel> listener = builder.buildListener(gzip, ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("net.tcp://localhost:0/Demo"))));
        opened.add(listener);
        await(listener.open(T));
        ChannelFactory<DuplexSessionChannel> factory = builder.buildFactory(gzip, ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock));
        opened.add(factory);
        await(factory.open(T));
        DuplexSessionChannel client = factory.createChannel(EndpointAddress.of(listener.uri()));
        opened.add(client);
        await(client.open(T));
        DuplexSessionChannel service = await(listener.acceptChannel(T)).orElseThrow();
        opened.add(service);
        await(service.open(T));
        await(client.send(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>zipped</text></Echo>")), T));
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>zipped</text></Echo>",
                await(service.receive(T)).orElseThrow().body().xml());
        // the preamble names the compressed session type as an ExtensibleEncoding (04), as WCF's does
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            raw.setSoTimeout(30_000);
            DuplexSessionChannel probe = factory.createChannel(EndpointAddress.of(
                    "net.tcp://localhost:" + raw.getLocalPort() + "/Demo"));
            opened.add(probe);
            probe.open(T);
            try (Socket s = raw.accept()) {
                s.setSoTimeout(30_000);
                byte[] via = ("net.tcp://localhost:" + raw.getLocalPort() + "/Demo").getBytes(StandardCharsets.UTF_8);
                byte[] head = readBytes(s.getInputStream(), 7 + via.length + 2);
                assertEquals(0x04, head[7 + via.length]);
                String type = "application/soap+msbinsession1+gzip";
                assertEquals(type.length(), head[8 + via.length]);
                assertEquals(type, new String(readBytes(s.getInputStream(), type.length()), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aMessagePastTheSendersMaxBufferSizeIsRefusedWithWcfsTextAndEndsTheSession() {
        ChannelListener<DuplexSessionChannel> listener = listen();
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        TcpTransportBindingElement small = new TcpTransportBindingElement(false, d.maxBufferPoolSize(), 1000,
                d.connectionBufferSize(), d.hostNameComparisonMode(), d.channelInitializationTimeout(), 1000,
                d.maxPendingConnections(), d.maxOutputDelay(), d.maxPendingAccepts(), d.transferMode(),
                d.listenBacklog(), false, false, d.connectionPoolSettings());
        ChannelFactory<DuplexSessionChannel> factory = builder.buildFactory(CustomBinding.of("small",
                BinaryMessageEncodingBindingElement.defaults(), small), ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock));
        opened.add(factory);
        await(factory.open(T));
        DuplexSessionChannel client = factory.createChannel(EndpointAddress.of(listener.uri()));
        opened.add(client);
        await(client.open(T));
        Throwable e = failure(client.send(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>" + "x".repeat(2000) + "</text></Echo>")), T));
        assertInstanceOf(QuotaExceededException.class, e);
        assertEquals(WcfText.MaxSentMessageSizeExceeded.format(1000), e.getMessage());
        assertEquals(CommunicationState.Faulted, client.state());
    }

    /** Streamed transfer: maxBufferSize 1024, maxReceivedMessageSize 1 MiB, connectionBufferSize 4096. */
    private static CustomBinding streamed() {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        return CustomBinding.of("netTcpStreamed", BinaryMessageEncodingBindingElement.defaults(),
                new TcpTransportBindingElement(false, d.maxBufferPoolSize(), 1 << 20, 4096, d.hostNameComparisonMode(),
                        d.channelInitializationTimeout(), 1024, d.maxPendingConnections(), d.maxOutputDelay(),
                        d.maxPendingAccepts(), TransferMode.Streamed, d.listenBacklog(), false, false,
                        d.connectionPoolSettings()));
    }

    /** Reads an UnsizedEnvelope's chunks after its {@code 05}: their sizes, and the payload. */
    private static byte[] readUnsized(DataInputStream in, List<Integer> chunks) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        while (true) {
            int size = 0;
            for (int shift = 0;; shift += 7) {
                int b = in.readUnsignedByte();
                size |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (size == 0) {
                return payload.toByteArray();
            }
            chunks.add(size);
            payload.writeBytes(readBytes(in, size));
        }
    }

    @Test
    void aStreamedRequestLargerThanMaxBufferSizeTravelsAsUnsizedChunksAndItsReplyAlikeThenEndBothWays()
            throws Exception {
        ChannelListener<ReplyChannel> listener = builder.buildListener(streamed(), ChannelType.REPLY,
                new BindingParameters().put(Scheduler.class, clock).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("net.tcp://localhost:0/Up"))));
        opened.add(listener);
        await(listener.open(T));
        ReplyChannel service = await(listener.acceptChannel(T)).orElseThrow();
        opened.add(service);
        await(service.open(T));
        String big = "z".repeat(20_000); // past maxBufferSize (1024): buffered transfer would refuse it
        try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            relay.setSoTimeout(30_000);
            // the client talks to a raw socket first: what it writes, byte for byte
            URI via = URI.create("net.tcp://localhost:" + relay.getLocalPort() + "/Up");
            ChannelFactory<RequestChannel> factory = builder.buildFactory(streamed(), ChannelType.REQUEST,
                    new BindingParameters().put(Scheduler.class, clock));
            opened.add(factory);
            await(factory.open(T));
            RequestChannel client = factory.createChannel(EndpointAddress.of(via));
            opened.add(client);
            await(client.open(T));
            CompletableFuture<Message> pending = client.request(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10,
                    ECHO, new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>" + big + "</text></Echo>")), T);
            try (Socket raw = relay.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
                raw.setSoTimeout(30_000);
                upstream.setSoTimeout(30_000);
                DataInputStream in = new DataInputStream(raw.getInputStream());
                byte[] v = via.toString().getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream preamble = new ByteArrayOutputStream();
                preamble.writeBytes(new byte[] {0x00, 0x01, 0x00, 0x01, 0x01, 0x02, (byte) v.length});
                preamble.writeBytes(v);
                preamble.writeBytes(new byte[] {0x03, 0x07, 0x0c}); // msbin1: the sessionless encoding
                assertArrayEquals(preamble.toByteArray(), readBytes(in, preamble.size()), "singleton preamble");
                raw.getOutputStream().write(0x0B);
                assertEquals(0x05, in.readUnsignedByte(), "UnsizedEnvelope");
                List<Integer> chunks = new ArrayList<>();
                byte[] request = readUnsized(in, chunks);
                assertEquals(0x07, in.readUnsignedByte(), "End after the envelope");
                assertTrue(request.length > 20_000);
                assertEquals(4096, chunks.get(0), "chunks of connectionBufferSize");
                assertEquals(request.length, chunks.stream().mapToInt(Integer::intValue).sum());
                // the same request, from the raw side, to the wcf4j service (its Via: the service's)
                OutputStream up = upstream.getOutputStream();
                byte[] sv = listener.uri().toString().getBytes(StandardCharsets.UTF_8);
                up.write(new byte[] {0x00, 0x01, 0x00, 0x01, 0x01, 0x02, (byte) sv.length});
                up.write(sv);
                up.write(new byte[] {0x03, 0x07, 0x0c});
                DataInputStream upIn = new DataInputStream(upstream.getInputStream());
                assertEquals(0x0B, upIn.readUnsignedByte(), "PreambleAck");
                ByteArrayOutputStream exact = new ByteArrayOutputStream(); // chunks of 1000: not the client's
                exact.write(0x05);
                int at = 0;
                while (at < request.length) {
                    int n = Math.min(1000, request.length - at);
                    ByteArrayOutputStream size = new ByteArrayOutputStream();
                    MultiByteInt31.write(size, n);
                    exact.writeBytes(size.toByteArray());
                    exact.write(request, at, n);
                    at += n;
                }
                exact.write(0x00);
                exact.write(0x07);
                up.write(exact.toByteArray());
                RequestContext received = await(service.receiveRequest(T)).orElseThrow();
                assertEquals("<Echo xmlns=\"urn:DemoService\"><text>" + big + "</text></Echo>",
                        received.requestMessage().body().xml());
                await(received.reply(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO + "Response",
                        new XmlFragment("<EchoResponse xmlns=\"urn:DemoService\"><EchoResult>" + big
                                + "</EchoResult></EchoResponse>")), T));
                assertEquals(0x05, upIn.readUnsignedByte(), "the reply: UnsizedEnvelope");
                List<Integer> replyChunks = new ArrayList<>();
                byte[] reply = readUnsized(upIn, replyChunks);
                assertEquals(0x07, upIn.readUnsignedByte(), "End after the reply");
                assertEquals(4096, replyChunks.get(0));
                // the service's reply goes back to the wcf4j client as the service sent it
                raw.getOutputStream().write(0x05);
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                for (int i = 0, n; i < reply.length; i += n) {
                    n = Math.min(4096, reply.length - i);
                    MultiByteInt31.write(back, n);
                    back.write(reply, i, n);
                }
                back.write(0x00);
                back.write(0x07);
                raw.getOutputStream().write(back.toByteArray());
                Message answer = await(pending);
                assertEquals(ECHO + "Response", answer.headers().action());
                assertEquals("<EchoResponse xmlns=\"urn:DemoService\"><EchoResult>" + big
                        + "</EchoResult></EchoResponse>", answer.body().xml());
                // End both ways: the service's connection awaits the next preamble on the same socket
                up.write(new byte[] {0x00, 0x01, 0x00, 0x01, 0x01, 0x02, (byte) sv.length});
                up.write(sv);
                up.write(new byte[] {0x03, 0x07, 0x0c});
                assertEquals(0x0B, upIn.readUnsignedByte(), "a second request on the same connection");
            }
        }
    }

    @Test
    void aStreamedGzipRequestAnnouncesTheSessionlessCompressedTypeAndRunsCompressed() throws Exception {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        CustomBinding gzip = CustomBinding.of("gzipStreamed", new BinaryMessageEncodingBindingElement(64, 16, 2048,
                "GZip", ReaderQuotas.defaults()), new TcpTransportBindingElement(false, d.maxBufferPoolSize(),
                        d.maxReceivedMessageSize(), d.connectionBufferSize(), d.hostNameComparisonMode(),
                        d.channelInitializationTimeout(), d.maxBufferSize(), d.maxPendingConnections(),
                        d.maxOutputDelay(), d.maxPendingAccepts(), TransferMode.Streamed, d.listenBacklog(), false,
                        false, d.connectionPoolSettings()));
        ChannelListener<ReplyChannel> listener = builder.buildListener(gzip, ChannelType.REPLY,
                new BindingParameters().put(Scheduler.class, clock).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("net.tcp://localhost:0/Zip"))));
        opened.add(listener);
        await(listener.open(T));
        ReplyChannel service = await(listener.acceptChannel(T)).orElseThrow();
        opened.add(service);
        await(service.open(T));
        ChannelFactory<RequestChannel> factory = builder.buildFactory(gzip, ChannelType.REQUEST,
                new BindingParameters().put(Scheduler.class, clock));
        opened.add(factory);
        await(factory.open(T));
        RequestChannel client = factory.createChannel(EndpointAddress.of(listener.uri()));
        opened.add(client);
        await(client.open(T));
        CompletableFuture<Message> pending = client.request(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10,
                ECHO, new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>zipped</text></Echo>")), T);
        RequestContext received = await(service.receiveRequest(T)).orElseThrow();
        assertEquals("<Echo xmlns=\"urn:DemoService\"><text>zipped</text></Echo>",
                received.requestMessage().body().xml());
        await(received.reply(reply(received.requestMessage().headers().messageId(), "zipped"), T));
        assertEquals("<EchoResponse xmlns=\"urn:DemoService\"><EchoResult>zipped</EchoResult></EchoResponse>",
                await(pending).body().xml());
        // on the wire: the ExtensibleEncoding application/soap+msbin1+gzip, the envelope's chunks GZip
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            raw.setSoTimeout(30_000);
            RequestChannel probe = factory.createChannel(EndpointAddress.of(
                    "net.tcp://localhost:" + raw.getLocalPort() + "/Zip"));
            opened.add(probe);
            await(probe.open(T));
            probe.request(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                    new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>zipped</text></Echo>")), T);
            try (Socket s = raw.accept()) {
                s.setSoTimeout(30_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] via = ("net.tcp://localhost:" + raw.getLocalPort() + "/Zip").getBytes(StandardCharsets.UTF_8);
                byte[] head = readBytes(in, 7 + via.length + 2);
                assertEquals(0x01, head[4], "singleton-unsized mode");
                assertEquals(0x04, head[7 + via.length], "ExtensibleEncoding");
                String type = "application/soap+msbin1+gzip";
                assertEquals(type.length(), head[8 + via.length]);
                assertEquals(type, new String(readBytes(in, type.length()), StandardCharsets.UTF_8));
                assertEquals(0x0C, in.readUnsignedByte(), "PreambleEnd");
                s.getOutputStream().write(0x0B);
                assertEquals(0x05, in.readUnsignedByte());
                byte[] payload = readUnsized(in, new ArrayList<>());
                assertEquals(0x1f, payload[0] & 0xff, "GZip");
                assertEquals(0x8b, payload[1] & 0xff, "GZip");
            }
        }
    }

    @Test
    void aBufferedClientAtAStreamedListenerGetsTheUnsupportedModeFaultAndWcfsText() throws Exception {
        ChannelListener<ReplyChannel> listener = builder.buildListener(streamed(), ChannelType.REPLY,
                new BindingParameters().put(Scheduler.class, clock).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("net.tcp://localhost:0/Up"))));
        opened.add(listener);
        await(listener.open(T));
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            byte[] v = listener.uri().toString().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream duplex = new ByteArrayOutputStream();
            duplex.writeBytes(new byte[] {0x00, 0x01, 0x00, 0x01, 0x02, 0x02, (byte) v.length});
            duplex.writeBytes(v);
            duplex.writeBytes(new byte[] {0x03, 0x08, 0x0c});
            raw.getOutputStream().write(duplex.toByteArray());
            DataInputStream in = new DataInputStream(raw.getInputStream());
            assertEquals(0x08, in.readUnsignedByte(), "Fault");
            String fault = "http://schemas.microsoft.com/ws/2006/05/framing/faults/UnsupportedMode";
            assertEquals(fault.length(), in.readUnsignedByte());
            assertEquals(fault, new String(readBytes(in, fault.length()), StandardCharsets.UTF_8));
            assertEquals(-1, in.read(), "then closed");
        }
        ChannelFactory<DuplexSessionChannel> factory = builder.buildFactory(netTcpNone, ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, clock));
        opened.add(factory);
        await(factory.open(T));
        DuplexSessionChannel client = factory.createChannel(EndpointAddress.of(listener.uri()));
        opened.add(client);
        Throwable e = failure(client.open(T));
        assertInstanceOf(ProtocolException.class, e);
        assertEquals(WcfText.FramingModeNotSupportedFault.format(listener.uri()), e.getMessage());
    }

    @Test
    void aStreamedRequestStalledMidEnvelopeIsCutOffAfterTheReceiveTimeoutAndNothingIsDispatched() throws Exception {
        ChannelListener<ReplyChannel> listener = builder.buildListener(streamed(), ChannelType.REPLY,
                new BindingParameters().put(Scheduler.class, clock).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("net.tcp://localhost:0/Up"))));
        opened.add(listener);
        await(listener.open(T));
        ReplyChannel service = await(listener.acceptChannel(T)).orElseThrow();
        opened.add(service);
        await(service.open(T));
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            byte[] v = listener.uri().toString().getBytes(StandardCharsets.UTF_8);
            OutputStream out = raw.getOutputStream();
            out.write(new byte[] {0x00, 0x01, 0x00, 0x01, 0x01, 0x02, (byte) v.length});
            out.write(v);
            out.write(new byte[] {0x03, 0x07, 0x0c});
            DataInputStream in = new DataInputStream(raw.getInputStream());
            assertEquals(0x0B, in.readUnsignedByte(), "PreambleAck");
            out.write(new byte[] {0x05, 0x10, 0x56, 0x02}); // a chunk of 16 bytes announced, 2 sent: stalled
            awaitTimers(1);
            clock.advanceBy(Duration.ofMinutes(10).minusMillis(1)); // the binding's default receiveTimeout
            assertEquals(1, clock.pendingTimers(), "not yet");
            clock.advanceBy(Duration.ofMillis(1));
            assertEquals(-1, in.read(), "cut off");
            CompletableFuture<Optional<RequestContext>> nothing = service.receiveRequest(Duration.ofSeconds(1));
            clock.advanceBy(Duration.ofSeconds(1));
            assertInstanceOf(CommunicationTimeoutException.class, failure(nothing), "nothing was dispatched");
        }
    }

    @Test
    void aStreamedClientSendsItsNextRequestOnTheConnectionItsLastExchangeEndedOn() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            URI via = URI.create("net.tcp://localhost:" + server.getLocalPort() + "/Up");
            ChannelFactory<RequestChannel> factory = builder.buildFactory(streamed(), ChannelType.REQUEST,
                    new BindingParameters().put(Scheduler.class, clock));
            opened.add(factory);
            await(factory.open(T));
            RequestChannel client = factory.createChannel(EndpointAddress.of(via));
            opened.add(client);
            await(client.open(T));
            int preamble = 7 + via.toString().getBytes(StandardCharsets.UTF_8).length + 3;
            CompletableFuture<Message> first = client.request(echo("one"), T);
            try (Socket raw = server.accept()) {
                raw.setSoTimeout(30_000);
                DataInputStream in = new DataInputStream(raw.getInputStream());
                echoOneStreamedExchange(in, raw.getOutputStream(), preamble);
                assertEquals("<Echo xmlns=\"urn:DemoService\"><text>one</text></Echo>", await(first).body().xml());
                CompletableFuture<Message> second = client.request(echo("two"), T);
                echoOneStreamedExchange(in, raw.getOutputStream(), preamble); // the same socket: pooled
                assertEquals("<Echo xmlns=\"urn:DemoService\"><text>two</text></Echo>", await(second).body().xml());
            }
        }
    }

    private static Message echo(String text) {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"urn:DemoService\"><text>" + text + "</text></Echo>"));
    }

    /** As a raw service: reads a singleton preamble, acknowledges it, reads the request and End, echoes it back. */
    private static void echoOneStreamedExchange(DataInputStream in, OutputStream out, int preamble)
            throws IOException {
        assertEquals(0x01, readBytes(in, preamble)[4], "a singleton preamble");
        out.write(0x0B);
        assertEquals(0x05, in.readUnsignedByte());
        byte[] request = readUnsized(in, new ArrayList<>());
        assertEquals(0x07, in.readUnsignedByte(), "End");
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.write(0x05);
        MultiByteInt31.write(reply, request.length);
        reply.writeBytes(request);
        reply.write(0x00);
        reply.write(0x07);
        out.write(reply.toByteArray());
    }

    /** Waits (bounded) until the I/O threads have armed {@code n} timers on the clock. */
    private void awaitTimers(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (clock.pendingTimers() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(n, clock.pendingTimers());
    }

    /** {@code preamble} (Version, Mode, Via, KnownEncoding, PreambleEnd) with another Via. */
    private static byte[] withVia(byte[] preamble, URI via) {
        byte[] v = via.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(preamble, 0, 6);
        b.write(v.length);
        b.writeBytes(v);
        int oldLength = preamble[6];
        b.write(preamble, 7 + oldLength, preamble.length - 7 - oldLength);
        return b.toByteArray();
    }

    private static byte[] readBytes(InputStream in, int n) throws IOException {
        byte[] b = new DataInputStream(in).readNBytes(n);
        assertEquals(n, b.length, "the connection ended early");
        return b;
    }

    private <T> T await(CompletableFuture<T> f) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!f.isDone() && System.nanoTime() < deadline) {
            clock.runPending();
            try {
                f.get(10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // keep driving the clock's queue, or rethrown by join below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        clock.runPending();
        return Futures.join(f);
    }

    private Throwable failure(CompletableFuture<?> f) {
        try {
            await(f);
        } catch (RuntimeException e) {
            return Futures.unwrap(e);
        }
        throw new AssertionError("expected a failure");
    }
}

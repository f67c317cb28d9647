package io.github.wcf4j.runtime.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.encoding.BinaryMessageEncoder;
import io.github.wcf4j.runtime.encoding.binary.MultiByteInt31;
import io.github.wcf4j.runtime.message.BodyWriter;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.HeldBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.XMLStreamWriter2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StreamedTcpWireTest} with {@code compressionFormat} GZip and Deflate: the singleton preamble announces
 * {@code application/soap+msbin1+gzip|+deflate} as an ExtensibleEncoding record ({@code 04}), and the data chunks of
 * {@code connectionBufferSize} between {@code 05} and {@code 00} carry one valid GZip member / raw Deflate stream
 * whose decompressed bytes are the NBFX envelope with the body's Bytes records, both from the client and in the
 * service's reply; the service delivers a compressed request once its headers are in and decompresses its body as it
 * is read.
 */
class StreamedCompressedTcpWireTest {
    private static final Duration T = Duration.ofMinutes(1);
    private static final String UPLOAD = "urn:t/IFiles/Upload";
    private static final int CHUNK = 4096;
    private static final int LENGTH = 300_000;
    private final ManualScheduler clock = new ManualScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened = new ArrayList<>();
    private final HeldBytes held = new HeldBytes();

    @AfterEach
    void abortAll() {
        opened.forEach(CommunicationObject::abort);
        clock.runPending();
    }

    private static BinaryMessageEncodingBindingElement encoding(String format) {
        return new BinaryMessageEncodingBindingElement(64, 16, 2048, format, ReaderQuotas.defaults());
    }

    /** Streamed, compressed: maxBufferSize 1024, maxReceivedMessageSize 1 MiB, connectionBufferSize 4096. */
    private static CustomBinding streamed(String format) {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        return CustomBinding.of("netTcpStreamed", encoding(format),
                new TcpTransportBindingElement(false, d.maxBufferPoolSize(), 1 << 20, CHUNK,
                        d.hostNameComparisonMode(), d.channelInitializationTimeout(), 1024,
                        d.maxPendingConnections(), d.maxOutputDelay(), d.maxPendingAccepts(), TransferMode.Streamed,
                        d.listenBacklog(), false, false, d.connectionPoolSettings()));
    }

    private static String contentType(String format) {
        return "application/soap+msbin1+" + format.toLowerCase(Locale.ROOT);
    }

    static byte[] data() {
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + (i >>> 7));
        }
        return b;
    }

    private static BodyWriter upload(byte[] data) {
        return w -> {
            w.writeStartElement("", "Upload", "urn:t");
            w.writeDefaultNamespace("urn:t");
            w.writeStartElement("", "data", "urn:t");
            for (int at = 0; at < data.length; at += 49_152) {
                ((XMLStreamWriter2) w).writeBinary(data, at, Math.min(49_152, data.length - at));
            }
            w.writeEndElement();
            w.writeEndElement();
        };
    }

    private static String uploadXml(byte[] data) {
        return "<Upload xmlns=\"urn:t\"><data>" + Base64.getEncoder().encodeToString(data) + "</data></Upload>";
    }

    /** The singleton preamble a client writes for {@code via}, its encoding an ExtensibleEncoding record. */
    private static byte[] preamble(URI via, String format) {
        byte[] v = via.toString().getBytes(StandardCharsets.UTF_8);
        byte[] ct = contentType(format).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x00, 0x01, 0x00, 0x01, 0x01, 0x02, (byte) v.length});
        b.writeBytes(v);
        b.writeBytes(new byte[] {0x04, (byte) ct.length});
        b.writeBytes(ct);
        b.write(0x0c);
        return b.toByteArray();
    }

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
            payload.writeBytes(in.readNBytes(size));
        }
    }

    private static void assertChunked(List<Integer> chunks, int total) {
        assertEquals(total, chunks.stream().mapToInt(Integer::intValue).sum());
        assertTrue(chunks.size() > 1, "several chunks");
        for (int i = 0; i < chunks.size() - 1; i++) {
            assertEquals(CHUNK, chunks.get(i), "chunk " + i);
        }
        assertTrue(chunks.get(chunks.size() - 1) <= CHUNK);
    }

    /** One whole GZip member (header {@code 1f 8b 08}, trailer checked) or raw Deflate stream, decompressed. */
    private static byte[] inflate(String format, byte[] payload) throws IOException {
        if (format.equals("GZip")) {
            assertEquals("1f8b08", HexFormat.of().formatHex(payload, 0, 3), "a GZip member");
            try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(payload))) {
                return z.readAllBytes();
            }
        }
        Inflater raw = new Inflater(true);
        try (InputStream z = new InflaterInputStream(new ByteArrayInputStream(payload), raw)) {
            byte[] plain = z.readAllBytes();
            assertTrue(raw.finished(), "a whole Deflate stream (its last block final)");
            assertEquals(0, raw.getRemaining(), "nothing after it");
            return plain;
        }
    }

    /** The NBFX envelope holds {@code data} as Bytes16 records of 49152 bytes ({@code A0 00 C0}), as WCF writes it. */
    private static void assertBytesRecords(byte[] nbfx, byte[] data) {
        String hex = HexFormat.of().formatHex(nbfx);
        for (int at = 0; at + 49_152 <= data.length; at += 49_152) {
            assertTrue(hex.contains("a000c0" + HexFormat.of().formatHex(data, at, at + 16)), "Bytes16 at " + at);
        }
    }

    /** Reads the base64 text whole (the default quotas would leave a text this long unread). */
    private static BinaryMessageEncoder reader() {
        return new BinaryMessageEncoder(new BinaryMessageEncodingBindingElement(64, 16, 2048, "None",
                new ReaderQuotas(32, Integer.MAX_VALUE, 16384, 4096, 16384)));
    }

    private static byte[] streamedPart(Message m) throws XMLStreamException {
        XMLStreamReader2 r = (XMLStreamReader2) m.streamedBody().orElseThrow().readerAtBodyContents();
        assertEquals("Upload", r.getLocalName());
        r.nextTag();
        assertEquals("data", r.getLocalName());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        while ((n = r.readElementAsBinary(b, 0, b.length)) >= 0) {
            all.write(b, 0, n);
        }
        return all.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZip", "Deflate"})
    void theClientWritesACompressedStreamedBodyAsUnsizedChunksOfOneCompressedStream(String format)
            throws Exception {
        byte[] data = data();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            URI via = URI.create("net.tcp://localhost:" + server.getLocalPort() + "/Up");
            ChannelFactory<RequestChannel> factory = builder.buildFactory(streamed(format), ChannelType.REQUEST,
                    new BindingParameters().put(Scheduler.class, clock).put(HeldBytes.class, held));
            opened.add(factory);
            await(factory.open(T));
            RequestChannel client = factory.createChannel(EndpointAddress.of(via));
            opened.add(client);
            await(client.open(T));
            CompletableFuture<Message> pending = CompletableFuture.supplyAsync(() -> client.request(Message.create(
                    MessageVersion.SOAP12_WS_ADDRESSING10, UPLOAD, upload(data)), T)).thenCompose(f -> f);
            try (Socket raw = server.accept()) {
                raw.setSoTimeout(30_000);
                DataInputStream in = new DataInputStream(raw.getInputStream());
                byte[] expected = preamble(via, format);
                assertArrayEquals(expected, in.readNBytes(expected.length), "singleton preamble, extensible");
                raw.getOutputStream().write(0x0B);
                assertEquals(0x05, in.readUnsignedByte(), "UnsizedEnvelope");
                List<Integer> chunks = new ArrayList<>();
                byte[] request = readUnsized(in, chunks);
                assertEquals(0x07, in.readUnsignedByte(), "End after the terminator");
                assertChunked(chunks, request.length);
                byte[] nbfx = inflate(format, request);
                assertTrue(request.length < nbfx.length, "compressed");
                assertBytesRecords(nbfx, data);
                Message read = reader().read(nbfx, 0, nbfx.length);
                assertEquals(UPLOAD, read.headers().action());
                assertEquals(uploadXml(data), read.body().xml());
                // a compressed reply of one chunk, then End
                byte[] reply = new BinaryMessageEncoder(encoding(format)).write(Message.create(
                        MessageVersion.SOAP12_WS_ADDRESSING10, UPLOAD + "Response",
                        new XmlFragment("<UploadResponse xmlns=\"urn:t\"/>")), contentType(format));
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                back.write(0x05);
                MultiByteInt31.write(back, reply.length);
                back.writeBytes(reply);
                back.write(0x00);
                back.write(0x07);
                raw.getOutputStream().write(back.toByteArray());
                assertEquals("<UploadResponse xmlns=\"urn:t\"></UploadResponse>", await(pending).body().xml());
            }
        }
        assertTrue(held.peak() > 0 && held.peak() <= 3 * CHUNK, "held " + held.peak()
                + ": the chunk being filled and the one being written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZip", "Deflate"})
    void theServiceReadsACompressedRequestAsItArrivesAndWritesACompressedStreamedReply(String format)
            throws Exception {
        byte[] data = data();
        ChannelListener<ReplyChannel> listener = builder.buildListener(streamed(format), ChannelType.REPLY,
                new BindingParameters().put(Scheduler.class, clock).put(HeldBytes.class, held)
                        .put(ListenAddress.class, ListenAddress.explicit(URI.create("net.tcp://localhost:0/Up"))));
        opened.add(listener);
        await(listener.open(T));
        ReplyChannel service = await(listener.acceptChannel(T)).orElseThrow();
        opened.add(service);
        await(service.open(T));
        BinaryMessageEncoder encoder = new BinaryMessageEncoder(encoding(format));
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.uri().getPort())) {
            raw.setSoTimeout(30_000);
            OutputStream out = raw.getOutputStream();
            DataInputStream in = new DataInputStream(raw.getInputStream());
            out.write(preamble(listener.uri(), format));
            assertEquals(0x0B, in.readUnsignedByte(), "PreambleAck");
            byte[] request = encoder.write(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, UPLOAD,
                    upload(data)), contentType(format));
            assertTrue(request.length > 1024, "compressed past maxBufferSize: " + request.length);
            ByteArrayOutputStream framed = new ByteArrayOutputStream();
            framed.write(0x05);
            for (int at = 0; at < request.length; at += 1000) {
                int n = Math.min(1000, request.length - at);
                MultiByteInt31.write(framed, n);
                framed.write(request, at, n);
            }
            framed.write(0x00);
            framed.write(0x07);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    out.write(framed.toByteArray());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            RequestContext received = await(service.receiveRequest(T)).orElseThrow();
            assertTrue(received.requestMessage().streamedBody().isPresent(), "delivered with its body arriving");
            assertArrayEquals(data, streamedPart(received.requestMessage()));
            await(sending);
            CompletableFuture<Void> replied = CompletableFuture.supplyAsync(() -> received.reply(Message.create(
                    MessageVersion.SOAP12_WS_ADDRESSING10, UPLOAD + "Response", upload(data)), T))
                    .thenCompose(f -> f);
            assertEquals(0x05, in.readUnsignedByte(), "the reply: UnsizedEnvelope");
            List<Integer> chunks = new ArrayList<>();
            byte[] reply = readUnsized(in, chunks);
            assertEquals(0x07, in.readUnsignedByte(), "End after the reply");
            await(replied);
            assertChunked(chunks, reply.length);
            byte[] nbfx = inflate(format, reply);
            assertBytesRecords(nbfx, data);
            assertEquals(uploadXml(data), reader().read(nbfx, 0, nbfx.length).body().xml());
            out.write(preamble(listener.uri(), format));
            assertEquals(0x0B, in.readUnsignedByte(), "a second request on the same connection");
        }
        assertTrue(held.peak() > 0 && held.peak() <= 512 * 1024, "held " + held.peak());
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
}

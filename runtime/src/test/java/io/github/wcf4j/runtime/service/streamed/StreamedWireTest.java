package io.github.wcf4j.runtime.service.streamed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.HttpBindingSettings;
import io.github.wcf4j.binding.standard.WsMessageEncoding;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.Scheduler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streamed transfer on the wire, byte for byte: WCF's {@code StreamFormatter} bodies (the operation's wrapper, the
 * part holding base64) in SOAP 1.1 envelopes of basicHttpBinding, sent with {@code Transfer-Encoding: chunked} in each
 * streamed direction and with {@code Content-Length} in a buffered one, from the service (a raw client talks to a
 * hosted service) and from the client (a proxy talks to a raw server).
 */
class StreamedWireTest {
    static final String SOAP11 = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>";
    static final String END = "</s:Body></s:Envelope>";
    static final String UPLOAD = SOAP11 + "<Upload xmlns=\"http://tempuri.org/\"><data>AAEC</data></Upload>" + END;
    static final String UPLOADED = SOAP11 + "<UploadResponse xmlns=\"http://tempuri.org/\"><UploadResult>3</UploadResult>"
            + "</UploadResponse>" + END;
    static final String DOWNLOAD = SOAP11 + "<Download xmlns=\"http://tempuri.org/\"><length>4</length></Download>" + END;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ExecutorService rawServer = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        rawServer.shutdownNow();
    }

    private static String downloaded(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = GeneratedStream.at(i);
        }
        return SOAP11 + "<DownloadResponse xmlns=\"http://tempuri.org/\"><DownloadResult>"
                + Base64.getEncoder().encodeToString(b) + "</DownloadResult></DownloadResponse>" + END;
    }

    private URI host(TransferMode mode) {
        return StreamedTransferTest.host(StreamedTransferTest.basic(mode, 65_536), opened);
    }

    private FileTransfer client(URI at, TransferMode mode) {
        return StreamedTransferTest.client(at, StreamedTransferTest.basic(mode, 65_536), opened);
    }

    private static String head(URI at, String action, boolean chunked) {
        return "POST " + at.getPath() + " HTTP/1.1\r\nHost: " + at.getAuthority() + "\r\n"
                + "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \"http://tempuri.org/IFileTransfer/" + action
                + "\"\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n" : "");
    }

    /** A raw client's request to a hosted service and the service's response. */
    private static RawHttp.Message exchange(URI at, String action, String envelope, boolean chunked)
            throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), at.getPort())) {
            if (chunked) {
                int third = envelope.length() / 3;
                RawHttp.writeChunked(s.getOutputStream(), head(at, action, true), envelope.substring(0, third),
                        envelope.substring(third, 2 * third), envelope.substring(2 * third));
            } else {
                RawHttp.write(s.getOutputStream(), head(at, action, false), envelope);
            }
            return RawHttp.read(s.getInputStream());
        }
    }

    @Test
    void aStreamedServiceReadsAChunkedStreamRequestAndAnswersChunked() throws IOException {
        RawHttp.Message r = exchange(host(TransferMode.Streamed), "Upload", UPLOAD, true);
        assertEquals("HTTP/1.1 200 OK", r.startLine());
        assertTrue(r.chunked());
        assertNull(r.header("Content-Length"));
        assertEquals("text/xml; charset=utf-8", r.header("Content-Type"));
        assertEquals(UPLOADED, r.text());
    }

    /** .NET's {@code HttpWebRequest} sends {@code Expect: 100-continue} with a POST by default and waits for it. */
    @Test
    void aStreamedRequestThatExpects100ContinueGetsIt() throws IOException {
        URI at = host(TransferMode.Streamed);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), at.getPort())) {
            s.getOutputStream().write((head(at, "Upload", true) + "Expect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            RawHttp.Message proceed = RawHttp.read(s.getInputStream());
            assertEquals("HTTP/1.1 100 Continue", proceed.startLine());
            RawHttp.writeChunked(s.getOutputStream(), "", UPLOAD);
            RawHttp.Message r = RawHttp.read(s.getInputStream());
            assertEquals("HTTP/1.1 200 OK", r.startLine());
            assertEquals(UPLOADED, r.text());
        }
    }

    @Test
    void headersPastMaxBufferSizeAreRefusedAsWcfsStreamedEncoderRefusesThem() throws IOException {
        HttpBindingSettings http = new HttpBindingSettings(false, false, HostNameComparisonMode.StrongWildcard,
                524_288L, 65_536, OptionalInt.of(1024), WsMessageEncoding.Text, null, StandardCharsets.UTF_8,
                TransferMode.Streamed, true, ReaderQuotas.defaults());
        URI at = StreamedTransferTest.host(new BasicHttpBinding("", BindingTimeouts.defaults(), http,
                BasicHttpBinding.defaultSecurity()), opened);
        assertEquals(UPLOADED, exchange(at, "Upload", UPLOAD, true).text());
        String header = "<s:Header><h xmlns=\"urn:h\">" + "x".repeat(2000) + "</h></s:Header>";
        RawHttp.Message r = exchange(at, "Upload", UPLOAD.replace("<s:Body>", header + "<s:Body>"), true);
        assertEquals("HTTP/1.1 400 Bad Request", r.startLine());
    }

    @Test
    void aStreamedServiceWritesAStreamResultAsBase64InItsPartChunked() throws IOException {
        RawHttp.Message r = exchange(host(TransferMode.Streamed), "Download", DOWNLOAD, false);
        assertTrue(r.chunked());
        assertEquals(downloaded(4), r.text());
    }

    @Test
    void aStreamedClientSendsTheStreamChunkedAndReadsAChunkedResult() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI at = URI.create("http://localhost:" + server.getLocalPort() + "/files");
            Future<RawHttp.Message> request = answerOnce(server, UPLOADED, true);
            FileTransfer proxy = client(at, TransferMode.Streamed);
            assertEquals(3, proxy.upload(new ByteArrayInputStream(new byte[] {0, 1, 2})));
            RawHttp.Message sent = request.get(30, TimeUnit.SECONDS);
            assertEquals("POST /files HTTP/1.1", sent.startLine());
            assertTrue(sent.chunked());
            assertNull(sent.header("Content-Length"));
            assertEquals("\"http://tempuri.org/IFileTransfer/Upload\"", sent.header("SOAPAction"));
            assertEquals(UPLOAD, sent.text());
        }
    }

    @Test
    void eachModeStreamsOnlyItsDirections() throws Exception {
        for (TransferMode mode : TransferMode.values()) {
            RawHttp.Message response = exchange(host(mode), "Download", DOWNLOAD, mode.streamsRequests());
            assertEquals(mode.streamsResponses(), response.chunked(), mode + " response");
            assertEquals(downloaded(4), response.text(), mode.name());
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                URI at = URI.create("http://localhost:" + server.getLocalPort() + "/files");
                Future<RawHttp.Message> request = answerOnce(server, downloaded(4), true);
                try (InputStream in = client(at, mode).download(4)) {
                    assertEquals(4, in.readAllBytes().length, mode.name());
                }
                RawHttp.Message sent = request.get(30, TimeUnit.SECONDS);
                assertEquals(mode.streamsRequests(), sent.chunked(), mode + " request");
                assertEquals(!mode.streamsRequests(), sent.header("Content-Length") != null, mode.name());
                assertEquals(DOWNLOAD, sent.text());
            }
        }
    }

    /** WCF bounds each read of a streamed response by the call's timeout ({@code ReadWriteTimeout}). */
    @Test
    void aStreamedResponseWhoseSenderFallsSilentFailsAtTheCallsTimeout() throws Exception {
        ManualScheduler clock = new ManualScheduler();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI at = URI.create("http://localhost:" + server.getLocalPort() + "/files");
            CountDownLatch done = new CountDownLatch(1);
            String partial = downloaded(4).substring(0, downloaded(4).indexOf("<DownloadResult>") + 18);
            Future<?> stalled = rawServer.submit(() -> {
                try (Socket s = server.accept()) {
                    RawHttp.read(s.getInputStream());
                    byte[] chunk = partial.getBytes(StandardCharsets.UTF_8);
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().write(chunk);
                    s.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    done.await();
                }
                return null;
            });
            Binding binding = StreamedTransferTest.basic(TransferMode.Streamed, 65_536);
            ClientFactory<FileTransfer> f = ClientFactory.builder(new ClientEndpoint("", at, binding.sectionName(),
                    "", binding, StreamedTransferTest.CONTRACT, Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty()), FileTransfer.class).parameter(Scheduler.class, clock).build();
            opened.add(f);
            InputStream in = f.createChannel().download(4);
            clock.advanceBy(binding.timeouts().sendTimeout());
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertEquals(WcfText.SFxStreamIOException.format(), e.getMessage());
            assertEquals(WcfText.HttpRequestTimedOut.format(at, "00:01:00"), e.getCause().getMessage());
            done.countDown();
            stalled.get(30, TimeUnit.SECONDS);
        }
    }

    /** A raw server that reads one request and answers {@code envelope} (chunked or with its length). */
    private Future<RawHttp.Message> answerOnce(ServerSocket server, String envelope, boolean chunked) {
        return rawServer.submit(() -> {
            try (Socket s = server.accept()) {
                RawHttp.Message request = RawHttp.read(s.getInputStream());
                String head = "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n";
                if (chunked) {
                    RawHttp.writeChunked(s.getOutputStream(), head + "Transfer-Encoding: chunked\r\n",
                            envelope.substring(0, 10), envelope.substring(10));
                } else {
                    RawHttp.write(s.getOutputStream(), head, envelope);
                }
                return request;
            }
        });
    }
}

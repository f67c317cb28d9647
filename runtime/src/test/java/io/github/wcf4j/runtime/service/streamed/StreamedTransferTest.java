package io.github.wcf4j.runtime.service.streamed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.HttpBindingSettings;
import io.github.wcf4j.binding.standard.WsMessageEncoding;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream operations over HTTP in streamed transfer mode, through the service model: the bytes move while they are
 * produced (each transfer's source withholds its last bytes until the receiver has seen its first), both ways, with
 * WCF's quota text when a side's {@code maxReceivedMessageSize} is passed mid-stream.
 */
class StreamedTransferTest {
    static final String SERVICE = "FileTransferService";
    static final String CONTRACT = "IFileTransfer";
    static final long MIB = 1024 * 1024;
    static final long LARGE = 64 * MIB;
    static final long GATE_BEFORE_END = 64 * 1024;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void reset() {
        FileTransferService.firstBytesUploaded = new CountDownLatch(1);
        FileTransferService.stored = new CountDownLatch(1);
        FileTransferService.downloadGate = null;
        FileTransferService.uploadedCrc.set(null);
        FileTransferService.uploadFailure.set(null);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    /** basicHttpBinding with {@code transferMode} and {@code maxReceivedMessageSize}. */
    static BasicHttpBinding basic(TransferMode mode, long maxReceivedMessageSize) {
        return basic(mode, maxReceivedMessageSize, ReaderQuotas.defaults());
    }

    static BasicHttpBinding basic(TransferMode mode, long maxReceivedMessageSize, ReaderQuotas quotas) {
        return new BasicHttpBinding("", BindingTimeouts.defaults(), http(mode, maxReceivedMessageSize, quotas),
                BasicHttpBinding.defaultSecurity());
    }

    static HttpBindingSettings http(TransferMode mode, long maxReceivedMessageSize, ReaderQuotas quotas) {
        return new HttpBindingSettings(false, false, HostNameComparisonMode.StrongWildcard, 524_288L,
                maxReceivedMessageSize, OptionalInt.empty(), WsMessageEncoding.Text, null, StandardCharsets.UTF_8, mode,
                true, quotas);
    }

    URI host(Binding binding) {
        return host(binding, opened);
    }

    FileTransfer client(URI at, Binding binding) {
        return client(at, binding, opened);
    }

    /** The file transfer service hosted at a free port with {@code binding}; closed with {@code opened}. */
    static URI host(Binding binding, List<AutoCloseable> opened) {
        return host(binding, opened, null);
    }

    /** The same over HTTPS with {@code tls} ({@code null}: plain HTTP). */
    static URI host(Binding binding, List<AutoCloseable> opened, TlsSettings tls) {
        ServiceHost.Builder b = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(),
                List.of(new ServiceEndpoint("", "", binding.sectionName(), "", binding, CONTRACT, Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty()))))
                .baseAddress(URI.create((tls == null ? "http" : "https") + "://localhost:0/files"))
                .types(ServiceTypes.empty().map(SERVICE, FileTransferService.class).map(CONTRACT, FileTransfer.class));
        if (tls != null) {
            b.parameter(TlsSettings.class, tls);
        }
        ServiceHost host = b.build();
        opened.add(host);
        host.open();
        return host.endpoints().get(0).address();
    }

    /** A proxy of the file transfer contract at {@code at}; its factory is closed with {@code opened}. */
    static FileTransfer client(URI at, Binding binding, List<AutoCloseable> opened) {
        return client(at, binding, opened, null);
    }

    static FileTransfer client(URI at, Binding binding, List<AutoCloseable> opened, TlsSettings tls) {
        ClientFactory.Builder<FileTransfer> b = ClientFactory.builder(new ClientEndpoint("", at,
                binding.sectionName(), "", binding, CONTRACT, Optional.empty(), Optional.empty(), List.of(),
                Optional.empty()), FileTransfer.class);
        if (tls != null) {
            b.parameter(TlsSettings.class, tls);
        }
        ClientFactory<FileTransfer> f = b.build();
        opened.add(f);
        return f.createChannel();
    }

    @Test
    void anUploadReachesTheOperationWhileTheClientIsStillProducingIt() {
        Binding binding = basic(TransferMode.Streamed, 4 * LARGE);
        FileTransfer proxy = client(host(binding), binding);
        long sent = proxy.upload(new GeneratedStream(LARGE, LARGE - GATE_BEFORE_END,
                FileTransferService.firstBytesUploaded));
        assertEquals(LARGE, sent);
        assertEquals(GeneratedStream.crc(LARGE), FileTransferService.uploadedCrc.get());
    }

    @Test
    void aDownloadReachesTheClientWhileTheServiceIsStillProducingIt() throws IOException {
        Binding binding = basic(TransferMode.Streamed, 4 * LARGE);
        CountDownLatch clientSawFirstBytes = new CountDownLatch(1);
        FileTransferService.downloadGate = clientSawFirstBytes;
        FileTransferService.downloadGateAt = LARGE - GATE_BEFORE_END;
        FileTransfer proxy = client(host(binding), binding);
        CRC32 crc = new CRC32();
        long total = 0;
        try (InputStream in = proxy.download(LARGE)) {
            byte[] b = new byte[65536];
            int n;
            while ((n = in.read(b)) > 0) {
                crc.update(b, 0, n);
                total += n;
                clientSawFirstBytes.countDown();
            }
        }
        assertEquals(LARGE, total);
        assertEquals(GeneratedStream.crc(LARGE), crc.getValue());
    }

    @Test
    void streamsTravelOverHttpsAlike(@TempDir Path dir) throws Exception {
        Path keyStore = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost",
                "dns:localhost,ip:127.0.0.1");
        TlsSettings tls = TlsSettings.keyStore(keyStore, SelfSignedKeyStore.PASSWORD);
        Binding binding = new BasicHttpsBinding("", BindingTimeouts.defaults(),
                http(TransferMode.Streamed, 4 * LARGE, ReaderQuotas.defaults()), BasicHttpsBinding.defaultSecurity());
        URI at = host(binding, opened, tls);
        assertEquals("https", at.getScheme());
        FileTransfer proxy = client(at, binding, opened, tls);
        long length = 8 * MIB;
        assertEquals(length, proxy.upload(new GeneratedStream(length, length - GATE_BEFORE_END,
                FileTransferService.firstBytesUploaded)));
        assertEquals(GeneratedStream.crc(length), FileTransferService.uploadedCrc.get());
        try (InputStream in = proxy.download(length)) {
            CRC32 crc = new CRC32();
            crc.update(in.readAllBytes());
            assertEquals(GeneratedStream.crc(length), crc.getValue());
        }
    }

    /** WCF acknowledges a one-way request (202) once its stream has been read, so the upload is not cut short. */
    @Test
    void aOneWayStreamIsAcknowledgedAfterTheOperationReadIt() throws InterruptedException {
        Binding binding = basic(TransferMode.Streamed, 4 * LARGE);
        FileTransfer proxy = client(host(binding), binding);
        long length = 8 * MIB;
        proxy.store(new GeneratedStream(length, length - GATE_BEFORE_END, FileTransferService.firstBytesUploaded));
        assertTrue(FileTransferService.stored.await(GeneratedStream.GATE_SECONDS, TimeUnit.SECONDS));
        assertEquals(GeneratedStream.crc(length), FileTransferService.uploadedCrc.get());
        assertEquals("Hello, after", proxy.hello("after"));
    }

    @Test
    void operationsThatAreNotStreamsRunOverAStreamedEndpoint() {
        Binding binding = basic(TransferMode.Streamed, 65_536);
        FileTransfer proxy = client(host(binding), binding);
        assertEquals("Hello, wcf4j", proxy.hello("wcf4j"));
        assertEquals("Hello, again", proxy.hello("again"));
    }

    @Test
    void aDownloadPastTheClientsQuotaFailsTheReadWithWcfsText() {
        FileTransfer proxy = client(host(basic(TransferMode.Streamed, 4 * LARGE)),
                basic(TransferMode.Streamed, MIB));
        InputStream in = proxy.download(8 * MIB);
        IOException e = assertThrows(IOException.class, () -> in.readAllBytes());
        assertEquals(WcfText.SFxStreamIOException.format(), e.getMessage());
        assertEquals(WcfText.MaxReceivedMessageSizeExceeded.format(MIB), e.getCause().getMessage());
        assertTrue(e.getCause().getCause() instanceof QuotaExceededException, e.getCause().toString());
        assertEquals("Hello, after", proxy.hello("after"));
    }

    @Test
    void anUploadPastTheServicesQuotaFailsTheOperationsReadWithWcfsText() {
        Binding service = basic(TransferMode.Streamed, MIB);
        FileTransfer proxy = client(host(service), basic(TransferMode.Streamed, 4 * LARGE));
        assertEquals(-1, proxy.upload(new GeneratedStream(8 * MIB, 8 * MIB, null)));
        Throwable failure = FileTransferService.uploadFailure.get();
        assertEquals(WcfText.SFxStreamIOException.format(), failure.getMessage());
        assertEquals(WcfText.MaxReceivedMessageSizeExceeded.format(MIB), failure.getCause().getMessage());
        assertEquals("Hello, after", proxy.hello("after"));
    }

    /**
     * Buffered, a stream's base64 is one text node of the buffered body, which wcf4j's reader holds to
     * {@code maxStringContentLength} as every buffered text (WCF's {@code ReadContentAsBase64} does not): raised here.
     */
    @Test
    void streamOperationsRunBufferedOverABufferedEndpoint() throws IOException {
        Binding binding = basic(TransferMode.Buffered, 4 * MIB, new ReaderQuotas(32, Integer.MAX_VALUE, 16384, 4096,
                16384));
        FileTransfer proxy = client(host(binding), binding);
        assertEquals(MIB, proxy.upload(new GeneratedStream(MIB, MIB, null)));
        assertEquals(GeneratedStream.crc(MIB), FileTransferService.uploadedCrc.get());
        try (InputStream in = proxy.download(1000)) {
            byte[] all = in.readAllBytes();
            assertEquals(1000, all.length);
            assertEquals(GeneratedStream.at(999), all[999]);
        }
    }
}

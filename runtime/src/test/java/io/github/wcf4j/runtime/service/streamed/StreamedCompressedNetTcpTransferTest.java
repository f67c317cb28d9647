package io.github.wcf4j.runtime.service.streamed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.HeldBytes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StreamedNetTcpTransferTest} with {@code compressionFormat} GZip and Deflate ({@code application/soap+msbin1
 * +gzip|+deflate}, WCF 4.5's streamed {@code BinaryMessageEncoder} wrapping its streams in {@code GZipStream} /
 * {@code DeflateStream}): the envelope is compressed as it is written and decompressed as it is read, so a body far
 * larger than either side holds goes through both ways while it is produced, each side's transport holding a bounded
 * number of bytes; a decompression bomb fails at {@code maxReceivedMessageSize} decompressed bytes with WCF's text.
 */
class StreamedCompressedNetTcpTransferTest {
    static final long MIB = StreamedNetTcpTransferTest.MIB;
    static final long HUGE = StreamedNetTcpTransferTest.HUGE;
    static final long GATE_BEFORE_END = StreamedNetTcpTransferTest.GATE_BEFORE_END;
    static final long BOUND = StreamedNetTcpTransferTest.BOUND;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final HeldBytes serviceHeld = new HeldBytes();
    private final HeldBytes clientHeld = new HeldBytes();

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

    /** Binary compressed as {@code format} over TCP, streamed, 64 KiB chunks, 64 KiB of headers at most. */
    static Binding compressedTcp(String format, long maxReceivedMessageSize) {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        return CustomBinding.of("compressedTcp", new BinaryMessageEncodingBindingElement(64, 16, 2048, format,
                ReaderQuotas.defaults()),
                new TcpTransportBindingElement(false, d.maxBufferPoolSize(), maxReceivedMessageSize, 65_536,
                        d.hostNameComparisonMode(), d.channelInitializationTimeout(), 65_536,
                        d.maxPendingConnections(), d.maxOutputDelay(), d.maxPendingAccepts(), TransferMode.Streamed,
                        d.listenBacklog(), false, false, d.connectionPoolSettings()));
    }

    private FileTransfer proxy(Binding binding, Binding clientBinding) {
        ServiceHost host = ServiceHost.builder(new ServiceDescription(StreamedTransferTest.SERVICE, Optional.empty(),
                List.of(), List.of(new ServiceEndpoint("", "", binding.sectionName(), "", binding,
                        StreamedTransferTest.CONTRACT, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                        Optional.empty()))))
                .baseAddress(URI.create("net.tcp://localhost:0/files"))
                .types(ServiceTypes.empty().map(StreamedTransferTest.SERVICE, FileTransferService.class)
                        .map(StreamedTransferTest.CONTRACT, FileTransfer.class))
                .parameter(HeldBytes.class, serviceHeld).build();
        opened.add(host);
        host.open();
        URI at = host.endpoints().get(0).address();
        ClientFactory<FileTransfer> f = ClientFactory.builder(new ClientEndpoint("", at,
                clientBinding.sectionName(), "", clientBinding, StreamedTransferTest.CONTRACT, Optional.empty(),
                Optional.empty(), List.of(),
                Optional.empty()), FileTransfer.class).parameter(HeldBytes.class, clientHeld).build();
        opened.add(f);
        return f.createChannel();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZip", "Deflate"})
    void a256MibCompressedUploadAndDownloadGoThroughWhileProducedWithEachSideHoldingABoundedNumberOfBytes(
            String format) throws IOException {
        Binding binding = compressedTcp(format, 1L << 30);
        FileTransfer proxy = proxy(binding, binding);
        long sent = proxy.upload(new GeneratedStream(HUGE, HUGE - GATE_BEFORE_END,
                FileTransferService.firstBytesUploaded));
        assertEquals(HUGE, sent);
        assertEquals(GeneratedStream.crc(HUGE), FileTransferService.uploadedCrc.get());

        CountDownLatch clientSawFirstBytes = new CountDownLatch(1);
        FileTransferService.downloadGate = clientSawFirstBytes;
        FileTransferService.downloadGateAt = HUGE - GATE_BEFORE_END;
        CRC32 crc = new CRC32();
        long total = 0;
        try (InputStream in = proxy.download(HUGE)) {
            byte[] b = new byte[65536];
            int n;
            while ((n = in.read(b)) > 0) {
                crc.update(b, 0, n);
                total += n;
                clientSawFirstBytes.countDown();
            }
        }
        assertEquals(HUGE, total);
        assertEquals(GeneratedStream.crc(HUGE), crc.getValue());

        assertTrue(serviceHeld.peak() > 0 && serviceHeld.peak() <= BOUND, "service peak " + serviceHeld.peak());
        assertTrue(clientHeld.peak() > 0 && clientHeld.peak() <= BOUND, "client peak " + clientHeld.peak());
        assertEquals("Hello, after", proxy.hello("after"), "the connection carries on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZip", "Deflate"})
    void aDecompressionBombFailsTheOperationsReadAtMaxReceivedMessageSizeDecompressedWithWcfsText(String format) {
        // 64 MiB of zeros compress to about 64 KiB: far within the service's 1 MiB on the wire, not once decompressed
        FileTransfer proxy = proxy(compressedTcp(format, MIB), compressedTcp(format, 1L << 30));
        long answered = proxy.upload(new Zeros(64 * MIB));
        assertEquals(-1, answered, "the operation's read failed");
        Throwable failure = FileTransferService.uploadFailure.get();
        assertEquals(WcfText.SFxStreamIOException.format(), failure.getMessage());
        assertEquals(WcfText.MaxReceivedMessageSizeExceeded.format(MIB), failure.getCause().getMessage());
        assertTrue(serviceHeld.peak() <= BOUND, "service peak " + serviceHeld.peak());
    }

    /** {@code length} zero bytes. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}

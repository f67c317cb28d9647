package io.github.wcf4j.runtime.service.streamed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.channel.CommunicationException;
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
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stream operations over net.tcp in streamed transfer mode ([MC-NMF] singleton-unsized, binary encoding), through the
 * service model: a body far larger than anything either side holds goes through both ways while it is produced (each
 * transfer's source withholds its last bytes until the receiver has seen its first), and each side's transport holds
 * a bounded number of bytes at any time ({@link HeldBytes}: received chunks queued for the reader, the prefix before
 * the headers, the chunks being filled and written), however large the body.
 */
class StreamedNetTcpTransferTest {
    static final long MIB = 1024 * 1024;
    static final long HUGE = 256 * MIB;
    static final long GATE_BEFORE_END = 64 * 1024;
    /** What a side may hold at once: the body's high water (256 KiB), one read past it, a header prefix, two chunks. */
    static final long BOUND = 1024 * 1024;

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

    /** Binary over TCP, streamed, {@code maxReceivedMessageSize} 1 GiB, 64 KiB chunks, 64 KiB of headers at most. */
    static Binding streamedTcp(TransferMode mode) {
        return streamedTcp(mode, 1L << 30);
    }

    static Binding streamedTcp(TransferMode mode, long maxReceivedMessageSize) {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        return CustomBinding.of("streamedTcp", BinaryMessageEncodingBindingElement.defaults(),
                new TcpTransportBindingElement(false, d.maxBufferPoolSize(), maxReceivedMessageSize, 65_536,
                        d.hostNameComparisonMode(), d.channelInitializationTimeout(), 65_536,
                        d.maxPendingConnections(), d.maxOutputDelay(), d.maxPendingAccepts(), mode,
                        d.listenBacklog(), false, false, d.connectionPoolSettings()));
    }

    private FileTransfer proxy(Binding binding) {
        return proxy(binding, binding);
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

    @Test
    void a256MibUploadAndDownloadGoThroughWhileProducedWithEachSideHoldingAtMostABoundedNumberOfBytes()
            throws IOException {
        FileTransfer proxy = proxy(streamedTcp(TransferMode.Streamed));
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

    @Test
    void streamedRequestAndStreamedResponseStreamTheirOwnDirection() throws IOException {
        long length = 8 * MIB;
        FileTransfer up = proxy(streamedTcp(TransferMode.StreamedRequest));
        assertEquals(length, up.upload(new GeneratedStream(length, length - GATE_BEFORE_END,
                FileTransferService.firstBytesUploaded)));
        assertEquals(GeneratedStream.crc(length), FileTransferService.uploadedCrc.get());
        FileTransfer down = proxy(streamedTcp(TransferMode.StreamedResponse));
        try (InputStream in = down.download(length)) {
            CRC32 crc = new CRC32();
            crc.update(in.readAllBytes());
            assertEquals(GeneratedStream.crc(length), crc.getValue());
        }
        assertEquals("Hello, wcf4j", down.hello("wcf4j"));
    }

    @Test
    void anUploadPastTheServicesQuotaFailsTheOperationsReadWithWcfsTextAndTheCallFails() {
        FileTransfer proxy = proxy(streamedTcp(TransferMode.Streamed, MIB), streamedTcp(TransferMode.Streamed));
        RuntimeException call = assertThrows(RuntimeException.class,
                () -> proxy.upload(new GeneratedStream(8 * MIB, 8 * MIB, null)));
        // the service answered MaxMessageSizeExceededFault (and closed): WCF's client text for it
        assertInstanceOf(CommunicationException.class, call);
        assertEquals(WcfText.FramingMaxMessageSizeExceeded.format(), call.getMessage());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (FileTransferService.uploadFailure.get() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Throwable failure = FileTransferService.uploadFailure.get();
        assertEquals(WcfText.SFxStreamIOException.format(), failure.getMessage());
        assertEquals(WcfText.MaxReceivedMessageSizeExceeded.format(MIB), failure.getCause().getMessage());
        assertTrue(serviceHeld.peak() <= BOUND, "service peak " + serviceHeld.peak());
    }
}

package io.github.wcf4j.runtime.service.streamed;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

/** The service side of {@link FileTransfer}; the test sets its hooks before each call. */
public class FileTransferService implements FileTransfer {
    /** Opened when an upload has read its first bytes. */
    static volatile CountDownLatch firstBytesUploaded = new CountDownLatch(1);
    /** What a download withholds its last bytes for ({@code null}: nothing). */
    static volatile CountDownLatch downloadGate;
    static volatile long downloadGateAt;
    /** Opened when a one-way store has read its stream. */
    static volatile CountDownLatch stored = new CountDownLatch(1);
    static final AtomicReference<Long> uploadedCrc = new AtomicReference<>();
    static final AtomicReference<Throwable> uploadFailure = new AtomicReference<>();

    @Override
    public long upload(InputStream data) {
        CRC32 crc = new CRC32();
        byte[] b = new byte[65536];
        long total = 0;
        try {
            int n;
            while ((n = data.read(b)) > 0) {
                crc.update(b, 0, n);
                total += n;
                firstBytesUploaded.countDown();
            }
        } catch (IOException e) {
            uploadFailure.set(e);
            return -1;
        }
        uploadedCrc.set(crc.getValue());
        return total;
    }

    @Override
    public InputStream download(long length) {
        return new GeneratedStream(length, downloadGate == null ? length : downloadGateAt, downloadGate);
    }

    @Override
    public void store(InputStream data) {
        upload(data);
        stored.countDown();
    }

    @Override
    public String hello(String name) {
        return "Hello, " + name;
    }
}

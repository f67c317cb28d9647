package io.github.wcf4j.runtime.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain loopback socket that an attack points the service at (a ReplyTo, FaultTo, AcksTo or external entity): it
 * accepts and counts connections, and must count none.
 */
final class CanaryListener implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch first = new CountDownLatch(1);
    private final Thread acceptor;

    CanaryListener() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "canary-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                connections.incrementAndGet();
                first.countDown();
                s.setSoTimeout(1000);
                in.readNBytes(1);
            } catch (IOException e) {
                // closed, or the visitor left: counted already
            }
        }
    }

    /** An address at the canary, e.g. {@code http://127.0.0.1:port/evil}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /**
     * Whether anything connects within {@code within}: a bounded wait for an event that must not happen, after the
     * service has already answered the attack.
     */
    boolean visitedWithin(Duration within) throws InterruptedException {
        return first.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

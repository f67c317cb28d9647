package io.github.wcf4j.runtime.transport.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP server on a free loopback port for test peers (the proxies): each accepted connection is served on a daemon
 * thread of its own; closing the server closes every socket it tracks. A subclass calls {@link #start()} once it is
 * constructed.
 */
public abstract class LoopbackTcpServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    protected LoopbackTcpServer(String threadName) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts accepting connections. */
    protected final void start() {
        threads.execute(this::acceptLoop);
    }

    /** Serves one accepted connection (tracked, TCP_NODELAY) on its own thread. */
    protected abstract void serve(Socket client);

    /** The loopback port listened on. */
    public final int port() {
        return server.getLocalPort();
    }

    /** Runs {@code task} on a thread of this server. */
    protected final void execute(Runnable task) {
        threads.execute(task);
    }

    /** {@code s} is closed with the server. */
    protected final Socket track(Socket s) {
        sockets.add(s);
        return s;
    }

    /** {@code s} is closed already. */
    protected final void untrack(Socket s) {
        sockets.remove(s);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                track(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}

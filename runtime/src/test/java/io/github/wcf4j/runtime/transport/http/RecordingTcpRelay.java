package io.github.wcf4j.runtime.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A byte-for-byte TCP relay on loopback that records what clients send, to assert on HTTP exactly as it went over the
 * wire (request lines, headers, chunking), unlike {@link FaultInjectingHttpProxy}, which re-frames messages. Test
 * support: a thread per direction.
 */
public final class RecordingTcpRelay extends LoopbackTcpServer {
    private final java.util.function.Supplier<URI> target;
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    /** A relay on a free loopback port to {@code target}'s host and port. */
    public RecordingTcpRelay(URI target) throws IOException {
        this(() -> target);
    }

    /** A relay whose target is known only later (a service listening where it opens), asked per connection. */
    public RecordingTcpRelay(java.util.function.Supplier<URI> target) throws IOException {
        super("recording-relay");
        this.target = target;
        start();
    }

    /** {@code uri} with the relay's host and port. */
    public URI via(URI uri) {
        return URI.create(uri.getScheme() + "://127.0.0.1:" + port() + uri.getRawPath());
    }

    /** Everything the clients sent so far, as ISO-8859-1 text (HTTP heads are ASCII). */
    public String sent() {
        synchronized (sent) {
            return sent.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    protected void serve(Socket client) {
        try {
            URI to = target.get();
            Socket upstream = track(new Socket(to.getHost(), to.getPort()));
            upstream.setTcpNoDelay(true);
            execute(() -> pump(upstream, client, false));
            pump(client, upstream, true);
        } catch (IOException e) {
            close(client);
        }
    }

    private void pump(Socket from, Socket to, boolean record) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (record) {
                    synchronized (sent) {
                        sent.write(buffer, 0, n);
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            close(to);
            close(from);
        }
    }

    private void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed already
        }
        untrack(s);
    }
}

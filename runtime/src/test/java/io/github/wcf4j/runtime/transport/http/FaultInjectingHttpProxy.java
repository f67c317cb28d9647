package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An HTTP/1.1 proxy over real loopback sockets that injects faults by rule, for reliable-session tests over real HTTP.
 * Requests are {@link Direction#CLIENT_TO_SERVICE}, responses {@link Direction#SERVICE_TO_CLIENT}; rules are the
 * in-memory wire's {@link FaultRule}s (direction, envelope predicate such as action or message number, occurrence),
 * and their actions mean:
 *
 * <ul>
 *   <li>{@code DROP}, {@code DISCONNECT}: the connection is closed without a response (the client sees it fail);</li>
 *   <li>{@code BLACKHOLE}: no response ever (the client's request times out);</li>
 *   <li>{@code DUPLICATE}: a request is forwarded twice, the first response returned (a response is not
 *       duplicated: HTTP has one response per request);</li>
 *   <li>{@code DELAY}: forwarded (or returned) after the delay, in real time (the injected fault itself);</li>
 *   <li>{@code REORDER}: a request is held until the next request has been answered by the service;</li>
 *   <li>{@code REWRITE}: the body is rewritten.</li>
 * </ul>
 *
 * <p>Test code: one thread per client connection, blocking sockets, one upstream connection each.
 */
public final class FaultInjectingHttpProxy extends LoopbackTcpServer {
    private final Supplier<URI> target;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final List<String[]> log = new CopyOnWriteArrayList<>();
    private final Object reorderLock = new Object();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private CompletableFuture<Void> held;
    private volatile boolean logging = true;

    /** A proxy on a free loopback port forwarding to {@code target}'s host and port. */
    public FaultInjectingHttpProxy(URI target) throws IOException {
        this(() -> target);
    }

    /**
     * A proxy whose target is known only later (e.g. a service whose published address is the proxy's and whose
     * listen address is chosen when it opens); asked for each new connection.
     */
    public FaultInjectingHttpProxy(Supplier<URI> target) throws IOException {
        super("fault-proxy");
        this.target = target;
        start();
    }

    /** The proxy's own address with {@code path}. */
    public URI at(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** {@code uri} with the proxy's host and port. */
    public URI via(URI uri) {
        return URI.create(uri.getScheme() + "://127.0.0.1:" + port() + uri.getRawPath());
    }

    /** Stops recording envelopes (a long run, e.g. a benchmark, where the log would only grow); returns this. */
    public FaultInjectingHttpProxy unlogged() {
        logging = false;
        return this;
    }

    public void inject(FaultRule rule) {
        rules.add(rule);
    }

    /** {@code direction fate envelope} per message, in order. */
    public List<String[]> log() {
        return new ArrayList<>(log);
    }

    /** The envelopes sent in {@code d} (whatever their fate). */
    public List<String> envelopes(Direction d) {
        List<String> out = new ArrayList<>();
        for (String[] r : log) {
            if (r[0].equals(d.name())) {
                out.add(r[2]);
            }
        }
        return out;
    }

    @Override
    protected void serve(Socket client) {
        URI to = target.get();
        Socket opened = null;
        try (client; Socket upstream = new Socket(to.getHost(), to.getPort())) {
            opened = upstream;
            upstream.setTcpNoDelay(true);
            track(upstream);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                HttpMessage request = HttpMessage.read(in);
                if (request == null) {
                    return;
                }
                HttpMessage response = forward(request, upstream);
                if (response == null) {
                    return;
                }
                response.write(out);
            }
        } catch (IOException e) {
            // the client or the service went away: the connection ends
        } finally {
            untrack(client);
            if (opened != null) {
                untrack(opened);
            }
        }
    }

    /** Applies the request's fault, forwards it, applies the response's; {@code null}: close without answering. */
    private HttpMessage forward(HttpMessage request, Socket upstream) throws IOException {
        FaultAction a = fire(Direction.CLIENT_TO_SERVICE, request);
        if (a != null) {
            switch (a.kind()) {
                case DROP:
                case DISCONNECT:
                    return null;
                case BLACKHOLE:
                    park();
                    return null;
                case DELAY:
                    pause(a.delay().toMillis());
                    break;
                case REORDER:
                    holdUntilNextRequest();
                    break;
                case REWRITE:
                    request = request.withBody(a.rewriter().apply(request.body()));
                    break;
                default:
                    break;
            }
        }
        CompletableFuture<Void> release = takeHeld();
        request.write(upstream.getOutputStream());
        HttpMessage response = HttpMessage.read(upstream.getInputStream());
        if (release != null) {
            // the held request goes on only once this later one has been answered: it arrives after it
            release.complete(null);
        }
        if (response == null) {
            return null;
        }
        if (a != null && a.kind() == FaultAction.Kind.DUPLICATE) {
            request.write(upstream.getOutputStream());
            HttpMessage.read(upstream.getInputStream());
        }
        FaultAction r = fire(Direction.SERVICE_TO_CLIENT, response);
        if (r != null) {
            switch (r.kind()) {
                case DROP:
                case DISCONNECT:
                    return null;
                case BLACKHOLE:
                    park();
                    return null;
                case DELAY:
                    pause(r.delay().toMillis());
                    break;
                case REWRITE:
                    response = response.withBody(r.rewriter().apply(response.body()));
                    break;
                default:
                    break;
            }
        }
        return response;
    }

    private FaultAction fire(Direction d, HttpMessage m) {
        String envelope = m.body();
        FaultAction action = null;
        for (FaultRule rule : rules) {
            action = rule.apply(d, envelope);
            if (action != null) {
                break;
            }
        }
        if (logging) {
            log.add(new String[] {d.name(), action == null ? "delivered" : action.kind().name(), envelope});
        }
        return action;
    }

    private void holdUntilNextRequest() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        synchronized (reorderLock) {
            held = mine;
        }
        try {
            mine.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // no later request came: forward it anyway
        }
    }

    private CompletableFuture<Void> takeHeld() {
        synchronized (reorderLock) {
            CompletableFuture<Void> h = held;
            held = null;
            return h;
        }
    }

    /** Never answers: waits until the proxy closes. */
    private void park() {
        closed.join();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed.complete(null);
        super.close();
    }

    /** One HTTP/1.1 message: start line, headers, body (Content-Length or chunked). */
    static final class HttpMessage {
        final String startLine;
        final Map<String, String> headers;
        final byte[] body;

        HttpMessage(String startLine, Map<String, String> headers, byte[] body) {
            this.startLine = startLine;
            this.headers = headers;
            this.body = body;
        }

        String body() {
            return new String(body, StandardCharsets.UTF_8);
        }

        HttpMessage withBody(String text) {
            return new HttpMessage(startLine, headers, text.getBytes(StandardCharsets.UTF_8));
        }

        /** The next message, or {@code null} at the end of the stream. */
        static HttpMessage read(InputStream in) throws IOException {
            String start;
            try {
                start = line(in);
            } catch (EOFException | SocketException e) {
                return null;
            }
            if (start == null) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
            byte[] body;
            String length = header(headers, "Content-Length");
            String te = header(headers, "Transfer-Encoding");
            if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = chunked(in);
                remove(headers, "Transfer-Encoding");
            } else {
                body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
            }
            return new HttpMessage(start, headers, body);
        }

        void write(OutputStream out) throws IOException {
            StringBuilder b = new StringBuilder(startLine).append("\r\n");
            headers.forEach((k, v) -> {
                if (!k.equalsIgnoreCase("Content-Length")) {
                    b.append(k).append(": ").append(v).append("\r\n");
                }
            });
            b.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }

        private static String header(Map<String, String> headers, String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        private static void remove(Map<String, String> headers, String name) {
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        }

        private static byte[] chunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
                        // trailers are dropped
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = b.length();
                    return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
                }
                b.append((char) c);
            }
            if (b.length() == 0) {
                return null;
            }
            throw new EOFException("the connection ended inside a line");
        }
    }
}

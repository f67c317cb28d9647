package io.github.wcf4j.runtime.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection written by hand, byte by byte if need be: to see status lines, reason phrases and connection
 * reuse exactly, and as a hostile or broken client would use it (declared or chunked bodies, trickled bytes, requests
 * never finished, garbage).
 */
public final class RawHttp implements AutoCloseable {
    /** A parsed response. */
    public record Response(int status, String reason, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttp(URI server) throws IOException {
        this(new Socket(server.getHost(), server.getPort()));
    }

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawHttp to(URI server) throws IOException {
        return new RawHttp(server);
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}; reads one response. */
    public Response exchange(String head, byte[] body) throws IOException {
        write(head + "\r\nContent-Length: " + body.length + "\r\n\r\n");
        write(body);
        return read();
    }

    /** A complete POST with a Content-Length, and its response. */
    public Response post(String path, String host, String contentType, String body) throws IOException {
        return exchange("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + contentType,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A complete POST to {@code localhost} with a Content-Length, and its response. */
    public Response post(String path, String contentType, String body) throws IOException {
        return post(path, "localhost", contentType, body);
    }

    /** A request line and headers (Host {@code localhost}), each line ended, without the blank line. */
    public static String head(String path, String contentType) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n";
    }

    public void write(String ascii) throws IOException {
        write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One chunk of a chunked body ({@code Transfer-Encoding: chunked}); an empty one ends the body. */
    public void chunk(byte[] data) throws IOException {
        write(Integer.toHexString(data.length) + "\r\n");
        write(data);
        write("\r\n");
    }

    /** Reads one response (with a Content-Length or chunked body). */
    public Response read() throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        String l;
        while (!(l = line()).isEmpty()) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
                b.write(in.readNBytes(size));
                line();
            }
            line();
            body = b.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Response(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers,
                new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Whether the server closes the connection within {@code within} (reading and discarding whatever it sends);
     * {@code false} when it is still open then.
     */
    public boolean closedByServerWithin(Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try {
            byte[] b = new byte[4096];
            while (in.read(b) >= 0) {
                // discard until end of stream
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    /** Whether the server closed the connection (the next read sees end of stream). */
    public boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("connection closed");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.github.wcf4j.runtime.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A client that writes HTTP/1.1 by hand, to see status lines, reason phrases and connection reuse exactly. */
final class RawHttp implements AutoCloseable {
    /** A parsed response. */
    record Response(int status, String reason, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(URI server) throws IOException {
        socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}; reads one response. */
    Response exchange(String head, byte[] body) throws IOException {
        out.write((head + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return read();
    }

    Response post(String path, String host, String contentType, String body) throws IOException {
        return exchange("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + contentType,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Response read() throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        String l;
        while (!(l = line()).isEmpty()) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Response(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers,
                new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server closed the connection (the next read sees end of stream). */
    boolean closedByServer() throws IOException {
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

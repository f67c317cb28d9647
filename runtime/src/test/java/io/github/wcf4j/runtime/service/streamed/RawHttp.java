package io.github.wcf4j.runtime.service.streamed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 messages read and written byte by byte, so tests see exactly what travels (chunks included). */
final class RawHttp {
    /**
     * One message: its start line, its headers (names in lower case), its body with any chunking undone, and whether
     * it was chunked.
     */
    record Message(String startLine, Map<String, String> headers, byte[] body, boolean chunked) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    static Message read(InputStream in) throws IOException {
        String start = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new Message(start, headers, body.toByteArray(), chunked);
    }

    /**
     * Writes a head and its body as the given chunks ({@code Transfer-Encoding: chunked} must be in the head; an empty
     * head: the head was sent already).
     */
    static void writeChunked(OutputStream out, String head, String... chunks) throws IOException {
        if (!head.isEmpty()) {
            out.write((head + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        for (String c : chunks) {
            byte[] b = c.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Writes a head with {@code Content-Length} and the body. */
    static void write(OutputStream out, String head, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write((head + "Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection ended in the middle of a line: " + b);
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}

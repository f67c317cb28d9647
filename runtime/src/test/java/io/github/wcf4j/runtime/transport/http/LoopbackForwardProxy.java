package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy.HttpMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP/1.1 forward proxy on loopback that records the request line of everything it is asked: absolute-form
 * requests ({@code POST http://host:port/path HTTP/1.1}) are forwarded in origin form, {@code CONNECT host:port}
 * opens a tunnel. Every host name means loopback: the port alone picks the server, so a test can address a service by
 * a name nothing resolves and prove the request went through the proxy. {@link #refuseTunnels} makes it answer
 * {@code CONNECT} with an error status instead.
 *
 * <p>Test code: blocking sockets, a thread per connection.
 */
final class LoopbackForwardProxy extends LoopbackTcpServer {
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private volatile String tunnelRefusal;
    private volatile String requiredAuthorization;
    private volatile io.github.wcf4j.runtime.security.KerberosCredentials negotiateAcceptor;
    private final List<String> negotiatedClients = new CopyOnWriteArrayList<>();
    private volatile String digestUser;
    private volatile String digestPassword;
    /** The nonce of the proxy's Digest challenge. */
    static final String DIGEST_NONCE = "cHJveHktbm9uY2U=";
    static final String DIGEST_REALM = "proxy@wcf4j.test";
    private final List<String> digestAccepted = new CopyOnWriteArrayList<>();

    LoopbackForwardProxy() throws IOException {
        super("forward-proxy");
        start();
    }

    /** The proxy's address, as {@code proxyAddress} names it. */
    URI address() {
        return URI.create("http://127.0.0.1:" + port());
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** The request line of every request received (tunnelled bytes are not requests to the proxy), in order. */
    List<String> requestLines() {
        return new ArrayList<>(requestLines);
    }

    /**
     * From now on every request and {@code CONNECT} must carry {@code Proxy-Authorization: <authorization>}, else it is
     * answered {@code 407} with {@code Proxy-Authenticate: Basic realm="proxy"}.
     */
    void requireAuthorization(String authorization) {
        requiredAuthorization = authorization;
    }

    /**
     * From now on every request and {@code CONNECT} must carry {@code Proxy-Authorization: Negotiate <token>} that
     * {@code acceptor}'s keys accept, else it is answered {@code 407} with {@code Proxy-Authenticate: Negotiate}.
     */
    void requireNegotiate(io.github.wcf4j.runtime.security.KerberosCredentials acceptor) {
        negotiateAcceptor = acceptor;
    }

    /**
     * From now on every request and {@code CONNECT} must carry {@code Proxy-Authorization: Digest ...} whose response
     * is the RFC 7616 hash (qop=auth, MD5) of {@code user}'s {@code password} for its own method and request target,
     * checked here independently of the client's code; else it is answered {@code 407} with a Digest challenge (and a
     * body, as real proxies send).
     */
    void requireDigest(String user, String password) {
        digestUser = user;
        digestPassword = password;
    }

    /** The {@code Proxy-Authorization} values the proxy accepted as Digest, in order. */
    List<String> digestAccepted() {
        return new ArrayList<>(digestAccepted);
    }

    /** The parameters of a Digest credentials value, by name. */
    static java.util.Map<String, String> digestParameters(String value) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-zA-Z]+)=(?:\"([^\"]*)\"|([^,\\s]*))")
                .matcher(value.substring("Digest ".length()));
        while (m.find()) {
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    static String md5Hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean digestValid(String method, String target, String given) {
        if (given == null || !given.startsWith("Digest ")) {
            return false;
        }
        java.util.Map<String, String> p = digestParameters(given);
        if (!digestUser.equals(p.get("username")) || !DIGEST_REALM.equals(p.get("realm"))
                || !DIGEST_NONCE.equals(p.get("nonce")) || !target.equals(p.get("uri"))
                || !"auth".equals(p.get("qop")) || p.get("nc") == null || p.get("cnonce") == null) {
            return false;
        }
        String ha1 = md5Hex(digestUser + ":" + DIGEST_REALM + ":" + digestPassword);
        String ha2 = md5Hex(method + ":" + target);
        String expected = md5Hex(ha1 + ":" + DIGEST_NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        if (!expected.equals(p.get("response"))) {
            return false;
        }
        digestAccepted.add(given);
        return true;
    }

    /** The Kerberos clients the proxy authenticated, in order. */
    List<String> negotiatedClients() {
        return new ArrayList<>(negotiatedClients);
    }

    private boolean negotiated(String given) {
        if (given == null || !given.startsWith("Negotiate ")) {
            return false;
        }
        io.github.wcf4j.runtime.security.message.SpnegoHandshake acceptor =
                io.github.wcf4j.runtime.security.message.SpnegoHandshake.acceptor(negotiateAcceptor);
        try {
            acceptor.step(java.util.Base64.getDecoder().decode(given.substring(10).trim()));
            if (!acceptor.complete()) {
                return false;
            }
            negotiatedClients.add(acceptor.peer());
            return true;
        } catch (RuntimeException refused) {
            return false;
        } finally {
            acceptor.dispose();
        }
    }

    /** From now on {@code CONNECT} is answered with {@code statusLine} (e.g. {@code 407 Proxy Authentication Required}). */
    void refuseTunnels(String statusLine) {
        tunnelRefusal = statusLine;
    }

    @Override
    protected void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            Socket upstream = null;
            for (HttpMessage request = HttpMessage.read(in); request != null; request = HttpMessage.read(in)) {
                requestLines.add(request.startLine);
                String required = requiredAuthorization;
                String given = request.headers.entrySet().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("Proxy-Authorization")).map(java.util.Map.Entry::getValue)
                        .findFirst().orElse(null);
                request.headers.keySet().removeIf(k -> k.equalsIgnoreCase("Proxy-Authorization"));
                String[] line = request.startLine.split(" ");
                boolean refused = required != null && !required.equals(given)
                        || negotiateAcceptor != null && !negotiated(given)
                        || digestUser != null && !digestValid(line[0], line[1], given);
                if (refused && digestUser != null) {
                    byte[] body = "<html><body>407 Proxy Authentication Required</body></html>"
                            .getBytes(StandardCharsets.ISO_8859_1);
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                            + " realm=\"proxy\"\r\nProxy-Authenticate: Digest realm=\"" + DIGEST_REALM + "\", nonce=\""
                            + DIGEST_NONCE + "\", qop=\"auth\", algorithm=MD5, opaque=\"0pq\"\r\nContent-Type:"
                            + " text/html\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                    continue;
                }
                if (refused) {
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: "
                            + (negotiateAcceptor != null ? "Negotiate" : "Basic realm=\"proxy\"")
                            + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                String[] parts = request.startLine.split(" ");
                if (parts[0].equals("CONNECT")) {
                    tunnel(parts[1], in, out);
                    return;
                }
                URI target = URI.create(parts[1]);
                if (upstream == null) {
                    upstream = open(target.getPort());
                }
                String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                new HttpMessage(parts[0] + " " + path + " " + parts[2], request.headers, request.body)
                        .write(upstream.getOutputStream());
                HttpMessage response = HttpMessage.read(upstream.getInputStream());
                if (response == null) {
                    return;
                }
                response.write(out);
            }
        } catch (IOException e) {
            // a side went away: the connection ends
        }
    }

    private void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
        String refusal = tunnelRefusal;
        if (refusal != null) {
            out.write(("HTTP/1.1 " + refusal + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return;
        }
        try (Socket upstream = open(Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1)))) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            execute(() -> pipe(in, upstreamOutput(upstream)));
            pipe(upstream.getInputStream(), out);
        }
    }

    private static OutputStream upstreamOutput(Socket upstream) {
        try {
            return upstream.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException e) {
            // one side closed
        }
    }

    private Socket open(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        return track(s);
    }
}

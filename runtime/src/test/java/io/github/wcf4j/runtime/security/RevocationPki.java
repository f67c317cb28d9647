package io.github.wcf4j.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.github.wcf4j.runtime.security.message.X509Credential;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test certificate authority made with the JDK's keytool, whose leaves name a CRL distribution point, and a tiny
 * local HTTP server ({@code com.sun.net.httpserver}) serving its CRL there. Each instance serves at a path of its own,
 * so the JDK's per-URI CRL cache never hands one test another's list.
 */
public final class RevocationPki implements AutoCloseable {
    private static final String PASSWORD = "changeit";

    private final Path dir;
    private final Path caStore;
    private final X509Certificate ca;
    private final HttpServer server;
    private final String path = "/" + UUID.randomUUID() + "/ca.crl";
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile byte[] served = new byte[0];

    private RevocationPki(Path dir, String caName) throws Exception {
        this.dir = dir;
        this.caStore = dir.resolve(caName + ".p12");
        keytool("-genkeypair", "-keystore", caStore.toString(), "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + caName, "-ext", "bc:c", "-validity", "2");
        this.ca = (X509Certificate) load(caStore).getCertificate("ca");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            fetches.incrementAndGet();
            byte[] body = served;
            exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /** A new authority {@code caName} with its CRL server started (serving nothing until {@link #serve}). */
    public static RevocationPki start(Path dir, String caName) throws Exception {
        return new RevocationPki(dir, caName);
    }

    public X509Certificate ca() {
        return ca;
    }

    /** Where this authority's leaves find its CRL. */
    public URI crlUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** A CRL distribution point where nothing listens. */
    public static URI unreachableUri() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/" + UUID.randomUUID() + "/ca.crl");
        }
    }

    /** How many times the CRL was asked for. */
    public int fetches() {
        return fetches.get();
    }

    /** A leaf {@code CN=cn} (DNS name {@code cn}) issued by this authority, naming {@code crlDistributionPoint}. */
    public X509Credential leaf(String cn, URI crlDistributionPoint) throws Exception {
        Path store = dir.resolve(cn + "-" + UUID.randomUUID() + ".p12");
        Path request = dir.resolve(store.getFileName() + ".csr");
        Path issued = dir.resolve(store.getFileName() + ".cer");
        keytool("-genkeypair", "-keystore", store.toString(), "-alias", "leaf", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + cn, "-validity", "2");
        keytool("-certreq", "-keystore", store.toString(), "-alias", "leaf", "-file", request.toString());
        keytool("-gencert", "-keystore", caStore.toString(), "-alias", "ca", "-infile", request.toString(),
                "-outfile", issued.toString(), "-validity", "2", "-ext", "san=dns:" + cn,
                "-ext", "2.5.29.31=" + distributionPoints(crlDistributionPoint));
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(issued)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PrivateKey key = (PrivateKey) load(store).getKey("leaf", PASSWORD.toCharArray());
        return new X509Credential(certificate, key);
    }

    /** A CRL of this authority listing {@code revoked}, written to {@code file}. */
    public X509CRL crl(Path file, X509Certificate... revoked) throws Exception {
        List<String> args = new ArrayList<>(List.of("-gencrl", "-keystore", caStore.toString(), "-alias", "ca",
                "-file", file.toString()));
        for (X509Certificate r : revoked) {
            args.add("-id");
            args.add(r.getSerialNumber().toString());
        }
        keytool(args.toArray(String[]::new));
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    /** Serves {@code crl} at {@link #crlUri()} from now on. */
    public void serve(X509CRL crl) throws Exception {
        served = crl.getEncoded();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The DER of a CRLDistributionPoints extension with one full-name URI. */
    private static String distributionPoints(URI uri) {
        byte[] ascii = uri.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] uriName = tlv(0x86, ascii);
        byte[] fullName = tlv(0xA0, uriName);
        byte[] pointName = tlv(0xA0, fullName);
        byte[] point = tlv(0x30, pointName);
        return HexFormat.of().formatHex(tlv(0x30, point));
    }

    private static byte[] tlv(int tag, byte[] value) {
        if (value.length > 127) {
            throw new IllegalArgumentException("a short URI only");
        }
        byte[] out = new byte[value.length + 2];
        out[0] = (byte) tag;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    private static KeyStore load(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), args[0], "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        command.addAll(List.of(args).subList(1, args.length));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }
}

package io.github.wcf4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The security scenarios' key material, made at run time and deleted after it: one self-signed service certificate
 * ({@code CN=localhost}, names {@code localhost} and {@code 127.0.0.1}) in a PKCS#12 file made by the JDK's keytool,
 * with a random password. It serves as the HTTPS server's key, the message-security service certificate, and what
 * the clients trust. The certificate modes (issue 14's MutualCertificate bootstrap) also get a client key pair
 * ({@code CN=client}) and each certificate alone in a PKCS#12 file of its own (what a Metro peer trusts). Nothing of
 * it is kept in the repository.
 *
 * @param keyStore the PKCS#12 file
 * @param password its password (and its key's, and the other files')
 */
record BenchKeys(Path keyStore, String password) implements AutoCloseable {
    /** Makes the key store in a fresh temporary folder. */
    static BenchKeys create() throws IOException, InterruptedException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path dir = Files.createTempDirectory("wcf4j-bench-keys");
        Path file = dir.resolve("service.p12");
        keyPair(file, "service", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", password);
        return new BenchKeys(file, password);
    }

    private static void keyPair(Path file, String alias, String dname, String san, String password)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", dname,
                "-ext", san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }

    /** The options giving a system these keys. */
    List<String> options() {
        return List.of("--keystore", keyStore.toString(), "--password", password);
    }

    /** The client's key pair ({@code CN=client}), made on first use beside the service's. */
    Path clientKeyStore() throws IOException, InterruptedException {
        Path file = keyStore.resolveSibling("client.p12");
        if (!Files.exists(file)) {
            keyPair(file, "client", "CN=client", "SAN=dns:client", password);
        }
        return file;
    }

    /** {@code keys}' certificate alone, in a PKCS#12 file of its own beside it (made on first use). */
    Path certificateOnly(Path keys) throws IOException {
        String name = keys.getFileName().toString().replace(".p12", "-cert.p12");
        Path file = keyStore.resolveSibling(name);
        if (Files.exists(file)) {
            return file;
        }
        try (InputStream in = Files.newInputStream(keys); OutputStream out = Files.newOutputStream(file)) {
            KeyStore from = KeyStore.getInstance("PKCS12");
            from.load(in, password.toCharArray());
            String alias = from.aliases().nextElement();
            KeyStore to = KeyStore.getInstance("PKCS12");
            to.load(null, null);
            to.setCertificateEntry(alias, from.getCertificate(alias));
            to.store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot copy the certificate of " + keys + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * The options of a wcf4j system whose clients call as their certificate (MutualCertificate): the service's key
     * pair, the client's, one password.
     */
    List<String> mutualOptions() throws IOException, InterruptedException {
        return List.of("--keystore", keyStore.toString(), "--password", password, "--client-keystore",
                clientKeyStore().toString());
    }

    /**
     * The options of a Metro WSIT or Apache CXF system in the same mode ({@code MetroSecurityPeer bench},
     * {@code CxfPolicyPeer bench}): the service's key pair and
     * the client certificate it trusts, the client's key pair and the service certificate it trusts.
     */
    List<String> peerMutualOptions() throws IOException, InterruptedException {
        return List.of("--keystore", keyStore.toString(), "--truststore", certificateOnly(clientKeyStore())
                .toString(), "--client-keystore", clientKeyStore().toString(), "--service-cert",
                certificateOnly(keyStore).toString(), "--password", password);
    }

    @Override
    public void close() throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(keyStore.getParent())) {
            s.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(paths.get(i));
        }
    }
}

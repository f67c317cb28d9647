package io.github.wcf4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The security scenarios' key material, made at run time and deleted after it: one self-signed service certificate
 * ({@code CN=localhost}, names {@code localhost} and {@code 127.0.0.1}) in a PKCS#12 file made by the JDK's keytool,
 * with a random password. It serves as the HTTPS server's key, the message-security service certificate, and what
 * the clients trust. Nothing of it is kept in the repository.
 *
 * @param keyStore the PKCS#12 file
 * @param password its password (and its key's)
 */
record BenchKeys(Path keyStore, String password) implements AutoCloseable {
    /** Makes the key store in a fresh temporary folder. */
    static BenchKeys create() throws IOException, InterruptedException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path dir = Files.createTempDirectory("wcf4j-bench-keys");
        Path file = dir.resolve("service.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "service", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        return new BenchKeys(file, password);
    }

    /** The options giving a system these keys. */
    List<String> options() {
        return List.of("--keystore", keyStore.toString(), "--password", password);
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

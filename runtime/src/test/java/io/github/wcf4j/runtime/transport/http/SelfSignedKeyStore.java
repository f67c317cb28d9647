package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

/** A PKCS12 keystore (password {@code changeit}) holding a self-signed service certificate, made with the JDK's keytool. */
public final class SelfSignedKeyStore {
    public static final char[] PASSWORD = "changeit".toCharArray();

    private SelfSignedKeyStore() {
    }

    /**
     * Creates {@code file} with a certificate for {@code commonName} and the subject alternative names {@code san}
     * (keytool's syntax, e.g. {@code dns:localhost,ip:127.0.0.1}); returns {@code file}.
     */
    public static Path create(Path file, String commonName, String san) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "service", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + commonName,
                "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return file;
    }
}

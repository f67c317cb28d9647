package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.runtime.security.CertificateStores;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate stores for configuration-driven security tests: PKCS#12 keystores (password {@code changeit}) made with
 * the JDK's keytool, and the store mapping file ({@code wcf4j.certificateStores}) naming them.
 */
final class TestStores {
    static final String PASSWORD = "changeit";

    private TestStores() {
    }

    /** Runs keytool with {@code args} (and the store password), failing the test when it fails. */
    static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    /** A self-signed key entry {@code alias} for {@code dname} in {@code store}; {@code extra}: keytool options. */
    static void selfSigned(Path store, String alias, String dname, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize",
                "2048", "-dname", dname, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-keypass", PASSWORD));
        args.addAll(List.of(extra));
        keytool(args.toArray(String[]::new));
    }

    /** A key entry {@code alias} for {@code dname} in {@code store}, issued by the entry {@code caAlias} of {@code ca}. */
    static void issued(Path store, String alias, String dname, Path ca, String caAlias) throws Exception {
        selfSigned(store, alias, dname);
        Path request = store.resolveSibling(alias + ".csr");
        Path reply = store.resolveSibling(alias + ".cer");
        keytool("-certreq", "-alias", alias, "-keystore", store.toString(), "-file", request.toString());
        keytool("-gencert", "-alias", caAlias, "-keystore", ca.toString(), "-infile", request.toString(), "-outfile",
                reply.toString(), "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", caAlias, "-keystore", store.toString(), "-file",
                export(ca, caAlias).toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-keystore", store.toString(), "-file", reply.toString());
    }

    private static Path export(Path store, String alias) throws Exception {
        Path file = store.resolveSibling(alias + "-export.cer");
        keytool("-exportcert", "-alias", alias, "-keystore", store.toString(), "-file", file.toString());
        return file;
    }

    static X509Certificate certificate(Path store, String alias) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return (X509Certificate) ks.getCertificate(alias);
    }

    /** A store of trusted certificates only (TrustedPeople, Root). */
    static Path trusted(Path file, X509Certificate... certificates) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            ks.setCertificateEntry("trusted" + i, certificates[i]);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    /** The mapping file: {@code "LocalMachine/My=service.p12", ...}, every store with the test password. */
    static Path mapping(Path file, String... stores) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String s : stores) {
            String store = s.substring(0, s.indexOf('='));
            b.append(s).append('\n').append(store).append(".password=").append(PASSWORD).append('\n');
        }
        return Files.writeString(file, b.toString());
    }

    /**
     * Message security's usual stores in {@code dir}: the service's {@code CN=localhost} (with its DNS name) in
     * {@code LocalMachine/My}, the clients {@code CN=peer} and {@code CN=stranger} in {@code CurrentUser/My}, and
     * {@code peer} alone in {@code LocalMachine/TrustedPeople}.
     */
    static CertificateStores serviceAndPeers(Path dir) throws Exception {
        Path service = dir.resolve("service.p12");
        selfSigned(service, "localhost", "CN=localhost", "-ext", "san=dns:localhost");
        Path my = dir.resolve("my.p12");
        selfSigned(my, "peer", "CN=peer");
        selfSigned(my, "stranger", "CN=stranger");
        trusted(dir.resolve("people.p12"), certificate(my, "peer"));
        return CertificateStores.load(mapping(dir.resolve("stores.properties"),
                "LocalMachine/My=service.p12", "CurrentUser/My=my.p12", "LocalMachine/TrustedPeople=people.p12"));
    }
}

package io.github.wcf4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Files written into a store folder ({@code <root>/<StoreLocation>/<StoreName>/}) in the layout the runtime reads: a
 * credential as {@code <name>.p12} with an empty password (a test store's, as Setup.bat's certificates have none; the
 * file readable by its owner only on a POSIX file system), a certificate alone as PEM {@code <name>.cer},
 * an imported file under its own name. An existing file is replaced only when asked ({@code --force}): a second
 * certificate for a subject beside the first would make WCF's lookups find several.
 */
final class StoreFiles {
    private StoreFiles() {
    }

    /** A file name for a certificate of {@code subject}: its CN (else the whole name), safe for any file system. */
    static String baseName(X500Principal subject) {
        String name = subject.getName();
        try {
            for (Rdn rdn : new LdapName(subject.getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    name = rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // the whole name then
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "certificate" + safe : safe;
    }

    static Path writeCredential(Path folder, String baseName, CertificateIssuer.Credential credential,
            boolean replace) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(baseName.toLowerCase(Locale.ROOT), credential.key(), new char[0],
                credential.chain().toArray(Certificate[]::new));
        Path file = target(folder, baseName + ".p12", replace);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ownerOnly(file);
            ks.store(out, new char[0]);
        }
        return file;
    }

    static Path writeCertificate(Path folder, String baseName, X509Certificate certificate, boolean replace)
            throws IOException, GeneralSecurityException {
        Path file = target(folder, baseName + ".cer", replace);
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    /**
     * Copies {@code file} into {@code folder}, with a PKCS#12 file's password beside it when one is given; a file
     * that may hold a private key ({@code .p12}, {@code .pfx}, {@code .pem}) readable by its owner only.
     */
    static Path copy(Path file, Path folder, Optional<String> password, boolean replace) throws IOException {
        Path target = target(folder, file.getFileName().toString(), replace);
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        if (!fileNameEndsWith(target, ".cer") && !fileNameEndsWith(target, ".crt")) {
            ownerOnly(target);
        }
        Path passwordFile = target.resolveSibling(target.getFileName() + ".password");
        if (password.isPresent()) {
            Files.writeString(passwordFile, "", StandardCharsets.UTF_8);
            ownerOnly(passwordFile);
            Files.writeString(passwordFile, password.get() + "\n", StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(passwordFile);
        }
        return target;
    }

    private static boolean fileNameEndsWith(Path file, String extension) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension);
    }

    private static Path target(Path folder, String fileName, boolean replace) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName);
        if (!replace && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "it exists already; --force replaces it");
        }
        return file;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults
        }
    }
}

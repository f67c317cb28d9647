package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Windows' certificate stores as folders: {@code <root>/<StoreLocation>/<StoreName>/} ({@code
 * LocalMachine/My}, {@code CurrentUser/TrustedPeople}, ...) holding any number of
 * <ul>
 * <li>{@code *.p12} / {@code *.pfx}: PKCS#12, its password the text of a sibling {@code <file>.password} (one line)
 * or else empty, as a test PFX is made and as {@code wcf4j certs} writes them;</li>
 * <li>{@code *.pem} / {@code *.crt} / {@code *.cer}: certificates, PEM or DER, a PEM with a {@code PRIVATE KEY}
 * (unencrypted PKCS#8) giving its certificate's key ({@link PemFile}).</li>
 * </ul>
 * and {@code *.crl} files, certificate revocation lists (DER or PEM), read apart ({@link #crls}) for revocationMode
 * "Offline". Other files are not part of the store. A folder that does not exist is an empty store. A store is read, in file
 * name order, when it is searched; a certificate in several files is one entry of the store
 * ({@link CertificateStores}). Thread-safe.
 */
final class StoreFolders {
    private final Path root;

    StoreFolders(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path folder(StoreLocation location, StoreName name) {
        return root.resolve(location.name()).resolve(name.name());
    }

    /** The certificates of {@code (location, name)}'s folder; none when it does not exist. */
    List<StoredCertificate> read(StoreLocation location, StoreName name) {
        Path folder = folder(location, name);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the certificate store " + location + "/" + name + " ("
                    + folder + "): " + e, e);
        }
        List<StoredCertificate> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.addAll(readFile(file));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot read the certificate store " + location + "/" + name + " ("
                        + file + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The CRLs of the {@code *.crl} files (DER or PEM) of {@code (location, name)}'s folder, in file name order. */
    List<X509CRL> crls(StoreLocation location, StoreName name) {
        Path folder = folder(location, name);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<X509CRL> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path file : s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString()
                    .toLowerCase(Locale.ROOT).endsWith(".crl")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                        out.add((X509CRL) crl);
                    }
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("cannot read the certificate revocation list " + file + ": "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CRLs of " + location + "/" + name + " (" + folder
                    + "): " + e, e);
        }
        return out;
    }

    private static List<StoredCertificate> readFile(Path file) throws GeneralSecurityException, IOException {
        String fileName = file.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".p12") || lower.endsWith(".pfx")) {
            try {
                return KeyStoreFile.read(file, "PKCS12", password(file), alias -> fileName + ":" + alias);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + " (a PKCS#12 file's password is the first line of " + fileName
                        + ".password beside it, else empty)", e);
            }
        }
        if (lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".cer")) {
            return PemFile.read(file);
        }
        return List.of();
    }

    /** The password of a PKCS#12 file: its {@code .password} sibling's first line, else empty. */
    static char[] password(Path file) throws IOException {
        Path sibling = file.resolveSibling(file.getFileName() + ".password");
        if (!Files.isRegularFile(sibling)) {
            return new char[0];
        }
        String text = Files.readString(sibling, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
    }
}

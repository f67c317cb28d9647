package io.github.wcf4j.cli;

import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.StoredCertificate;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j certs}: the certificate stores a configuration's {@code storeLocation}/{@code storeName} name, as
 * folders ({@code <root>/<StoreLocation>/<StoreName>/}): what the WCF samples' {@code Setup.bat} does with
 * {@code makecert} and {@code certmgr}, so that a sample's configuration finds its certificates unchanged.
 */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = {"Create, list and import the certificates of the Windows-style certificate stores",
            "(<root>/<StoreLocation>/<StoreName>/ folders) that configurations find certificates in."},
        subcommands = {CertsCreateCaCommand.class, CertsCreateCommand.class, CertsListCommand.class,
            CertsImportCommand.class})
final class CertsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One certificate as {@code certs} prints it: thumbprint (as WCF writes it), subject, expiry, key, file. */
    static String line(StoredCertificate c) {
        return "  " + CertificateFind.thumbprintString(c.certificate()) + "  "
                + CertificateFind.subject(c.certificate())
                + "  not after " + c.certificate().getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS)
                + "  " + (c.privateKey().isPresent() ? "private key" : "no private key") + "  (" + c.alias() + ")";
    }

    /** A subject as {@code --subject} gives it: an X.500 name ({@code CN=localhost, O=Contoso}), or a bare CN. */
    static X500Principal subject(String text) {
        String name = text.contains("=") ? text : "CN=" + text;
        try {
            return new X500Principal(name);
        } catch (IllegalArgumentException e) {
            throw new LoadedConfig.InvalidInputException("--subject " + text + ": not an X.500 name (CN=localhost,"
                    + " O=Contoso): " + e.getMessage());
        }
    }

    /** The folder of {@code store} under {@code root}. */
    static Path folder(Path root, StorePath store) {
        return CertificateStores.folders(root).folder(store.location(), store.name()).orElseThrow();
    }

    /** The entries a search of {@code store} finds from {@code file}, read back as the runtime reads it. */
    static List<StoredCertificate> readBack(Path root, StorePath store, Path file) {
        String name = file.getFileName().toString();
        return CertificateStores.folders(root).openFolder(store.location(), store.name()).stream()
                .filter(c -> c.alias().equals(name) || c.alias().startsWith(name + ":")).toList();
    }

    /** A failure of a {@code certs} command as the command's input error (exit code 1). */
    static LoadedConfig.InvalidInputException failed(String what, Exception e) {
        String why = e instanceof IOException || e instanceof GeneralSecurityException ? e.toString()
                : e.getMessage();
        return new LoadedConfig.InvalidInputException(what + ": " + why);
    }
}

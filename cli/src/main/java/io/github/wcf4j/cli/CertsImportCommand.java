package io.github.wcf4j.cli;

import io.github.wcf4j.runtime.security.StoredCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wcf4j certs import FILE --store LOCATION/NAME}: puts a certificate file into a store folder, as
 * {@code certmgr -add FILE -s -r LOCATION NAME} does: a {@code .pfx}/{@code .p12} (with {@code --password} written
 * beside it) or a {@code .cer}/{@code .crt}/{@code .pem}. The store is read back with the file in it, so a file the
 * runtime cannot read (a wrong password, an encrypted PEM key) is refused and left out.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a .pfx/.p12 or .cer/.crt/.pem file into a store folder.")
final class CertsImportCommand implements Callable<Integer> {
    private static final Set<String> EXTENSIONS = Set.of("p12", "pfx", "pem", "crt", "cer");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreRootOption root;

    @Parameters(index = "0", paramLabel = "FILE", description = "the certificate file")
    Path file;

    @Option(names = "--store", paramLabel = "LOCATION/NAME", required = true, converter = StorePath.Converter.class,
            description = "the store, e.g. LocalMachine/My or CurrentUser/TrustedPeople")
    StorePath store;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "a .pfx/.p12 file's password (kept in FILE.password beside it; default: empty)")
    String password;

    @Option(names = "--force", description = "replace a file of the same name")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(extension) || !name.contains(".")) {
            throw new LoadedConfig.InvalidInputException("import: " + file + ": a store holds .p12, .pfx, .pem, .crt"
                    + " and .cer files");
        }
        if (!Files.isRegularFile(file)) {
            throw new LoadedConfig.InvalidInputException("import: " + file + ": no such file");
        }
        if (password != null && !extension.equals("p12") && !extension.equals("pfx")) {
            throw new LoadedConfig.InvalidInputException("import: --password is for .pfx and .p12 files; a PEM key"
                    + " is read unencrypted");
        }
        Path at = root.root(spec.commandLine().getErr());
        Path folder = CertsCommand.folder(at, store);
        Path target = folder.resolve(name);
        boolean existed = Files.exists(target);
        List<StoredCertificate> imported;
        try {
            StoreFiles.copy(file, folder, Optional.ofNullable(password), force);
            imported = CertsCommand.readBack(at, store, target);
        } catch (IOException e) {
            throw CertsCommand.failed("import", e);
        } catch (IllegalStateException e) {
            if (!existed) {
                forget(target);
            }
            throw CertsCommand.failed("import", e);
        }
        out.println("certs: imported " + store + " " + target + ": " + imported.size() + " certificate"
                + (imported.size() == 1 ? "" : "s"));
        imported.forEach(c -> out.println(CertsCommand.line(c)));
        return ExitCodes.OK;
    }

    private static void forget(Path target) {
        try {
            Files.deleteIfExists(target);
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".password"));
        } catch (IOException e) {
            // the error that made us clean up is the one to report
        }
    }
}

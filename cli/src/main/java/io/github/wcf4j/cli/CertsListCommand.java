package io.github.wcf4j.cli;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.StoredCertificate;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wcf4j certs list [--store LOCATION/NAME]...}: the certificates of each store folder (every one that exists
 * when none is named), as {@code certmgr} lists a store: thumbprint, subject, expiry, whether the private key is
 * there. A {@code Root} store's lookups also search the JDK's roots, which are not listed.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the certificates of the store folders: thumbprint, subject, expiry, private key.")
final class CertsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreRootOption root;

    @Option(names = "--store", paramLabel = "LOCATION/NAME", converter = StorePath.Converter.class,
            description = "only this store; repeatable (default: every store folder there is)")
    List<StorePath> stores = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path at = root.root(spec.commandLine().getErr());
        CertificateStores folders = CertificateStores.folders(at);
        List<StorePath> listed = stores.isEmpty() ? existing(at) : stores;
        if (listed.isEmpty()) {
            out.println("certs: no store folders under " + at + " (wcf4j certs create-ca and create make them)");
        }
        for (StorePath s : listed) {
            List<StoredCertificate> found;
            try {
                found = folders.openFolder(s.location(), s.name());
            } catch (IllegalStateException e) {
                throw CertsCommand.failed("list", e);
            }
            out.println(s + " (" + CertsCommand.folder(at, s) + "): " + found.size() + " certificate"
                    + (found.size() == 1 ? "" : "s") + (s.name() == StoreName.Root
                            ? "; lookups in Root also search the JDK's trusted roots" : ""));
            found.forEach(c -> out.println(CertsCommand.line(c)));
        }
        return ExitCodes.OK;
    }

    private static List<StorePath> existing(Path at) {
        List<StorePath> out = new ArrayList<>();
        for (StoreLocation l : StoreLocation.values()) {
            for (StoreName n : StoreName.values()) {
                StorePath s = new StorePath(l, n);
                if (Files.isDirectory(CertsCommand.folder(at, s))) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}

package io.github.wcf4j.cli;

import io.github.wcf4j.runtime.security.CertificateStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --root DIR} of the {@code certs} commands: the store folders they read and write, by default where
 * lookups find certificates ({@link CertificateStores#rootFromEnvironment()}).
 */
final class StoreRootOption {
    @Option(names = "--root", paramLabel = "DIR", description = "the root of the store folders (default: "
            + CertificateStores.ROOT_PROPERTY + ", else " + CertificateStores.ROOT_ENVIRONMENT
            + ", else ~/.wcf4j/certificates)")
    Path root;

    /** The root, saying on {@code err} when a mapping file makes lookups ignore the folders. */
    Path root(PrintWriter err) {
        if (CertificateStores.mappingFromEnvironment()) {
            err.println("certs: note: " + CertificateStores.PROPERTY + " / " + CertificateStores.ENVIRONMENT
                    + " names a store mapping file, so services and clients find certificates there, not in these"
                    + " folders");
        }
        return (root != null ? root : CertificateStores.rootFromEnvironment()).toAbsolutePath().normalize();
    }
}

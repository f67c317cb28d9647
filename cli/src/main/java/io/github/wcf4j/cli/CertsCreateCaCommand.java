package io.github.wcf4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wcf4j certs create-ca}: a test root CA with its key in {@code LocalMachine/Root}, as Setup.bat's
 * {@code makecert -n CN=RootCATest -r -sv RootCATest.pvk RootCATest.cer} and {@code certmgr -add RootCATest.cer -s
 * -r localMachine root} make one; {@code CurrentUser/Root} shows it too, so services and clients trust what it
 * issues ({@code ChainTrust}).
 */
@Command(name = "create-ca", mixinStandardHelpOptions = true,
        description = "Create a test root certificate authority (with its key) in a Root store.")
final class CertsCreateCaCommand implements Callable<Integer> {
    /** The CA's name in the WCF samples. */
    static final String DEFAULT_SUBJECT = "CN=RootCATest";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreRootOption root;

    @Option(names = "--subject", paramLabel = "NAME", defaultValue = DEFAULT_SUBJECT,
            description = "the CA's name (default: ${DEFAULT-VALUE})")
    String subject;

    @Option(names = "--store", paramLabel = "LOCATION/NAME", defaultValue = "LocalMachine/Root",
            converter = StorePath.Converter.class, description = "where it goes (default: ${DEFAULT-VALUE})")
    StorePath store;

    @Option(names = "--trust-in", paramLabel = "LOCATION/NAME", converter = StorePath.Converter.class,
            description = "also put the certificate (without its key) in this store; repeatable")
    List<StorePath> trustIn = new ArrayList<>();

    @Option(names = "--days", paramLabel = "N", defaultValue = "3650",
            description = "days it is valid for (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--force", description = "replace a file of the same name")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path at = root.root(spec.commandLine().getErr());
        try {
            CertificateIssuer.Credential ca = new CertificateIssuer(Clock.systemUTC()).rootAuthority(
                    CertsCommand.subject(subject), Duration.ofDays(days));
            String name = StoreFiles.baseName(ca.certificate().getSubjectX500Principal());
            Path file = StoreFiles.writeCredential(CertsCommand.folder(at, store), name, ca, force);
            out.println("certs: created " + store + " " + file);
            CertsCommand.readBack(at, store, file).forEach(c -> out.println(CertsCommand.line(c)));
            for (StorePath s : trustIn) {
                out.println("certs: trusted in " + s + " " + StoreFiles.writeCertificate(CertsCommand.folder(at,
                        s), name, ca.certificate(), force));
            }
        } catch (IOException | GeneralSecurityException | IllegalStateException e) {
            throw CertsCommand.failed("create-ca", e);
        }
        return ExitCodes.OK;
    }
}

package io.github.wcf4j.cli;

import io.github.wcf4j.binding.address.X509FindType;
import io.github.wcf4j.runtime.security.CertificateLookup;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.StoredCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wcf4j certs create --subject CN=localhost}: a certificate with its private key, issued by the test CA, in
 * {@code LocalMachine/My}, as Setup.bat's {@code makecert -sr LocalMachine -ss My -n CN=localhost -sky exchange -pe}
 * makes the service's; {@code --trust-in CurrentUser/TrustedPeople} also puts the certificate in the client's
 * trusted people, as its {@code certmgr -add ... -r CurrentUser -s TrustedPeople} does.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a certificate with its private key (RSA 2048), issued by the test CA, in a store.")
final class CertsCreateCommand implements Callable<Integer> {
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreRootOption root;

    @Option(names = "--subject", paramLabel = "NAME", required = true,
            description = "the subject: CN=localhost (a bare name is a CN); its CN is also a DNS name of the"
                    + " certificate when it is a host name")
    String subject;

    @Option(names = "--store", paramLabel = "LOCATION/NAME", defaultValue = "LocalMachine/My",
            converter = StorePath.Converter.class, description = "where it goes (default: ${DEFAULT-VALUE})")
    StorePath store;

    @ArgGroup(exclusive = true)
    Issuer issuer = new Issuer();

    static final class Issuer {
        @Option(names = "--issuer", paramLabel = "NAME", description = "the CA that signs it, found by subject name"
                + " (FindBySubjectName) in --issuer-store (default: RootCATest, made by certs create-ca)")
        String name = "RootCATest";

        @Option(names = "--self-signed", description = "sign it with its own key instead of a CA's")
        boolean selfSigned;
    }

    @Option(names = "--issuer-store", paramLabel = "LOCATION/NAME", defaultValue = "LocalMachine/Root",
            converter = StorePath.Converter.class, description = "where the CA is (default: ${DEFAULT-VALUE})")
    StorePath issuerStore;

    @Option(names = "--dns", paramLabel = "NAME", description = "another DNS name of the certificate; repeatable")
    List<String> dnsNames = new ArrayList<>();

    @Option(names = "--trust-in", paramLabel = "LOCATION/NAME", converter = StorePath.Converter.class,
            description = "also put the certificate (without its key) in this store, e.g. CurrentUser/TrustedPeople;"
                    + " repeatable")
    List<StorePath> trustIn = new ArrayList<>();

    @Option(names = "--days", paramLabel = "N", defaultValue = "365",
            description = "days it is valid for (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--force", description = "replace a file of the same name")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path at = root.root(spec.commandLine().getErr());
        X500Principal name = CertsCommand.subject(subject);
        try {
            CertificateIssuer.Credential made = new CertificateIssuer(Clock.systemUTC()).issue(name, dnsNames(name),
                    issuer.selfSigned ? null : authority(at), Duration.ofDays(days));
            String base = StoreFiles.baseName(name);
            Path file = StoreFiles.writeCredential(CertsCommand.folder(at, store), base, made, force);
            out.println("certs: created " + store + " " + file);
            CertsCommand.readBack(at, store, file).forEach(c -> out.println(CertsCommand.line(c)));
            for (StorePath s : trustIn) {
                out.println("certs: trusted in " + s + " " + StoreFiles.writeCertificate(CertsCommand.folder(at, s),
                        base, made.certificate(), force));
            }
        } catch (IOException | GeneralSecurityException | IllegalStateException e) {
            throw CertsCommand.failed("create", e);
        }
        return ExitCodes.OK;
    }

    /** The issuing CA with its key, found as WCF finds a certificate. */
    private CertificateIssuer.Credential authority(Path at) {
        StoredCertificate ca;
        try {
            ca = new CertificateLookup(CertificateStores.folders(at)).find(issuerStore.location(),
                    issuerStore.name(), X509FindType.FindBySubjectName, issuer.name);
        } catch (IllegalStateException e) {
            throw new LoadedConfig.InvalidInputException("create: the issuer: " + e.getMessage()
                    + " Create a test CA with: wcf4j certs create-ca (or pass --self-signed)");
        }
        if (ca.privateKey().isEmpty()) {
            throw new LoadedConfig.InvalidInputException("create: the issuer " + CertsCommand.line(ca).trim()
                    + " in " + issuerStore + " has no private key to sign with");
        }
        return new CertificateIssuer.Credential(ca.privateKey().get(), ca.chain());
    }

    /** The CN when it is a host name, then {@code --dns}, each once. */
    private List<String> dnsNames(X500Principal name) {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (Rdn rdn : new LdapName(name.getName()).getRdns()) {
                String value = rdn.getValue().toString();
                if (rdn.getType().equalsIgnoreCase("CN") && DNS_NAME.matcher(value).matches()) {
                    out.add(value);
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            // no CN to take a DNS name from
        }
        for (String d : dnsNames) {
            if (!DNS_NAME.matcher(d).matches()) {
                throw new LoadedConfig.InvalidInputException("--dns " + d + ": not a DNS name");
            }
            out.add(d);
        }
        return List.copyOf(out);
    }
}

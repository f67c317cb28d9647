package io.github.wcf4j.cli;

import io.github.wcf4j.runtime.security.KerberosCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * The Kerberos realm {@code wcf4j demo} runs the seed's SspiNegotiated bootstrap in, so that it needs nothing installed:
 * Apache Kerby's KDC on a free TCP port of localhost (no UDP), realm {@value #REALM}, its {@code krb5.conf} and one
 * keytab per principal in a temporary folder that {@link #close()} deletes.
 */
final class DemoKdc implements AutoCloseable {
    static final String REALM = "WCF4J.DEMO";

    private final SimpleKdcServer kdc;
    private final Path dir;

    private DemoKdc(SimpleKdcServer kdc, Path dir) {
        this.kdc = kdc;
        this.dir = dir;
    }

    static DemoKdc start() {
        try {
            Path dir = Files.createTempDirectory("wcf4j-demo-kdc");
            SimpleKdcServer kdc = new SimpleKdcServer();
            kdc.setWorkDir(dir.toFile());
            kdc.setKdcHost("localhost");
            kdc.setKdcRealm(REALM);
            kdc.setAllowUdp(false);
            try (ServerSocket s = new ServerSocket(0)) {
                kdc.setKdcTcpPort(s.getLocalPort());
            }
            kdc.init();
            kdc.start();
            return new DemoKdc(kdc, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KrbException e) {
            throw new IllegalStateException("the demo's Kerberos KDC did not start: " + e.getMessage(), e);
        }
    }

    /** The KDC's port, for the transcript. */
    String where() {
        return "localhost, " + dir.resolve("krb5.conf");
    }

    /** Creates {@code principal} (realm added) with a random key, exports its keytab, and returns its credentials. */
    KerberosCredentials provision(String principal) {
        Path keytab = dir.resolve(principal.replace('/', '_') + ".keytab");
        try {
            kdc.createPrincipal(principal + "@" + REALM);
            kdc.exportPrincipal(principal + "@" + REALM, keytab.toFile());
        } catch (KrbException e) {
            throw new IllegalStateException("the principal " + principal + " cannot be created: " + e.getMessage(), e);
        }
        return KerberosCredentials.keytab(principal + "@" + REALM, keytab, Optional.of(dir.resolve("krb5.conf")));
    }

    /**
     * Creates {@code principal} and writes the settings file that names it ({@code wcf4j.kerberos} /
     * {@code WCF4J_KERBEROS}: krb5.conf, principal, keytab) into {@code folder}; returns the file.
     */
    Path settingsFile(String principal, Path folder) throws IOException {
        provision(principal);
        Path file = folder.resolve(principal.replace('/', '_') + ".properties");
        Files.writeString(file, "# " + principal + "@" + REALM + " in wcf4j kdc's test realm (valid while it runs)\n"
                + "krb5.conf = " + dir.resolve("krb5.conf").toString().replace("\\", "/") + "\n"
                + "principal = " + principal + "@" + REALM + "\n"
                + "keytab = " + dir.resolve(principal.replace('/', '_') + ".keytab").toString().replace("\\", "/")
                + "\n");
        return file;
    }

    @Override
    public void close() {
        try {
            kdc.stop();
        } catch (KrbException e) {
            // stopping is best effort
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}

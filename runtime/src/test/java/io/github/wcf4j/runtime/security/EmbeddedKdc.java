package io.github.wcf4j.runtime.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * A Kerberos KDC for tests (Apache Kerby's {@code SimpleKdcServer}): realm {@value #REALM}, TCP only on a free port of
 * localhost, its {@code krb5.conf} and each principal's keytab in a temporary folder, nothing installed on the machine.
 * The JDK reads one Kerberos configuration per JVM, so there is one KDC per JVM ({@link #shared()}), started on first
 * use and stopped when the JVM exits; principals are created on the fly ({@link #credentials(String)}).
 */
public final class EmbeddedKdc {
    public static final String REALM = "EXAMPLE.COM";

    private static EmbeddedKdc shared;

    private final SimpleKdcServer kdc;
    private final Path dir;
    private final Map<String, KerberosCredentials> principals = new HashMap<>();

    private EmbeddedKdc(SimpleKdcServer kdc, Path dir) {
        this.kdc = kdc;
        this.dir = dir;
    }

    /** The JVM's KDC, started on first use; {@code java.security.krb5.conf} points at its configuration. */
    public static synchronized EmbeddedKdc shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("wcf4j-kdc");
                SimpleKdcServer kdc = new SimpleKdcServer();
                kdc.setWorkDir(dir.toFile());
                kdc.setKdcHost("localhost");
                kdc.setKdcRealm(REALM);
                kdc.setAllowUdp(false);
                kdc.setKdcTcpPort(freePort());
                kdc.init();
                kdc.start();
                System.setProperty("java.security.krb5.conf", dir.resolve("krb5.conf").toString());
                shared = new EmbeddedKdc(kdc, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "wcf4j-kdc-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (KrbException e) {
                throw new IllegalStateException("the embedded KDC did not start", e);
            }
        }
        return shared;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The KDC's {@code krb5.conf}. */
    public Path krb5Conf() {
        return dir.resolve("krb5.conf");
    }

    /**
     * The credentials of {@code principal} (e.g. {@code alice} or {@code host/localhost}; the realm is added), created
     * with a random key and exported to its own keytab the first time.
     */
    public synchronized KerberosCredentials credentials(String principal) {
        return principals.computeIfAbsent(principal, p -> {
            Path keytab = keytab(p);
            return KerberosCredentials.keytab(p + "@" + REALM, keytab, Optional.of(krb5Conf()));
        });
    }

    /** Creates {@code principal} if it is new and returns its keytab. */
    public synchronized Path keytab(String principal) {
        Path keytab = dir.resolve(principal.replace('/', '_') + ".keytab");
        if (!Files.exists(keytab)) {
            try {
                kdc.createPrincipal(principal + "@" + REALM);
                kdc.exportPrincipal(principal + "@" + REALM, keytab.toFile());
            } catch (KrbException e) {
                throw new IllegalStateException("the principal " + principal + " cannot be created", e);
            }
        }
        return keytab;
    }

    /** A {@code wcf4j.kerberos} properties file for {@code principal}: krb5.conf, principal and keytab. */
    public synchronized Path settings(String principal) {
        Path file = dir.resolve(principal.replace('/', '_') + ".properties");
        try {
            Files.writeString(file, "krb5.conf = " + krb5Conf().toString().replace('\\', '/') + "\n"
                    + "principal = " + principal + "@" + REALM + "\n"
                    + "keytab = " + keytab(principal).toString().replace('\\', '/') + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void stop() {
        try {
            kdc.stop();
        } catch (KrbException e) {
            // the JVM is exiting
        }
    }
}

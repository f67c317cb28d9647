package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.security.KerberosCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wcf4j kdc}: a test realm, and one {@code wcf4j.kerberos} settings file per principal. */
class KdcCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesASettingsFilePerPrincipalThatNamesItsKeytabAndTheRealmsKrb5Conf() throws Exception {
        CliRun r = CliRun.of("kdc", dir.toString(), "--principal", "host/localhost", "--principal", "alice",
                "--stop-after", "PT0S");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("kdc: host/localhost@WCF4J.DEMO: " + dir.resolve("host_localhost.properties")),
                r.out());
        assertTrue(r.out().contains("kdc: stopped"), r.out());
        String alice = Files.readString(dir.resolve("alice.properties"));
        assertTrue(alice.contains("\nprincipal = alice@WCF4J.DEMO\n") && alice.contains("alice.keytab\n")
                && alice.contains("krb5.conf = "), alice);
        assertTrue(KerberosCredentials.load(dir.resolve("alice.properties")).describe().contains("alice@WCF4J.DEMO"));
    }
}

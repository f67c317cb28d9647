package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.CertificateLookup;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.StoredCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wcf4j certs}: create-ca, create, list and import into the store folders, found as WCF finds them. */
class CertsCommandTest {
    @TempDir
    Path root;
    @TempDir
    Path files;

    private CliRun certs(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "certs";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--root";
        all[args.length + 2] = root.toString();
        return CliRun.of(all);
    }

    private static CliRun ok(CliRun r) {
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        return r;
    }

    private StoredCertificate find(StoreLocation location, StoreName name, String subjectName) {
        return new CertificateLookup(CertificateStores.folders(root)).find(location, name,
                X509FindType.FindBySubjectName, subjectName);
    }

    @Test
    void createCaThenCreateMakesTheCertificateASamplesServiceCertificateElementFinds() throws Exception {
        ok(certs("create-ca"));
        CliRun created = ok(certs("create", "--subject", "CN=localhost", "--trust-in", "CurrentUser/TrustedPeople"));
        StoredCertificate service = find(StoreLocation.LocalMachine, StoreName.My, "localhost");
        X509Certificate ca = find(StoreLocation.LocalMachine, StoreName.Root, "RootCATest").certificate();
        X509Certificate c = service.certificate();
        assertTrue(service.privateKey().isPresent());
        assertEquals("CN=localhost", CertificateFind.subject(c));
        assertEquals("CN=RootCATest", CertificateFind.subject(ca));
        assertEquals(2048, ((RSAPublicKey) c.getPublicKey()).getModulus().bitLength());
        assertEquals(List.of(List.of(2, "localhost")), c.getSubjectAlternativeNames().stream()
                .map(List::copyOf).toList());
        assertEquals(-1, c.getBasicConstraints());
        c.verify(ca.getPublicKey());
        c.checkValidity();
        assertEquals(List.of(c, ca), service.chain());
        assertTrue(created.out().contains(CertificateFind.thumbprintString(c) + "  CN=localhost  not after "),
                created.out());
        StoredCertificate trusted = find(StoreLocation.CurrentUser, StoreName.TrustedPeople, "localhost");
        assertEquals(c, trusted.certificate());
        assertTrue(trusted.privateKey().isEmpty());
        assertTrue(Files.isRegularFile(root.resolve("CurrentUser/TrustedPeople/localhost.cer")));
    }

    @Test
    void theTestCaIsARootOfTheMachineThatTheUsersRootShows() {
        ok(certs("create-ca"));
        X509Certificate ca = find(StoreLocation.CurrentUser, StoreName.Root, "RootCATest").certificate();
        assertTrue(ca.getBasicConstraints() >= 0);
        assertTrue(ca.getKeyUsage()[5], "keyCertSign");
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
    }

    @Test
    void createWithoutATestCaIsWcfsNotFoundTextAndSaysHowToMakeOne() {
        CliRun r = certs("create", "--subject", "CN=localhost");
        assertEquals(ExitCodes.INVALID, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("Cannot find the X.509 certificate using the following search criteria:"
                + " StoreName 'Root', StoreLocation 'LocalMachine', FindType 'FindBySubjectName', FindValue"
                + " 'RootCATest'. Create a test CA with: wcf4j certs create-ca (or pass --self-signed)"), r.err());
        assertFalse(Files.exists(root.resolve("LocalMachine/My")));
    }

    @Test
    void aSelfSignedCertificateForAClientGoesWhereItIsToldWithItsExtraDnsNames() throws Exception {
        ok(certs("create", "--subject", "client", "--self-signed", "--store", "CurrentUser/My", "--dns",
                "client.contoso.com"));
        X509Certificate c = find(StoreLocation.CurrentUser, StoreName.My, "client").certificate();
        assertEquals("CN=client", CertificateFind.subject(c));
        assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal());
        c.verify(c.getPublicKey());
        assertEquals(List.of(List.of(2, "client"), List.of(2, "client.contoso.com")),
                c.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() {
        ok(certs("create", "--subject", "CN=localhost", "--self-signed"));
        CliRun again = certs("create", "--subject", "CN=localhost", "--self-signed");
        assertEquals(ExitCodes.INVALID, again.exitCode());
        assertTrue(again.err().contains("localhost.p12: it exists already; --force replaces it"), again.err());
        X509Certificate first = find(StoreLocation.LocalMachine, StoreName.My, "localhost").certificate();
        ok(certs("create", "--subject", "CN=localhost", "--self-signed", "--force"));
        assertFalse(first.equals(find(StoreLocation.LocalMachine, StoreName.My, "localhost").certificate()));
    }

    @Test
    void listShowsEachStoreFolderWithThumbprintSubjectExpiryAndKey() {
        ok(certs("create-ca"));
        ok(certs("create", "--subject", "CN=localhost", "--trust-in", "CurrentUser/TrustedPeople"));
        X509Certificate c = find(StoreLocation.LocalMachine, StoreName.My, "localhost").certificate();
        String out = ok(certs("list")).out();
        List<String> headers = out.lines().filter(l -> !l.startsWith(" ")).map(l -> l.substring(0, l.indexOf(' ')))
                .toList();
        assertEquals(List.of("CurrentUser/TrustedPeople", "LocalMachine/My", "LocalMachine/Root"), headers);
        assertTrue(out.contains("  " + CertificateFind.thumbprintString(c) + "  CN=localhost  not after "
                + c.getNotAfter().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "  private key  (localhost.p12:localhost)"), out);
        assertTrue(out.contains("CN=localhost  not after ") && out.contains("  no private key  (localhost.cer)"), out);
        assertTrue(out.contains("LocalMachine/Root (" + root.resolve("LocalMachine/Root") + "): 1 certificate;"
                + " lookups in Root also search the JDK's trusted roots"), out);
        String one = ok(certs("list", "--store", "LocalMachine/TrustedPeople")).out();
        assertEquals("LocalMachine/TrustedPeople (" + root.resolve("LocalMachine/TrustedPeople")
                + "): 0 certificates", one.strip());
    }

    @Test
    void listOfNoStoresSaysHowToMakeThem() {
        String out = ok(certs("list")).out();
        assertTrue(out.startsWith("certs: no store folders under " + root), out);
    }

    @Test
    void importCopiesAPfxWithItsPasswordSoTheKeyIsFound() throws Exception {
        Path pfx = files.resolve("service.pfx");
        TestStores.selfSigned(pfx, "service", "CN=service.contoso.com");
        CliRun r = ok(certs("import", pfx.toString(), "--store", "LocalMachine/My", "--password",
                TestStores.PASSWORD));
        assertTrue(r.out().contains(": 1 certificate\n") && r.out().contains("CN=service.contoso.com  not after"),
                r.out());
        assertEquals(TestStores.PASSWORD + "\n",
                Files.readString(root.resolve("LocalMachine/My/service.pfx.password")));
        assertTrue(find(StoreLocation.LocalMachine, StoreName.My, "service.contoso.com").privateKey().isPresent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                root.resolve("LocalMachine/My/service.pfx"))));
    }

    @Test
    void importRefusesAndLeavesOutAPfxItsPasswordDoesNotOpen() throws Exception {
        Path pfx = files.resolve("service.p12");
        TestStores.selfSigned(pfx, "service", "CN=service.contoso.com");
        CliRun r = certs("import", pfx.toString(), "--store", "LocalMachine/My", "--password", "wrong");
        assertEquals(ExitCodes.INVALID, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("cannot read the certificate store LocalMachine/My"), r.err());
        assertFalse(Files.exists(root.resolve("LocalMachine/My/service.p12")));
        assertFalse(Files.exists(root.resolve("LocalMachine/My/service.p12.password")));
    }

    @Test
    void importPutsACerIntoTrustedPeople() throws Exception {
        Path p12 = files.resolve("peer.p12");
        TestStores.selfSigned(p12, "peer", "CN=peer");
        X509Certificate peer = TestStores.certificate(p12, "peer");
        Path cer = Files.write(files.resolve("peer.cer"), peer.getEncoded());
        ok(certs("import", cer.toString(), "--store", "CurrentUser/TrustedPeople"));
        assertEquals(peer, find(StoreLocation.CurrentUser, StoreName.TrustedPeople, "peer").certificate());
    }

    @Test
    void importRefusesAFileAStoreDoesNotHold() throws Exception {
        Path jks = Files.writeString(files.resolve("store.jks"), "x");
        CliRun r = certs("import", jks.toString(), "--store", "LocalMachine/My");
        assertEquals(ExitCodes.INVALID, r.exitCode());
        assertTrue(r.err().contains("a store holds .p12, .pfx, .pem, .crt and .cer files"), r.err());
    }

    @Test
    void aMisspelledStoreIsAUsageErrorNamingTheChoices() {
        CliRun r = certs("list", "--store", "LocalMachine/Personal");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("'LocalMachine/Personal' is not a store: <StoreLocation>/<StoreName>,"
                + " StoreLocation CurrentUser|LocalMachine, StoreName AddressBook|AuthRoot"), r.err());
    }
}

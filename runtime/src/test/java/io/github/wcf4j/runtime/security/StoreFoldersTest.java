package io.github.wcf4j.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate stores as folders of PKCS#12 and PEM files, found as WCF finds them. */
class StoreFoldersTest {
    @TempDir
    static Path keys;
    @TempDir
    Path root;
    static Path source;
    static X509Certificate service;
    static X509Certificate peer;
    static PrivateKey serviceKey;

    @BeforeAll
    static void certificates() throws Exception {
        source = keys.resolve("source.p12");
        service = TestCertificates.add(source, "service", "CN=localhost, O=wcf4j");
        peer = TestCertificates.add(source, "peer", "CN=peer.contoso.com");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(source)) {
            ks.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        serviceKey = (PrivateKey) ks.getKey("service", TestCertificates.PASSWORD.toCharArray());
    }

    private Path store(StoreLocation location, StoreName name) throws Exception {
        return Files.createDirectories(root.resolve(location.name()).resolve(name.name()));
    }

    private List<StoredCertificate> open(StoreLocation location, StoreName name) {
        return CertificateStores.folders(root).open(location, name);
    }

    private static StoredCertificate find(Path root, String subject) {
        return new CertificateLookup(CertificateStores.folders(root)).find(StoreLocation.LocalMachine, StoreName.My,
                X509FindType.FindBySubjectName, subject);
    }

    /** A PKCS#12 file holding {@code certificate} with {@code serviceKey}, under {@code password}. */
    private static void pkcs12(Path file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("service", serviceKey, password.toCharArray(), new Certificate[] {service});
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void aPkcs12WithAnEmptyPasswordGivesItsCertificateAndKey() throws Exception {
        pkcs12(store(StoreLocation.LocalMachine, StoreName.My).resolve("localhost.pfx"), "");
        StoredCertificate found = find(root, "localhost");
        assertEquals(service, found.certificate());
        assertEquals(serviceKey, found.privateKey().orElseThrow());
        assertEquals("localhost.pfx:service", found.alias());
    }

    @Test
    void aPkcs12IsOpenedWithThePasswordOfItsPasswordFile() throws Exception {
        Path my = store(StoreLocation.LocalMachine, StoreName.My);
        Files.copy(source, my.resolve("service.p12"));
        Files.writeString(my.resolve("service.p12.password"), TestCertificates.PASSWORD + "\r\n");
        assertEquals(2, open(StoreLocation.LocalMachine, StoreName.My).size());
        assertEquals(serviceKey, find(root, "localhost").privateKey().orElseThrow());
    }

    @Test
    void aPkcs12WhosePasswordIsNotGivenIsAnErrorSayingWhereThePasswordGoes() throws Exception {
        Files.copy(source, store(StoreLocation.LocalMachine, StoreName.My).resolve("service.p12"));
        String message = assertThrows(IllegalStateException.class, () -> find(root, "localhost")).getMessage();
        assertTrue(message.startsWith("cannot read the certificate store LocalMachine/My ("), message);
        assertTrue(message.endsWith("(a PKCS#12 file's password is the first line of service.p12.password beside it,"
                + " else empty)"), message);
    }

    @Test
    void aPemWithAPrivateKeyGivesTheKeysCertificateWithTheOthersAsItsChain() throws Exception {
        Files.writeString(store(StoreLocation.LocalMachine, StoreName.My).resolve("localhost.pem"),
                pem("CERTIFICATE", peer.getEncoded()) + pem("PRIVATE KEY", serviceKey.getEncoded())
                        + pem("CERTIFICATE", service.getEncoded()));
        List<StoredCertificate> my = open(StoreLocation.LocalMachine, StoreName.My);
        assertEquals(1, my.size());
        assertEquals(service, my.get(0).certificate());
        assertEquals(List.of(service, peer), my.get(0).chain());
        assertEquals(serviceKey, my.get(0).privateKey().orElseThrow());
    }

    @Test
    void certificateFilesWithoutAKeyAreCertificatesAloneInPemOrDer() throws Exception {
        Path people = store(StoreLocation.CurrentUser, StoreName.TrustedPeople);
        Files.writeString(people.resolve("both.crt"), pem("CERTIFICATE", service.getEncoded())
                + pem("CERTIFICATE", peer.getEncoded()));
        Files.write(people.resolve("peer.cer"), peer.getEncoded());
        Files.writeString(people.resolve("notes.txt"), "not a certificate");
        List<StoredCertificate> trusted = open(StoreLocation.CurrentUser, StoreName.TrustedPeople);
        assertEquals(List.of(service, peer), trusted.stream().map(StoredCertificate::certificate).toList());
        assertEquals(List.of("both.crt", "both.crt:2"), trusted.stream().map(StoredCertificate::alias).toList());
        assertTrue(trusted.stream().allMatch(c -> c.privateKey().isEmpty()));
    }

    @Test
    void aCertificateInSeveralFilesIsOneEntryWithItsKey() throws Exception {
        Path my = store(StoreLocation.LocalMachine, StoreName.My);
        Files.write(my.resolve("a-localhost.cer"), service.getEncoded());
        pkcs12(my.resolve("b-localhost.p12"), "");
        assertEquals(serviceKey, find(root, "localhost").privateKey().orElseThrow());
    }

    @Test
    void anEncryptedOrPkcs1KeyIsAnErrorThatSaysHowToConvertIt() throws Exception {
        Files.writeString(store(StoreLocation.LocalMachine, StoreName.My).resolve("localhost.pem"),
                pem("CERTIFICATE", service.getEncoded()) + pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0}));
        String message = assertThrows(IllegalStateException.class, () -> open(StoreLocation.LocalMachine,
                StoreName.My)).getMessage();
        assertTrue(message.contains("a ENCRYPTED PRIVATE KEY block: wcf4j reads unencrypted PKCS#8 keys (BEGIN PRIVATE"
                + " KEY); convert it with: openssl pkcs8 -topk8 -nocrypt"), message);
    }

    @Test
    void aMissingFolderIsAnEmptyStoreWhereWcfsNotFoundTextIsTheAnswer() {
        assertTrue(open(StoreLocation.LocalMachine, StoreName.TrustedPeople).isEmpty());
        assertEquals("Cannot find the X.509 certificate using the following search criteria: StoreName 'My',"
                + " StoreLocation 'LocalMachine', FindType 'FindBySubjectName', FindValue 'localhost'.",
                assertThrows(IllegalStateException.class, () -> find(root.resolve("nowhere"), "localhost"))
                        .getMessage());
    }

    @Test
    void aStoreIsReadWhenItIsSearchedSoAFileAddedLaterIsFound() throws Exception {
        CertificateStores stores = CertificateStores.folders(root);
        assertTrue(stores.open(StoreLocation.LocalMachine, StoreName.My).isEmpty());
        pkcs12(store(StoreLocation.LocalMachine, StoreName.My).resolve("localhost.p12"), "");
        assertEquals(1, stores.open(StoreLocation.LocalMachine, StoreName.My).size());
    }

    @Test
    void rootIsTheJdksCacertsPlusItsFolderAndTheUsersRootShowsTheMachines() throws Exception {
        int cacerts = CertificateStores.defaults().open(StoreLocation.LocalMachine, StoreName.Root).size();
        Files.write(store(StoreLocation.LocalMachine, StoreName.Root).resolve("ca.cer"), service.getEncoded());
        Files.write(store(StoreLocation.CurrentUser, StoreName.Root).resolve("user-ca.cer"), peer.getEncoded());
        List<StoredCertificate> machine = open(StoreLocation.LocalMachine, StoreName.Root);
        List<StoredCertificate> user = open(StoreLocation.CurrentUser, StoreName.Root);
        assertEquals(cacerts + 1, machine.size());
        assertEquals(cacerts + 2, user.size());
        assertTrue(user.stream().anyMatch(c -> c.certificate().equals(service)));
        assertFalse(machine.stream().anyMatch(c -> c.certificate().equals(peer)));
    }

    @Test
    void theFoldersAreUnderTheRootSettingElseTheUsersHome() {
        Map<String, String> none = Map.of("user.home", "/home/ann");
        assertEquals(Path.of("/home/ann/.wcf4j/certificates"), CertificateStores.root(none::get, k -> null));
        assertEquals(Path.of("/srv/certs"), CertificateStores.root(Map.of("user.home", "/home/ann",
                CertificateStores.ROOT_PROPERTY, "/srv/certs")::get, Map.of(CertificateStores.ROOT_ENVIRONMENT,
                        "/env/certs")::get));
        assertEquals(Path.of("/env/certs"), CertificateStores.root(none::get,
                Map.of(CertificateStores.ROOT_ENVIRONMENT, "/env/certs")::get));
        assertEquals(Optional.of(root.resolve("LocalMachine").resolve("My")), CertificateStores.fromSettings(
                Map.of(CertificateStores.ROOT_PROPERTY, root.toString())::get, k -> null).folder(
                        StoreLocation.LocalMachine, StoreName.My));
    }

    @Test
    void aMappingFileWinsOverTheFolders() throws Exception {
        pkcs12(store(StoreLocation.LocalMachine, StoreName.My).resolve("localhost.p12"), "");
        Path mapping = Files.writeString(keys.resolve("mapping.properties"), "LocalMachine/TrustedPeople = "
                + source + "\nLocalMachine/TrustedPeople.password = changeit\n");
        CertificateStores stores = CertificateStores.fromSettings(Map.of(CertificateStores.ROOT_PROPERTY,
                root.toString(), CertificateStores.PROPERTY, mapping.toString())::get, k -> null);
        assertTrue(stores.open(StoreLocation.LocalMachine, StoreName.My).isEmpty());
        assertEquals(2, stores.open(StoreLocation.LocalMachine, StoreName.TrustedPeople).size());
        assertTrue(stores.folder(StoreLocation.LocalMachine, StoreName.My).isEmpty());
    }

    @Test
    void crlFilesOfTheCertificateAuthorityAndRootFoldersAreWhatOfflineRevocationChecks() throws Exception {
        try (RevocationPki pki = RevocationPki.start(Files.createDirectories(root.resolve("pki")), "FolderCA")) {
            Path machineCa = Files.createDirectories(root.resolve("LocalMachine").resolve("CertificateAuthority"));
            Path userRoot = Files.createDirectories(root.resolve("CurrentUser").resolve("Root"));
            pki.crl(machineCa.resolve("ca.crl"));
            pki.crl(userRoot.resolve("again.CRL"));
            Files.writeString(userRoot.resolve("notes.txt"), "not part of the store");
            CertificateStores stores = CertificateStores.folders(root);
            assertEquals(2, stores.crls(StoreLocation.CurrentUser).size(), "the user's and the machine's");
            assertEquals(1, stores.crls(StoreLocation.LocalMachine).size());
            assertEquals(pki.ca().getSubjectX500Principal(),
                    stores.crls(StoreLocation.LocalMachine).get(0).getIssuerX500Principal());
            Files.writeString(machineCa.resolve("broken.crl"), "no CRL");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> stores.crls(StoreLocation.LocalMachine));
            assertTrue(e.getMessage().contains("broken.crl"), e.getMessage());
        }
    }
}

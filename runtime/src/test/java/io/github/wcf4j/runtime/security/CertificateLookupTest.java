package io.github.wcf4j.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WCF's certificate lookup over keystores mapped as Windows stores: each find type, one hit or WCF's texts. */
class CertificateLookupTest {
    @TempDir
    static Path dir;
    static X509Certificate service;
    static X509Certificate other;
    static CertificateLookup lookup;

    @BeforeAll
    static void stores() throws Exception {
        Path my = dir.resolve("my.p12");
        service = TestCertificates.add(my, "service", "CN=service.contoso.com, O=Contoso, C=US",
                "-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=serverAuth");
        other = TestCertificates.add(my, "other", "CN=other.contoso.com, O=\"Contoso, Ltd\", C=US",
                "-ext", "KU=keyCertSign", "-ext", "EKU=clientAuth");
        Path mapping = dir.resolve("stores.properties");
        Files.writeString(mapping, "LocalMachine/My = my.p12\nLocalMachine/My.passwordEnv = MY_PASSWORD\n");
        lookup = new CertificateLookup(CertificateStores.load(mapping, Map.of("MY_PASSWORD", "changeit")::get));
    }

    private static StoredCertificate find(X509FindType type, String value) {
        return lookup.find(StoreLocation.LocalMachine, StoreName.My, type, value);
    }

    @Test
    void subjectDistinguishedNameIsComparedWithWindowsRenderingIgnoringCase() {
        assertEquals(service, find(X509FindType.FindBySubjectDistinguishedName,
                "cn=service.contoso.com, o=Contoso, c=US").certificate());
        assertEquals(other, find(X509FindType.FindBySubjectDistinguishedName,
                "CN=other.contoso.com, O=\"Contoso, Ltd\", C=US").certificate());
        assertEquals("Cannot find the X.509 certificate using the following search criteria: StoreName 'My',"
                + " StoreLocation 'LocalMachine', FindType 'FindBySubjectDistinguishedName', FindValue"
                + " 'CN=service.contoso.com'.", assertThrows(IllegalStateException.class,
                        () -> find(X509FindType.FindBySubjectDistinguishedName, "CN=service.contoso.com"))
                        .getMessage());
    }

    @Test
    void subjectNameIsASubstringOfTheNamesValues() {
        assertEquals(service, find(X509FindType.FindBySubjectName, "SERVICE.contoso").certificate());
        assertEquals("Found multiple X.509 certificates using the following search criteria: StoreName 'My',"
                + " StoreLocation 'LocalMachine', FindType 'FindBySubjectName', FindValue 'contoso.com'. Provide a"
                + " more specific find value.", assertThrows(IllegalStateException.class,
                        () -> find(X509FindType.FindBySubjectName, "contoso.com")).getMessage());
        assertEquals(2, lookup.findAll(StoreLocation.LocalMachine, StoreName.My, X509FindType.FindByIssuerName,
                "US").size());
    }

    @Test
    void scopedLookupsNameTheirTarget() {
        assertEquals("Cannot find The X.509 certificate using the following search criteria: StoreName 'My',"
                + " StoreLocation 'LocalMachine', FindType 'FindByThumbprint', FindValue '00 11' for target"
                + " 'http://peer/'.", assertThrows(IllegalStateException.class, () -> lookup.find(
                        StoreLocation.LocalMachine, StoreName.My, X509FindType.FindByThumbprint, "00 11",
                        URI.create("http://peer/"))).getMessage());
    }

    @Test
    void thumbprintIsHexWithOptionalPrefixAndSpaces() {
        String hex = CertificateFind.thumbprintString(service);
        assertEquals(service, find(X509FindType.FindByThumbprint, hex.toLowerCase()).certificate());
        assertEquals(service, find(X509FindType.FindByThumbprint, " 0x" + hex + " ").certificate());
        String spaced = String.join(" ", hex.split("(?<=\\G..)"));
        assertEquals(service, find(X509FindType.FindByThumbprint, spaced).certificate());
        assertEquals("Invalid hexadecimal string format.", assertThrows(IllegalArgumentException.class,
                () -> find(X509FindType.FindByThumbprint, hex + "0")).getMessage());
    }

    @Test
    void serialNumberIsBigEndianHexWithItsLeadingZeros() {
        byte[] serial = service.getSerialNumber().toByteArray();
        assertEquals(service, find(X509FindType.FindBySerialNumber, HexFormat.of().formatHex(serial)).certificate());
        assertThrows(IllegalStateException.class, () -> find(X509FindType.FindBySerialNumber,
                "00" + HexFormat.of().formatHex(serial)));
    }

    @Test
    void subjectKeyIdentifierIsComparedWithTheExtensionsEncodedValueAsWcfsStoreDoes() {
        byte[] wrapped = service.getExtensionValue("2.5.29.14");
        String rawData = HexFormat.of().formatHex(wrapped, 2, wrapped.length);
        assertTrue(rawData.startsWith("0414"));
        assertEquals(service, find(X509FindType.FindBySubjectKeyIdentifier, rawData).certificate());
        assertThrows(IllegalStateException.class, () -> find(X509FindType.FindBySubjectKeyIdentifier,
                rawData.substring(4)));
    }

    @Test
    void keyUsageApplicationPolicyAndExtension() {
        assertEquals(other, find(X509FindType.FindByKeyUsage, "keycertsign").certificate());
        assertEquals(service, find(X509FindType.FindByApplicationPolicy, "1.3.6.1.5.5.7.3.1").certificate());
        assertEquals(service, find(X509FindType.FindByApplicationPolicy, "Server Authentication").certificate());
        assertEquals(2, lookup.findAll(StoreLocation.LocalMachine, StoreName.My, X509FindType.FindByExtension,
                "Enhanced Key Usage").size());
        assertTrue(lookup.findAll(StoreLocation.LocalMachine, StoreName.My, X509FindType.FindByExtension,
                "2.5.29.32").isEmpty());
        assertEquals("Invalid find type.", assertThrows(CryptographicException.class,
                () -> find(X509FindType.FindByKeyUsage, "Everything")).getMessage());
        assertThrows(IllegalStateException.class, () -> find(X509FindType.FindByCertificatePolicy, "2.5.29.32.0"));
    }

    @Test
    void timeFindTypesNeedADateThatConfigurationCannotGive() {
        for (X509FindType t : List.of(X509FindType.FindByTimeValid, X509FindType.FindByTimeNotYetValid,
                X509FindType.FindByTimeExpired)) {
            assertEquals("Invalid find value.", assertThrows(CryptographicException.class, () -> find(t,
                    "2026-01-01")).getMessage());
        }
        assertTrue(assertThrows(UnsupportedOperationException.class, () -> find(X509FindType.FindByTemplateName,
                "WebServer")).getMessage().contains("FindByTemplateName"));
    }

    @Test
    void rootIsTheJdksCacertsAndUnmappedStoresAreEmpty() {
        CertificateStores defaults = CertificateStores.defaults();
        assertFalse(defaults.open(StoreLocation.CurrentUser, StoreName.Root).isEmpty());
        assertTrue(defaults.open(StoreLocation.LocalMachine, StoreName.My).isEmpty());
        assertTrue(defaults.file(StoreLocation.CurrentUser, StoreName.TrustedPeople).isEmpty());
    }

    @Test
    void keyEntriesCarryTheirPrivateKey() {
        assertTrue(find(X509FindType.FindBySubjectName, "service").privateKey().isPresent());
    }

    @Test
    void theMappingIsNamedByTheSystemPropertyOrElseTheEnvironment() throws Exception {
        Path mapping = dir.resolve("env.properties");
        Files.writeString(mapping, "CurrentUser/TrustedPeople = my.p12\n"
                + "CurrentUser/TrustedPeople.password = changeit\n");
        assertEquals(2, CertificateStores.fromSettings(k -> null, Map.of(CertificateStores.ENVIRONMENT,
                mapping.toString())::get).open(StoreLocation.CurrentUser, StoreName.TrustedPeople).size());
        assertEquals(2, CertificateStores.fromSettings(Map.of(CertificateStores.PROPERTY, mapping.toString())::get,
                Map.of(CertificateStores.ENVIRONMENT, "elsewhere.properties")::get).open(StoreLocation.CurrentUser,
                        StoreName.TrustedPeople).size());
        assertTrue(CertificateStores.fromSettings(Map.of("user.home", dir.toString())::get, k -> null).file(
                StoreLocation.CurrentUser, StoreName.TrustedPeople).isEmpty());
    }

    @Test
    void aMisspelledStoreIsAnErrorNamingTheChoices() throws Exception {
        Path mapping = dir.resolve("bad.properties");
        Files.writeString(mapping, "LocalMachine/Personal = my.p12\n");
        String message = assertThrows(IllegalArgumentException.class, () -> CertificateStores.load(mapping))
                .getMessage();
        assertTrue(message.contains("'Personal' is not a StoreName (AddressBook, AuthRoot"), message);
    }
}

package io.github.wcf4j.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WCF's default identity verifier over a certificate's claims, and how each {@code <identity>} becomes a claim. */
class IdentityVerifierTest {
    private static final URI TARGET = URI.create("https://service.contoso.com/calc");

    @TempDir
    static Path dir;
    static X509Certificate withSan;
    static X509Certificate cnOnly;
    static X509Certificate noName;
    static CertificateLookup lookup;

    @BeforeAll
    static void certificates() throws Exception {
        Path store = dir.resolve("people.p12");
        withSan = TestCertificates.add(store, "san", "CN=ignored.contoso.com, O=Contoso",
                "-ext", "SAN=dns:service.contoso.com,ip:127.0.0.1,dns:www.contoso.com");
        cnOnly = TestCertificates.add(store, "cn", "CN=plain.contoso.com, O=Contoso");
        noName = TestCertificates.add(store, "none", "O=Nameless");
        Path mapping = dir.resolve("stores.properties");
        Files.writeString(mapping, "CurrentUser/TrustedPeople = people.p12\nCurrentUser/TrustedPeople.password = "
                + TestCertificates.PASSWORD + "\n");
        lookup = new CertificateLookup(CertificateStores.load(mapping));
    }

    @Test
    void dnsClaimsAreTheFirstSanNameOrTheCommonNameThenEverySanName() {
        assertEquals(List.of("service.contoso.com", "service.contoso.com", "www.contoso.com"),
                CertificateClaims.of(withSan).dnsNames());
        assertEquals(List.of("plain.contoso.com"), CertificateClaims.of(cnOnly).dnsNames());
        assertEquals(List.of(), CertificateClaims.of(noName).dnsNames());
    }

    @Test
    void dnsIdentityMatchesAnyDnsClaimIgnoringCase() {
        IdentityVerifier.ensureOutgoingIdentity(new IdentityClaim.Dns("WWW.contoso.com"), TARGET,
                CertificateClaims.of(withSan));
        assertFalse(IdentityVerifier.checkAccess(new IdentityClaim.Dns("ignored.contoso.com"),
                CertificateClaims.of(withSan)), "the common name does not count when the certificate has SAN names");
        MessageSecurityException e = assertThrows(MessageSecurityException.class, () -> IdentityVerifier
                .ensureOutgoingIdentity(new IdentityClaim.Dns("other.contoso.com"), TARGET,
                        CertificateClaims.of(withSan)));
        assertEquals("Identity check failed for outgoing message. The expected DNS identity of the remote endpoint"
                + " was 'other.contoso.com' but the remote endpoint provided DNS claim 'service.contoso.com'. If this is"
                + " a legitimate remote endpoint, you can fix the problem by explicitly specifying DNS identity"
                + " 'service.contoso.com' as the Identity property of EndpointAddress when creating channel proxy.",
                e.getMessage());
        assertEquals("The Identity check failed for the outgoing message. The remote endpoint did not provide a domain"
                + " name system (DNS) claim and therefore did not satisfied DNS identity 'x'. This may be caused by"
                + " lack of DNS or CN name in the remote endpoint X.509 certificate's distinguished name.",
                assertThrows(MessageSecurityException.class, () -> IdentityVerifier.ensureOutgoingIdentity(
                        new IdentityClaim.Dns("x"), TARGET, CertificateClaims.of(noName))).getMessage());
    }

    @Test
    void withoutAnIdentityTheAddressHostIsTheDnsIdentity() {
        assertTrue(IdentityVerifier.checkAccess(IdentityClaim.ofAddress(TARGET), CertificateClaims.of(withSan)));
        assertFalse(IdentityVerifier.checkAccess(IdentityClaim.ofAddress(TARGET), CertificateClaims.of(cnOnly)));
        assertEquals(new IdentityClaim.Dns("::1"), IdentityClaim.ofAddress(URI.create("https://[::1]:8443/calc")));
    }

    @Test
    void rsaIdentityIsThePublicKey() {
        IdentityClaim rsa = IdentityClaim.of(new EndpointIdentity.Rsa(rsaKeyValue(withSan)), lookup);
        assertTrue(IdentityVerifier.checkAccess(rsa, CertificateClaims.of(withSan)));
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> IdentityVerifier.ensureOutgoingIdentity(rsa, TARGET, CertificateClaims.of(cnOnly)));
        assertEquals("The identity check failed for the outgoing message. The expected identity is"
                + " 'identity(http://schemas.xmlsoap.org/ws/2005/05/identity/right/possessproperty:"
                + " http://schemas.xmlsoap.org/ws/2005/05/identity/claims/rsa)' for the"
                + " 'https://service.contoso.com/calc' target endpoint.", e.getMessage());
    }

    @Test
    void certificateIdentityIsTheThumbprintOfItsFirstCertificate() throws Exception {
        String encoded = Base64.getEncoder().encodeToString(withSan.getEncoded());
        IdentityClaim certificate = IdentityClaim.of(new EndpointIdentity.Certificate(encoded), lookup);
        assertTrue(IdentityVerifier.checkAccess(certificate, CertificateClaims.of(withSan)));
        assertFalse(IdentityVerifier.checkAccess(certificate, CertificateClaims.of(cnOnly)));
        assertEquals("Cannot load the X.509 certificate identity specified in the configuration.",
                assertThrows(IllegalStateException.class, () -> IdentityClaim.of(
                        new EndpointIdentity.Certificate("bm90IGEgY2VydGlmaWNhdGU="), lookup)).getMessage());
    }

    @Test
    void certificateIdentityMayBeWindowsSerializedCertificateOrStoreAsSvcutilWritesIt() throws Exception {
        byte[] element = serialized(withSan);
        String svcutil = Base64.getEncoder().encodeToString(element);
        assertTrue(svcutil.startsWith("AwAAAAEAAAAUAAAA"), svcutil);
        IdentityClaim.Thumbprint single = (IdentityClaim.Thumbprint) IdentityClaim.of(
                new EndpointIdentity.Certificate(svcutil), lookup);
        assertEquals(List.of(withSan), single.certificates());
        byte[] cnOnlyElement = serialized(cnOnly);
        ByteBuffer store = ByteBuffer.allocate(8 + element.length + cnOnlyElement.length + 12)
                .order(ByteOrder.LITTLE_ENDIAN).putInt(0).put("CERT".getBytes(StandardCharsets.US_ASCII))
                .put(element).put(cnOnlyElement).putInt(0).putInt(0).putInt(0);
        IdentityClaim.Thumbprint two = (IdentityClaim.Thumbprint) IdentityClaim.of(new EndpointIdentity.Certificate(
                Base64.getMimeEncoder().encodeToString(store.array())), lookup);
        assertEquals(List.of(withSan, cnOnly), two.certificates());
    }

    /** Windows' serialized certificate: its SHA-1 hash property, then the certificate element. */
    private static byte[] serialized(X509Certificate c) throws Exception {
        byte[] der = c.getEncoded();
        byte[] sha1 = CertificateFind.thumbprint(c);
        return ByteBuffer.allocate(12 + sha1.length + 12 + der.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(3).putInt(1).putInt(sha1.length).put(sha1).putInt(32).putInt(1).putInt(der.length).put(der)
                .array();
    }

    @Test
    void certificateReferenceTakesTheFirstCertificateTheStoreSearchFinds() {
        IdentityClaim first = IdentityClaim.of(new EndpointIdentity.CertificateReference(StoreName.TrustedPeople,
                StoreLocation.CurrentUser, X509FindType.FindBySubjectName, "contoso.com", false), lookup);
        assertTrue(IdentityVerifier.checkAccess(first, CertificateClaims.of(
                ((IdentityClaim.Thumbprint) first).primary())));
        assertEquals(1, ((IdentityClaim.Thumbprint) first).certificates().size());
        assertEquals("Cannot load the X.509 certificate identity specified in the configuration.",
                assertThrows(IllegalStateException.class, () -> IdentityClaim.of(
                        EndpointIdentity.CertificateReference.defaults(), lookup)).getMessage());
    }

    @Test
    void principalNamesAreNeverProvedByACertificate() {
        IdentityClaim upn = IdentityClaim.of(new EndpointIdentity.UserPrincipalName("svc@contoso.com"), lookup);
        assertFalse(IdentityVerifier.checkAccess(upn, CertificateClaims.of(withSan)));
        assertEquals("identity(http://schemas.xmlsoap.org/ws/2005/05/identity/right/possessproperty:"
                + " http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn)", upn.toString());
        assertFalse(IdentityVerifier.checkAccess(new IdentityClaim.Spn("host/service.contoso.com"),
                CertificateClaims.of(withSan)));
    }

    /** .NET's {@code RSA.ToXmlString(false)} of a certificate's key. */
    static String rsaKeyValue(X509Certificate c) {
        RSAPublicKey key = (RSAPublicKey) c.getPublicKey();
        return "<RSAKeyValue><Modulus>" + base64(key.getModulus().toByteArray()) + "</Modulus><Exponent>"
                + base64(key.getPublicExponent().toByteArray()) + "</Exponent></RSAKeyValue>";
    }

    private static String base64(byte[] twosComplement) {
        int skip = twosComplement.length > 1 && twosComplement[0] == 0 ? 1 : 0;
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(twosComplement, skip,
                twosComplement.length));
    }
}

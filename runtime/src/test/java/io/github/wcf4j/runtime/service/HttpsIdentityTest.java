package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's {@code <identity>} over HTTPS on loopback, as WCF's HTTPS channel factory treats it: a certificate identity
 * ({@code <certificate>} or {@code <certificateReference>}) must be the server's certificate, checked in the TLS
 * handshake so that a mismatch sends nothing; a DNS identity is not checked (the address's host is); an RSA identity
 * is refused.
 */
class HttpsIdentityTest {
    private static final String SERVICE = "Samples.CalculatorService";
    private static final String CONTRACT = Calculator.class.getName();

    @TempDir
    static Path dir;
    static TlsSettings tls;
    static X509Certificate server;
    static X509Certificate stranger;
    static CertificateStores stores;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private URI at;

    @BeforeAll
    static void certificates() throws Exception {
        Path keyStore = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost",
                "dns:localhost,ip:127.0.0.1");
        tls = TlsSettings.keyStore(keyStore, SelfSignedKeyStore.PASSWORD);
        server = certificate(keyStore);
        stranger = certificate(SelfSignedKeyStore.create(dir.resolve("stranger.p12"), "localhost", "dns:localhost"));
        Path mapping = dir.resolve("stores.properties");
        Files.writeString(mapping, "LocalMachine/TrustedPeople = service.p12\n"
                + "LocalMachine/TrustedPeople.password = changeit\n"
                + "LocalMachine/AddressBook = stranger.p12\nLocalMachine/AddressBook.password = changeit\n");
        stores = CertificateStores.load(mapping);
    }

    private static X509Certificate certificate(Path keyStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, SelfSignedKeyStore.PASSWORD);
        }
        return (X509Certificate) ks.getCertificate("service");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private URI serve() {
        if (at == null) {
            ServiceHost host = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(),
                    List.of(new ServiceEndpoint("", "", "basicHttpsBinding", "", BasicHttpsBinding.defaults(""),
                            CONTRACT, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                            Optional.empty())))).baseAddress(URI.create("https://localhost:0/calc"))
                    .types(ServiceTypes.empty().map(SERVICE, CalculatorService.class))
                    .parameter(TlsSettings.class, tls).build();
            opened.add(host);
            host.open();
            at = host.endpoints().get(0).address();
        }
        return at;
    }

    private ClientFactory<Calculator> factory(EndpointIdentity identity) {
        ClientFactory<Calculator> f = ClientFactory.builder(new ClientEndpoint("", serve(), "basicHttpsBinding", "",
                BasicHttpsBinding.defaults(""), CONTRACT, Optional.empty(), Optional.of(identity), List.of(),
                Optional.empty()), Calculator.class).parameter(TlsSettings.class, tls)
                .parameter(CertificateStores.class, stores).build();
        opened.add(f);
        return f;
    }

    private static String encoded(X509Certificate... certificates) throws Exception {
        byte[] bytes = certificates.length == 1 ? certificates[0].getEncoded() : CertificateFactory
                .getInstance("X.509").generateCertPath(List.of(certificates)).getEncoded("PKCS7");
        return Base64.getEncoder().encodeToString(bytes);
    }

    private void assertRefusedInTheHandshake(EndpointIdentity identity, X509Certificate expected) {
        Calculator calc = factory(identity).createChannel();
        SecurityNegotiationException e = assertThrows(SecurityNegotiationException.class, () -> calc.add(1, 2));
        assertEquals("Could not establish trust relationship for the SSL/TLS secure channel with authority '"
                + at.getAuthority() + "'.", e.getMessage());
        String mismatch = "The server certificate with name 'CN=localhost' failed identity verification because its"
                + " thumbprint ('" + thumbprint(server) + "') does not match the one specified in the endpoint"
                + " identity ('" + thumbprint(expected) + "').  As a result, the current HTTPS request has failed."
                + "  Please update the endpoint identity used on the client or the certificate used by the server.";
        boolean found = false;
        for (Throwable t = e; t != null && !found; t = t.getCause()) {
            found = mismatch.equals(t.getMessage());
        }
        assertTrue(found, "the handshake failure says why");
    }

    private static String thumbprint(X509Certificate c) {
        return CertificateFind.thumbprintString(c);
    }

    @Test
    void certificateIdentityOfTheServersCertificateIsServed() throws Exception {
        assertEquals(3.0, factory(new EndpointIdentity.Certificate(encoded(server))).createChannel().add(1, 2));
    }

    @Test
    void certificateIdentityOfAnotherCertificateFailsTheHandshake() throws Exception {
        assertRefusedInTheHandshake(new EndpointIdentity.Certificate(encoded(stranger)), stranger);
    }

    @Test
    void certificateReferenceIsFoundInTheMappedStores() {
        assertEquals(5.0, factory(new EndpointIdentity.CertificateReference(StoreName.TrustedPeople,
                StoreLocation.LocalMachine, X509FindType.FindBySubjectName, "localhost", false))
                .createChannel().add(2, 3));
        assertRefusedInTheHandshake(new EndpointIdentity.CertificateReference(StoreName.AddressBook,
                StoreLocation.LocalMachine, X509FindType.FindByThumbprint, thumbprint(stranger), false), stranger);
    }

    @Test
    void anIdentityOfSeveralCertificatesIsRefusedByTheHttpsFactory() throws Exception {
        URI address = serve();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory(new EndpointIdentity.Certificate(encoded(server, stranger))));
        assertEquals("The endpoint identity specified when creating the HTTPS channel to '" + address + "' contains"
                + " multiple server certificates.  However, the HTTPS transport only supports the specification of a"
                + " single server certificate.  In order to create an HTTPS channel, please specify no more than one"
                + " server certificate in the endpoint identity.", e.getMessage());
    }

    @Test
    void dnsIdentityIsNotCheckedOverHttpsTheAddressHostIs() {
        assertEquals(7.0, factory(new EndpointIdentity.Dns("other.contoso.com")).createChannel().add(3, 4));
        assertEquals(7.0, factory(new EndpointIdentity.ServicePrincipalName("host/other")).createChannel().add(3, 4));
    }

    @Test
    void rsaIdentityIsRefusedByTheHttpsFactory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory(
                new EndpointIdentity.Rsa("<RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent>"
                        + "</RSAKeyValue>")));
        assertEquals("The HTTPS channel factory does not support explicit specification of an identity in the"
                + " EndpointAddress unless the authentication scheme is NTLM or Negotiate.", e.getMessage());
    }
}

package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.message.UserNamePasswordValidator;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.service.ServiceHostException;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unchanged app.config's {@code <serviceCredentials>} and {@code <clientCredentials>} run its message security
 * (UserNameOverTransport, CertificateOverTransport over HTTPS): certificates found in stores mapped onto PKCS#12 files,
 * the trust WCF's validation modes give, the validator class the configuration names; and what cannot run is refused
 * at open, naming the setting, with WCF's texts where WCF has one.
 */
class ConfiguredCredentialsTest {
    private static final String VALIDATOR = "Contoso.Security.PasswordValidator";
    private static final String CERTIFICATE_VALIDATOR = "Contoso.Security.CertificateValidator";

    @TempDir
    static Path dir;
    static TlsSettings tls;
    static CertificateStores stores;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void stores() throws Exception {
        Path service = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost", "dns:localhost,ip:127.0.0.1");
        tls = TlsSettings.keyStore(service, SelfSignedKeyStore.PASSWORD);
        Path ca = dir.resolve("ca.p12");
        TestStores.selfSigned(ca, "ca", "CN=Test Root", "-ext", "bc:c");
        Path my = dir.resolve("my.p12");
        TestStores.selfSigned(my, "peer", "CN=peer");
        TestStores.selfSigned(my, "stranger", "CN=stranger");
        TestStores.issued(my, "chained", "CN=chained", ca, "ca");
        TestStores.trusted(dir.resolve("people.p12"), TestStores.certificate(my, "peer"));
        TestStores.trusted(dir.resolve("roots.p12"), TestStores.certificate(ca, "ca"));
        stores = CertificateStores.load(TestStores.mapping(dir.resolve("stores.properties"),
                "LocalMachine/My=service.p12", "CurrentUser/My=my.p12", "LocalMachine/TrustedPeople=people.p12",
                "LocalMachine/Root=roots.p12"));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private static String config(String credentialType, String serviceCredentials, String clientCredentials) {
        return """
                <configuration><system.serviceModel>
                  <bindings><basicHttpsBinding><binding name="secure">
                    <security mode="TransportWithMessageCredential"><message clientCredentialType="%s"/></security>
                  </binding></basicHttpsBinding></bindings>
                  <behaviors>
                    <serviceBehaviors><behavior name="service"><serviceCredentials>%s</serviceCredentials></behavior></serviceBehaviors>
                    <endpointBehaviors><behavior name="client"><clientCredentials>%s</clientCredentials></behavior></endpointBehaviors>
                  </behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="basicHttpsBinding" bindingConfiguration="secure" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="https://localhost/unused" binding="basicHttpsBinding"
                      bindingConfiguration="secure" behaviorConfiguration="client" contract="%4$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(credentialType, serviceCredentials, clientCredentials, Identity.class.getName());
    }

    private ServiceHost host(ServiceModelConfiguration config) {
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class)
                        .map(VALIDATOR, TestPasswordValidator.class)
                        .map(CERTIFICATE_VALIDATOR, TestCertificateValidator.class))
                .baseAddress(URI.create("https://localhost:0/secure")).parameter(TlsSettings.class, tls)
                .parameter(CertificateStores.class, stores).build();
        opened.add(host);
        return host;
    }

    private Identity client(ServiceModelConfiguration config, ServiceHost host, ClientCredentials fromCode) {
        ClientEndpoint e = config.clientEndpoint("identity").orElseThrow();
        ClientEndpoint at = e.withAddress(host.endpoints().get(0).address());
        ClientFactory<Identity> f = ClientFactory.builder(at, Identity.class).parameter(TlsSettings.class, tls)
                .parameter(CertificateStores.class, stores).credentials(fromCode).build();
        opened.add(f);
        return f.createChannel();
    }

    private static ServiceModelConfiguration read(String xml) {
        return ServiceModelConfigReader.create().read("app.config", xml).orThrow();
    }

    private static String clientCertificate(String subject) {
        return "<clientCertificate findValue=\"" + subject + "\" storeLocation=\"CurrentUser\" storeName=\"My\""
                + " x509FindType=\"FindBySubjectDistinguishedName\"/>";
    }

    private static String clientAuthentication(String attributes) {
        return "<clientCertificate><authentication " + attributes + "/></clientCertificate>";
    }

    @Test
    void userNameOverTransportRunsTheValidatorClassTheConfigurationNames() {
        ServiceModelConfiguration config = read(config("UserName", "<serviceCertificate findValue=\"CN=localhost\"/>"
                + "<userNameAuthentication userNamePasswordValidationMode=\"Custom\""
                + " customUserNamePasswordValidatorType=\""
                + VALIDATOR + ", Contoso.Security\"/>", ""));
        ServiceHost host = host(config);
        host.open();
        assertEquals("UserName:bob", client(config, host, ClientCredentials.userName("bob", "bob-pw")).whoAmI());
        Identity wrong = client(config, host, ClientCredentials.userName("bob", "guess"));
        assertThrows(MessageSecurityException.class, wrong::whoAmI);
    }

    /** A CertificateOverTransport host trusting clients as {@code trust} says: {@code trusted}, not {@code refused}. */
    private void assertTrusts(String trust, String trusted, String refused) {
        ServiceModelConfiguration config = read(config("Certificate", trust, clientCertificate(trusted)));
        ServiceHost host = host(config);
        host.open();
        assertTrue(client(config, host, ClientCredentials.none()).whoAmI().startsWith("X509:" + trusted + "; "));
        ServiceModelConfiguration other = read(config("Certificate", trust, clientCertificate(refused)));
        assertThrows(MessageSecurityException.class, client(other, host, ClientCredentials.none())::whoAmI);
    }

    @Test
    void certificateOverTransportWithPeerTrustTrustsTheTrustedPeopleStore() {
        assertTrusts(clientAuthentication("certificateValidationMode=\"PeerTrust\""), "CN=peer", "CN=stranger");
    }

    @Test
    void certificateOverTransportWithChainTrustTrustsTheRootStore() {
        assertTrusts(clientAuthentication("certificateValidationMode=\"ChainTrust\" revocationMode=\"NoCheck\""),
                "CN=chained", "CN=peer");
    }

    @Test
    void certificateOverTransportWithPeerOrChainTrustTrustsEither() {
        String trust = clientAuthentication("certificateValidationMode=\"PeerOrChainTrust\""
                + " revocationMode=\"NoCheck\"");
        assertTrusts(trust, "CN=chained", "CN=stranger");
        assertTrusts(trust, "CN=peer", "CN=stranger");
    }

    @Test
    void certificateOverTransportWithACustomValidatorRunsTheClassTheConfigurationNames() {
        assertTrusts(clientAuthentication("certificateValidationMode=\"Custom\" customCertificateValidatorType=\""
                + CERTIFICATE_VALIDATOR + ", Contoso\""), "CN=stranger", "CN=peer");
    }

    @Test
    void windowsValidationTheDefaultDoesNotOpenAndSaysWhatToConfigure() {
        ServiceHost host = host(read(config("UserName", "", "")));
        ServiceHostException e = assertThrows(ServiceHostException.class, host::open);
        assertTrue(e.getMessage().contains("userNamePasswordValidationMode=\"Windows\" (WCF's default"),
                e.getMessage());
        assertTrue(e.getMessage().contains("userNamePasswordValidationMode=\"Custom\""), e.getMessage());
        ServiceHost membership = host(read(config("UserName",
                "<userNameAuthentication userNamePasswordValidationMode=\"MembershipProvider\"/>", "")));
        assertTrue(assertThrows(ServiceHostException.class, membership::open).getMessage()
                .contains("MembershipProvider"));
    }

    @Test
    void aMissingServiceCertificateIsWcfsCannotFindCert() {
        ServiceHost host = host(read(config("Certificate", "<serviceCertificate findValue=\"CN=nobody\"/>", "")));
        ServiceHostException e = assertThrows(ServiceHostException.class, host::open);
        assertTrue(e.getMessage().contains(WcfText.CannotFindCert.format("My", "LocalMachine",
                "FindBySubjectDistinguishedName", "CN=nobody")), e.getMessage());
    }

    @Test
    void aMissingClientCertificateIsWcfsCannotFindCert() {
        ServiceModelConfiguration config = read(config("Certificate",
                clientAuthentication("certificateValidationMode=\"PeerTrust\""), clientCertificate("CN=nobody")));
        ServiceHost host = host(config);
        host.open();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client(config, host, ClientCredentials.none()));
        assertTrue(e.getMessage().contains(WcfText.CannotFindCert.format("My", "CurrentUser",
                "FindBySubjectDistinguishedName", "CN=nobody")), e.getMessage());
    }

    @Test
    void aUserNameEndpointWithoutAUserNameInCodeIsWcfsText() {
        ServiceModelConfiguration config = read(config("UserName", "<userNameAuthentication"
                + " userNamePasswordValidationMode=\"Custom\" customUserNamePasswordValidatorType=\"" + VALIDATOR
                + "\"/>", ""));
        ServiceHost host = host(config);
        host.open();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client(config, host, ClientCredentials.none()));
        assertEquals(WcfText.UserNamePasswordNotProvidedOnClientCredentials.format(), e.getMessage());
    }

    @Test
    void chainTrustWithWcfsDefaultOnlineRevocationOpensAndRefusesACertificateWithoutRevocationStatus() {
        // CN=chained names no CRL distribution point and no OCSP responder: its revocation status is unknown
        ServiceModelConfiguration config = read(config("Certificate",
                clientAuthentication("certificateValidationMode=\"ChainTrust\""), clientCertificate("CN=chained")));
        ServiceHost host = host(config);
        host.open();
        assertThrows(MessageSecurityException.class, client(config, host, ClientCredentials.none())::whoAmI);
    }

    @Test
    void credentialsGivenInCodeApplyInsteadOfTheConfigurations() {
        ServiceModelConfiguration config = read(config("UserName", "", ""));
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("https://localhost:0/secure")).parameter(TlsSettings.class, tls)
                .credentials(ServiceCredentials.defaults().withUserNameValidator((u, p) -> {
                    if (!p.equals("code")) {
                        throw new SecurityTokenValidationException("no");
                    }
                })).build();
        opened.add(host);
        host.open();
        assertEquals("UserName:ann", client(config, host, ClientCredentials.userName("ann", "code")).whoAmI());
    }

    @Test
    void validateSaysAWindowsValidatedUserNameEndpointCannotRun() throws Exception {
        Path windows = Files.writeString(dir.resolve("windows.config"), config("UserName", "", ""));
        CliRun r = CliRun.of("validate", windows.toString());
        assertEquals(ExitCodes.NOT_RUNNABLE, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("unsupported: userNamePasswordValidationMode=\"Windows\""), r.out());
        Path custom = Files.writeString(dir.resolve("custom.config"), config("UserName", "<userNameAuthentication"
                + " userNamePasswordValidationMode=\"Custom\" customUserNamePasswordValidatorType=\"" + VALIDATOR
                + "\"/>", ""));
        CliRun runs = CliRun.of("validate", "--type", VALIDATOR + "=" + TestPasswordValidator.class.getName(),
                custom.toString());
        assertFalse(runs.out().contains("userNamePasswordValidationMode"), runs.out());
        assertTrue(runs.err().contains("2 of 2 endpoints run"), runs.out() + runs.err());
    }

    @Test
    void validateReportsAValidatorTypeNoClassAnswersToAtItsLine() throws Exception {
        Path custom = Files.writeString(dir.resolve("unresolved.config"), config("UserName", "\n<userNameAuthentication"
                + " userNamePasswordValidationMode=\"Custom\" customUserNamePasswordValidatorType=\"" + VALIDATOR
                + ", Contoso.Security\"/>", ""));
        CliRun r = CliRun.of("validate", custom.toString());
        assertEquals(ExitCodes.INVALID, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(custom + ":7:"), r.out());
        assertTrue(r.out().contains("error: No Java class for customUserNamePasswordValidatorType=\"" + VALIDATOR
                + ", Contoso.Security\""), r.out());
        assertTrue(r.err().contains("1 of 2 endpoints run"), r.err());
        CliRun configOnly = CliRun.of("validate", "--config-only", custom.toString());
        assertEquals(ExitCodes.OK, configOnly.exitCode(), configOnly.out() + configOnly.err());
        CliRun notAValidator = CliRun.of("validate", "--type", VALIDATOR + "=" + IdentityService.class.getName(),
                custom.toString());
        assertTrue(notAValidator.out().contains("does not implement " + UserNamePasswordValidator.class.getName()),
                notAValidator.out());
    }

    @Test
    void validateReportsACertificateTheStoresLackAtItsLineWithWcfsText() throws Exception {
        Path missing = Files.writeString(dir.resolve("missing.config"), config("Certificate",
                "\n<serviceCertificate findValue=\"CN=nobody\"/>" + clientAuthentication(
                        "certificateValidationMode=\"PeerTrust\""), "\n" + clientCertificate("CN=nobody too")));
        String previous = System.setProperty(CertificateStores.PROPERTY,
                dir.resolve("stores.properties").toString());
        try {
            CliRun r = CliRun.of("validate", missing.toString());
            assertEquals(ExitCodes.INVALID, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains(missing + ":7:1: error: " + WcfText.CannotFindCert.format("My", "LocalMachine",
                    "FindBySubjectDistinguishedName", "CN=nobody")), r.out());
            assertTrue(r.out().contains(missing + ":9:1: error: " + WcfText.CannotFindCert.format("My", "CurrentUser",
                    "FindBySubjectDistinguishedName", "CN=nobody too")), r.out());
            assertTrue(r.err().contains("0 of 2 endpoints run"), r.err());
            Path found = Files.writeString(dir.resolve("found.config"), config("Certificate",
                    "<serviceCertificate findValue=\"CN=localhost\"/>" + clientAuthentication(
                            "certificateValidationMode=\"PeerTrust\""), clientCertificate("CN=peer")));
            CliRun ok = CliRun.of("validate", found.toString());
            assertEquals(ExitCodes.OK, ok.exitCode(), ok.out() + ok.err());
        } finally {
            if (previous == null) {
                System.clearProperty(CertificateStores.PROPERTY);
            } else {
                System.setProperty(CertificateStores.PROPERTY, previous);
            }
        }
    }
}

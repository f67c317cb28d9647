package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the WCF samples' Setup.bat makes, made by {@code wcf4j certs}, runs a sample-style configuration unchanged:
 * the service certificate found by {@code FindBySubjectName localhost} in {@code LocalMachine/My} (and serving
 * HTTPS), a client certificate from {@code CurrentUser/My} trusted by {@code ChainTrust} through the test CA in
 * {@code LocalMachine/Root}.
 */
class CertsSampleConfigTest {
    @TempDir
    static Path root;
    static CertificateStores stores;
    static TlsSettings tls;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void setup() {
        for (String[] command : List.of(new String[] {"create-ca"},
                new String[] {"create", "--subject", "CN=localhost"},
                new String[] {"create", "--subject", "CN=client", "--store", "CurrentUser/My"},
                new String[] {"create", "--subject", "CN=stranger", "--self-signed", "--store", "CurrentUser/My"})) {
            List<String> args = new ArrayList<>(List.of("certs"));
            args.addAll(List.of(command));
            args.addAll(List.of("--root", root.toString()));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        }
        stores = CertificateStores.folders(root);
        tls = TlsSettings.keyStore(root.resolve("LocalMachine/My/localhost.p12"), new char[0]);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private static ServiceModelConfiguration config(String client) {
        return ServiceModelConfigReader.create().read("app.config", """
                <configuration><system.serviceModel>
                  <bindings><basicHttpsBinding><binding name="secure">
                    <security mode="TransportWithMessageCredential">
                      <message clientCredentialType="Certificate"/>
                    </security>
                  </binding></basicHttpsBinding></bindings>
                  <behaviors>
                    <serviceBehaviors><behavior name="service"><serviceCredentials>
                      <serviceCertificate findValue="localhost" storeLocation="LocalMachine" storeName="My"
                          x509FindType="FindBySubjectName"/>
                      <clientCertificate><authentication certificateValidationMode="ChainTrust"
                          revocationMode="NoCheck"/></clientCertificate>
                    </serviceCredentials></behavior></serviceBehaviors>
                    <endpointBehaviors><behavior name="client"><clientCredentials>
                      <clientCertificate findValue="%s" storeLocation="CurrentUser" storeName="My"
                          x509FindType="FindBySubjectName"/>
                    </clientCredentials></behavior></endpointBehaviors>
                  </behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="basicHttpsBinding" bindingConfiguration="secure" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="https://localhost/unused" binding="basicHttpsBinding"
                      bindingConfiguration="secure" behaviorConfiguration="client" contract="%2$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(client, Identity.class.getName())).orThrow();
    }

    private ServiceHost host(ServiceModelConfiguration config) {
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("https://localhost:0/secure")).parameter(TlsSettings.class, tls)
                .parameter(CertificateStores.class, stores).build();
        opened.add(host);
        host.open();
        return host;
    }

    private Identity client(ServiceModelConfiguration config, ServiceHost host) {
        ClientEndpoint e = config.clientEndpoint("identity").orElseThrow();
        ClientEndpoint at = e.withAddress(host.endpoints().get(0).address());
        ClientFactory<Identity> f = ClientFactory.builder(at, Identity.class).parameter(TlsSettings.class, tls)
                .parameter(CertificateStores.class, stores).build();
        opened.add(f);
        return f.createChannel();
    }

    @Test
    void theCertificatesCertsMakesRunTheConfigurationAsItIs() {
        ServiceModelConfiguration config = config("client");
        String caller = client(config, host(config)).whoAmI();
        assertTrue(caller.startsWith("X509:CN=client; "), caller);
    }

    @Test
    void aCertificateTheTestCaDidNotIssueIsRefusedByChainTrust() {
        ServiceModelConfiguration config = config("stranger");
        Identity stranger = client(config, host(config));
        assertThrows(MessageSecurityException.class, stranger::whoAmI);
    }
}

package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The asymmetric binding from unchanged app.config files over HTTP: {@code basicHttpBinding} with
 * {@code <security mode="Message"><message clientCredentialType="Certificate"/>} (SOAP 1.1, WS-Security 1.0, Lax, no
 * derived keys) and a {@code customBinding} whose {@code <security authenticationMode="MutualCertificate">} names a
 * WS-Security 1.0 {@code messageSecurityVersion}; the certificates are those the credentials behaviors name, the
 * caller is the certificate the client's {@code <clientCertificate>} names, checked against the trusted people store,
 * and a stranger's certificate is refused.
 */
class AsymmetricSecurityConfigTest {

    @TempDir
    static Path dir;
    static CertificateStores stores;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void stores() throws Exception {
        stores = TestStores.serviceAndPeers(dir);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private static final String BASIC_HTTP = """
            <bindings><basicHttpBinding><binding name="secure">
              <security mode="Message"><message clientCredentialType="Certificate"/></security>
            </binding></basicHttpBinding></bindings>""";

    private static final String CUSTOM = """
            <bindings><customBinding><binding name="secure">
              <security authenticationMode="MutualCertificate" messageSecurityVersion=\
            "WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10"/>
              <textMessageEncoding/><httpTransport/>
            </binding></customBinding></bindings>""";

    /** The same custom binding with WCF's other protection settings written in it. */
    private static final String CUSTOM_PROTECTED = """
            <bindings><customBinding><binding name="secure">
              <security authenticationMode="MutualCertificate" requireDerivedKeys="true"
                  messageProtectionOrder="EncryptBeforeSign" messageSecurityVersion=\
            "WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10"/>
              <textMessageEncoding/><httpTransport/>
            </binding></customBinding></bindings>""";

    private static String config(String section, String bindings, String clientCertificate) {
        return """
                <configuration><system.serviceModel>
                  %s
                  <behaviors>
                    <serviceBehaviors><behavior name="service"><serviceCredentials>
                      <serviceCertificate findValue="localhost" storeLocation="LocalMachine" storeName="My"
                          x509FindType="FindBySubjectName"/>
                      <clientCertificate><authentication certificateValidationMode="PeerTrust"/></clientCertificate>
                    </serviceCredentials></behavior></serviceBehaviors>
                    <endpointBehaviors><behavior name="client"><clientCredentials>
                      <clientCertificate findValue="%s" storeLocation="CurrentUser" storeName="My"
                          x509FindType="FindBySubjectDistinguishedName"/>
                      <serviceCertificate><defaultCertificate findValue="localhost" storeLocation="LocalMachine"
                          storeName="My" x509FindType="FindBySubjectName"/></serviceCertificate>
                    </clientCredentials></behavior></endpointBehaviors>
                  </behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="%s" bindingConfiguration="secure" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="%3$s"
                      bindingConfiguration="secure" behaviorConfiguration="client" contract="%4$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(bindings, clientCertificate, section, Identity.class.getName());
    }

    private static ServiceModelConfiguration read(String xml) {
        return ServiceModelConfigReader.create().read("app.config", xml).orThrow();
    }

    private ServiceHost host(ServiceModelConfiguration config) {
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("http://localhost:0/secure"))
                .parameter(CertificateStores.class, stores).build();
        opened.add(host);
        host.open();
        return host;
    }

    private ClientFactory<Identity> factory(ServiceModelConfiguration config, ServiceHost host) {
        ClientEndpoint e = config.clientEndpoint("identity").orElseThrow();
        ClientEndpoint at = new ClientEndpoint(e.name(), host.endpoints().get(0).address(), e.bindingSection(),
                e.bindingConfiguration(), e.binding(), e.contract(), e.behavior(), e.identity(), e.headers(),
                e.standardEndpoint());
        ClientFactory<Identity> f = ClientFactory.builder(at, Identity.class)
                .parameter(CertificateStores.class, stores).credentials(ClientCredentials.none()).build();
        opened.add(f);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"basicHttpBinding", "customBinding"})
    void theAsymmetricBindingRunsFromTheConfiguration(String section) {
        String bindings = section.equals("basicHttpBinding") ? BASIC_HTTP : CUSTOM;
        ServiceModelConfiguration config = read(config(section, bindings, "CN=peer"));
        SecurityBindingElement security = config.services().get(0).endpoints().get(0).binding()
                .createBindingElements().stream().filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst().orElseThrow();
        assertEquals(AuthenticationMode.MutualCertificate, security.authenticationMode());
        assertEquals(AuthenticationMode.Family.ASYMMETRIC, security.family(), "WCF's AsymmetricSecurityBindingElement");
        ServiceHost host = host(config);
        Identity id = factory(config, host).createChannel();
        assertTrue(id.whoAmI().startsWith("X509:CN=peer; "), id.whoAmI());
        assertEquals(5.0, id.add(2, 3));

        ServiceModelConfiguration stranger = read(config(section, bindings, "CN=stranger"));
        ClientFactory<Identity> refusedFactory = factory(stranger, host);
        RuntimeException e = assertThrows(RuntimeException.class, refusedFactory.createChannel()::whoAmI);
        assertTrue(e instanceof MessageSecurityException || e.getCause() instanceof MessageSecurityException,
                e.toString());
        opened.remove(refusedFactory);
        refusedFactory.abort();
    }

    /**
     * {@code requireDerivedKeys="true"} and {@code messageProtectionOrder="EncryptBeforeSign"} written in the
     * configuration run; the service holds its client to them on the wire: a client of the default binding (no
     * derived keys, the signature encrypted) is refused.
     */
    @Test
    void derivedKeysAndEncryptBeforeSignRunFromTheConfiguration() {
        ServiceModelConfiguration config = read(config("customBinding", CUSTOM_PROTECTED, "CN=peer"));
        SecurityBindingElement security = config.services().get(0).endpoints().get(0).binding()
                .createBindingElements().stream().filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst().orElseThrow();
        assertTrue(security.requireDerivedKeys());
        assertEquals(MessageProtectionOrder.EncryptBeforeSign, security.messageProtectionOrder());
        assertEquals(AuthenticationMode.Family.ASYMMETRIC, security.family());
        ServiceHost host = host(config);
        Identity id = factory(config, host).createChannel();
        assertTrue(id.whoAmI().startsWith("X509:CN=peer; "), id.whoAmI());
        assertEquals(5.0, id.add(2, 3));

        ServiceModelConfiguration defaults = read(config("customBinding", CUSTOM, "CN=peer"));
        ClientFactory<Identity> refusedFactory = factory(defaults, host);
        RuntimeException e = assertThrows(RuntimeException.class, refusedFactory.createChannel()::whoAmI);
        assertTrue(e instanceof MessageSecurityException || e.getCause() instanceof MessageSecurityException,
                e.toString());
        opened.remove(refusedFactory);
        refusedFactory.abort();
    }
}

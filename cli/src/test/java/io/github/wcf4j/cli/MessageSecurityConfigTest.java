package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.security.AuthenticationMode;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * wsHttpBinding's {@code Message} security from an unchanged app.config, over plain HTTP, for every client credential
 * type that needs no Windows and no SSL negotiation ({@code negotiateServiceCredential="false"}), with and without a
 * security context ({@code establishSecurityContext}): the binding expands to WCF's elements (the symmetric X.509 mode,
 * wrapped in a secure conversation session when a context is established), the service proves itself with the
 * certificate its {@code <serviceCertificate>} names, the client encrypts to the one its {@code <defaultCertificate>}
 * names, and the caller is authenticated as the configuration says (the validator class it names, the trusted people
 * store).
 */
class MessageSecurityConfigTest {
    private static final String VALIDATOR = "Contoso.Security.PasswordValidator";

    @TempDir
    static Path dir;
    static CertificateStores stores;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private ClientFactory<Identity> lastFactory;

    @BeforeAll
    static void stores() throws Exception {
        stores = TestStores.serviceAndPeers(dir);
    }

    /** Clients first: a security session's close cancels its context with the service. */
    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private static String config(String credentialType, boolean context, String clientCertificate) {
        return config(credentialType, context, clientCertificate, false);
    }

    private static String config(String credentialType, boolean context, String clientCertificate,
            boolean negotiate) {
        return """
                <configuration><system.serviceModel>
                  <bindings><wsHttpBinding><binding name="secure">
                    <security mode="Message"><message clientCredentialType="%s" negotiateServiceCredential="%6$s"
                        establishSecurityContext="%s"/></security>
                  </binding></wsHttpBinding></bindings>
                  <behaviors>
                    <serviceBehaviors><behavior name="service"><serviceCredentials>
                      <serviceCertificate findValue="localhost" storeLocation="LocalMachine" storeName="My"
                          x509FindType="FindBySubjectName"/>
                      <userNameAuthentication userNamePasswordValidationMode="Custom"
                          customUserNamePasswordValidatorType="%s, Contoso.Security"/>
                      <clientCertificate><authentication certificateValidationMode="PeerTrust"/></clientCertificate>
                    </serviceCredentials></behavior></serviceBehaviors>
                    <endpointBehaviors><behavior name="client"><clientCredentials>%s
                      <serviceCertificate><defaultCertificate findValue="localhost" storeLocation="LocalMachine"
                          storeName="My" x509FindType="FindBySubjectName"/></serviceCertificate>
                    </clientCredentials></behavior></endpointBehaviors>
                  </behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="wsHttpBinding" bindingConfiguration="secure" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="wsHttpBinding"
                      bindingConfiguration="secure" behaviorConfiguration="client" contract="%5$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(credentialType, context, VALIDATOR, clientCertificate, Identity.class.getName(),
                        negotiate);
    }

    private ServiceHost host(ServiceModelConfiguration config) {
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class)
                        .map(VALIDATOR, TestPasswordValidator.class))
                .baseAddress(URI.create("http://localhost:0/secure"))
                .parameter(CertificateStores.class, stores).build();
        opened.add(host);
        host.open();
        return host;
    }

    private Identity client(ServiceModelConfiguration config, ServiceHost host, ClientCredentials fromCode) {
        ClientEndpoint e = config.clientEndpoint("identity").orElseThrow();
        ClientEndpoint at = e.withAddress(host.endpoints().get(0).address());
        ClientFactory<Identity> f = ClientFactory.builder(at, Identity.class)
                .parameter(CertificateStores.class, stores).credentials(fromCode).build();
        opened.add(f);
        lastFactory = f;
        return f.createChannel();
    }

    /** The last client was refused: its channel faulted (a session's open failed), so it is aborted, not closed. */
    private void refused() {
        opened.remove(lastFactory);
        lastFactory.abort();
    }

    private static ServiceModelConfiguration read(String xml) {
        return ServiceModelConfigReader.create().read("app.config", xml).orThrow();
    }

    @ParameterizedTest(name = "clientCredentialType={0} establishSecurityContext={1}")
    @CsvSource({"UserName,false,UserNameForCertificate", "UserName,true,SecureConversation",
            "Certificate,false,MutualCertificate", "Certificate,true,SecureConversation",
            "None,false,AnonymousForCertificate", "None,true,SecureConversation"})
    void wsHttpBindingMessageSecurityRunsFromTheConfiguration(String type, boolean context, String mode) {
        String clientCertificate = type.equals("Certificate") ? "<clientCertificate findValue=\"CN=peer\""
                + " storeLocation=\"CurrentUser\" storeName=\"My\" x509FindType=\"FindBySubjectDistinguishedName\"/>"
                : "";
        ServiceModelConfiguration config = read(config(type, context, clientCertificate));
        assertTrue(AuthenticationMode.of(config.services().get(0).endpoints().get(0).binding()
                .createBindingElements()).contains(AuthenticationMode.valueOf(mode)), "expands to " + mode);
        ServiceHost host = host(config);
        ClientCredentials fromCode = type.equals("UserName") ? ClientCredentials.userName("bob", "bob-pw")
                : ClientCredentials.none();
        Identity id = client(config, host, fromCode);
        String expected = switch (type) {
            case "UserName" -> "UserName:bob";
            case "Certificate" -> "X509:CN=peer; ";
            default -> ":";
        };
        assertTrue(id.whoAmI().startsWith(expected), id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        if (type.equals("UserName")) {
            Identity wrong = client(config, host, ClientCredentials.userName("bob", "guess"));
            assertThrows(RuntimeException.class, wrong::whoAmI);
            refused();
        }
        if (type.equals("Certificate")) {
            ServiceModelConfiguration stranger = read(config(type, context, "<clientCertificate"
                    + " findValue=\"CN=stranger\" storeLocation=\"CurrentUser\" storeName=\"My\""
                    + " x509FindType=\"FindBySubjectDistinguishedName\"/>"));
            RuntimeException e = assertThrows(RuntimeException.class, client(stranger, host, fromCode)::whoAmI);
            assertTrue(e instanceof MessageSecurityException || e.getCause() instanceof MessageSecurityException,
                    e.toString());
            refused();
        }
    }

    /**
     * WCF's default {@code negotiateServiceCredential="true"}: the service's certificate is negotiated by TLSNEGO
     * (AnonymousForSslNegotiated, UserNameForSslNegotiated) as the bootstrap of the security session or of cookie
     * mode; the client's configured {@code defaultCertificate} is the certificate the handshake must present.
     */
    @ParameterizedTest(name = "clientCredentialType={0} establishSecurityContext={1}")
    @CsvSource({"None,AnonymousForSslNegotiated", "UserName,UserNameForSslNegotiated"})
    void wsHttpBindingNegotiatesTheServiceCredentialByTlsNego(String type, String bootstrap) {
        ServiceModelConfiguration config = read(config(type, true, "", true));
        var security = config.services().get(0).endpoints().get(0).binding().createBindingElements().stream()
                .filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst().orElseThrow();
        assertEquals(AuthenticationMode.SecureConversation, security.authenticationMode());
        assertEquals(AuthenticationMode.valueOf(bootstrap),
                security.secureConversationBootstrap().orElseThrow().authenticationMode());
        assertEquals(Duration.ofMinutes(15), security.secureConversationBootstrap().orElseThrow()
                .localServiceSettings().issuedCookieLifetime(), "WCF's transition token lifetime for the bootstrap");
        ServiceHost host = host(config);
        boolean user = type.equals("UserName");
        Identity id = client(config, host, user ? ClientCredentials.userName("bob", "bob-pw")
                : ClientCredentials.none());
        assertEquals(user ? "UserName:bob" : ":", id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        if (user) {
            Identity wrong = client(config, host, ClientCredentials.userName("bob", "guess"));
            assertThrows(RuntimeException.class, wrong::whoAmI);
            refused();
        }
    }

    /**
     * {@code clientCredentialType="Certificate"} with {@code negotiateServiceCredential="true"}: MutualSslNegotiated,
     * the client's configured {@code <clientCertificate>} sent in the TLSNEGO handshake and trusted by the service's
     * PeerTrust (its TrustedPeople store), so the session's caller is that certificate; a certificate outside the
     * store is refused.
     */
    @org.junit.jupiter.api.Test
    void wsHttpBindingCertificateNegotiatesMutualSsl() {
        ServiceModelConfiguration config = read(config("Certificate", true, "<clientCertificate findValue=\"CN=peer\""
                + " storeLocation=\"CurrentUser\" storeName=\"My\" x509FindType=\"FindBySubjectDistinguishedName\"/>",
                true));
        var security = config.services().get(0).endpoints().get(0).binding().createBindingElements().stream()
                .filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst().orElseThrow();
        assertEquals(AuthenticationMode.SecureConversation, security.authenticationMode());
        assertEquals(AuthenticationMode.MutualSslNegotiated,
                security.secureConversationBootstrap().orElseThrow().authenticationMode());
        ServiceHost host = host(config);
        Identity id = client(config, host, ClientCredentials.none());
        String caller = id.whoAmI();
        assertTrue(caller.matches("X509:CN=peer; [0-9A-F]{40}"), caller);
        assertEquals(5.0, id.add(2, 3));
        assertEquals(caller, id.whoAmI());
        ServiceModelConfiguration stranger = read(config("Certificate", true, "<clientCertificate"
                + " findValue=\"CN=stranger\" storeLocation=\"CurrentUser\" storeName=\"My\""
                + " x509FindType=\"FindBySubjectDistinguishedName\"/>", true));
        RuntimeException e = assertThrows(RuntimeException.class, client(stranger, host, ClientCredentials.none())
                ::whoAmI);
        assertTrue(e instanceof MessageSecurityException || e.getCause() instanceof MessageSecurityException,
                e.toString());
        refused();
    }

    /**
     * Without a security context ({@code establishSecurityContext="false"}) the TLSNEGO token secures the application
     * messages itself (WCF's {@code CreateSslNegotiationBindingElement}/{@code CreateUserNameForSslBindingElement}
     * with requireCancellation=true, unwrapped): the binding expands to the negotiated mode alone, and over HTTP each
     * channel negotiates once, then every call carries that token; a wrong password or an unknown certificate is
     * refused.
     */
    @ParameterizedTest(name = "clientCredentialType={0}")
    @CsvSource({"None,AnonymousForSslNegotiated,", "UserName,UserNameForSslNegotiated,",
            "Certificate,MutualSslNegotiated,CN=peer"})
    void tlsNegoWithoutASecurityContextSecuresTheCallsWithTheNegotiatedToken(String type, String mode,
            String certificate) {
        String own = certificate == null ? "" : "<clientCertificate findValue=\"" + certificate + "\""
                + " storeLocation=\"CurrentUser\" storeName=\"My\" x509FindType=\"FindBySubjectDistinguishedName\"/>";
        ServiceModelConfiguration config = read(config(type, false, own, true));
        var security = config.services().get(0).endpoints().get(0).binding().createBindingElements().stream()
                .filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst().orElseThrow();
        assertEquals(AuthenticationMode.valueOf(mode), security.authenticationMode());
        assertTrue(security.requireSecurityContextCancellation(), "wsHttpBinding negotiates a stateful token");
        ServiceHost host = host(config);
        boolean user = type.equals("UserName");
        Identity id = client(config, host, user ? ClientCredentials.userName("bob", "bob-pw")
                : ClientCredentials.none());
        String caller = id.whoAmI();
        if (user) {
            assertEquals("UserName:bob", caller);
        } else if (certificate != null) {
            assertTrue(caller.matches("X509:CN=peer; [0-9A-F]{40}"), caller);
        } else {
            assertEquals(":", caller);
        }
        assertEquals(5.0, id.add(2, 3));
        assertEquals(caller, id.whoAmI());
        if (user) {
            Identity wrong = client(config, host, ClientCredentials.userName("bob", "guess"));
            assertThrows(RuntimeException.class, wrong::whoAmI);
        }
    }

    /** The seed's binding (reliable session over a security session over composite duplex) with a certificate bootstrap. */
    private static String seedStack(String rm) {
        return """
                <configuration><system.serviceModel>
                  <bindings><customBinding><binding name="Binding1">
                    <reliableSession reliableMessagingVersion="%s"/>
                    <security authenticationMode="SecureConversation" requireSecurityContextCancellation="true">
                      <secureConversationBootstrap authenticationMode="UserNameForCertificate"/>
                    </security>
                    <compositeDuplex/>
                    <oneWay/>
                    <textMessageEncoding messageVersion="Soap12WSAddressing10" writeEncoding="utf-8"/>
                    <httpTransport/>
                  </binding></customBinding></bindings>
                  <behaviors>
                    <serviceBehaviors><behavior name="service"><serviceCredentials>
                      <serviceCertificate findValue="localhost" storeLocation="LocalMachine" storeName="My"
                          x509FindType="FindBySubjectName"/>
                      <userNameAuthentication userNamePasswordValidationMode="Custom"
                          customUserNamePasswordValidatorType="%s, Contoso.Security"/>
                    </serviceCredentials></behavior></serviceBehaviors>
                    <endpointBehaviors><behavior name="client"><clientCredentials>
                      <serviceCertificate><defaultCertificate findValue="localhost" storeLocation="LocalMachine"
                          storeName="My" x509FindType="FindBySubjectName"/></serviceCertificate>
                    </clientCredentials></behavior></endpointBehaviors>
                  </behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="customBinding" bindingConfiguration="Binding1" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="customBinding"
                      bindingConfiguration="Binding1" behaviorConfiguration="client" contract="%3$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(rm, VALIDATOR, Identity.class.getName());
    }

    @ParameterizedTest
    @CsvSource({"WSReliableMessagingFebruary2005", "WSReliableMessaging11"})
    void theSeedsStackRunsOverACertificateBootstrap(String rm) {
        ServiceModelConfiguration config = read(seedStack(rm));
        ServiceHost host = host(config);
        Identity id = client(config, host, ClientCredentials.userName("bob", "bob-pw"));
        assertEquals("UserName:bob", id.whoAmI());
        assertEquals(5.0, id.add(2, 3));
        assertEquals(9.0, id.add(4, 5));
    }

    /**
     * MutualCertificateDuplex over {@code compositeDuplex} from an unchanged configuration: the client signs with its
     * {@code <clientCertificate>} and encrypts to the service's certificate; the service's replies come back over the
     * client's listener, signed with the service's key and encrypted to the certificate of its
     * {@code serviceCredentials/clientCertificate/certificate}.
     */
    @org.junit.jupiter.api.Test
    void mutualCertificateDuplexRunsOverCompositeDuplex() {
        String peer = "findValue=\"CN=peer\" storeLocation=\"CurrentUser\" storeName=\"My\""
                + " x509FindType=\"FindBySubjectDistinguishedName\"";
        ServiceModelConfiguration config = read("""
                <configuration><system.serviceModel>
                  <bindings><customBinding><binding name="Binding1">
                    <security authenticationMode="MutualCertificateDuplex"/>
                    <compositeDuplex/>
                    <oneWay/>
                    <textMessageEncoding messageVersion="Soap12WSAddressing10"/>
                    <httpTransport/>
                  </binding></customBinding></bindings>
                  <behaviors>
                    <serviceBehaviors><behavior name="service"><serviceCredentials>
                      <serviceCertificate findValue="localhost" storeLocation="LocalMachine" storeName="My"
                          x509FindType="FindBySubjectName"/>
                      <clientCertificate><certificate %1$s/>
                        <authentication certificateValidationMode="PeerTrust"/></clientCertificate>
                    </serviceCredentials></behavior></serviceBehaviors>
                    <endpointBehaviors><behavior name="client"><clientCredentials>
                      <clientCertificate %1$s/>
                      <serviceCertificate><defaultCertificate findValue="localhost" storeLocation="LocalMachine"
                          storeName="My" x509FindType="FindBySubjectName"/></serviceCertificate>
                    </clientCredentials></behavior></endpointBehaviors>
                  </behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="customBinding" bindingConfiguration="Binding1" contract="%2$s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="customBinding"
                      bindingConfiguration="Binding1" behaviorConfiguration="client" contract="%2$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(peer, Identity.class.getName()));
        ServiceHost host = host(config);
        Identity id = client(config, host, ClientCredentials.none());
        String caller = id.whoAmI();
        assertTrue(caller.matches("X509:CN=peer; [0-9A-F]{40}"), caller);
        assertEquals(5.0, id.add(2, 3));
    }
}

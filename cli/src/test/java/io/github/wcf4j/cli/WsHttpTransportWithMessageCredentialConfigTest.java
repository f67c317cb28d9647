package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wsHttpBinding's {@code TransportWithMessageCredential} as an unchanged app.config writes it (establishSecurityContext
 * left at its default, true), host and client over HTTPS loopback: a security session whose context token is issued
 * for the bootstrap's credential (UserNameOverTransport, CertificateOverTransport) and then endorses every call, the
 * caller the bootstrap's on every call, the context cancelled at close. Only the TLS key and the stores are given in
 * code.
 */
class WsHttpTransportWithMessageCredentialConfigTest {
    private static final String TRUST = "http://schemas.xmlsoap.org/ws/2005/02/trust";

    @TempDir
    static Path dir;
    static TlsSettings tls;
    static CertificateStores stores;

    @BeforeAll
    static void stores() throws Exception {
        tls = TlsSettings.keyStore(SelfSignedKeyStore.create(dir.resolve("tls.p12"), "localhost",
                "dns:localhost,ip:127.0.0.1"), SelfSignedKeyStore.PASSWORD);
        stores = TestStores.serviceAndPeers(dir);
    }

    private static ServiceModelConfiguration config(String credentialType, String clientCredentials) {
        return config(credentialType, "", clientCredentials);
    }

    /** The configuration with {@code messageAttributes} on its {@code <message>} element. */
    private static ServiceModelConfiguration config(String credentialType, String messageAttributes,
            String clientCredentials) {
        return ServiceModelConfigReader.create().read("app.config", """
                <configuration><system.serviceModel>
                  <bindings><wsHttpBinding><binding name="secure">
                    <security mode="TransportWithMessageCredential"><message clientCredentialType="%s"%s/></security>
                  </binding></wsHttpBinding></bindings>
                  <behaviors>
                    <serviceBehaviors><behavior name="service"><serviceCredentials>
                      <clientCertificate><authentication certificateValidationMode="PeerTrust"/></clientCertificate>
                      <userNameAuthentication userNamePasswordValidationMode="Custom"
                          customUserNamePasswordValidatorType="Contoso.Security.PasswordValidator, Contoso"/>
                    </serviceCredentials></behavior></serviceBehaviors>
                    <endpointBehaviors><behavior name="client"><clientCredentials>%s</clientCredentials>
                    </behavior></endpointBehaviors>
                  </behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="wsHttpBinding" bindingConfiguration="secure" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="https://localhost/unused" binding="wsHttpBinding"
                      bindingConfiguration="secure" behaviorConfiguration="client" contract="%4$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(credentialType, messageAttributes, clientCredentials, Identity.class.getName()))
                .orThrow();
    }

    /** Hosts the configuration, calls it three times in one session, closes it; returns the client's wire. */
    private static List<String> run(ServiceModelConfiguration config, ClientCredentials fromCode, String caller) {
        List<String> wire = new CopyOnWriteArrayList<>();
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        try (ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class)
                        .map("Contoso.Security.PasswordValidator", TestPasswordValidator.class))
                .baseAddress(URI.create("https://localhost:0/secure")).parameter(TlsSettings.class, tls)
                .parameter(CertificateStores.class, stores)
                .parameter(KerberosCredentials.class, kdc.credentials("host/localhost")).build()) {
            host.open();
            ClientEndpoint at = config.clientEndpoint("identity").orElseThrow()
                    .withAddress(host.endpoints().get(0).address());
            ClientFactory<Identity> f = ClientFactory.builder(at, Identity.class).parameter(TlsSettings.class, tls)
                    .parameter(CertificateStores.class, stores).credentials(fromCode)
                    .parameter(KerberosCredentials.class, kdc.credentials("alice"))
                    .parameter(WireTap.class, (direction, envelope, type) -> wire.add(direction + " "
                            + new String(envelope, StandardCharsets.UTF_8))).build();
            try {
                Identity id = f.createChannel();
                assertTrue(id.whoAmI().startsWith(caller));
                assertEquals(5.0, id.add(2, 3));
                assertTrue(id.whoAmI().startsWith(caller), "the context token alone names the caller");
                f.close(id);
            } finally {
                f.abort();
            }
        }
        return wire;
    }

    private static void assertSecuritySession(List<String> wire, String bootstrapToken) {
        List<String> sent = wire.stream().filter(m -> m.startsWith("SENT ")).toList();
        List<String> issue = sent.stream().filter(m -> m.contains(">" + TRUST + "/RST/SCT<")).toList();
        assertEquals(1, issue.size(), "one token request: " + sent);
        assertTrue(issue.get(0).contains(bootstrapToken), issue.get(0));
        List<String> calls = sent.stream().filter(m -> m.contains("IIdentity/")).toList();
        assertEquals(3, calls.size(), "three calls: " + calls);
        assertTrue(calls.stream().allMatch(m -> m.contains("SecurityContextToken") && m.contains("SignatureValue")),
                "the context token endorses every call: " + calls);
        assertFalse(calls.stream().anyMatch(m -> m.contains("UsernameToken") || m.contains("BinarySecurityToken")
                || m.contains("EncryptedData")), "no bootstrap credential, nothing encrypted: " + calls);
        assertTrue(sent.get(sent.size() - 1).contains(">" + TRUST + "/RST/SCT/Cancel<"),
                "the context is cancelled at close: " + sent.get(sent.size() - 1));
        assertTrue(wire.stream().anyMatch(m -> m.startsWith("RECEIVED ") && m.contains(TRUST + "/RSTR/SCT/Cancel")),
                "and the service answers the cancel");
    }

    @Test
    void theDefaultIsASecureConversationOverUserNameOverTransport() {
        ServiceModelConfiguration config = config("UserName", "");
        SecurityBindingElement security = config.services().get(0).endpoints().get(0).binding()
                .createBindingElements().stream().filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst().orElseThrow();
        assertEquals(AuthenticationMode.SecureConversation, security.authenticationMode());
        assertEquals(AuthenticationMode.UserNameOverTransport,
                security.secureConversationBootstrap().orElseThrow().authenticationMode());
        assertSecuritySession(run(config, ClientCredentials.userName("bob", "bob-pw"), "UserName:bob"),
                "UsernameToken");
    }

    @Test
    void certificateCredentialsRunAsASecureConversationOverCertificateOverTransport() {
        ServiceModelConfiguration config = config("Certificate", "<clientCertificate findValue=\"peer\""
                + " storeLocation=\"CurrentUser\" storeName=\"My\" x509FindType=\"FindBySubjectName\"/>");
        assertSecuritySession(run(config, ClientCredentials.none(), "X509:CN=peer; "), "BinarySecurityToken");
    }

    /**
     * Windows credentials without a security context: SspiNegotiatedOverTransport, one SPNEGO negotiation (Kerberos,
     * the embedded KDC) inside TLS, then the negotiated token endorsing each call; the Kerberos principal the caller.
     */
    @Test
    void windowsCredentialsWithoutASecurityContextRunAsSspiNegotiatedOverTransport() {
        ServiceModelConfiguration config = config("Windows", " establishSecurityContext=\"false\"", "");
        SecurityBindingElement security = config.services().get(0).endpoints().get(0).binding()
                .createBindingElements().stream().filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst().orElseThrow();
        assertEquals(AuthenticationMode.SspiNegotiatedOverTransport, security.authenticationMode());
        List<String> wire = run(config, ClientCredentials.none(), "Kerberos:alice@" + EmbeddedKdc.REALM);
        List<String> sent = wire.stream().filter(m -> m.startsWith("SENT ")).toList();
        assertTrue(sent.get(0).contains("<t:BinaryExchange") && sent.get(0).contains("/spnego\""), sent.get(0));
        List<String> calls = sent.stream().filter(m -> m.contains("IIdentity/")).toList();
        assertEquals(3, calls.size(), sent.toString());
        assertTrue(calls.stream().allMatch(m -> m.contains("SecurityContextToken") && m.contains("SignatureValue")
                && !m.contains("EncryptedData")), calls.toString());
        assertFalse(sent.stream().anyMatch(m -> m.contains("/RST/SCT")), "no secure conversation");
    }

    /**
     * Windows credentials with the default security context: a secure conversation over SspiNegotiatedOverTransport,
     * SPNEGO inside TLS first, then the session as over the other transport bootstraps.
     */
    @Test
    void windowsCredentialsRunAsASecureConversationOverSspiNegotiatedOverTransport() {
        ServiceModelConfiguration config = config("Windows", "");
        List<String> wire = run(config, ClientCredentials.none(), "Kerberos:alice@" + EmbeddedKdc.REALM);
        assertTrue(wire.get(0).contains("<t:BinaryExchange") && wire.get(0).contains("/spnego\""), wire.get(0));
        assertSecuritySession(wire, "SecurityContextToken");
    }
}
